import type { Db } from './database';

export interface NewResident {
  readonly id: string;
  readonly fullName: string;
  readonly searchName: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly personalId: string | null;
  readonly relation: string;
  readonly residence: 'permanent' | 'temporary';
  readonly legalCapacity: string;
}

export interface NewHousehold {
  readonly id: string;
  readonly code: string;
  readonly address: string;
  readonly residentGroupId: string | null;
  readonly members: readonly NewResident[];
}

/** Rows per multi-row INSERT: fast, and well under the bound-parameter limits (SQLite 32766, PostgreSQL 65535). */
const CHUNK = 1000;

export async function insertHouseholds(
  db: Db,
  hamletId: string,
  households: readonly NewHousehold[],
  createdAt: string,
): Promise<void> {
  for (let i = 0; i < households.length; i += CHUNK) {
    const chunk = households.slice(i, i + CHUNK);
    await db
      .insertInto('households')
      .values(
        chunk.map((h) => ({
          id: h.id,
          hamlet_id: hamletId,
          resident_group_id: h.residentGroupId,
          code: h.code,
          address: h.address,
          created_at: createdAt,
        })),
      )
      .execute();
    const residents = chunk.flatMap((h) =>
      h.members.map((m) => ({
        id: m.id,
        household_id: h.id,
        full_name: m.fullName,
        search_name: m.searchName,
        sex: m.sex,
        birth_date: m.birthDate,
        personal_id: m.personalId,
        relation: m.relation,
        residence: m.residence,
        legal_capacity: m.legalCapacity,
        status: 'active',
        created_at: createdAt,
      })),
    );
    for (let j = 0; j < residents.length; j += CHUNK) {
      await db
        .insertInto('residents')
        .values(residents.slice(j, j + CHUNK))
        .execute();
    }
  }
}

export interface HouseholdSummary {
  readonly id: string;
  readonly code: string;
  readonly address: string;
  readonly residentGroup: string | null;
  readonly headName: string | null;
  readonly members: number;
}

export async function countHouseholds(db: Db, hamletId: string): Promise<number> {
  const row = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hamlet_id', '=', hamletId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countResidents(db: Db, hamletId: string): Promise<number> {
  const row = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('h.hamlet_id', '=', hamletId)
    .where('r.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listHouseholds(
  db: Db,
  hamletId: string,
  page: { limit: number; offset: number },
): Promise<HouseholdSummary[]> {
  const rows = await db
    .selectFrom('households as h')
    .leftJoin('resident_groups as g', 'g.id', 'h.resident_group_id')
    .select((eb) => [
      'h.id',
      'h.code',
      'h.address',
      'g.name as residentGroup',
      eb
        .selectFrom('residents as r')
        .select('r.full_name')
        .whereRef('r.household_id', '=', 'h.id')
        .where('r.relation', '=', 'head')
        .limit(1)
        .as('headName'),
      eb
        .selectFrom('residents as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.household_id', '=', 'h.id')
        .where('r.status', '=', 'active')
        .as('members'),
    ])
    .where('h.hamlet_id', '=', hamletId)
    .orderBy('h.code')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ ...r, headName: r.headName ?? null, members: Number(r.members ?? 0) }));
}
