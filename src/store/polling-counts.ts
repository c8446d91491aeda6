/**
 * The count's records. Only inserts and reads: nothing counted is ever updated or deleted (an undo is
 * a void row, a correction a new row), so the result is always recomputed from what was recorded.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import { inChunks, rowsOfIds } from './chunks';
import { sql } from 'kysely';
import { compiledOnce } from './compiled-once';
import type {
  CountBatchClosureTable,
  CountBatchTable,
  CountClosureTable,
  CountCorrectionTable,
  CountEntryTable,
  CountEntryVoidTable,
  CountHandsTable,
  CountResolutionTable,
  CountTable,
} from './polling-schema';

export type CountRow = Selectable<CountTable>;
export type BatchRow = Selectable<CountBatchTable>;
export type EntryRow = Selectable<CountEntryTable> & { voided: number };
export type ResolutionRow = Selectable<CountResolutionTable>;
export type BatchClosureRow = Selectable<CountBatchClosureTable>;
export type CorrectionRow = Selectable<CountCorrectionTable>;
export type HandsRow = Selectable<CountHandsTable>;
export type ClosureRow = Selectable<CountClosureTable>;

export async function insertCount(db: Db, row: Insertable<CountTable>): Promise<void> {
  await db.insertInto('counts').values(row).execute();
}

const countById = compiledOnce(1, (db: Db, id: string) =>
  db.selectFrom('counts').selectAll().where('id', '=', id),
);

export async function getCount(db: Db, id: string): Promise<CountRow | undefined> {
  return (await countById(db, id)).rows[0];
}

export async function listCounts(db: Db, electionId: string): Promise<CountRow[]> {
  return db
    .selectFrom('counts')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('round')
    .orderBy('opened_at')
    .execute();
}

export async function insertBatch(db: Db, row: Insertable<CountBatchTable>): Promise<void> {
  await db.insertInto('count_batches').values(row).execute();
}

export async function listBatches(db: Db, countId: string): Promise<BatchRow[]> {
  return db
    .selectFrom('count_batches')
    .selectAll()
    .where('count_id', '=', countId)
    .orderBy('number')
    .execute();
}

const batchById = compiledOnce(1, (db: Db, id: string) =>
  db.selectFrom('count_batches').selectAll().where('id', '=', id),
);

export async function getBatch(db: Db, id: string): Promise<BatchRow | undefined> {
  return (await batchById(db, id)).rows[0];
}

/** The columns of a paper, in the order of insertEntry's arguments. */
const entryInsertColumns = [
  'id',
  'count_id',
  'batch_id',
  'lane',
  'seq',
  'kept',
  'defect',
  'idempotency_key',
  'entered_by',
  'entered_at',
] as const satisfies readonly (keyof CountEntryTable)[];

const insertOneEntry = compiledOnce(entryInsertColumns.length, (db: Db, ...values: unknown[]) =>
  db
    .insertInto('count_entries')
    .values(
      Object.fromEntries(entryInsertColumns.map((c, i) => [c, values[i]])) as Insertable<CountEntryTable>,
    ),
);

export async function insertEntry(db: Db, row: Insertable<CountEntryTable>): Promise<void> {
  await insertOneEntry(db, ...entryInsertColumns.map((c) => row[c] ?? null));
}

const entryColumns = [
  'e.id',
  'e.count_id',
  'e.batch_id',
  'e.lane',
  'e.seq',
  'e.kept',
  'e.defect',
  'e.idempotency_key',
  'e.entered_by',
  'e.entered_at',
] as const;

const entryOfKey = compiledOnce(1, (db: Db, key: string) =>
  db
    .selectFrom('count_entries as e')
    .leftJoin('count_entry_voids as v', 'v.entry_id', 'e.id')
    .select([
      ...entryColumns,
      (eb) => eb.case().when('v.id', 'is not', null).then(1).else(0).end().as('voided'),
    ])
    .where('e.idempotency_key', '=', key),
);

export async function entryByKey(db: Db, key: string): Promise<EntryRow | undefined> {
  return (await entryOfKey(db, key)).rows[0];
}

/** Live (not voided) entries of one lane of a batch, in paper order. */
export async function liveLane(db: Db, batchId: string, lane: number): Promise<EntryRow[]> {
  return db
    .selectFrom('count_entries as e')
    .leftJoin('count_entry_voids as v', 'v.entry_id', 'e.id')
    .select([...entryColumns, (eb) => eb.lit(0).as('voided')])
    .where('e.batch_id', '=', batchId)
    .where('e.lane', '=', lane)
    .where('v.id', 'is', null)
    .orderBy('e.seq')
    .orderBy('e.entered_at')
    .execute();
}

