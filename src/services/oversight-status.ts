/**
 * The status of every hamlet's election in a set of communes, read in a few batched queries so that
 * a province of hundreds of communes loads in one request. "Late" and "next deadline" are the
 * preparation services' own definitions: a plan task is overdue when it is not done and its due day
 * has passed (as in the round view), and the next deadline is `deadlineOf` of the lifecycle for each
 * step the election may take next. Every report and dashboard derives its numbers from these rows,
 * so a commune's numbers and the province's sums cannot disagree.
 */
import type { Kysely } from 'kysely';
import type { CivilDate } from '../domain/calendar';
import type { ElectionState } from '../domain/election';
import { ELECTION_STATES, STATE_NAMES_VI, buildTimeline, nextStates } from '../domain/election';
import { formatCitation } from '../domain/rules';
import type { Db } from '../store';
import type { preparationPlan as planRepo } from '../store';
import { isHamletKind, hamletKinds } from '../domain/territory';
import { profileOf } from './preparation-common';
import { deadlineOf } from './preparation-lifecycle';

/** States in which the hamlet's election is over for the plan (results sent upward or acted on). */
export const DONE_STATES: readonly ElectionState[] = ['reported', 'recognised', 'interim'];
/** States with a counted result. */
const COUNTED_STATES: readonly ElectionState[] = [
  'counted',
  'reported',
  'recognised',
  'rerunOrdered',
  'interim',
];

export interface NextDeadline {
  readonly step: string;
  readonly title: string;
  readonly due: CivilDate;
  readonly citation: string;
  readonly passed: boolean;
}

export interface ElectionResult {
  readonly registered: number;
  readonly voted: number;
  /** Null until the count is closed. */
  readonly outcome: 'elected' | 'rerun' | 'interim' | null;
  readonly elected: { name: string; votes: number } | null;
}

export interface OfficeHolder {
  readonly name: string;
  readonly basis: string;
  readonly termEnd: CivilDate | null;
}

export interface HamletStatus {
  readonly hamletId: string;
  readonly hamletName: string;
  readonly hamletKind: string;
  readonly headTitle: string;
  readonly communeId: string;
  readonly electionId: string | null;
  readonly termLabel: string | null;
  readonly electionDate: CivilDate | null;
  readonly round: number;
  readonly state: ElectionState | null;
  readonly stateLabel: string;
  readonly roundId: string | null;
  readonly finalDeadline: CivilDate | null;
  readonly nextDeadline: NextDeadline | null;
  readonly overdueTasks: number;
  /** An overdue task or a passed next deadline. */
  readonly late: boolean;
  readonly reElection: boolean;
  readonly interim: boolean;
  /** Done for the plan: reported, recognised, or an interim head appointed. */
  readonly done: boolean;
  /** The day the election reached a done state (for progress over time). */
  readonly doneOn: CivilDate | null;
  readonly result: ElectionResult | null;
  /** Null when the office register holds nothing for the hamlet (or is not there yet). */
  readonly office: OfficeHolder | null;
}

export interface CommuneTasks {
  /** Overdue tasks of the commune's plans that belong to no hamlet. */
  readonly overdueCommuneTasks: number;
}

const chunks = <T>(xs: readonly T[], n = 400): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

const isState = (s: string): s is ElectionState => (ELECTION_STATES as readonly string[]).includes(s);

export function headTitle(kind: string): string {
  return isHamletKind(kind) ? hamletKinds[kind].headTitle : 'Trưởng thôn';
}

