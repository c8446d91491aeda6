import { expect, it } from 'vitest';
import { count, demo, plan } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

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

  it('refuses a team member a step that is not a polling-day step (the commune records those)', async () => {
    const r = await plan.recordStep(ctx(), team, electionId, {
      to: 'recognised',
      on: '2024-11-17',
    });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });

  it("refuses another election's team member and a province viewer the polling-day steps", async () => {
    for (const actor of [aTeamMember('another-election'), aProvinceViewer('68')]) {
      const r = await plan.recordStep(ctx(), actor, electionId, {
        to: 'counted',
        on: '2024-11-17',
      });
      expect(!r.ok && r.error.code).toBe('forbidden');
    }
  });

  it('lets the team member record "counted" and "reported" under their own role (no stand-in actor)', async () => {
    const counted = must(await plan.recordStep(ctx(), team, electionId, { to: 'counted', on: '2024-11-17' }));
    expect(counted.state).toBe('counted');
    const reported = must(
      await plan.recordStep(ctx(), team, electionId, { to: 'reported', on: '2024-11-17' }),
    );
    expect(reported.state).toBe('reported');
    const rows = await ctx()
      .store.db.selectFrom('election_state_changes')
      .select(['to_state', 'recorded_by'])
      .where('election_id', '=', electionId)
      .where('to_state', 'in', ['counted', 'reported'])
      .execute();
    expect(rows.map((r) => r.recorded_by)).toEqual(['u-team-steps', 'u-team-steps']);
    const audit = await ctx()
      .store.db.selectFrom('audit_events')
      .select(['user_id', 'action'])
      .where('action', '=', 'election.step')
      .where('user_id', '=', 'u-team-steps')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('still refuses a team member a late step with a chair override (only a commune officer records it)', async () => {
    const late = () => new Date('2024-12-30T03:00:00.000Z');
    const r = await plan.recordStep(t.ctx(late), team, electionId, {
      to: 'recognised',
      on: '2024-12-30',
      override: { authorisedBy: 'Nguyễn Văn A', reason: 'Cho phép ghi muộn vì lý do khách quan' },
    });
    expect(r.ok).toBe(false);
  });
});
