/**
 * The residents import pipeline, as pure functions over a read table: header mapping, per-row
 * normalisation and validation, then a diff against what is stored. Nothing here writes anything; the
 * service shows the preview and writes the accepted rows in one transaction when the officer confirms.
 *
 * Layouts:
 * - 'residents': one row per resident, each with its household code.
 * - 'households': households with their members. A row that has a household code but no person
 *   (only household columns filled) opens a household; the rows after it with an empty household code
 *   belong to it, as do rows under a merged "Mã hộ" cell (Excel keeps the value on the first row only).
 */
import {
  foldForSearch,
  normalizePersonalId,
  normalizeText,
  validatePersonalId,
  type Sex,
} from '../domain/people';
import { err, ok, type Failure, type Result } from '../domain/result';
import { parseDate } from './dates';
import type { LegacyEncoding } from './legacy-encodings';
import {
  COLUMN_BY_FIELD,
  HOUSEHOLD_FIELDS,
  RESIDENT_COLUMNS,
  fieldForHeader,
  type ResidentField,
} from './resident-columns';
import { readTabular, type ReadTabularOptions, type Table } from './tabular';

export type { ResidentField } from './resident-columns';

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'other';
export type Residence = 'permanent' | 'temporary';
export type LegalCapacity = 'full' | 'restricted' | 'none';

/** What a resident row holds, in the same vocabulary as the demo generator's DemoResident. */
export interface ResidentFields {
  readonly householdCode: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly personalId: string | null;
  readonly relation: Relation;
  readonly residence: Residence;
  /** The residence is the file's default (no column, or a blank cell), not what the list says. */
  readonly residenceAssumed?: boolean;
  readonly legalCapacity: LegalCapacity;
  readonly residentGroup: string | null;
  readonly address: string | null;
}

export interface ResidentRow extends ResidentFields {
  readonly residenceAssumed: boolean;
  /** 1-based spreadsheet line (the header is line 1 in a template file). */
  readonly line: number;
}

export interface RejectedRow {
  readonly row: number;
  readonly field: ResidentField | 'row';
  readonly message: string;
}

export type ImportLayout = 'residents' | 'households';

/** Column index (0-based) -> field, or null to ignore the column. */
export type ColumnMapping = Readonly<Record<number, ResidentField | null>>;

export interface ImportOptions {
  readonly layout?: ImportLayout;
  /** The officer's choices; they win over headers recognised automatically. */
  readonly mapping?: ColumnMapping;
  /**
   * Personal IDs stored outside what this file updates (e.g. residents of other hamlets), with where
   * they are: a row with one of them is rejected. Residents of the target hamlet are matched by
   * diffResidents instead, so that re-importing a file is not a conflict.
   */
  readonly existingIds?: ReadonlySet<string> | ReadonlyMap<string, string>;
  readonly requirePersonalId?: boolean;
  /** 'YYYY-MM-DD': birth dates after it are rejected. */
  readonly referenceDate?: string;
  /** The residence of a person the file does not say (no column, or a blank cell); permanent unless set. */
  readonly residenceDefault?: Residence;
}

/** The residence a household list means when it does not say: most people on it live there permanently. */
export const DEFAULT_RESIDENCE: Residence = 'permanent';

export interface ImportResult {
  /** Data rows read (not counting the header, empty lines or household header rows). */
  readonly rows: number;
  readonly accepted: ResidentRow[];
  readonly rejected: RejectedRow[];
  readonly converted: LegacyEncoding | null;
  readonly headers: string[];
  /** Field of each column, after automatic recognition and the officer's mapping. */
  readonly columns: (ResidentField | null)[];
  readonly layout: ImportLayout;
  /** The residence given to people the file does not say, and how many accepted rows got it. */
  readonly residenceDefault: Residence;
  readonly residenceAssumed: number;
}

// ---------------------------------------------------------------- header mapping

export interface HeaderMapping {
  readonly columns: (ResidentField | null)[];
  readonly missing: ResidentField[];
  /** Fields that two columns claim; the first column wins. */
  readonly duplicated: ResidentField[];
}