interface ElectionRow {
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

/** The head election of the latest term per hamlet: the one the commune reports on. */
async function latestHeadElections(db: Db, hamletIds: readonly string[]): Promise<Map<string, ElectionRow>> {
  const out = new Map<string, ElectionRow>();
  for (const part of chunks(hamletIds)) {
    const rows = await db
      .selectFrom('elections')
      .select([
        'id',
        'hamlet_id as hamletId',
        'term_label as termLabel',
        'profile_id as profileId',
        'election_date as electionDate',
        'state',
        'round',
        'round_id as roundId',
        'created_at as createdAt',
      ])
      .where('hamlet_id', 'in', part)
      .where('position', '=', 'head')
      .execute();
    for (const r of rows) {
      const prev = out.get(r.hamletId);
      if (!prev || [r.termLabel, r.createdAt].join('|') > [prev.termLabel, prev.createdAt].join('|'))
        out.set(r.hamletId, r);
    }
  }
  return out;
}

/** Overdue plan tasks (not done, due before today) per election and per commune-level round. */
async function overdueTasks(
  db: Db,
  roundIds: readonly string[],
  today: CivilDate,
): Promise<{ byElection: Map<string, number>; byRoundCommuneLevel: Map<string, number> }> {
  const byElection = new Map<string, number>();
  const byRoundCommuneLevel = new Map<string, number>();
  for (const part of chunks(roundIds)) {
    const rows = await db
      .selectFrom('plan_tasks')
      .select(['round_id as roundId', 'election_id as electionId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('round_id', 'in', part)
      .where('status', '!=', 'done')
      .where('due', '<', today)
      .groupBy(['round_id', 'election_id'])
      .execute();
    for (const r of rows) {
      const n = Number(r.n);
      if (r.electionId) byElection.set(r.electionId, (byElection.get(r.electionId) ?? 0) + n);
      else byRoundCommuneLevel.set(r.roundId, (byRoundCommuneLevel.get(r.roundId) ?? 0) + n);
    }
  }
  return { byElection, byRoundCommuneLevel };
}

/** The first day each election reached a done state. */
async function doneDays(db: Db, electionIds: readonly string[]): Promise<Map<string, CivilDate>> {
  const out = new Map<string, CivilDate>();
  for (const part of chunks(electionIds)) {
    const rows = await db
      .selectFrom('election_state_changes')
      .select(['election_id', 'on_date'])
      .where('election_id', 'in', part)
      .where('to_state', 'in', [...DONE_STATES])
      .execute();
    for (const r of rows) {
      const prev = out.get(r.election_id);
      if (!prev || r.on_date < prev) out.set(r.election_id, r.on_date);
    }
  }
  return out;
}

async function reportedHistory(db: Db, electionIds: readonly string[]) {
  const out = new Map<string, planRepo.StateChangeRow[]>();
  for (const part of chunks(electionIds)) {
    const rows = await db
      .selectFrom('election_state_changes')
      .selectAll()
      .where('election_id', 'in', part)
      .where('to_state', '=', 'reported')
      .orderBy('seq')
      .execute();
    for (const r of rows) out.set(r.election_id, [...(out.get(r.election_id) ?? []), r]);
  }
  return out;
}

/** The earliest deadline among the steps the election may take next, as the lifecycle defines it. */
export function nextDeadlineOf(
  e: Pick<ElectionRow, 'profileId' | 'electionDate'>,
  state: ElectionState,
  history: readonly planRepo.StateChangeRow[],
  today: CivilDate,
): NextDeadline | null {
  if (!e.electionDate) return null;
  const profile = profileOf(e.profileId, e.electionDate);
  if (!profile.ok) return null;
  const ec = { profile: profile.value, timeline: buildTimeline(profile.value, e.electionDate) };
  let best: NextDeadline | null = null;
  for (const to of nextStates(state)) {
    const d = deadlineOf(ec, to, history);
    if (d && (!best || d.due < best.due)) {
      best = {
        step: to,
        title: d.title,
        due: d.due,
        citation: formatCitation(d.citation),
        passed: today > d.due,
      };
    }
  }
  return best;
}

// The polling and office tables belong to other issues; these are the columns read here, typed
// locally so that this module does not depend on how those schemas are spelled elsewhere.
interface CountsView {
  counts: {
    id: string;
    election_id: string;
    position: string;
    round: number;
    candidates: string;
    registered: number;
    voted: number;
    opened_at: string;
  };
  count_closures: { count_id: string; result: string };
  office_terms: {
    hamlet_id: string;
    position: string;
    holder_name: string;
    basis: string;
    planned_end: string | null;
    ended_on: string | null;
    start_on: string;
  };
}

async function tableReadable(db: Db, table: 'counts' | 'office_terms'): Promise<boolean> {
  try {
    await (db as unknown as Kysely<CountsView>).selectFrom(table).select('position').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}

/** The closed (or open) head count of each election's current round; the result only when closed. */
async function results(db: Db, elections: readonly ElectionRow[]): Promise<Map<string, ElectionResult>> {
  const out = new Map<string, ElectionResult>();
  const wanted = elections.filter((e) => isState(e.state) && COUNTED_STATES.includes(e.state));
  if (wanted.length === 0 || !(await tableReadable(db, 'counts'))) return out;
  const k = db as unknown as Kysely<CountsView>;
  const rounds = new Map(wanted.map((e) => [e.id, e.round]));
  for (const part of chunks(wanted.map((e) => e.id))) {
    const rows = await k
      .selectFrom('counts as c')
      .leftJoin('count_closures as z', 'z.count_id', 'c.id')
      .select(['c.election_id', 'c.round', 'c.candidates', 'c.registered', 'c.voted', 'z.result'])
      .where('c.election_id', 'in', part)
      .where('c.position', '=', 'head')
      .orderBy('c.opened_at')
      .execute();
    for (const r of rows) {
      if (r.round !== rounds.get(r.election_id) || r.result === null) continue;
      out.set(r.election_id, resultOf(r.registered, r.voted, r.candidates, r.result));
    }
  }
  return out;
}

function resultOf(
  registered: number,
  voted: number,
  candidatesJson: string,
  resultJson: string,
): ElectionResult {
  const parsed = JSON.parse(resultJson) as {
    outcome?: ElectionResult['outcome'];
    elected?: string[];
    candidates?: { id: string; votes: number }[];
  };
  const names = new Map(
    (JSON.parse(candidatesJson) as { id: string; name: string }[]).map((c) => [c.id, c.name]),
  );
  const winner = parsed.outcome === 'elected' ? parsed.elected?.[0] : undefined;
  const votes = parsed.candidates?.find((c) => c.id === winner)?.votes ?? 0;
  return {
    registered,
    voted,
    outcome: parsed.outcome ?? null,
    elected: winner ? { name: names.get(winner) ?? winner, votes } : null,
  };
}

async function officeHolders(db: Db, hamletIds: readonly string[]): Promise<Map<string, OfficeHolder>> {
  const out = new Map<string, OfficeHolder>();
  if (hamletIds.length === 0 || !(await tableReadable(db, 'office_terms'))) return out;
  const k = db as unknown as Kysely<CountsView>;
  for (const part of chunks(hamletIds)) {
    const rows = await k
      .selectFrom('office_terms')
      .select(['hamlet_id', 'holder_name', 'basis', 'planned_end', 'start_on'])
      .where('hamlet_id', 'in', part)
      .where('position', '=', 'head')
      .where('ended_on', 'is', null)
      .orderBy('start_on')
      .execute();
    for (const r of rows)
      out.set(r.hamlet_id, { name: r.holder_name, basis: r.basis, termEnd: r.planned_end });
  }
  return out;
}

export interface HamletRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly communeId: string;
}

export async function listHamletsOf(db: Db, communeIds: readonly string[]): Promise<HamletRef[]> {
  const out: HamletRef[] = [];
  for (const part of chunks(communeIds)) {
    out.push(
      ...(await db
        .selectFrom('hamlets')
        .select(['id', 'name', 'kind', 'commune_id as communeId'])
        .where('commune_id', 'in', part)
        .where('dissolved_on', 'is', null)
        .execute()),
    );
  }
  const collator = new Intl.Collator('vi', { numeric: true });
  return out.sort((a, b) => collator.compare(a.name, b.name));
}

export interface StatusSet {
  readonly hamlets: HamletStatus[];
  /** Overdue commune-level tasks per commune id. */
  readonly communeTasks: Map<string, number>;
}

/** The status of every hamlet of the given communes on `today` (Vietnam civil date). */
export async function statusOf(db: Db, communeIds: readonly string[], today: CivilDate): Promise<StatusSet> {
  const hamlets = await listHamletsOf(db, communeIds);
  const elections = await latestHeadElections(
    db,
    hamlets.map((h) => h.id),
  );
  const rows = [...elections.values()];
  const roundIds = [...new Set(rows.map((e) => e.roundId).filter((x): x is string => x !== null))];
  const rounds = new Map<string, { communeId: string; finalDeadline: string | null }>();
  for (const part of chunks(roundIds)) {
    for (const r of await db
      .selectFrom('election_rounds')
      .select(['id', 'commune_id', 'final_deadline'])
      .where('id', 'in', part)
      .execute())
      rounds.set(r.id, { communeId: r.commune_id, finalDeadline: r.final_deadline });
  }
  const overdue = await overdueTasks(db, roundIds, today);
  const reported = await reportedHistory(
    db,
    rows.filter((e) => e.state === 'reported').map((e) => e.id),
  );
  const counted = await results(db, rows);
  const doneOn = await doneDays(
    db,
    rows.filter((e) => isState(e.state) && DONE_STATES.includes(e.state)).map((e) => e.id),
  );
  const office = await officeHolders(
    db,
    hamlets.map((h) => h.id),
  );
  const communeTasks = new Map<string, number>();
  for (const [roundId, n] of overdue.byRoundCommuneLevel) {
    const c = rounds.get(roundId)?.communeId;
    if (c) communeTasks.set(c, (communeTasks.get(c) ?? 0) + n);
  }
  return {
    hamlets: hamlets.map((h) => {
      const e = elections.get(h.id);
      const state = e && isState(e.state) ? e.state : null;
      const next = e && state ? nextDeadlineOf(e, state, reported.get(e.id) ?? [], today) : null;
      const tasks = e ? (overdue.byElection.get(e.id) ?? 0) : 0;
      return {
        hamletId: h.id,
        hamletName: h.name,
        hamletKind: h.kind,
        headTitle: headTitle(h.kind),
        communeId: h.communeId,
        electionId: e?.id ?? null,
        termLabel: e?.termLabel ?? null,
        electionDate: e?.electionDate ?? null,
        round: e?.round ?? 0,
        state,
        stateLabel: state ? STATE_NAMES_VI[state] : 'Chưa lập kế hoạch bầu',
        roundId: e?.roundId ?? null,
        finalDeadline: e?.roundId ? (rounds.get(e.roundId)?.finalDeadline ?? null) : null,
        nextDeadline: next,
        overdueTasks: tasks,
        late: tasks > 0 || (next?.passed ?? false),
        reElection: state === 'rerunOrdered' || (e?.round ?? 0) > 1,
        interim: state === 'interim' || office.get(h.id)?.basis === 'interim',
        done: state !== null && DONE_STATES.includes(state),
        doneOn: e ? (doneOn.get(e.id) ?? null) : null,
        result: e ? (counted.get(e.id) ?? null) : null,
        office: office.get(h.id) ?? null,
      };
    }),
    communeTasks,
  };
}
