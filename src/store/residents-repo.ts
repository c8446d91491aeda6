/**
 * Residents and households beyond what the foundation stores: reading them with their household and
 * group, bulk writes for imports, append-only history, household representatives and import batches.
 */
import type { Db } from './database';
import { nextVersion } from './optimistic';

/** Rows per multi-row statement: well under the bound-parameter limits of both engines. */
const CHUNK = 500;

async function inChunks<T>(rows: readonly T[], size: number, work: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += size) await work(rows.slice(i, i + size));
}

export interface ResidentRecord {
  readonly id: string;
  readonly householdId: string;
  readonly householdCode: string;
  readonly fullName: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly personalId: string | null;
  readonly relation: string;
  readonly residence: 'permanent' | 'temporary';
  /** The residence type is the import's default, not read from the list (0031). */
  readonly residenceAssumed: boolean;
  readonly legalCapacity: 'full' | 'restricted' | 'none';
  readonly status: 'active' | 'deceased' | 'moved';
  readonly residentGroup: string | null;
  /** The household's residents' self-managed group: a group's election rolls only its households. */
  readonly residentGroupId: string | null;
  readonly address: string;
}

function residentQuery(db: Db) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('resident_groups as g', 'g.id', 'h.resident_group_id')
    .select([
      'r.id',
      'r.household_id as householdId',
      'h.code as householdCode',
      'r.full_name as fullName',
      'r.sex',
      'r.birth_date as birthDate',
      'r.personal_id as personalId',
      'r.relation',
      'r.residence',
      'r.residence_assumed as residenceAssumed',
      'r.legal_capacity as legalCapacity',
      'r.status',
      'g.name as residentGroup',
      'h.resident_group_id as residentGroupId',
      'h.address',
    ]);
}

const asRecord = (r: Record<string, unknown>): ResidentRecord =>
  ({ ...r, residenceAssumed: Number(r['residenceAssumed']) === 1 }) as unknown as ResidentRecord;

