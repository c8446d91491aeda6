/** Rounds (the commune's plan), their tasks and officials, and the step history of each election. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import { inChunks, rowsOfIds } from './chunks';
import { sql } from 'kysely';
import { compiledOnce } from './compiled-once';
import { nextVersion } from './optimistic';
import type {
  DeadlineOverrideTable,
  ElectionRoundTable,
  ElectionStateChangeTable,
  ElectionTable,
  HamletAssignmentTable,
  PlanTaskTable,
} from './schema';

export type RoundRow = Selectable<ElectionRoundTable>;
export type TaskRow = Selectable<PlanTaskTable>;
export type AssignmentRow = Selectable<HamletAssignmentTable>;
export type StateChangeRow = Selectable<ElectionStateChangeTable>;
export type OverrideRow = Selectable<DeadlineOverrideTable>;

export interface PlannedElectionRow {
  readonly id: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly hamletKind: string;
  readonly communeId: string;
  readonly position: string;
  readonly termLabel: string;
  readonly profileId: string;
  readonly electionDate: string | null;
  readonly state: string;
  readonly round: number;
  readonly roundId: string | null;
  readonly form: string | null;
  readonly startTime: string | null;
  readonly venue: string | null;
  /** The sessions the commune fixed, JSON [{start, end}], or null. */
  readonly pollingSessions: string | null;
  /** The residents' self-managed group the election is of (0033); null for the hamlet's own. */
  readonly residentGroupId: string | null;
  readonly groupName: string | null;
}

export async function insertRound(db: Db, row: RoundRow): Promise<void> {
  await db.insertInto('election_rounds').values(row).execute();
}

/** An election of a round, with its form, start time and venue. */
export async function insertPlannedElection(db: Db, row: Insertable<ElectionTable>): Promise<void> {
  await db.insertInto('elections').values(row).execute();
}

