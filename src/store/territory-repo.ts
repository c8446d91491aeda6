import type { Db } from './database';
import { inChunks } from './chunks';
import { compiledOnce } from './compiled-once';

export interface ProvinceRow {
  readonly code: string;
  readonly name: string;
}

export interface CommuneRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly districtId: string | null;
}

export interface HamletRow {
  readonly id: string;
  readonly communeId: string;
  readonly name: string;
  readonly kind: string;
  readonly households: number;
  readonly residentGroups: number;
}

export interface ResidentGroupRow {
  readonly id: string;
  readonly hamletId: string;
  readonly name: string;
  readonly households: number;
}

/** Inserts the units that are missing; existing rows (possibly edited by an officer) are kept. */
export async function insertMissingProvinces(db: Db, provinces: readonly ProvinceRow[], validFrom: string) {
  for (const p of provinces) {
    await db
      .insertInto('provinces')
      .values({ code: p.code, name: p.name, valid_from: validFrom, valid_to: null })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

export async function insertMissingCommunes(db: Db, communes: readonly CommuneRow[], validFrom: string) {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < communes.length; i += 200) {
    const chunk = communes.slice(i, i + 200).map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      province_code: c.provinceCode,
      district_id: c.districtId,
      valid_from: validFrom,
      valid_to: null,
    }));
    await db
      .insertInto('communes')
      .values(chunk)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

