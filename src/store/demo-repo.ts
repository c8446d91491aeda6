/** What loading the demo province and the demo data at scale reads and writes beyond the other repositories. */
import type { CountClosureTable, CountHandsTable, CountTable } from './polling-schema';
import type { Db } from './database';
import { inChunks } from './chunks';

export type CountInsert = CountTable;
export type CountClosureInsert = CountClosureTable;

/** Whether the count tables exist (a read of one row succeeds). */
export async function pollingTablesExist(db: Db): Promise<boolean> {
  try {
    await db.selectFrom('counts').select('id').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}

/** A closed count: the count row, the readings its result is recomputed from, then its closure. */
export async function insertClosedCount(
  db: Db,
  count: CountInsert,
  hands: readonly CountHandsTable[],
  closure: CountClosureInsert,
): Promise<void> {
  await db.insertInto('counts').values(count).execute();
  if (hands.length > 0)
    await db
      .insertInto('count_hands')
      .values([...hands])
      .execute();
  await db.insertInto('count_closures').values(closure).execute();
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