/** Residents of a hamlet whose residence type an import assumed (0031): the roll shows them. */
export async function residenceAssumedIn(db: Db, hamletId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select('r.id')
    .where('h.hamlet_id', '=', hamletId)
    .where('r.residence_assumed', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Every resident of a hamlet, whatever their status (the import matches deceased people too). */
export async function listHamletResidents(db: Db, hamletId: string): Promise<ResidentRecord[]> {
  const rows = await residentQuery(db).where('h.hamlet_id', '=', hamletId).orderBy('h.code').execute();
  return rows.map(asRecord);
}

export async function getResident(
  db: Db,
  id: string,
): Promise<(ResidentRecord & { hamletId: string; version: number }) | undefined> {
  const row = await residentQuery(db)
    .select(['h.hamlet_id as hamletId', 'r.version'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row ? { ...asRecord(row), hamletId: row.hamletId, version: row.version } : undefined;
}

export async function listHouseholdMembers(db: Db, householdId: string): Promise<ResidentRecord[]> {
  const rows = await residentQuery(db)
    .where('r.household_id', '=', householdId)
    .orderBy('r.birth_date')
    .execute();
  return rows.map(asRecord);
}

export interface SearchOptions {
  /** Folded (no diacritics, lowercase) search text; matched anywhere in the folded name. */
  readonly folded?: string;
  readonly status?: 'active' | 'deceased' | 'moved';
  readonly limit: number;
  readonly offset: number;
}

function searchFilter(db: Db, hamletId: string, o: Pick<SearchOptions, 'folded' | 'status'>) {
  let q = residentQuery(db).where('h.hamlet_id', '=', hamletId);
  if (o.folded) q = q.where('r.search_name', 'like', `%${o.folded.replace(/[%_\\]/g, '')}%`);
  if (o.status) q = q.where('r.status', '=', o.status);
  return q;
}

export async function searchResidents(
  db: Db,
  hamletId: string,
  o: SearchOptions,
): Promise<{ total: number; items: ResidentRecord[] }> {
  const items = await searchFilter(db, hamletId, o)
    .orderBy('h.code')
    .orderBy('r.birth_date')
    .limit(o.limit)
    .offset(o.offset)
    .execute();
  const count = await searchFilter(db, hamletId, o)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(count.n), items: items.map(asRecord) };
}

/** Personal IDs of residents outside the hamlet, with the hamlet they live in. */
export async function personalIdsOutside(db: Db, hamletId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .innerJoin('hamlets as t', 't.id', 'h.hamlet_id')
    .select(['r.personal_id as personalId', 't.name'])
    .where('h.hamlet_id', '!=', hamletId)
    .where('r.personal_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.personalId as string, r.name]));
}

/**
 * The same as `personalIdsOutside`, for the given IDs only (the ones a file holds), through the unique
 * index on personal_id: the cost follows the file, not the size of the database (a province's 2 million
 * residents were read for every hamlet's import).
 */
export async function personalIdsAmongOutside(
  db: Db,
  hamletId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await inChunks([...new Set(ids)], CHUNK, async (chunk) => {
    const rows = await db
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .innerJoin('hamlets as t', 't.id', 'h.hamlet_id')
      .select(['r.personal_id as personalId', 't.name'])
      .where('r.personal_id', 'in', chunk)
      .where('h.hamlet_id', '!=', hamletId)
      .execute();
    for (const r of rows) out.set(r.personalId as string, r.name);
  });
  return out;
}

export interface HouseholdRecord {
  readonly id: string;
  readonly hamletId: string;
  readonly code: string;
  readonly address: string;
  readonly residentGroupId: string | null;
  readonly residentGroup: string | null;
}

function householdQuery(db: Db) {
  return db
    .selectFrom('households as h')
    .leftJoin('resident_groups as g', 'g.id', 'h.resident_group_id')
    .select([
      'h.id',
      'h.hamlet_id as hamletId',
      'h.code',
      'h.address',
      'h.resident_group_id as residentGroupId',
      'g.name as residentGroup',
    ]);
}

export async function listHamletHouseholds(db: Db, hamletId: string): Promise<HouseholdRecord[]> {
  return householdQuery(db).where('h.hamlet_id', '=', hamletId).orderBy('h.code').execute();
}

export async function getHousehold(db: Db, id: string): Promise<HouseholdRecord | undefined> {
  return householdQuery(db).where('h.id', '=', id).executeTakeFirst();
}

export interface HouseholdInsert {
  readonly id: string;
  readonly hamletId: string;
  readonly code: string;
  readonly address: string;
  readonly residentGroupId: string | null;
}

export async function insertHouseholdRows(
  db: Db,
  rows: readonly HouseholdInsert[],
  at: string,
): Promise<void> {
  await inChunks(rows, CHUNK, async (chunk) => {
    await db
      .insertInto('households')
      .values(
        chunk.map((h) => ({
          id: h.id,
          hamlet_id: h.hamletId,
          code: h.code,
          address: h.address,
          resident_group_id: h.residentGroupId,
          created_at: at,
        })),
      )
      .execute();
  });
}

export async function updateHousehold(
  db: Db,
  id: string,
  patch: { address?: string; residentGroupId?: string | null },
): Promise<void> {
  const set: { address?: string; resident_group_id?: string | null } = {};
  if (patch.address !== undefined) set.address = patch.address;
  if (patch.residentGroupId !== undefined) set.resident_group_id = patch.residentGroupId;
  if (Object.keys(set).length > 0) await db.updateTable('households').set(set).where('id', '=', id).execute();
}

export interface ResidentInsert {
  readonly id: string;
  readonly householdId: string;
  readonly fullName: string;
  readonly searchName: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly personalId: string | null;
  readonly relation: string;
  readonly residence: string;
  /** True when the residence type is the import's default (the list did not say). */
  readonly residenceAssumed?: boolean;
  readonly legalCapacity: string;
}

export async function insertResidentRows(db: Db, rows: readonly ResidentInsert[], at: string): Promise<void> {
  await inChunks(rows, CHUNK, async (chunk) => {
    await db
      .insertInto('residents')
      .values(
        chunk.map((r) => ({
          id: r.id,
          household_id: r.householdId,
          full_name: r.fullName,
          search_name: r.searchName,
          sex: r.sex,
          birth_date: r.birthDate,
          personal_id: r.personalId,
          relation: r.relation,
          residence: r.residence,
          residence_assumed: r.residenceAssumed ? 1 : 0,
          legal_capacity: r.legalCapacity,
          status: 'active',
          created_at: at,
        })),
      )
      .execute();
  });
}

export interface ResidentPatch {
  readonly householdId?: string;
  readonly fullName?: string;
  readonly searchName?: string;
  readonly sex?: string;
  readonly birthDate?: string;
  readonly personalId?: string | null;
  readonly relation?: string;
  readonly residence?: string;
  /** 0 once an officer or a list states the residence type; 1 when an import assumed it. */
  readonly residenceAssumed?: number;
  readonly legalCapacity?: string;
  readonly status?: string;
}

const PATCH_COLUMNS: Readonly<Record<keyof ResidentPatch, string>> = {
  householdId: 'household_id',
  fullName: 'full_name',
  searchName: 'search_name',
  sex: 'sex',
  birthDate: 'birth_date',
  personalId: 'personal_id',
  relation: 'relation',
  residence: 'residence',
  residenceAssumed: 'residence_assumed',
  legalCapacity: 'legal_capacity',
  status: 'status',
};

export async function updateResident(db: Db, id: string, patch: ResidentPatch): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) set[PATCH_COLUMNS[k as keyof ResidentPatch]] = v;
  }
  if (Object.keys(set).length === 0) return;
  set['version'] = nextVersion(); // every change makes an open edit form stale (store/optimistic.ts)
  await db.updateTable('residents').set(set).where('id', '=', id).execute();
}

export interface ResidentEvent {
  readonly id: string;
  readonly residentId: string;
  readonly kind: 'created' | 'edited' | 'moved' | 'deceased' | 'movedAway' | 'imported';
  readonly effectiveOn: string | null;
  readonly reason: string | null;
  readonly data: unknown;
  readonly userId: string | null;
  readonly at: string;
}

export async function insertEvents(db: Db, events: readonly ResidentEvent[]): Promise<void> {
  await inChunks(events, CHUNK, async (chunk) => {
    await db
      .insertInto('resident_events')
      .values(
        chunk.map((e) => ({
          id: e.id,
          resident_id: e.residentId,
          kind: e.kind,
          effective_on: e.effectiveOn,
          reason: e.reason,
          data: JSON.stringify(e.data ?? null),
          user_id: e.userId,
          at: e.at,
        })),
      )
      .execute();
  });
}

export interface ResidentEventView extends Omit<ResidentEvent, 'userId'> {
  readonly by: string | null;
}

export async function listEvents(db: Db, residentId: string): Promise<ResidentEventView[]> {
  const rows = await db
    .selectFrom('resident_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select([
      'e.id',
      'e.resident_id as residentId',
      'e.kind',
      'e.effective_on as effectiveOn',
      'e.reason',
      'e.data',
      'e.at',
      'u.display_name as by',
    ])
    .where('e.resident_id', '=', residentId)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    kind: r.kind as ResidentEvent['kind'],
    data: JSON.parse(r.data) as unknown,
    by: r.by ?? null,
  }));
}

