/** Fixtures of the after-the-vote tests: the demo ward, an election already reported, residents. */
import { randomUUID } from 'node:crypto';
import type { Actor, Result, ServiceContext } from '../../src/services';
import { count, demo, office, polling } from '../../src/services';
import { aCommuneOfficer } from '../support/actors';
import { sealFixture } from '../support/sealed-fixture';

export const WARD = '24820';

/** A clock at 10:00 in Vietnam on `day`. */
export const at = (day: string) => () => new Date(`${day}T03:00:00.000Z`);

export async function hamlets(ctx: ServiceContext): Promise<{ id: string; name: string; kind: string }[]> {
  return ctx.store.db
    .selectFrom('hamlets')
    .select(['id', 'name', 'kind'])
    .where('commune_id', '=', WARD)
    .orderBy('name')
    .execute();
}

export async function loadWard(ctx: ServiceContext) {
  await demo.loadDemo(ctx);
  return hamlets(ctx);
}

/** Adults living in a hamlet, oldest first. */
export async function adults(ctx: ServiceContext, hamletId: string, n = 5) {
  return ctx.store.db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name as name', 'r.household_id as householdId'])
    .where('h.hamlet_id', '=', hamletId)
    .where('r.birth_date', '<', '1990-01-01')
    .orderBy('r.birth_date')
    .limit(n)
    .execute();
}

export interface ReportedElection {
  readonly hamletId: string;
  readonly profileId?: string;
  readonly electionDate: string;
  readonly receivedOn: string;
  readonly round?: number;
  readonly termLabel?: string;
  /**
   * With a count, the election is brought to polling day and its count held by show of hands through
   * the count's own services: `elected`, the first official candidate wins (recognition finds a closed
   * count that elects a person); `failed`, one hand each and no one reaches the threshold. Without
   * it, no count is kept here (a re-election or a reply decided on the report alone).
   */
  readonly count?: HandsOutcome;
}

/**
 * An election whose result was reported to the commune on `receivedOn`. The election row, the steps
 * up to the roll and the "reported" step are written as the lifecycle would have written them, and
 * sealed (the preparation and the report's deadline are tested elsewhere); the count, when asked for,
 * is held through the services and moves the election to "counted" itself.
 */
export async function reportedElection(ctx: ServiceContext, e: ReportedElection): Promise<string> {
  const id = randomUUID();
  const db = ctx.store.db;
  await db
    .insertInto('elections')
    .values({
      id,
      hamlet_id: e.hamletId,
      position: 'head',
      term_label: e.termLabel ?? '2026-2031',
      profile_id: e.profileId ?? 'nd59-2023',
      election_date: e.electionDate,
      state: e.count ? 'rollPosted' : 'reported',
      round: e.round ?? 1,
      created_at: '2026-01-01T00:00:00.000Z',
      round_id: null,
      form: 'meeting',
      start_time: '07:30',
      venue: 'Nhà văn hóa',
    })
    .execute();
  if (e.count) {
    // Sealed before the services write: a change left pending is never sealed by a later write.
    await sealFixture(ctx, 'reportedElection', id);
    must(await count.prepareDemoPolling({ ...ctx, now: at(e.electionDate) }, aCommuneOfficer(WARD), id));
    await holdCount(ctx, id, e.electionDate, e.count);
    await writeSteps(ctx, id, [['counted', 'reported', e.receivedOn]]);
  } else {
    await writeSteps(ctx, id, [
      ['rollPosted', 'polling', e.electionDate],
      ['polling', 'counted', e.electionDate],
      ['counted', 'reported', e.receivedOn],
    ]);
  }
  await sealFixture(ctx, 'reportedElection', id);
  return id;
}

async function writeSteps(ctx: ServiceContext, id: string, steps: [string, string, string][]) {
  const db = ctx.store.db;
  const last = await db
    .selectFrom('election_state_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('election_id', '=', id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0);
  for (const [n, [from, to, on]] of steps.entries()) {
    await db
      .insertInto('election_state_changes')
      .values({
        id: randomUUID(),
        election_id: id,
        seq: seq + n + 1,
        from_state: from,
        to_state: to,
        on_date: on,
        step_id: null,
        due: null,
        override_id: null,
        note: null,
        recorded_by: null,
        recorded_at: `${on}T03:00:00.000Z`,
      })
      .execute();
  }
  const final = steps[steps.length - 1];
  if (final) await db.updateTable('elections').set({ state: final[1] }).where('id', '=', id).execute();
}

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

export type HandsOutcome = 'elected' | 'failed';

/**
 * A show of hands of the election's current round, closed through the count's services (which move
 * the election to "counted"); the roll must be posted and the election polling.
 */
export async function holdCount(
  ctx: ServiceContext,
  electionId: string,
  day: string,
  outcome: HandsOutcome,
  officer: Actor = aCommuneOfficer(WARD),
): Promise<string> {
  const onDay = { ...ctx, now: at(day) };
  const roll = await polling.postedRoll(ctx.store.db, electionId);
  if (!roll) throw new Error('no posted roll');
  const voted = roll.registered - 2;
  const opened = must(
    await count.openCount(onDay, officer, electionId, {
      position: 'head',
      voted,
      issued: voted,
      received: voted,
      method: 'hands',
    }),
  );
  const view = must(await count.getCount(onDay, officer, opened.id));
  const [first, ...rest] = view.candidates;
  const votes = Object.fromEntries([
    [first!.id, outcome === 'elected' ? voted - rest.length : 1],
    ...rest.map((c) => [c.id, 1] as const),
  ]);
  must(await count.recordHands(onDay, officer, opened.id, votes));
  const closed = must(await count.closeCount(onDay, officer, opened.id));
  if (closed.electionState !== 'counted') throw new Error(closed.stepFailure ?? 'count not closed');
  return opened.id;
}

/** A round counted and reported on polling day through the services, as the team does it. */
export async function countAndReport(
  ctx: ServiceContext,
  electionId: string,
  day: string,
  outcome: HandsOutcome,
  actor: Actor = aCommuneOfficer(WARD),
): Promise<void> {
  const countId = await holdCount(ctx, electionId, day, outcome, actor);
  must(await count.issueResultReport({ ...ctx, now: at(day) }, actor, countId));
}

/** The person the election's closed count elected (the one recognition names). */
export async function electedOf(
  ctx: ServiceContext,
  electionId: string,
): Promise<{ id: string; name: string }> {
  const inbox = must(await office.recognitionInbox(ctx, aCommuneOfficer(WARD), WARD));
  const winner = inbox.items.find((i) => i.electionId === electionId)?.outcome?.elected[0];
  if (!winner) throw new Error('no one elected by this election’s count');
  return { id: winner.residentId, name: winner.name };
}

/** Official candidates of an election (Tây Ninh: the interim head is chosen among them). */
export async function officialCandidates(
  ctx: ServiceContext,
  electionId: string,
  residentIds: readonly string[],
) {
  for (const [n, rid] of residentIds.entries()) {
    await ctx.store.db
      .insertInto('nominations')
      .values({
        id: randomUUID(),
        election_id: electionId,
        position: 'head',
        resident_id: rid,
        source: 'frontCommittee',
        nominated_on: '2026-01-10',
        education: '12/12',
        occupation: 'Hưu trí',
        eligibility: '{}',
        exception_reason: null,
        drafted: 1,
        approved: 1,
        official: 1,
        ballot_order: n + 1,
        withdrawn: 0,
        created_at: '2026-01-10T00:00:00.000Z',
      })
      .execute();
  }
  await sealFixture(ctx, 'officialCandidates', electionId);
}
