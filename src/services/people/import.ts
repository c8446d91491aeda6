/**
 * Importing a hamlet's residents from the spreadsheets communes already keep: a preview that writes
 * nothing, then, on confirmation, every accepted row in one transaction with its audit event.
 */
import { vietnamDate } from '../../domain/calendar';
import { vnToday } from '../common';
import { createHash, randomUUID } from 'node:crypto';
import { foldForSearch } from '../../domain/people';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import {
  DEFAULT_RESIDENCE,
  RESIDENT_COLUMNS,
  buildResidentsTemplate,
  diffResidents,
  mapHeaders,
  relationText,
  residentValidator,
  streamTabular,
} from '../../io';
import type {
  ColumnMapping,
  ImportResult,
  ImportLayout,
  RejectedRow,
  Residence,
  ResidentDiff,
  ResidentField,
  ResidentRow,
  ResidentValidator,
  StoredResident,
} from '../../io';
import { orderedUuid, residents as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import { failures } from '../common';
import { previewKeeperOf } from './import-previews';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { hamletForWrite, historyId } from './access';

export interface ImportRequest {
  readonly mapping?: ColumnMapping;
  readonly layout?: ImportLayout;
  /** The residence of everyone the file does not say; permanent unless the officer changes it. */
  readonly residenceDefault?: Residence;
  readonly fileName?: string | null;
  /** The preview being confirmed: its validated rows are written without reading the file again. */
  readonly previewId?: string;
}

export interface FieldChange {
  readonly field: ResidentField;
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface PreviewRow {
  readonly line: number;
  readonly householdCode: string;
  readonly fullName: string;
  readonly birthDate: string;
}

export interface PreviewChange extends PreviewRow {
  readonly id: string;
  readonly changes: FieldChange[];
}

export interface ResidentImportPreview {
  readonly fileSha256: string;
  /** What to send back to confirm exactly this preview (null: nothing to confirm, or not kept). */
  readonly previewId: string | null;
  readonly layout: ImportLayout;
  readonly headers: string[];
  /** The field each column feeds (null: ignored), after automatic recognition and the officer's mapping. */
  readonly columns: (ResidentField | null)[];
  /** Every field the officer may map a column to, with its template header. */
  readonly fields: { field: ResidentField; header: string; required: boolean }[];
  /** Required fields no column feeds: the officer must map them before anything is validated. */
  readonly missing: ResidentField[];
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: RejectedRow[];
  readonly converted: string | null;
  readonly toAdd: PreviewRow[];
  readonly toAddCount: number;
  readonly toChange: PreviewChange[];
  readonly toChangeCount: number;
  readonly unchanged: number;
  readonly notInFile: number;
  readonly newHouseholds: number;
  readonly newGroups: string[];
  readonly residenceDefault: { columnPresent: boolean; value: Residence; assumed: number };
}

export interface ResidentImportDone extends ResidentImportPreview {
  readonly batchId: string | null;
  readonly added: number;
  readonly changed: number;
}

/** The preview lists this many rows to add or change; the counts are always complete. */
const LIST_LIMIT = 2000;

const FIELD_LABEL = new Map(RESIDENT_COLUMNS.map((c) => [c.field, c.header]));
const FIELDS = RESIDENT_COLUMNS.map((c) => ({ field: c.field, header: c.header, required: c.required }));

export function residentsTemplate(): Promise<Buffer> {
  return buildResidentsTemplate();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function storedOf(r: repo.ResidentRecord): StoredResident {
  return {
    id: r.id,
    householdCode: r.householdCode,
    fullName: r.fullName,
    birthDate: r.birthDate,
    sex: r.sex,
    personalId: r.personalId,
    relation: r.relation as StoredResident['relation'],
    residence: r.residence,
    residenceAssumed: r.residenceAssumed,
    legalCapacity: r.legalCapacity,
    residentGroup: r.residentGroup,
    address: r.address === '' ? null : r.address,
  };
}

interface Analysis {
  readonly preview: ResidentImportPreview;
  readonly accepted: ResidentRow[];
  readonly diff: ResidentDiff | null;
  readonly households: repo.HouseholdRecord[];
  readonly groups: Map<string, string>;
}

const row = (r: ResidentRow): PreviewRow => ({
  line: r.line,
  householdCode: r.householdCode,
  fullName: r.fullName,
  birthDate: r.birthDate,
});

const text = (v: string | null | undefined): string | null => (v === null || v === undefined ? null : v);

const RESIDENCE_TEXT: Readonly<Record<Residence, string>> = { permanent: 'Thường trú', temporary: 'Tạm trú' };
const SEX_TEXT = { male: 'Nam', female: 'Nữ' } as const;
const CAPACITY_TEXT = { full: 'Đầy đủ', restricted: 'Hạn chế', none: 'Mất' } as const;

/** A field as the officer reads it in the preview: coded values in words, an assumed residence said so. */
function shown(r: StoredResident | ResidentRow, f: ResidentField): string | null {
  switch (f) {
    case 'residence':
      return `${RESIDENCE_TEXT[r.residence]}${r.residenceAssumed ? ' (giả định)' : ''}`;
    case 'sex':
      return SEX_TEXT[r.sex];
    case 'relation':
      return relationText(r.relation, r.sex);
    case 'legalCapacity':
      return CAPACITY_TEXT[r.legalCapacity];
    default:
      return text(r[f]);
  }
}

/**
 * What reading and validating the file gave, before it is compared with the hamlet: the part a preview
 * keeps for its confirmation. Validation reads the database for one thing only, which personal IDs of
 * the file other hamlets hold; a confirmation asks that again.
 */
interface Checked {
  readonly base: Omit<ResidentImportPreview, PreviewCounts>;
  readonly rows: number;
  readonly residenceDefault: ResidentImportPreview['residenceDefault'];
  /** Null when required columns are missing (nothing validated). */
  readonly validated: ImportResult | null;
  readonly fileIds: string[];
  /** The file's personal IDs other hamlets held, sorted, with the hamlet holding each. */
  readonly outside: string;
}

type PreviewCounts =
  | 'rows'
  | 'accepted'
  | 'rejected'
  | 'toAdd'
  | 'toAddCount'
  | 'toChange'
  | 'toChangeCount'
  | 'unchanged'
  | 'notInFile'
  | 'newHouseholds'
  | 'newGroups'
  | 'residenceDefault'
  | 'previewId';

const outsideKey = (m: ReadonlyMap<string, string>) =>
  JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * Reads the file and validates every row as it is read (the file's cells are never all held: only
 * the rows validation accepts, and what it says of the others), then asks `db` which of the file's
 * personal IDs other hamlets hold.
 */
async function check(
  db: Db,
  hamletId: string,
  bytes: Uint8Array,
  today: string,
  request: ImportRequest,
): Promise<Result<Checked>> {
  const layout = request.layout ?? 'residents';
  const residenceDefault = request.residenceDefault ?? DEFAULT_RESIDENCE;
  const options = { layout, mapping: request.mapping, referenceDate: today, residenceDefault };
  let validator: ResidentValidator | null = null;
  const read = await streamTabular(bytes, {}, (header) => {
    const v = residentValidator(header.headers, options);
    // Missing columns: the rows are only counted; the officer maps the columns and previews again.
    validator = v.ok ? v.value : null;
    return validator ? validator.row : () => undefined;
  });
  if (!read.ok) return read;
  const table = read.value;
  const mapping = mapHeaders(table.headers, request.mapping);
  const base = {
    fileSha256: sha256(bytes),
    layout,
    headers: table.headers,
    columns: mapping.columns,
    fields: FIELDS,
    missing: mapping.missing,
    converted: table.converted,
  };
  const defaults = {
    columnPresent: mapping.columns.includes('residence'),
    value: residenceDefault,
    assumed: 0,
  };
  const v = validator as ResidentValidator | null;
  if (v === null || mapping.missing.length > 0)
    return ok({
      base,
      rows: table.rows,
      residenceDefault: defaults,
      validated: null,
      fileIds: [],
      outside: '[]',
    });
  const fileIds = v.fileIds();
  const existingIds = await repo.personalIdsAmongOutside(db, hamletId, fileIds);
  const validated = { ...v.finish(table.headers, existingIds), converted: table.converted };
  return ok({
    base: { ...base, columns: validated.columns },
    rows: validated.rows,
    residenceDefault: { ...defaults, assumed: validated.residenceAssumed },
    validated,
    fileIds,
    outside: outsideKey(existingIds),
  });
}

/** Compares what the file validated to with what the hamlet holds now, reading through `db`. */
async function compare(db: Db, hamletId: string, c: Checked, previewId: string | null): Promise<Analysis> {
  const v = c.validated;
  if (!v) {
    const preview: ResidentImportPreview = {
      ...c.base,
      previewId,
      rows: c.rows,
      accepted: 0,
      rejected: [],
      toAdd: [],
      toAddCount: 0,
      toChange: [],
      toChangeCount: 0,
      unchanged: 0,
      notInFile: 0,
      newHouseholds: 0,
      newGroups: [],
      residenceDefault: c.residenceDefault,
    };
    return { preview, accepted: [], diff: null, households: [], groups: new Map() };
  }
  const stored = (await repo.listHamletResidents(db, hamletId)).map(storedOf);
  const diff = diffResidents(v.accepted, stored);
  const households = await repo.listHamletHouseholds(db, hamletId);
  const groups = await repo.groupsByName(db, hamletId);
  const knownCodes = new Set(households.map((h) => h.code));
  const newCodes = new Set(v.accepted.map((r) => r.householdCode).filter((c) => !knownCodes.has(c)));
  const newGroups = [
    ...new Set(
      v.accepted.map((r) => r.residentGroup).filter((g): g is string => g !== null && !groups.has(g)),
    ),
  ];
  const toChange = diff.toChange.map((ch) => ({
    ...row(ch.after),
    id: ch.id,
    changes: ch.fields.map((f) => ({
      field: f,
      label: FIELD_LABEL.get(f) ?? f,
      before: shown(ch.before, f),
      after: shown(ch.after, f),
    })),
  }));
  const preview: ResidentImportPreview = {
    ...c.base,
    previewId,
    rows: v.rows,
    accepted: v.accepted.length,
    rejected: v.rejected,
    toAdd: diff.toAdd.slice(0, LIST_LIMIT).map(row),
    toAddCount: diff.toAdd.length,
    toChange: toChange.slice(0, LIST_LIMIT),
    toChangeCount: toChange.length,
    unchanged: diff.unchanged.length,
    notInFile: diff.notInFile.length,
    newHouseholds: newCodes.size,
    newGroups,
    residenceDefault: c.residenceDefault,
  };
  return { preview, accepted: v.accepted, diff, households, groups };
}

/** The import options that change what a file validates to, in one comparable string. */
const optionsKey = (r: ImportRequest) =>
  JSON.stringify([r.layout ?? 'residents', r.residenceDefault ?? DEFAULT_RESIDENCE, r.mapping ?? null]);

interface KeptCheck {
  readonly checked: Checked;
  readonly preview: ResidentImportPreview;
}

const keeper = (ctx: ServiceContext) => previewKeeperOf<KeptCheck>(ctx.store);

const PREVIEW_GONE =
  'Bản xem trước này không còn (đã quá 30 phút, đã được xác nhận, hoặc đã có bản xem trước mới hơn). Hãy tải tệp lên và xem trước lại trước khi xác nhận.';
const PREVIEW_STALE =
  'Dữ liệu đã thay đổi sau khi xem trước (danh sách nhân khẩu của thôn hoặc số định danh ở thôn khác, hoặc đã sang ngày mới). Hãy xem trước lại để thấy đúng những gì sẽ được ghi.';
const PREVIEW_OTHER_FILE =
  'Tệp gửi khi xác nhận khác với tệp đã xem trước, hoặc cách đọc cột đã được thay đổi. Hãy xem trước lại tệp này.';

/**
 * What importing the file would do. Writes nothing; keeps what it read and validated for the
 * confirmation (previewId), for this actor and hamlet.
 */
export async function previewResidentImport(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  bytes: Uint8Array,
  request: ImportRequest = {},
): Promise<Result<ResidentImportPreview>> {
  const place = await hamletForWrite(
    ctx.store.db,
    actor,
    hamletId,
    'nhập danh sách nhân khẩu cho thôn/tổ dân phố này',
  );
  if (!place.ok) return place;
  const today = vnToday(ctx);
  const c = await check(ctx.store.db, hamletId, bytes, today, request);
  if (!c.ok) return c;
  const { preview } = await compare(ctx.store.db, hamletId, c.value, null);
  // Nothing to confirm when required columns are missing: the officer maps them and previews again.
  const previewId = c.value.validated
    ? keeper(ctx).keep({
        userId: actor.userId,
        hamletId,
        fileSha256: preview.fileSha256,
        options: optionsKey(request),
        today,
        at: ctx.now().getTime(),
        rows: c.value.rows,
        value: { checked: c.value, preview },
      })
    : '';
  return ok({ ...preview, previewId: previewId === '' ? null : previewId });
}

/**
 * Writes every accepted row: new residents' groups and households, new residents, changed fields (each
 * change kept in the resident's history), the import batch and one audit event, in one transaction.
 * With a previewId the rows the preview validated are written without reading the file again, after
 * checking inside the transaction that nothing they depend on changed since (else refused, nothing
 * written); without one (the command line) the file is read and analysed inside the transaction.
 */
export async function confirmResidentImport(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  bytes: Uint8Array,
  request: ImportRequest = {},
): Promise<Result<ResidentImportDone>> {
  const place = await hamletForWrite(
    ctx.store.db,
    actor,
    hamletId,
    'nhập danh sách nhân khẩu cho thôn/tổ dân phố này',
  );
  if (!place.ok) return place;
  const now = ctx.now();
  const meta = { today: vietnamDate(now), at: now.toISOString(), actor };
  let source: Source;
  if (request.previewId !== undefined) {
    const kept = keeper(ctx).take(request.previewId, actor.userId, hamletId, now.getTime());
    if (!kept) return err(failures.conflict('previewId', PREVIEW_GONE));
    if (kept.today !== meta.today) {
      keeper(ctx).drop(kept.id);
      return err(failures.conflict('previewId', PREVIEW_STALE));
    }
    const sameFile = bytes.length === 0 || sha256(bytes) === kept.fileSha256;
    if (!sameFile || optionsKey(request) !== kept.options)
      return err(failures.conflict('previewId', PREVIEW_OTHER_FILE));
    source = { kept: kept.value };
  } else source = { bytes };
  try {
    const done = await writeWithAudit(ctx, actor, (db) => writeImport(db, hamletId, source, request, meta));
    if (request.previewId !== undefined) keeper(ctx).drop(request.previewId);
    return done;
  } catch (e) {
    if (e instanceof Unwritten) {
      if (request.previewId !== undefined && !e.result.ok) keeper(ctx).drop(request.previewId);
      return e.result;
    }
    throw e;
  }
}

/** What a confirmation writes from: the preview's validated rows, or the file read again. */
type Source = { readonly kept: KeptCheck } | { readonly bytes: Uint8Array };

/** A confirmation that writes nothing: the transaction rolls back and this is the answer. */
class Unwritten extends Error {
  constructor(readonly result: Result<ResidentImportDone>) {
    super('nothing to write');
  }
}

/** What the officer saw: if the hamlet now gives anything else, the preview is stale. */
const seen = (p: ResidentImportPreview) =>
  JSON.stringify([
    p.toAdd,
    p.toChange,
    p.toAddCount,
    p.toChangeCount,
    p.unchanged,
    p.notInFile,
    p.newHouseholds,
    p.newGroups,
  ]);

/** The analysis a confirmation writes, read through the transaction's `db`. */
async function analyseIn(
  db: Db,
  hamletId: string,
  source: Source,
  request: ImportRequest,
  today: string,
): Promise<Result<Analysis>> {
  if ('bytes' in source) {
    const c = await check(db, hamletId, source.bytes, today, request);
    return c.ok ? ok(await compare(db, hamletId, c.value, null)) : c;
  }
  const { checked, preview } = source.kept;
  // Validation refused the IDs other hamlets held then; another import since may hold more now.
  const outside = await repo.personalIdsAmongOutside(db, hamletId, checked.fileIds);
  if (outsideKey(outside) !== checked.outside) return err(failures.conflict('previewId', PREVIEW_STALE));
  const a = await compare(db, hamletId, checked, null);
  return seen(a.preview) === seen(preview) ? ok(a) : err(failures.conflict('previewId', PREVIEW_STALE));
}

/**
 * The transaction of a confirmation. The file is analysed once, inside the transaction, so what is
 * written matches what is stored now (analysing it a first time outside, as before, cost a third of
 * the import and protected nothing more).
 */
async function writeImport(
  db: Db,
  hamletId: string,
  source: Source,
  request: ImportRequest,
  meta: { today: string; at: string; actor: Actor },
) {
  const { at, actor } = meta;
  const a = await analyseIn(db, hamletId, source, request, meta.today);
  if (!a.ok) throw new Unwritten(a);
  const { preview, diff } = a.value;
  // Re-importing the same file (or one with only rejected rows) writes nothing at all.
  if (!diff || (diff.toAdd.length === 0 && diff.toChange.length === 0))
    throw new Unwritten(ok({ ...preview, batchId: null, added: 0, changed: 0 }));
  const added = diff.toAdd.length;
  const changed = diff.toChange.length;
  const batchId = randomUUID();
  await writeDiff(db, hamletId, a.value, { batchId, at, userId: actor.userId });
  await repo.insertImportBatch(db, {
    id: batchId,
    hamletId,
    fileName: request.fileName ?? null,
    fileSha256: preview.fileSha256,
    converted: preview.converted,
    rows: preview.rows,
    accepted: preview.accepted,
    rejected: preview.rejected.length,
    added,
    changed,
    userId: actor.userId,
    at,
  });
  return {
    value: ok({ ...preview, batchId, added, changed }),
    audit: {
      action: 'residents.import',
      entity: 'hamlet',
      entityId: hamletId,
      data: {
        batchId,
        fileName: request.fileName ?? null,
        fileSha256: preview.fileSha256,
        converted: preview.converted,
        rows: preview.rows,
        added,
        changed,
        rejected: preview.rejected.length,
        residenceDefault: preview.residenceDefault.value,
        residenceAssumed: preview.residenceDefault.assumed,
      },
    },
  };
}

/** Rows built and inserted together by a confirmation. */
const WRITE_CHUNK = 2000;

interface WriteMeta {
  readonly batchId: string;
  readonly at: string;
  readonly userId: string;
}

async function writeDiff(db: Db, hamletId: string, a: Analysis, meta: WriteMeta): Promise<void> {
  const diff = a.diff as ResidentDiff;
  const groups = new Map(a.groups);
  for (const name of a.preview.newGroups) {
    const id = randomUUID();
    await repo.insertGroup(db, { id, hamletId, name, at: meta.at });
    groups.set(name, id);
  }
  const householdIds = await writeHouseholds(db, hamletId, a, groups, meta.at);
  // A chunk at a time: the insert rows of a whole file are never built at once.
  for (let from = 0; from < diff.toAdd.length; from += WRITE_CHUNK)
    await insertNew(db, diff.toAdd.slice(from, from + WRITE_CHUNK), householdIds, meta.at);
  const events: repo.ResidentEvent[] = [];
  for (const c of diff.toChange) {
    const next = c.after;
    await repo.updateResident(db, c.id, {
      householdId: householdIds.get(next.householdCode),
      fullName: next.fullName,
      searchName: foldForSearch(next.fullName),
      sex: next.sex,
      birthDate: next.birthDate,
      personalId: next.personalId ?? c.before.personalId,
      relation: next.relation,
      // An assumed residence keeps what is stored (changedFields never lists it as a change).
      ...(next.residenceAssumed ? {} : { residence: next.residence, residenceAssumed: 0 }),
      legalCapacity: next.legalCapacity,
    });
    events.push({
      id: historyId(meta.at),
      residentId: c.id,
      kind: 'imported',
      effectiveOn: null,
      reason: `Nhập từ tệp (dòng ${next.line})`,
      data: {
        batchId: meta.batchId,
        changes: c.fields.map((f) => ({ field: f, before: c.before[f], after: next[f] })),
      },
      userId: meta.userId,
      at: meta.at,
    });
  }
  await repo.insertEvents(db, events);
}

async function insertNew(
  db: Db,
  rows: readonly ResidentRow[],
  householdIds: ReadonlyMap<string, string>,
  at: string,
): Promise<void> {
  await repo.insertResidentRows(
    db,
    // Time-ordered ids: a hamlet's thousands of new rows append to the key index instead of scattering.
    rows.map((r) => ({
      id: orderedUuid(),
      householdId: householdIds.get(r.householdCode) as string,
      fullName: r.fullName,
      searchName: foldForSearch(r.fullName),
      sex: r.sex,
      birthDate: r.birthDate,
      personalId: r.personalId,
      relation: r.relation,
      residence: r.residence,
      residenceAssumed: r.residenceAssumed,
      legalCapacity: r.legalCapacity,
    })),
    at,
  );
}

/** Creates the households the file introduces and updates the address or group the file changes. */
async function writeHouseholds(
  db: Db,
  hamletId: string,
  a: Analysis,
  groups: ReadonlyMap<string, string>,
  at: string,
): Promise<Map<string, string>> {
  const ids = new Map(a.households.map((h) => [h.code, h.id]));
  const byCode = new Map(a.households.map((h) => [h.code, h]));
  // Members of one household may disagree; a value that differs from what is stored is the update.
  const fromFile = new Map<string, { address: string | null; group: string | null }>();
  for (const r of a.accepted) {
    const seen = fromFile.get(r.householdCode);
    const stored = byCode.get(r.householdCode);
    const pick = (was: string | null | undefined, next: string | null, current: string | null | undefined) =>
      was === undefined || was === null || (was === current && next !== null) ? (next ?? was ?? null) : was;
    fromFile.set(r.householdCode, {
      address: pick(seen?.address, r.address, stored?.address),
      group: pick(seen?.group, r.residentGroup, stored?.residentGroup),
    });
  }
  const inserts: repo.HouseholdInsert[] = [];
  for (const [code, h] of fromFile) {
    const groupId = h.group === null ? null : (groups.get(h.group) ?? null);
    const stored = byCode.get(code);
    if (!stored) {
      const id = orderedUuid();
      ids.set(code, id);
      inserts.push({ id, hamletId, code, address: h.address ?? '', residentGroupId: groupId });
      continue;
    }
    const address = h.address !== null && h.address !== stored.address ? h.address : undefined;
    const group = h.group !== null && groupId !== stored.residentGroupId ? groupId : undefined;
    if (address !== undefined || group !== undefined)
      await repo.updateHousehold(db, stored.id, { address, residentGroupId: group });
  }
  await repo.insertHouseholdRows(db, inserts, at);
  return ids;
}
