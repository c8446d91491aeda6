/** Fixtures of the after-the-vote tests: the demo ward, an election already reported, residents. */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../src/services';
import { demo } from '../../src/services';
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
}

/**
 * An election whose count was reported to the commune on `receivedOn`: the state and its history
 * written as the lifecycle would have written them (the polling steps are tested elsewhere).
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
      state: 'reported',
      round: e.round ?? 1,
      created_at: '2026-01-01T00:00:00.000Z',
      round_id: null,
      form: 'meeting',
      start_time: '07:30',
      venue: 'Nhà văn hóa',
    })
    .execute();
  const steps: [string, string, string][] = [
    ['rollPosted', 'polling', e.electionDate],
    ['polling', 'counted', e.electionDate],
    ['counted', 'reported', e.receivedOn],
  ];
  for (const [n, [from, to, on]] of steps.entries()) {
    await db
      .insertInto('election_state_changes')
      .values({
        id: randomUUID(),
        election_id: id,
        seq: n + 1,
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
  await sealFixture(ctx, 'reportedElection', id);
  return id;
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