export function mapHeaders(headers: readonly string[], explicit: ColumnMapping = {}): HeaderMapping {
  const columns = headers.map((h, i) => (i in explicit ? (explicit[i] ?? null) : fieldForHeader(h)));
  const seen = new Set<ResidentField>();
  const duplicated: ResidentField[] = [];
  columns.forEach((field, i) => {
    if (field === null) return;
    if (seen.has(field)) {
      duplicated.push(field);
      columns[i] = null;
    }
    seen.add(field);
  });
  const missing = RESIDENT_COLUMNS.filter((c) => c.required && !seen.has(c.field)).map((c) => c.field);
  return { columns, missing, duplicated };
}

function missingColumnsFailure(mapping: HeaderMapping, headers: readonly string[]): Failure {
  const names = mapping.missing.map((f) => `'${COLUMN_BY_FIELD.get(f)?.header ?? f}'`).join(', ');
  return {
    code: 'import.missingColumns',
    message: `Không tìm thấy cột ${names}. Hãy đổi tên tiêu đề cột theo tệp mẫu, hoặc chọn cột tương ứng cho từng trường.`,
    details: { missing: mapping.missing, headers: [...headers] },
  };
}

// ---------------------------------------------------------------- value parsers

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

const SEX_VALUES: Readonly<Record<string, Sex>> = { nam: 'male', nu: 'female' };

const RELATION_VALUES: Readonly<Record<string, Relation>> = {
  'chu ho': 'head',
  vo: 'spouse',
  chong: 'spouse',
  con: 'child',
  'con trai': 'child',
  'con gai': 'child',
  'con ruot': 'child',
  'con nuoi': 'child',
  cha: 'parent',
  bo: 'parent',
  me: 'parent',
  'cha de': 'parent',
  'me de': 'parent',
  'cha ruot': 'parent',
  'me ruot': 'parent',
  chau: 'grandchild',
  'chau noi': 'grandchild',
  'chau ngoai': 'grandchild',
  anh: 'sibling',
  chi: 'sibling',
  em: 'sibling',
  'anh trai': 'sibling',
  'chi gai': 'sibling',
  'em trai': 'sibling',
  'em gai': 'sibling',
  'anh ruot': 'sibling',
  'chi ruot': 'sibling',
  'em ruot': 'sibling',
  khac: 'other',
  'con dau': 'other',
  'con re': 'other',
  ong: 'other',
  ba: 'other',
  'ong noi': 'other',
  'ba noi': 'other',
  'ong ngoai': 'other',
  'ba ngoai': 'other',
  'nguoi o nho': 'other',
  'o nho': 'other',
};

const RESIDENCE_VALUES: Readonly<Record<string, Residence>> = {
  'thuong tru': 'permanent',
  'tam tru': 'temporary',
};

const CAPACITY_VALUES: Readonly<Record<string, LegalCapacity>> = {
  '': 'full',
  'day du': 'full',
  'han che': 'restricted',
  'han che nang luc hanh vi dan su': 'restricted',
  mat: 'none',
  'mat nang luc hanh vi dan su': 'none',
  'khong co': 'none',
};

// The same few values ('Nam', 'Chủ hộ', 'Thường trú') fill hundreds of thousands of cells.
const lookupCache = new WeakMap<object, Map<string, unknown>>();

function lookup<T>(table: Readonly<Record<string, T>>, value: string, expected: string): Parsed<T> {
  let cache = lookupCache.get(table);
  if (!cache) lookupCache.set(table, (cache = new Map<string, unknown>()));
  if (!cache.has(value)) {
    if (cache.size > 1000) cache.clear();
    const key = foldForSearch(value).replace(/[.,;:]+$/, '');
    cache.set(value, Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);
  }
  const hit = cache.get(value) as T | undefined;
  return hit === undefined ? bad(`'${value}' không hợp lệ. ${expected}`) : good(hit);
}

