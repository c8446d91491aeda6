/**
 * The rows of data at scale (issue 11), built in memory for one batch of communes: each hamlet's head
 * election, its history (the steps the demo province also records), its plan tasks (the timeline's
 * steps, done when due before the reference day unless the hamlet lags), and for counted hamlets a
 * closed show-of-hands count whose result comes from the rules engine's `tally`, and the recognised
 * head in the office register. services/demo-scale.ts inserts them.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { addDays, addMonths } from '../../domain/calendar';
import type { CivilDate } from '../../domain/calendar';
import { tally } from '../../domain/count';
import type { Timeline } from '../../domain/election';
import { buildTimeline } from '../../domain/election';
import type { RuleProfile } from '../../domain/rules';
import { formatCitation } from '../../domain/rules';
import type { DemoHousehold, PersonalIdAllocator } from '../../demo/population';
import type { ScaleCommune, ScaleHamlet, ScaleMode } from '../../demo/scale';
import { candidateNames } from '../../demo/scale';
import type { DatabaseSchema } from '../../store';
import { closureSummaryOf } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { handsRows, pathTo, stepDay } from './oversight-demo';

const COUNTED: readonly string[] = ['counted', 'reported', 'recognised', 'rerunOrdered', 'interim'];

export type Rows<T extends keyof DatabaseSchema> = Insertable<DatabaseSchema[T]>[];

export interface Batch {
  hamlets: Rows<'hamlets'>;
  rounds: Rows<'election_rounds'>;
  elections: Rows<'elections'>;
  changes: Rows<'election_state_changes'>;
  tasks: Rows<'plan_tasks'>;
  counts: Rows<'counts'>;
  hands: Rows<'count_hands'>;
  closures: Rows<'count_closures'>;
  terms: Rows<'office_terms'>;
}

export const emptyBatch = (): Batch => ({
  hamlets: [],
  rounds: [],
  elections: [],
  changes: [],
  tasks: [],
  counts: [],
  hands: [],
  closures: [],
  terms: [],
});

export interface Loader {
  readonly ctx: ServiceContext;
  readonly actor: Actor;
  readonly mode: ScaleMode;
  readonly seed: number;
  readonly today: CivilDate;
  readonly at: string;
  readonly profile: RuleProfile;
  readonly timelines: Map<CivilDate, Timeline>;
  readonly ids: PersonalIdAllocator;
  /** Personal IDs may clash with residents stored before (an earlier run, the demo ward). */
  readonly checkIds: boolean;
  readonly birthProvinceCode: string;
}

function timelineOf(l: Loader, day: CivilDate): Timeline {
  let t = l.timelines.get(day);
  if (!t) {
    t = buildTimeline(l.profile, day);
    l.timelines.set(day, t);
  }
  return t;
}

function adultsOf(households: readonly DemoHousehold[], year: number) {
  return households
    .map((h) => h.members[0]!)
    .filter(
      (m) => year - Number(m.birthDate.slice(0, 4)) >= 30 && year - Number(m.birthDate.slice(0, 4)) <= 65,
    );
}

