/**
 * Voter rolls (issue 5): one roll per election, its entries (listed, excluded with reasons, or removed
 * by an amendment), the numbered snapshots (1 = the posting, then one per amendment, so the latest is
 * the roll in force) and the amendments.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import type {
  VoterRollAmendmentTable,
  VoterRollEntryTable,
  VoterRollSnapshotTable,
  VoterRollTable,
} from './schema';

export type RollRow = Selectable<VoterRollTable>;
export type EntryRow = Selectable<VoterRollEntryTable>;
export type SnapshotRow = Selectable<VoterRollSnapshotTable>;
export type AmendmentRow = Selectable<VoterRollAmendmentTable>;

/** Rows per multi-row insert: well under the bound-parameter limits of both engines. */
const CHUNK = 400;

export async function getRollOfElection(db: Db, electionId: string): Promise<RollRow | undefined> {
  return db.selectFrom('voter_rolls').selectAll().where('election_id', '=', electionId).executeTakeFirst();
}

export async function insertRoll(db: Db, row: Insertable<VoterRollTable>): Promise<void> {
  await db.insertInto('voter_rolls').values(row).execute();
}

export async function updateRoll(
  db: Db,
  id: string,
  patch: Partial<Omit<Insertable<VoterRollTable>, 'id' | 'election_id'>>,
): Promise<void> {
  await db.updateTable('voter_rolls').set(patch).where('id', '=', id).execute();
}

export async function deleteEntries(db: Db, rollId: string): Promise<void> {
  await db.deleteFrom('voter_roll_entries').where('roll_id', '=', rollId).execute();
}

export async function insertEntries(db: Db, rows: readonly Insertable<VoterRollEntryTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('voter_roll_entries')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export async function listEntries(db: Db, rollId: string): Promise<EntryRow[]> {
  return db
    .selectFrom('voter_roll_entries')
    .selectAll()
    .where('roll_id', '=', rollId)
    .orderBy('roll_number')
    .orderBy('id')
    .execute();
}

export async function updateEntry(
  db: Db,
  id: string,
  patch: Partial<Omit<Insertable<VoterRollEntryTable>, 'id' | 'roll_id'>>,
): Promise<void> {
  await db.updateTable('voter_roll_entries').set(patch).where('id', '=', id).execute();
}

export async function maxRollNumber(db: Db, rollId: string): Promise<number> {
  const row = await db
    .selectFrom('voter_roll_entries')
    .select((eb) => eb.fn.max('roll_number').as('n'))
    .where('roll_id', '=', rollId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Listed entries per residents' group (null = no group): the registered voters. */
export async function countListed(db: Db, rollId: string): Promise<{ group: string | null; n: number }[]> {
  const rows = await db
    .selectFrom('voter_roll_entries')
    .select((eb) => ['resident_group', eb.fn.countAll<number>().as('n')])
    .where('roll_id', '=', rollId)
    .where('status', '=', 'listed')
    .groupBy('resident_group')
    .execute();
  return rows.map((r) => ({ group: r.resident_group, n: Number(r.n) }));
}

export async function insertSnapshot(db: Db, row: Insertable<VoterRollSnapshotTable>): Promise<void> {
  await db.insertInto('voter_roll_snapshots').values(row).execute();
}

/** Snapshots without their frozen entries, oldest first. */
export async function listSnapshots(db: Db, rollId: string): Promise<Omit<SnapshotRow, 'entries'>[]> {
  return db
    .selectFrom('voter_roll_snapshots')
    .select(['id', 'roll_id', 'number', 'posted_on', 'registered', 'user_id', 'at', 'kind', 'amendment_seq'])
    .where('roll_id', '=', rollId)
    .orderBy('number')
    .execute();
}

export async function latestSnapshot(db: Db, rollId: string): Promise<SnapshotRow | undefined> {
  return db
    .selectFrom('voter_roll_snapshots')
    .selectAll()
    .where('roll_id', '=', rollId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAmendment(db: Db, row: Insertable<VoterRollAmendmentTable>): Promise<void> {
  await db.insertInto('voter_roll_amendments').values(row).execute();
}

export async function listAmendments(db: Db, rollId: string): Promise<AmendmentRow[]> {
  return db
    .selectFrom('voter_roll_amendments')
    .selectAll()
    .where('roll_id', '=', rollId)
    .orderBy('seq')
    .execute();
}

/** The names of the election's official, not withdrawn, candidates in ballot order. */
export async function officialCandidateNames(db: Db, electionId: string) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('residents as r', 'r.id', 'n.resident_id')
    .select(['r.full_name as name', 'n.ballot_order as ballotOrder'])
    .where('n.election_id', '=', electionId)
    .where('n.official', '=', 1)
    .where('n.withdrawn', '=', 0)
    .orderBy('n.ballot_order')
    .execute();
}

/** The election's team, in the order they were added. */
export async function teamOfElection(db: Db, electionId: string) {
  return db
    .selectFrom('team_members')
    .select(['full_name', 'role'])
    .where('election_id', '=', electionId)
    .orderBy('created_at')
    .execute();
}

/** The commune's elections not yet decided (neither recognised nor interim), by hamlet name. */
export async function openElectionsOfCommune(db: Db, communeId: string) {
  return db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select(['e.id', 'h.name as hamlet'])
    .where('h.commune_id', '=', communeId)
    .where('e.state', 'not in', ['recognised', 'interim'])
    .orderBy('h.name')
    .execute();
}
