/**
 * The status of every hamlet's election in a set of communes, read in a few batched queries so that
 * a province of hundreds of communes loads in one request. "Late" and "next deadline" are the
 * preparation services' own definitions: a plan task is overdue when it is not done and its due day
 * has passed (as in the round view), and the next deadline is `deadlineOf` of the lifecycle for each
 * step the election may take next. Every report and dashboard derives its numbers from these rows,
 * so a commune's numbers and the province's sums cannot disagree.
 */
import type { CivilDate } from '../../domain/calendar';
import type { ElectionState } from '../../domain/election';
import { ELECTION_STATES, STATE_NAMES_VI, buildTimeline, nextStates } from '../../domain/election';
import type { Timeline } from '../../domain/election';
import { formatCitation } from '../../domain/rules';
import type { RuleProfile } from '../../domain/rules';
import type { Db } from '../../store';
import { office as officeRepo, preparationPlan as planRepo, territory as territoryRepo } from '../../store';
import { isHamletKind, hamletKinds } from '../../domain/territory';
import { profileOf } from '../common';
import { deadlineOf } from '../plan';
import * as counting from '../count';

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
  /** The result stored at closing differs from the one recomputed from the records. */
  readonly suspect: boolean;
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
  readonly rerun: boolean;
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
  for (const r of await planRepo.headElectionsOfHamlets(db, hamletIds)) {
    const prev = out.get(r.hamletId);
    if (!prev || [r.termLabel, r.createdAt].join('|') > [prev.termLabel, prev.createdAt].join('|'))
      out.set(r.hamletId, r);
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
  for (const r of await planRepo.overdueTaskCounts(db, roundIds, today)) {
    if (r.electionId) byElection.set(r.electionId, (byElection.get(r.electionId) ?? 0) + r.n);
    else byRoundCommuneLevel.set(r.roundId, (byRoundCommuneLevel.get(r.roundId) ?? 0) + r.n);
  }
  return { byElection, byRoundCommuneLevel };
}

/** The first day each election reached a done state, and the history of the "reported" step. */
async function doneHistory(db: Db, elections: readonly ElectionRow[]) {
  const doneOn = new Map<string, CivilDate>();
  const reported = new Map<string, planRepo.StateChangeRow[]>();
  const done = new Set(
    elections.filter((e) => isState(e.state) && DONE_STATES.includes(e.state)).map((e) => e.id),
  );
  const inReported = new Set(elections.filter((e) => e.state === 'reported').map((e) => e.id));
  // One read for both: "reported" is one of the done states.
  for (const r of await planRepo.stateChangesOfElections(db, [...done], DONE_STATES)) {
    if (done.has(r.election_id)) {
      const prev = doneOn.get(r.election_id);
      if (!prev || r.on_date < prev) doneOn.set(r.election_id, r.on_date);
    }
    if (r.to_state === 'reported' && inReported.has(r.election_id))
      reported.set(r.election_id, [...(reported.get(r.election_id) ?? []), r]);
  }
  return { doneOn, reported };
}

type ElectionCalendar = { profile: RuleProfile; timeline: Timeline };

/**
 * Timelines by profile and election day. Both are pure functions of code (rule profiles, the
 * calendar), and a province's thousands of hamlets vote on a few dozen days: building the timeline
 * once per day instead of once per hamlet took the province dashboard's JavaScript from the largest
 * cost to a small one. Bounded, so a long-running process does not grow it without end.
 */
const calendars = new Map<string, ElectionCalendar | null>();

function calendarOf(profileId: string, electionDate: CivilDate): ElectionCalendar | null {
  const key = `${profileId}|${electionDate}`;
  const hit = calendars.get(key);
  if (hit !== undefined) return hit;
  const profile = profileOf(profileId, electionDate);
  const ec = profile.ok
    ? { profile: profile.value, timeline: buildTimeline(profile.value, electionDate) }
    : null;
  if (calendars.size >= 5_000) calendars.clear();
  calendars.set(key, ec);
  return ec;
}

/** The earliest deadline among the steps the election may take next, as the lifecycle defines it. */
export function nextDeadlineOf(
  e: Pick<ElectionRow, 'profileId' | 'electionDate'>,
  state: ElectionState,
  history: readonly planRepo.StateChangeRow[],
  today: CivilDate,
): NextDeadline | null {
  if (!e.electionDate) return null;
  const ec = calendarOf(e.profileId, e.electionDate);
  if (!ec) return null;
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

/**
 * The closed head count of each election's current round, recomputed from its records: the figures
 * are the papers' (or the hands'), and an election whose stored result differs is `suspect`.
 */
async function results(
  db: Db,
  elections: readonly ElectionRow[],
  today: CivilDate,
): Promise<Map<string, ElectionResult>> {
  const out = new Map<string, ElectionResult>();
  const wanted = new Map(
    elections.filter((e) => isState(e.state) && COUNTED_STATES.includes(e.state)).map((e) => [e.id, e]),
  );
  if (wanted.size === 0) return out;
  const profileOfElection = (id: string) => {
    const e = wanted.get(id);
    const p = e ? profileOf(e.profileId, e.electionDate ?? today) : null;
    return p?.ok ? p.value : null;
  };
  for (const c of await counting.checkedHeadCounts(db, [...wanted.keys()], profileOfElection)) {
    if (c.round !== wanted.get(c.electionId)?.round) continue;
    out.set(c.electionId, resultOf(c));
  }
  return out;
}

function resultOf(c: counting.CheckedHeadCount): ElectionResult {
  const r = c.result;
  const winner = r?.outcome === 'elected' ? r.elected[0] : undefined;
  const votes = r?.candidates.find((x) => x.id === winner)?.votes ?? 0;
  return {
    registered: r?.registered ?? c.registered,
    voted: r?.voted ?? c.voted,
    outcome: r?.outcome ?? null,
    elected: winner ? { name: c.candidates.find((x) => x.id === winner)?.name ?? winner, votes } : null,
    suspect: c.suspect,
  };
}

async function officeHolders(db: Db, hamletIds: readonly string[]): Promise<Map<string, OfficeHolder>> {
  const out = new Map<string, OfficeHolder>();
  for (const r of await officeRepo.currentHeadsOfHamlets(db, hamletIds))
    out.set(r.hamlet_id, { name: r.holder_name, basis: r.basis, termEnd: r.planned_end });
  return out;
}

export interface HamletRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly communeId: string;
}

export async function listHamletsOf(db: Db, communeIds: readonly string[]): Promise<HamletRef[]> {
  const out = await territoryRepo.activeHamletsOf(db, communeIds);
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
  // The hamlets first, by the commune index; every later read starts from their ids (or their
  // elections'), so its cost follows the communes' own rows, not the national tables' size.
  // Independent reads run side by side (PostgreSQL serves them on several pooled connections).
  const hamlets = await listHamletsOf(db, communeIds);
  const hamletIds = hamlets.map((h) => h.id);
  const [elections, office] = await Promise.all([
    latestHeadElections(db, hamletIds),
    officeHolders(db, hamletIds),
  ]);
  const rows = [...elections.values()];
  const roundIds = [...new Set(rows.map((e) => e.roundId).filter((x): x is string => x !== null))];
  const [roundList, overdue, { doneOn, reported }, counted] = await Promise.all([
    planRepo.roundDeadlines(db, roundIds),
    overdueTasks(db, roundIds, today),
    doneHistory(db, rows),
    results(db, rows, today),
  ]);
  const rounds = new Map(roundList.map((r) => [r.id, r] as const));
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
        rerun: state === 'rerunOrdered' || (e?.round ?? 0) > 1,
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