/** A closed show-of-hands count whose result comes from the rules engine, as the demo province does. */
function countRows(
  l: Loader,
  b: Batch,
  electionId: string,
  h: ScaleHamlet,
  households: readonly DemoHousehold[],
  day: CivilDate,
  salt: number,
): string | null {
  const year = Number(day.slice(0, 4));
  const people = adultsOf(households, year).slice(0, 2);
  const names =
    people.length === 2 ? people.map((p) => p.fullName) : candidateNames((l.seed * 31 + salt) | 0, year);
  const candidates = names.map((name, i) => ({
    id: `c${i + 1}`,
    name,
    birthDate: people[i]?.birthDate ?? `${year - 40 - i}-01-01`,
    residentId: '',
    order: i + 1,
  }));
  const registered =
    households.length > 0 ? households.length : 80 + ((Math.imul(salt, 2654435761) >>> 0) % 520);
  const voted = Math.round((registered * h.turnoutPercent) / 100);
  const share = h.state === 'rerunOrdered' || h.state === 'interim' ? 0.45 : 0.8;
  const first = Math.floor(voted * share);
  const round = h.state === 'interim' ? 2 : 1;
  const result = tally(l.profile, {
    position: 'head',
    seats: 1,
    round,
    registered,
    voted,
    issued: voted,
    received: voted,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })),
    hands: { c1: first, c2: voted - first },
  });
  if (!result.ok) return null;
  const id = randomUUID();
  b.counts.push({
    id,
    election_id: electionId,
    position: 'head',
    round,
    seats: 1,
    form: result.value.form,
    method: 'hands',
    ballot_form: 'strikeOut',
    candidates: JSON.stringify(candidates),
    registered,
    voted,
    issued: voted,
    received: voted,
    double_entry: 0,
    roll_snapshot_id: null,
    opened_at: l.at,
    opened_by: null,
  });
  b.hands.push(...handsRows(id, { c1: first, c2: voted - first }, l.at));
  b.closures.push({
    count_id: id,
    result: JSON.stringify(result.value),
    ...closureSummaryOf(result.value),
    corrections: 0,
    closed_by: null,
    closed_at: l.at,
  });
  return result.value.outcome === 'elected' ? candidates[0]!.name : null;
}

export function electionRows(
  l: Loader,
  b: Batch,
  c: ScaleCommune,
  roundId: string,
  hamletId: string,
  h: ScaleHamlet,
  households: readonly DemoHousehold[],
  salt: number,
  order: number,
): void {
  const id = randomUUID();
  const day = addDays(l.today, h.electionOffset);
  const planDate = addDays(l.today, c.planOffset);
  b.elections.push({
    id,
    hamlet_id: hamletId,
    position: 'head',
    term_label: c.termLabel,
    profile_id: l.profile.id,
    election_date: day,
    state: h.state,
    round: h.state === 'interim' ? 2 : 1,
    created_at: l.at,
    round_id: roundId,
    form: 'meeting',
    start_time: '07:30',
    venue: null,
  });
  const path = pathTo(h.state);
  path.forEach((to, i) =>
    b.changes.push({
      id: randomUUID(),
      election_id: id,
      seq: i + 1,
      from_state: i === 0 ? '' : path[i - 1]!,
      to_state: to,
      on_date: i === 0 ? planDate : stepDay(to, day, planDate, l.today),
      step_id: null,
      due: null,
      override_id: null,
      note: 'Dữ liệu minh họa quy mô lớn',
      recorded_by: null,
      recorded_at: l.at,
    }),
  );
  timelineOf(l, day).steps.forEach((s, n) => {
    const done = s.due < l.today && !h.lagging;
    b.tasks.push({
      id: randomUUID(),
      round_id: roundId,
      hamlet_id: hamletId,
      election_id: id,
      step_id: s.id,
      source: 'timeline',
      title: s.title,
      lead: s.actor,
      partners: '[]',
      due: s.due,
      status: done ? 'done' : 'todo',
      citation: formatCitation(s.citation),
      done_on: done ? s.due : null,
      sort: order * 100 + n,
      updated_at: l.at,
    });
  });
  if (!COUNTED.includes(h.state)) return;
  const elected = countRows(l, b, id, h, households, day, salt);
  if (!elected || (h.state !== 'recognised' && h.state !== 'interim')) return;
  const start = stepDay('recognised', day, planDate, l.today);
  b.terms.push({
    id: randomUUID(),
    hamlet_id: hamletId,
    resident_group_id: null,
    position: 'head',
    holder_name: elected,
    resident_id: null,
    basis: 'elected',
    election_id: id,
    document_id: null,
    decision_ref: null,
    profile_id: l.profile.id,
    term_label: c.termLabel,
    start_on: start,
    planned_end: addDays(addMonths(start, l.profile.term.value.months), -1),
    new_election_by: null,
    ended_on: null,
    end_reason: null,
    end_ref: null,
    created_at: l.at,
    created_by: null,
  });
}
