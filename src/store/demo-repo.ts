/** What loading the demo province and the demo data at scale reads and writes beyond the other repositories. */
import type { Kysely } from 'kysely';
import type { Db } from './database';
import { inChunks } from './chunks';

/** The two count tables as the demo writes them (they may be missing on an older database). */
interface CountsTable {
  counts: {
    id: string;
    election_id: string;
    position: string;
    round: number;
    seats: number;
    form: string;
    method: string;
    ballot_form: string;
    candidates: string;
    registered: number;
    voted: number;
    issued: number;
    received: number;
    double_entry: number;
    roll_snapshot_id: string | null;
    opened_at: string;
    opened_by: string | null;
  };
  count_closures: {
    count_id: string;
    result: string;
    corrections: number;
    closed_by: string | null;
    closed_at: string;
  };
}

export type CountInsert = CountsTable['counts'];
export type CountClosureInsert = CountsTable['count_closures'];

/** Whether the count tables exist (a read of one row succeeds). */
export async function pollingTablesExist(db: Db): Promise<boolean> {
  try {
    await (db as unknown as Kysely<CountsTable>).selectFrom('counts').select('id').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}

/** A closed count: the count row, then its closure with the result. */
export async function insertClosedCount(
  db: Db,
  count: CountInsert,
  closure: CountClosureInsert,
): Promise<void> {
  const k = db as unknown as Kysely<CountsTable>;
  await k.insertInto('counts').values(count).execute();
  await k.insertInto('count_closures').values(closure).execute();
}

/** The personal ids among these that a resident already has, read in slices of `size`. */
export async function takenPersonalIds(db: Db, ids: readonly string[], size = 500): Promise<Set<string>> {
  const rows = await inChunks(
    ids,
    (part) => db.selectFrom('residents').select('personal_id').where('personal_id', 'in', part).execute(),
    size,
  );
  const out = new Set<string>();
  for (const r of rows) if (r.personal_id) out.add(r.personal_id);
  return out;
}

export async function setElectionRound(db: Db, id: string, round: number): Promise<void> {
  await db.updateTable('elections').set({ round }).where('id', '=', id).execute();
}

/** Marks the round's tasks due before the day as done on their due date: a hamlet's, or the commune's (null). */
export async function completeTasksDueBefore(
  db: Db,
  roundId: string,
  hamletId: string | null,
  day: string,
): Promise<void> {
  await db
    .updateTable('plan_tasks')
    .set((eb) => ({ status: 'done', done_on: eb.ref('due') }))
    .where('round_id', '=', roundId)
    .where('hamlet_id', hamletId === null ? 'is' : '=', hamletId)
    .where('due', '<', day)
    .execute();
}

/** Whether any resident is stored. */
export async function anyResident(db: Db): Promise<boolean> {
  return (await db.selectFrom('residents').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Of these communes, the ids that already have a hamlet, read in slices of 500. */
export async function communesWithHamlets(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks(ids, (part) =>
    db.selectFrom('hamlets').select('commune_id').distinct().where('commune_id', 'in', part).execute(),
  );
  return new Set(rows.map((r) => r.commune_id));
}

/** Every commune's id and name, by id. */
export async function allCommunes(db: Db) {
  return db.selectFrom('communes').select(['id', 'name']).orderBy('id').execute();
}
