/**
 * The count's records. Only inserts and reads: nothing counted is ever updated or deleted (an undo is
 * a void row, a correction a new row), so the result is always recomputed from what was recorded.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
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

export async function getCount(db: Db, id: string): Promise<CountRow | undefined> {
  return db.selectFrom('counts').selectAll().where('id', '=', id).executeTakeFirst();
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

export async function getBatch(db: Db, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('count_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEntry(db: Db, row: Insertable<CountEntryTable>): Promise<void> {
  await db.insertInto('count_entries').values(row).execute();
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

export async function entryByKey(db: Db, key: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('count_entries as e')
    .leftJoin('count_entry_voids as v', 'v.entry_id', 'e.id')
    .select([
      ...entryColumns,
      (eb) => eb.case().when('v.id', 'is not', null).then(1).else(0).end().as('voided'),
    ])
    .where('e.idempotency_key', '=', key)
    .executeTakeFirst();
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

/** Every entry of a count with whether it was voided. */
export async function listEntries(db: Db, countId: string): Promise<EntryRow[]> {
  return db
    .selectFrom('count_entries as e')
    .leftJoin('count_entry_voids as v', 'v.entry_id', 'e.id')
    .select([
      ...entryColumns,
      (eb) => eb.case().when('v.id', 'is not', null).then(1).else(0).end().as('voided'),
    ])
    .where('e.count_id', '=', countId)
    .orderBy('e.batch_id')
    .orderBy('e.lane')
    .orderBy('e.seq')
    .orderBy('e.entered_at')
    .execute();
}

export async function insertVoid(db: Db, row: Insertable<CountEntryVoidTable>): Promise<void> {
  await db.insertInto('count_entry_voids').values(row).execute();
}

export async function insertResolution(db: Db, row: Insertable<CountResolutionTable>): Promise<void> {
  await db.insertInto('count_resolutions').values(row).execute();
}

export async function listResolutions(db: Db, countId: string): Promise<ResolutionRow[]> {
  return db
    .selectFrom('count_resolutions as r')
    .innerJoin('count_batches as b', 'b.id', 'r.batch_id')
    .selectAll('r')
    .where('b.count_id', '=', countId)
    .orderBy('r.resolved_at')
    .execute();
}

export async function insertBatchClosure(db: Db, row: Insertable<CountBatchClosureTable>): Promise<void> {
  await db.insertInto('count_batch_closures').values(row).execute();
}

export async function listBatchClosures(db: Db, countId: string): Promise<BatchClosureRow[]> {
  return db
    .selectFrom('count_batch_closures as c')
    .innerJoin('count_batches as b', 'b.id', 'c.batch_id')
    .selectAll('c')
    .where('b.count_id', '=', countId)
    .execute();
}

export async function insertCorrection(db: Db, row: Insertable<CountCorrectionTable>): Promise<void> {
  await db.insertInto('count_corrections').values(row).execute();
}

export async function listCorrections(db: Db, countId: string): Promise<CorrectionRow[]> {
  return db
    .selectFrom('count_corrections as c')
    .innerJoin('count_batches as b', 'b.id', 'c.batch_id')
    .selectAll('c')
    .where('b.count_id', '=', countId)
    .orderBy('c.corrected_at')
    .execute();
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

export async function getClosure(db: Db, countId: string): Promise<ClosureRow | undefined> {
  return db.selectFrom('count_closures').selectAll().where('count_id', '=', countId).executeTakeFirst();
}