/** Entries with whether each was voided, in sheet order. */
function entriesWithVoids(db: Db) {
  return db
    .selectFrom('count_entries as e')
    .leftJoin('count_entry_voids as v', 'v.entry_id', 'e.id')
    .select([
      ...entryColumns,
      (eb) => eb.case().when('v.id', 'is not', null).then(1).else(0).end().as('voided'),
    ])
    .orderBy('e.batch_id')
    .orderBy('e.lane')
    .orderBy('e.seq')
    .orderBy('e.entered_at');
}

/** Every entry of a count with whether it was voided. */
export async function listEntries(db: Db, countId: string): Promise<EntryRow[]> {
  return entriesWithVoids(db).where('e.count_id', '=', countId).execute();
}

/**
 * The lanes of a batch an account has entered papers in, undone papers included: whoever read the
 * stack for one lane is no independent second reader of it.
 */
export async function lanesOfEntrant(db: Db, batchId: string, userId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('count_entries')
    .select('lane')
    .distinct()
    .where('batch_id', '=', batchId)
    .where('entered_by', '=', userId)
    .execute();
  return rows.map((r) => r.lane);
}

/** Who entered each lane of each batch of a count (one row per batch, lane and account). */
export async function laneEntrants(db: Db, countId: string) {
  return db
    .selectFrom('count_entries as e')
    .leftJoin('users as u', 'u.id', 'e.entered_by')
    .select(['e.batch_id', 'e.lane', 'e.entered_by', 'u.display_name'])
    .distinct()
    .where('e.count_id', '=', countId)
    .execute();
}

export async function insertVoid(db: Db, row: Insertable<CountEntryVoidTable>): Promise<void> {
  await db.insertInto('count_entry_voids').values(row).execute();
}

export async function insertResolution(db: Db, row: Insertable<CountResolutionTable>): Promise<void> {
  await db.insertInto('count_resolutions').values(row).execute();
}

export async function insertBatchClosure(db: Db, row: Insertable<CountBatchClosureTable>): Promise<void> {
  await db.insertInto('count_batch_closures').values(row).execute();
}

export async function insertCorrection(db: Db, row: Insertable<CountCorrectionTable>): Promise<void> {
  await db.insertInto('count_corrections').values(row).execute();
}

export async function insertHands(db: Db, rows: Insertable<CountHandsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('count_hands').values(rows).execute();
}

export async function listHands(db: Db, countId: string): Promise<HandsRow[]> {
  return db
    .selectFrom('count_hands')
    .selectAll()
    .where('count_id', '=', countId)
    .orderBy('recorded_at')
    .execute();
}

export async function insertClosure(db: Db, row: Insertable<CountClosureTable>): Promise<void> {
  await db.insertInto('count_closures').values(row).execute();
}

const closureOfCount = compiledOnce(1, (db: Db, countId: string) =>
  db.selectFrom('count_closures').selectAll().where('count_id', '=', countId),
);

export async function getClosure(db: Db, countId: string): Promise<ClosureRow | undefined> {
  return (await closureOfCount(db, countId)).rows[0];
}

/**
 * The place of the last live (not voided) paper of one lane of a batch, 0 when none. Written so
 * that the (batch, lane, seq) index answers it: both engines walk the lane's entries from the
 * highest place down and stop at the first one without a void, one index entry and one void probe
 * when the last paper stands (PostgreSQL answered the former `max` over a join by reading every
 * entry of the lane, growing with the batch).
 */
const lastLivePlace = compiledOnce(2, (db: Db, batchId: string, lane: number) =>
  db
    .selectFrom('count_entries as e')
    .select('e.seq')
    .where('e.batch_id', '=', batchId)
    .where('e.lane', '=', lane)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('count_entry_voids as v').select('v.id').whereRef('v.entry_id', '=', 'e.id')),
      ),
    )
    .orderBy('e.seq', 'desc')
    .limit(1),
);

export async function lastLiveSeq(db: Db, batchId: string, lane: number): Promise<number> {
  const row = (await lastLivePlace(db, batchId, lane)).rows[0];
  return Number(row?.seq ?? 0);
}

/** Whether one batch is closed (its closure row exists), without reading the count's other closures. */
const batchClosure = compiledOnce(1, (db: Db, batchId: string) =>
  db.selectFrom('count_batch_closures').select('batch_id').where('batch_id', '=', batchId),
);

export async function isBatchClosed(db: Db, batchId: string): Promise<boolean> {
  return (await batchClosure(db, batchId)).rows.length > 0;
}