function parseBirthDate(value: string, referenceDate: string | undefined): Parsed<string> {
  const r = parseDate(value);
  if (!r.ok) return bad(r.error.message);
  if (referenceDate !== undefined && r.value > referenceDate) {
    return bad(
      `'${value}' là ngày trong tương lai (sau ngày ${formatVn(referenceDate)}). Hãy kiểm tra lại ngày sinh.`,
    );
  }
  return good(r.value);
}

function formatVn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Excel turns a 12-digit ID typed into a number cell into a number, losing the leading zeros that every
 * province code has (001-096): 10 or 11 digits can only be such an ID, so we restore the zeros.
 */
export function cleanPersonalId(value: string): string {
  const digits = normalizePersonalId(value);
  if (/^\d{10,11}$/.test(digits)) return digits.padStart(12, '0');
  return digits;
}

// ---------------------------------------------------------------- rows

interface RowContext {
  readonly line: number;
  readonly headers: readonly string[];
  readonly columns: readonly (ResidentField | null)[];
  readonly errors: RejectedRow[];
}

function reject(ctx: RowContext, field: ResidentField | 'row', detail: string): void {
  const column = field === 'row' ? undefined : ctx.columns.indexOf(field);
  const header =
    column !== undefined && column >= 0
      ? ctx.headers[column] || COLUMN_BY_FIELD.get(field as ResidentField)?.header
      : undefined;
  const where = header ? `Dòng ${ctx.line}, cột '${header}'` : `Dòng ${ctx.line}`;
  ctx.errors.push({ row: ctx.line, field, message: `${where}: ${detail}` });
}

type RawRow = Partial<Record<ResidentField, string>>;

function readRawRow(cells: readonly string[], columns: readonly (ResidentField | null)[]): RawRow {
  const raw: RawRow = {};
  columns.forEach((field, i) => {
    if (field !== null) raw[field] = normalizeText(cells[i] ?? '');
  });
  return raw;
}

function isHouseholdHeaderRow(raw: RawRow): boolean {
  const personFields = RESIDENT_COLUMNS.map((c) => c.field).filter((f) => !HOUSEHOLD_FIELDS.includes(f));
  return (raw.householdCode ?? '') !== '' && personFields.every((f) => (raw[f] ?? '') === '');
}

function field<T>(ctx: RowContext, name: ResidentField, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  reject(ctx, name, parsed.message);
  return undefined;
}

function required(ctx: RowContext, raw: RawRow, name: ResidentField): string | undefined {
  const value = raw[name] ?? '';
  if (value === '') {
    const column = COLUMN_BY_FIELD.get(name);
    reject(ctx, name, `chưa nhập ${column?.header.toLowerCase() ?? name}.`);
    return undefined;
  }
  return value;
}

function validateRow(ctx: RowContext, raw: RawRow, options: ImportOptions): ResidentRow | null {
  const householdCode = required(ctx, raw, 'householdCode');
  const fullNameText = required(ctx, raw, 'fullName');
  const birthText = required(ctx, raw, 'birthDate');
  const sexText = required(ctx, raw, 'sex');
  const relationText = required(ctx, raw, 'relation');
  const residenceText = raw.residence ?? '';
  const birthDate =
    birthText === undefined
      ? undefined
      : field(ctx, 'birthDate', parseBirthDate(birthText, options.referenceDate));
  const sex =
    sexText === undefined
      ? undefined
      : field(ctx, 'sex', lookup(SEX_VALUES, sexText, 'Hãy ghi "Nam" hoặc "Nữ".'));
  const relation =
    relationText === undefined
      ? undefined
      : field(
          ctx,
          'relation',
          lookup(
            RELATION_VALUES,
            relationText,
            'Hãy ghi Chủ hộ, Vợ, Chồng, Con, Cha, Mẹ, Cháu, Anh, Chị, Em hoặc Khác.',
          ),
        );
  const residenceAssumed = residenceText === '';
  const residence = residenceAssumed
    ? (options.residenceDefault ?? DEFAULT_RESIDENCE)
    : field(
        ctx,
        'residence',
        lookup(RESIDENCE_VALUES, residenceText, 'Hãy ghi "Thường trú" hoặc "Tạm trú".'),
      );
  const legalCapacity = field(
    ctx,
    'legalCapacity',
    lookup(CAPACITY_VALUES, raw.legalCapacity ?? '', 'Hãy để trống hoặc ghi "Đầy đủ", "Hạn chế" hoặc "Mất".'),
  );
  const personalId = validateRowPersonalId(ctx, raw.personalId ?? '', birthDate, sex, options);
  if (ctx.errors.length > 0) return null;
  return {
    line: ctx.line,
    householdCode: householdCode as string,
    fullName: fullNameText as string,
    birthDate: birthDate as string,
    sex: sex as Sex,
    personalId,
    relation: relation as Relation,
    residence: residence as Residence,
    residenceAssumed,
    legalCapacity: legalCapacity as LegalCapacity,
    residentGroup: nonEmpty(raw.residentGroup),
    address: nonEmpty(raw.address),
  };
}