// ---------------------------------------------------------------- groups

export async function groupsByName(db: Db, hamletId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('resident_groups')
    .select(['id', 'name'])
    .where('hamlet_id', '=', hamletId)
    .execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function insertGroup(db: Db, g: { id: string; hamletId: string; name: string; at: string }) {
  await db
    .insertInto('resident_groups')
    .values({ id: g.id, hamlet_id: g.hamletId, name: g.name, created_at: g.at })
    .execute();
}

// ---------------------------------------------------------------- representatives

export interface RepresentativeChoice {
  readonly householdId: string;
  readonly residentId: string;
  readonly reason: string | null;
  readonly nominatedByMembers: boolean;
}

export async function getRepresentatives(db: Db, householdIds: readonly string[]) {
  const out = new Map<string, RepresentativeChoice>();
  await inChunks(householdIds, CHUNK, async (chunk) => {
    const rows = await db
      .selectFrom('household_representatives')
      .select(['household_id', 'resident_id', 'reason', 'nominated_by_members'])
      .where('household_id', 'in', chunk)
      .execute();
    for (const r of rows) {
      out.set(r.household_id, {
        householdId: r.household_id,
        residentId: r.resident_id,
        reason: r.reason,
        nominatedByMembers: r.nominated_by_members === 1,
      });
    }
  });
  return out;
}

export async function setRepresentative(
  db: Db,
  choice: RepresentativeChoice & { userId: string | null; at: string },
): Promise<void> {
  await db.deleteFrom('household_representatives').where('household_id', '=', choice.householdId).execute();
  await db
    .insertInto('household_representatives')
    .values({
      household_id: choice.householdId,
      resident_id: choice.residentId,
      reason: choice.reason,
      nominated_by_members: choice.nominatedByMembers ? 1 : 0,
      user_id: choice.userId,
      at: choice.at,
    })
    .execute();
}

export async function clearRepresentative(db: Db, householdId: string): Promise<void> {
  await db.deleteFrom('household_representatives').where('household_id', '=', householdId).execute();
}

// ---------------------------------------------------------------- import batches

export interface ImportBatch {
  readonly id: string;
  readonly hamletId: string;
  readonly fileName: string | null;
  readonly fileSha256: string;
  readonly converted: string | null;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly added: number;
  readonly changed: number;
  readonly userId: string | null;
  readonly at: string;
}

export async function insertImportBatch(db: Db, b: ImportBatch): Promise<void> {
  await db
    .insertInto('import_batches')
    .values({
      id: b.id,
      hamlet_id: b.hamletId,
      file_name: b.fileName,
      file_sha256: b.fileSha256,
      converted: b.converted,
      rows: b.rows,
      accepted: b.accepted,
      rejected: b.rejected,
      added: b.added,
      changed: b.changed,
      user_id: b.userId,
      at: b.at,
    })
    .execute();
}

export async function listImportBatches(db: Db, hamletId: string) {
  return db
    .selectFrom('import_batches')
    .selectAll()
    .where('hamlet_id', '=', hamletId)
    .orderBy('at', 'desc')
    .execute();
}

/** The id of the resident holding a personal id number, if any. */
export async function residentWithPersonalId(db: Db, personalId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('residents')
    .select('id')
    .where('personal_id', '=', personalId)
    .executeTakeFirst();
  return row?.id;
}

/** A resident with the address and hamlet of their household. */
export async function residentWithAddress(db: Db, id: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name', 'r.birth_date', 'r.sex', 'h.address', 'h.hamlet_id'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The first households of a hamlet by code, each with its head's name. */
export async function householdHeads(db: Db, hamletId: string, limit: number) {
  return db
    .selectFrom('households as h')
    .innerJoin('residents as r', 'r.household_id', 'h.id')
    .select(['h.id', 'r.full_name'])
    .where('h.hamlet_id', '=', hamletId)
    .where('r.relation', '=', 'head')
    .orderBy('h.code')
    .limit(limit)
    .execute();
}