/** The entries recorded under any of these idempotency keys (a bulk send answers replays with them). */
export async function entriesByKeys(db: Db, keys: readonly string[]): Promise<EntryRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('count_entries as e')
    .leftJoin('count_entry_voids as v', 'v.entry_id', 'e.id')
    .select([
      ...entryColumns,
      (eb) => eb.case().when('v.id', 'is not', null).then(1).else(0).end().as('voided'),
    ])
    .where('e.idempotency_key', 'in', keys)
    .execute();
}

/** Several papers in one statement (a bulk send), all or none. */
export async function insertEntries(db: Db, rows: readonly Insertable<CountEntryTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('count_entries')
      .values([...rows])
      .execute();
}

/** The head counts of the elections with what their closure stored (null while open), oldest first per election. */
export async function headCountsOfElections(
  db: Db,
  electionIds: readonly string[],
): Promise<{ count: CountRow; closure: { result: string; corrections: number } | null }[]> {
  const rows = await rowsOfIds<
    CountRow & { closure_result: string | null; closure_corrections: number | null }
  >(
    db,
    electionIds,
    (match) => sql`select c.*, z.result as closure_result, z.corrections as closure_corrections
      from counts c left join count_closures z on z.count_id = c.id
      where ${match(sql.ref('c.election_id'))} and c.position = 'head'
      order by c.election_id, c.opened_at`,
  );
  return rows.map(({ closure_result, closure_corrections, ...count }) => ({
    count,
    closure:
      closure_result === null ? null : { result: closure_result, corrections: Number(closure_corrections) },
  }));
}

/** The show-of-hands readings of several counts, oldest first within each count. */
export async function handsOfCounts(db: Db, countIds: readonly string[]): Promise<HandsRow[]> {
  if (countIds.length === 0) return [];
  return rowsOfIds<HandsRow>(
    db,
    countIds,
    (match) => sql`select h.* from count_hands h where ${match(sql.ref('h.count_id'))}
      order by h.count_id, h.recorded_at`,
  );
}

/** The official, not withdrawn candidates of a position in ballot order, with what the tie-break needs. */
export async function officialNominations(db: Db, electionId: string, position: string) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('residents as r', 'r.id', 'n.resident_id')
    .select(['n.id', 'n.resident_id', 'n.ballot_order', 'r.full_name', 'r.birth_date'])
    .where('n.election_id', '=', electionId)
    .where('n.position', '=', position)
    .where('n.official', '=', 1)
    .where('n.withdrawn', '=', 0)
    .orderBy('n.ballot_order')
    .orderBy('r.full_name')
    .execute();
}

/** The election team's members (counters and witnesses) in the order they were added. */
export async function teamMembers(db: Db, electionId: string) {
  return db
    .selectFrom('team_members')
    .select(['full_name', 'role'])
    .where('election_id', '=', electionId)
    .orderBy('created_at')
    .execute();
}

export async function communeName(db: Db, communeId: string): Promise<string | undefined> {
  const c = await db.selectFrom('communes').select('name').where('id', '=', communeId).executeTakeFirst();
  return c?.name;
}

/** Everything the sheets of counts are built from, read in a few queries for all of them. */
export async function sheetRowsOfCounts(
  db: Db,
  countIds: readonly string[],
): Promise<{
  batches: BatchRow[];
  entries: EntryRow[];
  resolutions: ResolutionRow[];
  closures: BatchClosureRow[];
  corrections: CorrectionRow[];
}> {
  const [batches, entries, resolutions, closures, corrections] = await Promise.all([
    inChunks(countIds, (part) =>
      db
        .selectFrom('count_batches')
        .selectAll()
        .where('count_id', 'in', part)
        .orderBy('count_id')
        .orderBy('number')
        .execute(),
    ),
    inChunks(countIds, (part) => entriesWithVoids(db).where('e.count_id', 'in', part).execute()),
    inChunks(countIds, (part) =>
      db
        .selectFrom('count_resolutions as r')
        .innerJoin('count_batches as b', 'b.id', 'r.batch_id')
        .selectAll('r')
        .where('b.count_id', 'in', part)
        .orderBy('r.resolved_at')
        .execute(),
    ),
    inChunks(countIds, (part) =>
      db
        .selectFrom('count_batch_closures as c')
        .innerJoin('count_batches as b', 'b.id', 'c.batch_id')
        .selectAll('c')
        .where('b.count_id', 'in', part)
        .execute(),
    ),
    inChunks(countIds, (part) =>
      db
        .selectFrom('count_corrections as c')
        .innerJoin('count_batches as b', 'b.id', 'c.batch_id')
        .selectAll('c')
        .where('b.count_id', 'in', part)
        .orderBy('c.corrected_at')
        .execute(),
    ),
  ]);
  return { batches, entries, resolutions, closures, corrections };
}
