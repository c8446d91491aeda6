import { expect, it } from 'vitest';
import { count, demo, plan } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { holdCount } from './office-support';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const pollingDay = () => new Date('2024-11-17T09:00:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEachDatabase('lifecycle: the election team records its own polling-day steps', (t) => {
  let electionId = '';
  let team: Actor;
  const ctx = (): ServiceContext => t.ctx(pollingDay);

  it('prepares the demo election to polling day', async () => {
    await demo.loadDemo(ctx());
    const row = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    electionId = row.id;
    must(await count.prepareDemoPolling(ctx(), officer, electionId));
    team = { ...aTeamMember(electionId), userId: 'u-team-steps' };
  });

  it('refuses by hand, for every role, the states only the count, its report and the decisions earn', async () => {
    const admin = { ...officer, role: 'admin' as const, userId: 'u-admin-steps' };
    for (const actor of [team, officer, admin]) {
      for (const to of ['counted', 'reported', 'recognised', 'rerunOrdered', 'interim'] as const) {
        const r = await plan.recordStep(ctx(), actor, electionId, { to, on: '2024-11-17' });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('step-earned');
          expect(r.error.message).toMatch(/chỉ được ghi khi .*trang/);
        }
      }
    }
    const e = await ctx()
      .store.db.selectFrom('elections')
      .select('state')
      .where('id', '=', electionId)
      .executeTakeFirstOrThrow();
    expect(e.state).toBe('polling');
    // The route's service namespace has no way around it.
    expect('advanceLifecycle' in plan).toBe(false);
    const life = must(await plan.getLifecycle(ctx(), team, electionId));
    expect(life.next.find((n) => n.to === 'counted')?.earnedBy).toMatch(/Kiểm phiếu/);
  });

  it("refuses another election's team member and a province viewer the polling-day steps", async () => {
    for (const actor of [aTeamMember('another-election'), aProvinceViewer('68')]) {
      const r = await plan.recordStep(ctx(), actor, electionId, {
        to: 'polling',
        on: '2024-11-17',
      });
      expect(!r.ok && r.error.code).toBe('forbidden');
    }
  });

  it('the team member earns "counted" by closing the count under their own role; the report earns "reported"', async () => {
    const countId = await holdCount(ctx(), electionId, '2024-11-17', 'elected', team);
    must(await count.issueResultReport(ctx(), officer, countId));
    const life = must(await plan.getLifecycle(ctx(), team, electionId));
    expect(life.state).toBe('reported');
    const rows = await ctx()
      .store.db.selectFrom('election_state_changes')
      .select(['to_state', 'recorded_by'])
      .where('election_id', '=', electionId)
      .where('to_state', 'in', ['counted', 'reported'])
      .execute();
    expect(rows.map((r) => [r.to_state, r.recorded_by])).toEqual([
      ['counted', 'u-team-steps'],
      ['reported', officer.userId],
    ]);
    const audit = await ctx()
      .store.db.selectFrom('audit_events')
      .select(['user_id', 'action'])
      .where('action', '=', 'election.step')
      .where('user_id', '=', 'u-team-steps')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
