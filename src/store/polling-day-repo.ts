/** Polling-day rows (migration 0012-polling-day): inserted, never updated or deleted. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import { closureSummaryOf } from './closure-summary';
import type {
  CountWitnessTable,
  PollingAttendanceTable,
  PollingBallotMovementTable,
  PollingEventTable,
  PollingMobileBoxTable,
  PollingSealTable,
} from './polling-day-schema';

export type AttendanceRow = Selectable<PollingAttendanceTable>;
export type MobileBoxRow = Selectable<PollingMobileBoxTable>;
export type EventRow = Selectable<PollingEventTable>;
export type MovementRow = Selectable<PollingBallotMovementTable>;
export type SealRow = Selectable<PollingSealTable>;
export type CountWitnessRow = Selectable<CountWitnessTable>;

/** A unique constraint refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: unknown; message?: unknown };
  return (
    x?.code === '23505' ||
    x?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    x?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    (typeof x?.message === 'string' && /UNIQUE constraint failed|duplicate key/.test(x.message))
  );
}

export async function insertAttendance(db: Db, row: Insertable<PollingAttendanceTable>): Promise<void> {
  await db.insertInto('polling_attendance').values(row).execute();
}

export async function listAttendance(db: Db, electionId: string, round: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('polling_attendance')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('round', '=', round)
    .orderBy('checked_in_at')
    .orderBy('roll_number')
    .execute();
}

export async function insertMobileBox(db: Db, row: Insertable<PollingMobileBoxTable>): Promise<void> {
  await db.insertInto('polling_mobile_boxes').values(row).execute();
}

export async function listMobileBoxes(db: Db, electionId: string, round: number): Promise<MobileBoxRow[]> {
  return db
    .selectFrom('polling_mobile_boxes')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('round', '=', round)
    .orderBy('number')
    .execute();
}

export async function insertEvent(db: Db, row: Insertable<PollingEventTable>): Promise<void> {
  await db.insertInto('polling_events').values(row).execute();
}

export async function listEvents(db: Db, electionId: string, round: number): Promise<EventRow[]> {
  return db
    .selectFrom('polling_events')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('round', '=', round)
    .orderBy('seq')
    .execute();
}

export async function insertMovement(db: Db, row: Insertable<PollingBallotMovementTable>): Promise<void> {
  await db.insertInto('polling_ballot_movements').values(row).execute();
}

export async function listMovements(db: Db, electionId: string, round: number): Promise<MovementRow[]> {
  return db
    .selectFrom('polling_ballot_movements')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('round', '=', round)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertSeal(db: Db, row: Insertable<PollingSealTable>): Promise<void> {
  await db.insertInto('polling_seals').values(row).execute();
}

export async function listSeals(db: Db, electionId: string, round: number): Promise<SealRow[]> {
  return db
    .selectFrom('polling_seals')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('round', '=', round)
    .orderBy('position')
    .execute();
}

export async function insertCountWitnesses(db: Db, rows: Insertable<CountWitnessTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('count_witnesses').values(rows).execute();
}

/** The witnesses of a position's count this round, in the order they were recorded. */
export async function listCountWitnesses(
  db: Db,
  electionId: string,
  round: number,
  position: string,
): Promise<CountWitnessRow[]> {
  return db
    .selectFrom('count_witnesses')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('round', '=', round)
    .where('position', '=', position)
    .orderBy('seq')
    .execute();
}

/** Whether the position's count of this round is closed (its witnesses can no longer change). */
export async function closedCountOf(db: Db, electionId: string, round: number, position: string) {
  const row = await db
    .selectFrom('counts as c')
    .innerJoin('count_closures as z', 'z.count_id', 'c.id')
    .select('c.id')
    .where('c.election_id', '=', electionId)
    .where('c.round', '=', round)
    .where('c.position', '=', position)
    .executeTakeFirst();
  return row !== undefined;
}

/** The election's sealing records (unused-ballots-record), newest version first, with their data. */
export async function sealingDocuments(db: Db, electionId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'data'])
    .where('election_id', '=', electionId)
    .where('form_id', '=', 'unused-ballots-record')
    .orderBy('version', 'desc')
    .execute();
}

/** The election's team without its witnesses, in the order they were added. */
export async function teamWithoutWitnesses(db: Db, electionId: string) {
  return db
    .selectFrom('team_members')
    .select(['full_name', 'role'])
    .where('election_id', '=', electionId)
    .where('role', '!=', 'witness')
    .orderBy('created_at')
    .execute();
}

type PackageRow = Record<string, unknown>;

/** Every row of a polling or count table whose column is one of the values (none asked: none). */
export async function packageRowsWhereIn(
  db: Db,
  table: string,
  column: string,
  values: readonly string[],
): Promise<PackageRow[]> {
  return values.length === 0
    ? []
    : await db
        .selectFrom(table as 'counts')
        .selectAll()
        .where(column as 'id', 'in', [...values])
        .execute();
}

/** Inserts one row, as exported, into a polling or count table. */
export async function insertPackageRow(db: Db, table: string, row: PackageRow): Promise<void> {
  // A closure's summary columns always come from its own result, whatever the laptop's version sent.
  const values = table === 'count_closures' ? { ...row, ...closureSummaryOf(row['result']) } : row;
  await db
    .insertInto(table as 'counts')
    .values(values as never)
    .execute();
}

/** The latest snapshot of the election's roll, with the roll's id. */
export async function latestRollSnapshot(db: Db, electionId: string) {
  return db
    .selectFrom('voter_rolls as r')
    .innerJoin('voter_roll_snapshots as s', 's.roll_id', 'r.id')
    .select(['r.id as rollId', 's.id as snapshotId', 's.number', 's.posted_on', 's.registered', 's.entries'])
    .where('r.election_id', '=', electionId)
    .orderBy('s.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}
