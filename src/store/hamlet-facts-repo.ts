/** Dated facts of hamlets and the allowance decisions (0015-hamlet-facts), and what they read of terms. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import type { AllowanceRateTable, HamletFactTable } from './hamlet-facts-schema';

export type FactRow = Selectable<HamletFactTable>;
export type RateRow = Selectable<AllowanceRateTable>;

/** A hamlet's facts in the order they took effect, corrections after what they correct. */
export async function listFacts(db: Db, hamletId: string): Promise<FactRow[]> {
  return db
    .selectFrom('hamlet_facts')
    .selectAll()
    .where('hamlet_id', '=', hamletId)
    .orderBy('effective_from')
    .orderBy('recorded_at')
    .execute();
}

export async function insertFact(db: Db, row: Insertable<HamletFactTable>): Promise<void> {
  await db.insertInto('hamlet_facts').values(row).execute();
}

/** The profile of the hamlet's latest head term, if it had one. */
export async function latestHeadProfile(db: Db, hamletId: string): Promise<string | undefined> {
  const term = await db
    .selectFrom('office_terms')
    .select('profile_id')
    .where('hamlet_id', '=', hamletId)
    .where('position', '=', 'head')
    .orderBy('start_on', 'desc')
    .executeTakeFirst();
  return term?.profile_id;
}

/** The profile of the hamlet's latest election, if it had one. */
export async function latestElectionProfile(db: Db, hamletId: string): Promise<string | undefined> {
  const election = await db
    .selectFrom('elections')
    .select('profile_id')
    .where('hamlet_id', '=', hamletId)
    .orderBy('election_date', 'desc')
    .executeTakeFirst();
  return election?.profile_id;
}

/** The hamlet's interim head terms (not those of its residents' groups). */
export async function interimHeadTerms(db: Db, hamletId: string) {
  return db
    .selectFrom('office_terms')
    .selectAll()
    .where('hamlet_id', '=', hamletId)
    .where('position', '=', 'head')
    .where('basis', '=', 'interim')
    .where('resident_group_id', 'is', null)
    .execute();
}

/** The rates that may apply to one hamlet: its own and the province's, oldest first. */
export async function ratesForHamlet(db: Db, provinceCode: string, hamletId: string): Promise<RateRow[]> {
  return db
    .selectFrom('allowance_rates')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where((eb) => eb.or([eb('hamlet_id', 'is', null), eb('hamlet_id', '=', hamletId)]))
    .orderBy('effective_from')
    .execute();
}

/** The province's own table (every hamlet or one class), newest first. */
export async function provinceRates(db: Db, provinceCode: string): Promise<RateRow[]> {
  return db
    .selectFrom('allowance_rates')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('hamlet_id', 'is', null)
    .orderBy('effective_from', 'desc')
    .execute();
}

export async function insertRate(db: Db, row: Insertable<AllowanceRateTable>): Promise<void> {
  await db.insertInto('allowance_rates').values(row).execute();
}