export async function countCommunes(db: Db): Promise<number> {
  const row = await db
    .selectFrom('communes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getProvince(db: Db, code: string): Promise<ProvinceRow | undefined> {
  return db.selectFrom('provinces').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function listProvinces(db: Db): Promise<ProvinceRow[]> {
  return db.selectFrom('provinces').select(['code', 'name']).orderBy('code').execute();
}

const communeColumns = [
  'id',
  'code',
  'name',
  'province_code as provinceCode',
  'district_id as districtId',
] as const;

export async function getCommune(db: Db, id: string): Promise<CommuneRow | undefined> {
  return db.selectFrom('communes').select(communeColumns).where('id', '=', id).executeTakeFirst();
}

export async function listCommunes(db: Db, provinceCode: string): Promise<CommuneRow[]> {
  return db
    .selectFrom('communes')
    .select(communeColumns)
    .where('province_code', '=', provinceCode)
    .orderBy('code')
    .execute();
}

function hamletQuery(db: Db) {
  return db
    .selectFrom('hamlets as h')
    .select((eb) => [
      'h.id',
      'h.commune_id as communeId',
      'h.name',
      'h.kind',
      eb
        .selectFrom('households')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('households.hamlet_id', '=', 'h.id')
        .as('households'),
      eb
        .selectFrom('resident_groups')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('resident_groups.hamlet_id', '=', 'h.id')
        .as('residentGroups'),
    ])
    .where('h.dissolved_on', 'is', null);
}

function toHamlet(r: {
  id: string;
  communeId: string;
  name: string;
  kind: string;
  households: number | null;
  residentGroups: number | null;
}): HamletRow {
  return { ...r, households: Number(r.households ?? 0), residentGroups: Number(r.residentGroups ?? 0) };
}

export async function listHamlets(db: Db, communeId: string): Promise<HamletRow[]> {
  const rows = await hamletQuery(db).where('h.commune_id', '=', communeId).execute();
  return rows.map(toHamlet);
}

export async function getHamlet(db: Db, id: string): Promise<HamletRow | undefined> {
  const row = await hamletQuery(db).where('h.id', '=', id).executeTakeFirst();
  return row ? toHamlet(row) : undefined;
}

export async function findHamletByName(db: Db, communeId: string, name: string) {
  return db
    .selectFrom('hamlets')
    .select(['id', 'name'])
    .where('commune_id', '=', communeId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertHamlet(
  db: Db,
  h: { id: string; communeId: string; name: string; kind: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('hamlets')
    .values({
      id: h.id,
      commune_id: h.communeId,
      name: h.name,
      kind: h.kind,
      created_at: h.createdAt,
      dissolved_on: null,
    })
    .execute();
}

export async function insertResidentGroup(
  db: Db,
  g: { id: string; hamletId: string; name: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('resident_groups')
    .values({ id: g.id, hamlet_id: g.hamletId, name: g.name, created_at: g.createdAt })
    .execute();
}

export async function listResidentGroups(db: Db, hamletId: string): Promise<ResidentGroupRow[]> {
  const rows = await db
    .selectFrom('resident_groups as g')
    .select((eb) => [
      'g.id',
      'g.hamlet_id as hamletId',
      'g.name',
      eb
        .selectFrom('households')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('households.resident_group_id', '=', 'g.id')
        .as('households'),
    ])
    .where('g.hamlet_id', '=', hamletId)
    .execute();
  return rows.map((r) => ({ ...r, households: Number(r.households ?? 0) }));
}

export async function findDistrict(db: Db, provinceCode: string, name: string) {
  return db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('province_code', '=', provinceCode)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertDistrict(
  db: Db,
  d: { id: string; provinceCode: string; code: string | null; name: string; validTo: string },
): Promise<void> {
  await db
    .insertInto('districts')
    .values({ id: d.id, province_code: d.provinceCode, code: d.code, name: d.name, valid_to: d.validTo })
    .execute();
}

export async function insertCommune(
  db: Db,
  c: CommuneRow & { validFrom: string | null; validTo: string | null },
): Promise<void> {
  await db
    .insertInto('communes')
    .values({
      id: c.id,
      code: c.code,
      name: c.name,
      province_code: c.provinceCode,
      district_id: c.districtId,
      valid_from: c.validFrom,
      valid_to: c.validTo,
    })
    .execute();
}

export async function getDistrictName(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('districts').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/** The hamlets (not dissolved) of many communes at once, for the oversight dashboards. */
export async function activeHamletsOf(
  db: Db,
  communeIds: readonly string[],
): Promise<{ id: string; name: string; kind: string; communeId: string }[]> {
  return inChunks(communeIds, (part) =>
    db
      .selectFrom('hamlets')
      .select(['id', 'name', 'kind', 'commune_id as communeId'])
      .where('commune_id', 'in', part)
      .where('dissolved_on', 'is', null)
      .execute(),
  );
}

/** Hamlets (not dissolved) per commune of a province. */
export async function countHamletsByCommune(db: Db, provinceCode: string): Promise<Map<string, number>> {
  const counts = await db
    .selectFrom('hamlets as h')
    .innerJoin('communes as c', 'c.id', 'h.commune_id')
    .select((eb) => ['h.commune_id as communeId', eb.fn.countAll<number>().as('n')])
    .where('c.province_code', '=', provinceCode)
    .where('h.dissolved_on', 'is', null)
    .groupBy('h.commune_id')
    .execute();
  return new Map(counts.map((c) => [c.communeId, Number(c.n)]));
}

/** A commune's name, whether in force or historical. */
export async function communeName(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('communes').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/** A hamlet's name, dissolved or not (an audit trail outlives the hamlet). */
export async function hamletName(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('hamlets').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/** A commune with the last day it existed (null while in force). */
export async function getCommuneValidity(db: Db, id: string) {
  return db
    .selectFrom('communes')
    .select(['id', 'name', 'province_code as provinceCode', 'valid_to as validTo'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The commune of that name under a (historical) district. */
export async function findCommuneInDistrict(
  db: Db,
  districtId: string,
  name: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('communes')
    .select('id')
    .where('district_id', '=', districtId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

// The lineage of the 2025 reorganisation: a predecessor commune merged into a successor.

export interface LineageRow {
  readonly id: string;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly effectiveOn: string;
  readonly decisionNumber: string;
  readonly decisionDate: string;
  readonly decisionBody: string;
  readonly hamletIds: readonly string[];
  readonly recordedBy: string | null;
  readonly recordedAt: string;
}

export async function hasLineage(db: Db, predecessorId: string, successorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('commune_lineage')
    .select('id')
    .where('predecessor_id', '=', predecessorId)
    .where('successor_id', '=', successorId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertLineage(db: Db, l: LineageRow): Promise<void> {
  await db
    .insertInto('commune_lineage')
    .values({
      id: l.id,
      predecessor_id: l.predecessorId,
      successor_id: l.successorId,
      effective_on: l.effectiveOn,
      decision_number: l.decisionNumber,
      decision_date: l.decisionDate,
      decision_body: l.decisionBody,
      hamlet_ids: JSON.stringify(l.hamletIds),
      recorded_by: l.recordedBy,
      recorded_at: l.recordedAt,
    })
    .execute();
}

/** The predecessors of a commune with their names and old districts, by name. */
export async function predecessorsOf(db: Db, successorId: string) {
  const rows = await db
    .selectFrom('commune_lineage as l')
    .innerJoin('communes as c', 'c.id', 'l.predecessor_id')
    .leftJoin('districts as d', 'd.id', 'c.district_id')
    .select([
      'c.name',
      'd.name as district',
      'l.effective_on as effectiveOn',
      'l.decision_number as decisionNumber',
      'l.decision_date as decisionDate',
      'l.decision_body as decisionBody',
      'l.hamlet_ids as hamletIds',
    ])
    .where('l.successor_id', '=', successorId)
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    ...r,
    district: r.district ?? null,
    hamletIds: JSON.parse(r.hamletIds) as string[],
  }));
}

/** A commune's id and province: where its records sit. */
export async function communePlace(db: Db, id: string) {
  return db.selectFrom('communes').select(['id', 'province_code']).where('id', '=', id).executeTakeFirst();
}

/** A hamlet with its commune and province: where its records sit. */
// Every permission check of a hamlet's record reads it: compiled once (compiled-once.ts).
const placeOfHamlet = compiledOnce(1, (db: Db, id: string) =>
  db
    .selectFrom('hamlets as h')
    .innerJoin('communes as c', 'c.id', 'h.commune_id')
    .select(['h.id', 'c.id as communeId', 'c.province_code as provinceCode'])
    .where('h.id', '=', id),
);

export async function hamletPlace(db: Db, id: string) {
  return (await placeOfHamlet(db, id)).rows[0];
}

/** A household's id and hamlet. */
export async function householdHamlet(db: Db, id: string) {
  return db.selectFrom('households').select(['id', 'hamlet_id']).where('id', '=', id).executeTakeFirst();
}
