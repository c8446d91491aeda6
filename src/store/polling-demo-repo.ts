/** What preparing the demo polling day reads and writes: adults, candidates, the team and the election date. */
import type { Insertable } from 'kysely';
import type { Db } from './database';
import type { NominationTable, TeamMemberTable } from './schema';

export interface AdultRow {
  id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  household_id: string;
  group: string | null;
  relation: string;
  address: string;
}

/** The active residents of a hamlet, by household code then birth date. */
export async function activeResidents(db: Db, hamletId: string): Promise<AdultRow[]> {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('resident_groups as g', 'g.id', 'h.resident_group_id')
    .select([
      'r.id',
      'r.full_name',
      'r.birth_date',
      'r.sex',
      'r.household_id',
      'g.name as group',
      'r.relation',
      'h.address',
    ])
    .where('h.hamlet_id', '=', hamletId)
    .where('r.status', '=', 'active')
    .orderBy('h.code')
    .orderBy('r.birth_date')
    .execute();
}

/** The ids of the election's official nominations for a position. */
export async function officialNominationIds(db: Db, electionId: string, position: string) {
  return db
    .selectFrom('nominations')
    .select('id')
    .where('election_id', '=', electionId)
    .where('position', '=', position)
    .where('official', '=', 1)
    .execute();
}

export async function insertNomination(db: Db, row: Insertable<NominationTable>): Promise<void> {
  await db.insertInto('nominations').values(row).execute();
}

export async function teamMemberIds(db: Db, electionId: string) {
  return db.selectFrom('team_members').select('id').where('election_id', '=', electionId).execute();
}

export async function insertTeamMember(db: Db, row: Insertable<TeamMemberTable>): Promise<void> {
  await db.insertInto('team_members').values(row).execute();
}

/** The accounts scoped to an election. */
export async function usersOfScope(db: Db, scopeId: string) {
  return db.selectFrom('users').select(['id', 'username']).where('scope_id', '=', scopeId).execute();
}

export async function userIdByUsername(db: Db, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

export async function setElectionDate(db: Db, id: string, day: string): Promise<void> {
  await db.updateTable('elections').set({ election_date: day }).where('id', '=', id).execute();
}

/** The demo election's venue, where the plan left none (the count record never prints a blank place). */
export async function setElectionVenue(db: Db, id: string, venue: string): Promise<void> {
  await db.updateTable('elections').set({ venue }).where('id', '=', id).execute();
}

/** Moves a demo account to another election (demo accounts only: the trial election's team). */
export async function setUserScope(db: Db, userId: string, scopeId: string): Promise<void> {
  await db.updateTable('users').set({ scope_id: scopeId }).where('id', '=', userId).execute();
}

/** The term of the hamlet's latest election, for a trial election of the same hamlet. */
export async function latestTermOfHamlet(db: Db, hamletId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('elections')
    .select('term_label')
    .where('hamlet_id', '=', hamletId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.term_label;
}