function nonEmpty(s: string | undefined): string | null {
  return s === undefined || s === '' ? null : s;
}

function validateRowPersonalId(
  ctx: RowContext,
  text: string,
  birthDate: string | undefined,
  sex: Sex | undefined,
  options: ImportOptions,
): string | null {
  if (text === '') {
    if (options.requirePersonalId) reject(ctx, 'personalId', 'chưa nhập số định danh cá nhân.');
    return null;
  }
  const id = cleanPersonalId(text);
  if (/^\d{9}$/.test(id)) {
    reject(
      ctx,
      'personalId',
      `'${text}' là số chứng minh nhân dân 9 số cũ. Hãy nhập số định danh cá nhân 12 số (số thẻ căn cước).`,
    );
    return null;
  }
  const r = validatePersonalId(id, { birthDate, sex });
  if (!r.ok) {
    reject(ctx, 'personalId', r.error.message);
    return null;
  }
  return id;
}

// ---------------------------------------------------------------- whole file

/** Validates the rows of a file one at a time, as the reader gives them. */
export interface ResidentValidator {
  /** One data row: its cells and its spreadsheet line. */
  readonly row: (cells: readonly string[], line: number) => void;
  /** Every personal ID the file's cells hold, cleaned as the validator cleans them (rejected rows too). */
  fileIds(): string[];
  /**
   * Checks across rows (IDs repeated in the file or stored elsewhere, one head per household) and
   * gives the result; `headers` are the file's final ones (padded to the widest row).
   */
  finish(headers: readonly string[], existingIds?: ImportOptions['existingIds']): ImportResult;
}

/**
 * A validator for a file with this header row, or the failure when required columns are missing. The
 * officer's mapping may name columns past the header (cells without a title): they are read too.
 */
export function residentValidator(
  header: readonly string[],
  options: ImportOptions = {},
  converted: () => LegacyEncoding | null = () => null,
): Result<ResidentValidator> {
  const layout = options.layout ?? 'residents';
  const explicitWidth = Math.max(0, ...Object.keys(options.mapping ?? {}).map((k) => Number(k) + 1));
  const headers = [...header];
  while (headers.length < explicitWidth) headers.push('');
  const mapping = mapHeaders(headers, options.mapping);
  if (mapping.missing.length > 0) return err(missingColumnsFailure(mapping, headers));
  const columns = mapping.columns;
  const idColumn = columns.indexOf('personalId');
  const rejected: RejectedRow[] = [];
  const candidates: ResidentRow[] = [];
  const ids: string[] = [];
  let rows = 0;
  let household: RawRow = {};
  return ok({
    row(cells, line) {
      let raw = readRawRow(cells, columns);
      if (idColumn >= 0 && raw.personalId) {
        const id = cleanPersonalId(raw.personalId);
        if (id !== '') ids.push(id);
      }
      if (layout === 'households') {
        if (isHouseholdHeaderRow(raw)) {
          household = pickHousehold(raw);
          return;
        }
        if ((raw.householdCode ?? '') === '') raw = inherit(raw, household);
        else household = pickHousehold(raw);
      }
      rows++;
      const ctx: RowContext = { line, headers, columns, errors: [] };
      const row = validateRow(ctx, raw, options);
      if (row) candidates.push(row);
      for (const e of ctx.errors) rejected.push(e);
    },
    fileIds: () => ids,
    finish(finalHeaders, existingIds = options.existingIds) {
      const accepted = checkAcrossRows(candidates, rejected, columns, headers, { ...options, existingIds });
      rejected.sort((a, b) => a.row - b.row);
      return {
        rows,
        accepted,
        rejected,
        converted: converted(),
        headers: [...finalHeaders],
        columns: mapHeaders(finalHeaders, options.mapping).columns,
        layout,
        residenceDefault: options.residenceDefault ?? DEFAULT_RESIDENCE,
        residenceAssumed: accepted.filter((r) => r.residenceAssumed).length,
      };
    },
  });
}