export async function getRound(db: Db, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('election_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRounds(db: Db, communeId: string): Promise<RoundRow[]> {
  return db
    .selectFrom('election_rounds')
    .selectAll()
    .where('commune_id', '=', communeId)
    .orderBy('created_at', 'desc')
    .execute();
}

const electionColumns = [
  'e.id',
  'e.hamlet_id as hamletId',
  'h.name as hamletName',
  'h.kind as hamletKind',
  'h.commune_id as communeId',
  'e.position',
  'e.term_label as termLabel',
  'e.profile_id as profileId',
  'e.election_date as electionDate',
  'e.state',
  'e.round',
  'e.round_id as roundId',
  'e.form',
  'e.start_time as startTime',
  'e.venue',
  'e.polling_sessions as pollingSessions',
  'e.resident_group_id as residentGroupId',
  'g.name as groupName',
] as const;

// Read by every polling-day and count request: compiled once (compiled-once.ts).
const plannedElection = compiledOnce(1, (db: Db, id: string) =>
  db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .leftJoin('resident_groups as g', 'g.id', 'e.resident_group_id')
    .select(electionColumns)
    .where('e.id', '=', id),
);

export async function getPlannedElection(db: Db, id: string): Promise<PlannedElectionRow | undefined> {
  return (await plannedElection(db, id)).rows[0];
}

export async function listRoundElections(db: Db, roundId: string): Promise<PlannedElectionRow[]> {
  return db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .leftJoin('resident_groups as g', 'g.id', 'e.resident_group_id')
    .select(electionColumns)
    .where('e.round_id', '=', roundId)
    .execute();
}

export async function activeElectionsOf(
  db: Db,
  hamletIds: readonly string[],
  termLabels: readonly string[],
): Promise<{ hamletId: string; position: string; residentGroupId: string | null; termLabel: string }[]> {
  if (hamletIds.length === 0 || termLabels.length === 0) return [];
  return db
    .selectFrom('elections')
    .select([
      'hamlet_id as hamletId',
      'position',
      'resident_group_id as residentGroupId',
      'term_label as termLabel',
    ])
    .where('hamlet_id', 'in', [...hamletIds])
    .where('term_label', 'in', [...termLabels])
    .execute();
}

export async function setElectionDetails(
  db: Db,
  id: string,
  d: { roundId: string; form: string; startTime: string | null; venue: string | null },
): Promise<void> {
  await db
    .updateTable('elections')
    .set({ round_id: d.roundId, form: d.form, start_time: d.startTime, venue: d.venue })
    .where('id', '=', id)
    .execute();
}

/** The form the election is held in (a meeting without a quorum turns to household ballots). */
export async function setElectionForm(db: Db, id: string, form: string): Promise<void> {
  await db.updateTable('elections').set({ form }).where('id', '=', id).execute();
}

export async function setElectionState(db: Db, id: string, state: string): Promise<void> {
  await db.updateTable('elections').set({ state }).where('id', '=', id).execute();
}

export async function insertTasks(db: Db, rows: readonly Omit<TaskRow, 'version'>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('plan_tasks')
      .values([...rows])
      .execute();
}

export async function listTasks(db: Db, roundId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('due')
    .orderBy('sort')
    .execute();
}

export async function getTask(db: Db, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('plan_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTask(
  db: Db,
  id: string,
  set: Partial<Pick<TaskRow, 'status' | 'due' | 'lead' | 'partners' | 'done_on' | 'updated_at'>>,
): Promise<void> {
  // Every change makes an open edit form stale (store/optimistic.ts).
  await db
    .updateTable('plan_tasks')
    .set({ ...set, version: nextVersion() })
    .where('id', '=', id)
    .execute();
}

export async function insertAssignments(db: Db, rows: readonly AssignmentRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('hamlet_assignments')
      .values([...rows])
      .execute();
}

export async function listAssignments(db: Db, roundId: string): Promise<AssignmentRow[]> {
  return db.selectFrom('hamlet_assignments').selectAll().where('round_id', '=', roundId).execute();
}

export async function listStateChanges(db: Db, electionId: string): Promise<StateChangeRow[]> {
  return db
    .selectFrom('election_state_changes')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('seq')
    .execute();
}

export async function insertStateChange(db: Db, row: StateChangeRow): Promise<void> {
  await db.insertInto('election_state_changes').values(row).execute();
}

export async function insertOverride(db: Db, row: OverrideRow): Promise<void> {
  await db.insertInto('deadline_overrides').values(row).execute();
}

export async function listOverrides(db: Db, electionId: string): Promise<OverrideRow[]> {
  return db
    .selectFrom('deadline_overrides')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('recorded_at')
    .execute();
}

// Batched reads for the oversight dashboards: every hamlet of many communes at once. They start
// from the hamlets' (or the elections') own ids, read first by the commune index, so each statement
// probes the index of its table for the province's rows only. Filtering by commune through a join
// let PostgreSQL hash-join a scan of the whole national table instead (docs/benchmarks.md).

export interface HeadElectionRow {
  readonly id: string;
  readonly hamletId: string;
  readonly termLabel: string;
  readonly profileId: string;
  readonly electionDate: string | null;
  readonly state: string;
  readonly round: number;
  readonly roundId: string | null;
  readonly createdAt: string;
}

/** Every head election of the hamlets (all terms; the caller keeps the latest). */
export async function headElectionsOfHamlets(
  db: Db,
  hamletIds: readonly string[],
): Promise<HeadElectionRow[]> {
  return rowsOfIds<HeadElectionRow>(
    db,
    hamletIds,
    (match) => sql`select e.id, e.hamlet_id as "hamletId", e.term_label as "termLabel",
        e.profile_id as "profileId", e.election_date as "electionDate", e.state, e.round,
        e.round_id as "roundId", e.created_at as "createdAt"
      from elections e where ${match(sql.ref('e.hamlet_id'))} and e.position = 'head'`,
  );
}

/** The commune and final deadline of each round. */
export async function roundDeadlines(
  db: Db,
  roundIds: readonly string[],
): Promise<{ id: string; communeId: string; finalDeadline: string | null }[]> {
  return inChunks(roundIds, (part) =>
    db
      .selectFrom('election_rounds')
      .select(['id', 'commune_id as communeId', 'final_deadline as finalDeadline'])
      .where('id', 'in', part)
      .execute(),
  );
}

/** Tasks not done whose due day is before `today`, counted per round and election (null: the commune's own). */
export async function overdueTaskCounts(
  db: Db,
  roundIds: readonly string[],
  today: string,
): Promise<{ roundId: string; electionId: string | null; n: number }[]> {
  const rows = await inChunks(roundIds, (part) =>
    db
      .selectFrom('plan_tasks')
      .select(['round_id as roundId', 'election_id as electionId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('round_id', 'in', part)
      .where('status', '<>', 'done')
      .where('due', '<', today)
      .groupBy(['round_id', 'election_id'])
      .execute(),
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The history rows of the elections that reached one of `states`, in order. */
export async function stateChangesOfElections(
  db: Db,
  electionIds: readonly string[],
  states: readonly string[],
): Promise<StateChangeRow[]> {
  if (electionIds.length === 0 || states.length === 0) return [];
  return rowsOfIds<StateChangeRow>(
    db,
    electionIds,
    (match) => sql`select s.* from election_state_changes s
      where ${match(sql.ref('s.election_id'))} and s.to_state in (${sql.join([...states])})
      order by s.election_id, s.seq`,
  );
}
