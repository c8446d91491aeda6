import { expect, it } from 'vitest';
import { count, demo, polling, plan, office } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { adults, holdCount } from './office-support';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const vn =
  (day: string, hhmm = '09:00') =>
  () =>
    new Date(`${day}T${hhmm}:00+07:00`);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEachDatabase('re-election: round 2 from the rerun decision, then the interim path', (t) => {
  let electionId = '';
  let team: Actor;
  let clock = vn('2024-11-17');
  const ctx = (): ServiceContext => t.ctx(() => clock());
  const step = (actor: Actor, to: string, on: string) =>
    plan.recordStep(ctx(), actor, electionId, { to: to as 'interim', on });

  it('the first round fails and is reported; the commune orders a re-election within the window', async () => {
    await demo.loadDemo(ctx());
    const row = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    electionId = row.id;
    must(await count.prepareDemoPolling(ctx(), officer, electionId));
    team = { ...aTeamMember(electionId), userId: 'u-team-rerun' };
    must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 }));
    // The team closes a show of hands in which no one reaches the threshold; the report follows.
    const first = await holdCount(ctx(), electionId, '2024-11-17', 'failed', team);
    must(await count.issueResultReport(ctx(), officer, first));
    clock = vn('2024-11-18');
    must(
      await office.decideRecognition(ctx(), officer, electionId, {
        decision: 'rerun',
        on: '2024-11-18',
        rerunDate: '2024-11-24',
        reasons: ['Không người ứng cử nào đạt trên 50% số cử tri'],
      }),
    );
  });

  it('NĐ 59/2023 Điều 8: the decision (office.ts, reused) opens round 2 on its date within the window', async () => {
    const e = await ctx()
      .store.db.selectFrom('elections')
      .select(['round', 'election_date', 'state'])
      .where('id', '=', electionId)
      .executeTakeFirstOrThrow();
    expect(e).toEqual({ round: 2, election_date: '2024-11-24', state: 'rerunOrdered' });
    const early = await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 });
    expect(!early.ok && early.error.message).toMatch(/không phải ngày bầu cử/);
  });

  it('polling day of round 2: the voter who voted in round 1 checks in again; polling is recorded', async () => {
    clock = vn('2024-11-24');
    const v = must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 }));
    expect(v.voted).toBe(true);
    const turnout = must(await polling.getTurnout(ctx(), team, electionId));
    expect(turnout.voted).toBe(1);
    const life = must(await plan.getLifecycle(ctx(), team, electionId));
    expect(life.state).toBe('polling');
  });

  it('NĐ 59/2023: after the second failure the commune appoints an interim head (office-interim path)', async () => {
    const second = await holdCount(ctx(), electionId, '2024-11-24', 'failed', team);
    must(await count.issueResultReport(ctx(), officer, second));
    clock = vn('2024-11-25');
    const third = await office.decideRecognition(ctx(), officer, electionId, {
      decision: 'rerun',
      on: '2024-11-25',
      rerunDate: '2024-11-30',
      reasons: ['Lần hai vẫn không ai đạt trên 50%'],
    });
    expect(!third.ok && third.error.code).toBe('rerun-exhausted');
    // The interim state is earned by the appointment itself, never recorded as a bare step.
    expect(!(await step(officer, 'interim', '2024-11-25')).ok).toBe(true);
    const hamletId = (
      await ctx()
        .store.db.selectFrom('elections')
        .select('hamlet_id')
        .where('id', '=', electionId)
        .executeTakeFirstOrThrow()
    ).hamlet_id;
    const [person] = await adults(ctx(), hamletId, 1);
    must(
      await office.appointInterim(ctx(), officer, {
        hamletId,
        reason: 'failedElection',
        electionId,
        residentId: person!.id,
        on: '2024-11-25',
        signerName: 'Lê Thanh Bình',
      }),
    );
    expect(must(await plan.getLifecycle(ctx(), officer, electionId)).state).toBe('interim');
  });
});