/** Validates a table already read by readTabular. Fails only when required columns are missing. */
export function validateResidentTable(table: Table, options: ImportOptions = {}): Result<ImportResult> {
  const validator = residentValidator(table.headers, options, () => table.converted);
  if (!validator.ok) return validator;
  table.rows.forEach((cells, i) => validator.value.row(cells, table.rowNumbers[i] ?? i + 2));
  return ok(validator.value.finish(table.headers));
}

function pickHousehold(raw: RawRow): RawRow {
  return { householdCode: raw.householdCode, address: raw.address, residentGroup: raw.residentGroup };
}

function inherit(raw: RawRow, household: RawRow): RawRow {
  const out: RawRow = { ...raw };
  for (const f of HOUSEHOLD_FIELDS) if ((out[f] ?? '') === '') out[f] = household[f] ?? '';
  return out;
}

/** Duplicated IDs (in the file, and against other stored residents) and one head per household. */
function checkAcrossRows(
  candidates: readonly ResidentRow[],
  rejected: RejectedRow[],
  columns: readonly (ResidentField | null)[],
  headers: readonly string[],
  options: ImportOptions,
): ResidentRow[] {
  const bad = new Set<ResidentRow>();
  const say = (row: ResidentRow, f: ResidentField, detail: string) => {
    const ctx: RowContext = { line: row.line, headers, columns, errors: rejected };
    reject(ctx, f, detail);
    bad.add(row);
  };
  const firstLineOfId = new Map<string, number>();
  for (const row of candidates) {
    if (row.personalId === null) continue;
    const existing = storedWhere(options.existingIds, row.personalId);
    if (existing !== undefined) {
      say(
        row,
        'personalId',
        `số định danh cá nhân ${row.personalId} đã có trong dữ liệu${existing ? ` (${existing})` : ''}.`,
      );
      continue;
    }
    const first = firstLineOfId.get(row.personalId);
    if (first !== undefined)
      say(row, 'personalId', `số định danh cá nhân ${row.personalId} trùng với dòng ${first}.`);
    else firstLineOfId.set(row.personalId, row.line);
  }
  checkHeads(candidates, say);
  return candidates.filter((r) => !bad.has(r));
}

function storedWhere(ids: ImportOptions['existingIds'], id: string): string | undefined {
  if (!ids) return undefined;
  if (ids instanceof Map) return ids.has(id) ? (ids.get(id) as string) : undefined;
  return ids.has(id) ? '' : undefined;
}

function checkHeads(
  rows: readonly ResidentRow[],
  say: (row: ResidentRow, f: ResidentField, detail: string) => void,
) {
  const byHousehold = new Map<string, ResidentRow[]>();
  for (const r of rows) {
    const list = byHousehold.get(r.householdCode);
    if (list) list.push(r);
    else byHousehold.set(r.householdCode, [r]);
  }
  for (const [code, members] of byHousehold) {
    const heads = members.filter((m) => m.relation === 'head');
    if (heads.length === 0) {
      for (const m of members) {
        say(m, 'relation', `hộ '${code}' không có chủ hộ. Mỗi hộ cần đúng một người ghi "Chủ hộ".`);
      }
    }
    for (const extra of heads.slice(1)) {
      say(extra, 'relation', `hộ '${code}' đã có chủ hộ ở dòng ${heads[0]?.line}. Mỗi hộ chỉ có một chủ hộ.`);
    }
  }
}

