import type { Db } from './database';
import { compiledOnce } from './compiled-once';

export interface ElectionRow {
  readonly id: string;
  readonly hamletId: string;
  readonly position: string;
  readonly termLabel: string;
  readonly profileId: string;
  readonly electionDate: string | null;
  readonly state: string;
  readonly round: number;
}

const columns = [
  'id',
  'hamlet_id as hamletId',
  'position',
  'term_label as termLabel',
  'profile_id as profileId',
  'election_date as electionDate',
  'state',
  'round',
] as const;

/** The hamlets' elections, each with its plan (round) when one planned it. */
export async function listElections(
  db: Db,
  hamletIds: readonly string[],
): Promise<(ElectionRow & { roundId: string | null })[]> {
  if (hamletIds.length === 0) return [];
  return db
    .selectFrom('elections')
    .select([...columns, 'round_id as roundId'])
    .where('hamlet_id', 'in', [...hamletIds])
    .orderBy('created_at', 'desc')
    .execute();
}

export async function getElection(db: Db, id: string): Promise<ElectionRow | undefined> {
  return db.selectFrom('elections').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function insertElection(db: Db, e: ElectionRow & { createdAt: string }): Promise<void> {
  await db
    .insertInto('elections')
    .values({
      id: e.id,
      hamlet_id: e.hamletId,
      position: e.position,
      term_label: e.termLabel,
      profile_id: e.profileId,
      election_date: e.electionDate,
      state: e.state,
      round: e.round,
      created_at: e.createdAt,
    })
    .execute();
}

/** The hamlet an election is held in. */
// A team member's scope on every request: compiled once (compiled-once.ts).
const hamletOf = compiledOnce(1, (db: Db, id: string) =>
  db.selectFrom('elections').select('hamlet_id').where('id', '=', id),
);

export async function hamletOfElection(db: Db, id: string): Promise<string | undefined> {
  return (await hamletOf(db, id)).rows[0]?.hamlet_id;
}
