/**
 * Importing a hamlet's residents from the spreadsheets communes already keep: a preview that writes
 * nothing, then, on confirmation, every accepted row in one transaction with its audit event.
 */
import { vietnamDate } from '../../domain/calendar';
import { vnToday } from '../common';
import { createHash, randomUUID } from 'node:crypto';
import { foldForSearch, normalizeText } from '../../domain/people';
import { ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import {
  DEFAULT_RESIDENCE,
  RESIDENT_COLUMNS,
  buildResidentsTemplate,
  cleanPersonalId,
  diffResidents,
  mapHeaders,
  readTabular,
  relationText,
  validateResidentTable,
} from '../../io';
import type {
  ColumnMapping,
  ImportLayout,
  RejectedRow,
  Residence,
  ResidentDiff,
  ResidentField,
  ResidentRow,
  StoredResident,
  Table,
} from '../../io';
import { residents as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { hamletForWrite, historyId } from './access';

export interface ImportRequest {
  readonly mapping?: ColumnMapping;
  readonly layout?: ImportLayout;
  /** The residence of everyone the file does not say; permanent unless the officer changes it. */
  readonly residenceDefault?: Residence;
  readonly fileName?: string | null;
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

/** Every personal ID the file may hold (a superset: cells as the validator cleans them). */
function personalIdsIn(table: Table, mapping: { columns: readonly (ResidentField | null)[] }): string[] {
  const column = mapping.columns.indexOf('personalId');
  if (column < 0) return [];
  const ids: string[] = [];
  for (const r of table.rows) {
    const id = cleanPersonalId(normalizeText(r[column] ?? ''));
    if (id !== '') ids.push(id);
  }
  return ids;
}

/** Reads, validates and diffs the file against what the hamlet holds, reading through `db`. */
async function analyse(
  db: Db,
  hamletId: string,
  file: { bytes: Uint8Array; table: Table },
  today: string,
  request: ImportRequest,
): Promise<Result<Analysis>> {
  const table = { value: file.table };
  const bytes = file.bytes;
  const layout = request.layout ?? 'residents';
  const mapping = mapHeaders(table.value.headers, request.mapping);
  const residenceDefault = request.residenceDefault ?? DEFAULT_RESIDENCE;
  const columnPresent = mapping.columns.includes('residence');
  const base = {
    fileSha256: sha256(bytes),
    layout,
    headers: table.value.headers,
    columns: mapping.columns,
    fields: FIELDS,
    missing: mapping.missing,
    converted: table.value.converted,
  };
  const empty = {
    rows: table.value.rows.length,
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
    residenceDefault: { columnPresent, value: residenceDefault, assumed: 0 },
  };
  if (mapping.missing.length > 0) {
    return ok({
      preview: { ...base, ...empty },
      accepted: [],
      diff: null,
      households: [],
      groups: new Map(),
    });
  }
  const existingIds = await repo.personalIdsAmongOutside(db, hamletId, personalIdsIn(table.value, mapping));
  const validated = validateResidentTable(table.value, {
    layout,
    mapping: request.mapping,
    existingIds,
    referenceDate: today,
    residenceDefault,
  });
  if (!validated.ok) return validated;
  const v = validated.value;
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
  const toChange = diff.toChange.map((c) => ({
    ...row(c.after),
    id: c.id,
    changes: c.fields.map((f) => ({
      field: f,
      label: FIELD_LABEL.get(f) ?? f,
      before: shown(c.before, f),
      after: shown(c.after, f),
    })),
  }));
  const preview: ResidentImportPreview = {
    ...base,
    columns: v.columns,
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
    residenceDefault: { columnPresent, value: residenceDefault, assumed: v.residenceAssumed },
  };
  return ok({ preview, accepted: v.accepted, diff, households, groups });
}

/** What importing the file would do. Writes nothing. */
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
  const table = await readTabular(bytes);
  if (!table.ok) return table;
  const a = await analyse(ctx.store.db, hamletId, { bytes, table: table.value }, vnToday(ctx), request);
  return a.ok ? ok(a.value.preview) : a;
}

/**
 * Writes every accepted row: new residents' groups and households, new residents, changed fields (each
 * change kept in the resident's history), the import batch and one audit event, in one transaction.
 * The file is analysed inside the transaction, so what is written matches what is stored now.
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
  const table = await readTabular(bytes);
  if (!table.ok) return table;
  const file = { bytes, table: table.value };
  const now = ctx.now();
  const today = vietnamDate(now);
  const at = now.toISOString();
  try {
    return await writeWithAudit(ctx, actor, (db) =>
      writeImport(db, hamletId, file, request, { today, at, actor }),
    );
  } catch (e) {
    if (e instanceof Unwritten) return e.result;
    throw e;
  }
}

/** A confirmation that writes nothing: the transaction rolls back and this is the answer. */
class Unwritten extends Error {
  constructor(readonly result: Result<ResidentImportDone>) {
    super('nothing to write');
  }
}

/**
 * The transaction of a confirmation. The file is analysed once, inside the transaction, so what is
 * written matches what is stored now (analysing it a first time outside, as before, cost a third of
 * the import and protected nothing more).
 */
async function writeImport(
  db: Db,
  hamletId: string,
  file: { bytes: Uint8Array; table: Table },
  request: ImportRequest,
  meta: { today: string; at: string; actor: Actor },
) {
  const { at, actor } = meta;
  const a = await analyse(db, hamletId, file, meta.today, request);
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
  await repo.insertResidentRows(
    db,
    diff.toAdd.map((r) => ({
      id: randomUUID(),
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
    meta.at,
  );
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
      const id = randomUUID();
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