/** Reads and validates an uploaded file in one step (what the CLI and the upload route call). */
export async function importResidentsFile(
  bytes: Uint8Array,
  options: ImportOptions & ReadTabularOptions = {},
): Promise<Result<ImportResult>> {
  const table = await readTabular(bytes, options);
  if (!table.ok) return table;
  return validateResidentTable(table.value, options);
}

// ---------------------------------------------------------------- diff

export interface StoredResident extends ResidentFields {
  readonly id: string;
}

export interface ResidentChange {
  readonly id: string;
  readonly before: StoredResident;
  readonly after: ResidentRow;
  readonly fields: ResidentField[];
}

export interface ResidentDiff {
  readonly toAdd: ResidentRow[];
  readonly toChange: ResidentChange[];
  readonly unchanged: StoredResident[];
  /** Stored residents the file does not mention (not removed: deaths and moves are recorded by hand). */
  readonly notInFile: StoredResident[];
}

const COMPARED_FIELDS: readonly ResidentField[] = RESIDENT_COLUMNS.map((c) => c.field);
/** A blank optional cell means "not given", not "erase what is stored". */
const KEEP_WHEN_BLANK: ReadonlySet<ResidentField> = new Set(['personalId', 'residentGroup', 'address']);

function personKey(r: { fullName: string; birthDate: string }): string {
  return `${foldForSearch(r.fullName)}|${r.birthDate}`;
}

/**
 * Matches each accepted row to a stored resident, by personal ID when the row has one, otherwise by
 * name (accents and case ignored) and birth date, and lists what to add and what changes. Importing
 * the same file twice gives an empty toAdd and toChange the second time.
 */
export function diffResidents(
  accepted: readonly ResidentRow[],
  stored: readonly StoredResident[],
): ResidentDiff {
  const byId = new Map<string, StoredResident>();
  const byPerson = new Map<string, StoredResident[]>();
  for (const s of stored) {
    if (s.personalId !== null) byId.set(s.personalId, s);
    const key = personKey(s);
    const list = byPerson.get(key);
    if (list) list.push(s);
    else byPerson.set(key, [s]);
  }
  const matched = new Set<StoredResident>();
  const toAdd: ResidentRow[] = [];
  const toChange: ResidentChange[] = [];
  const unchanged: StoredResident[] = [];
  for (const row of accepted) {
    const match = findMatch(row, byId, byPerson, matched);
    if (!match) {
      toAdd.push(row);
      continue;
    }
    matched.add(match);
    const fields = changedFields(match, row);
    if (fields.length === 0) unchanged.push(match);
    else toChange.push({ id: match.id, before: match, after: row, fields });
  }
  return { toAdd, toChange, unchanged, notInFile: stored.filter((s) => !matched.has(s)) };
}

function findMatch(
  row: ResidentRow,
  byId: ReadonlyMap<string, StoredResident>,
  byPerson: ReadonlyMap<string, StoredResident[]>,
  matched: ReadonlySet<StoredResident>,
): StoredResident | undefined {
  if (row.personalId !== null) {
    const hit = byId.get(row.personalId);
    if (hit && !matched.has(hit)) return hit;
  }
  // A stored resident with a different ID is another person, even with the same name and birthday.
  return byPerson
    .get(personKey(row))
    ?.find(
      (s) =>
        !matched.has(s) &&
        (row.personalId === null || s.personalId === null || s.personalId === row.personalId),
    );
}

function changedFields(before: ResidentFields, after: ResidentFields): ResidentField[] {
  return COMPARED_FIELDS.filter((f) => {
    const next = after[f];
    if (next === null && KEEP_WHEN_BLANK.has(f)) return false;
    // An assumed residence never replaces a stored one; a stated one confirms an assumed one.
    if (f === 'residence') {
      if (after.residenceAssumed) return false;
      if (before.residenceAssumed) return true;
    }
    return before[f] !== next;
  });
}
