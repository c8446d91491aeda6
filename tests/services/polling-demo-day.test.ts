import { expect, it } from 'vitest';
import { count, demo, polling, roll } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { sealFixture } from '../support/sealed-fixture';
import { DEMO_COMMUNE, demoElection, must } from '../support/demo-election';

const officer = aCommuneOfficer(DEMO_COMMUNE);
/** Today, mid-morning in Vietnam: 3 December 2026. */
const today = () => new Date('2026-12-03T09:30:00+07:00');

describeEachDatabase('demo: polling day tried from the UI, whatever earlier trials left', (t) => {
  const ctx = (): ServiceContext => t.ctx(today);
  const s = { kp1: '', first: '', second: '' };
  const scopeOf = async (username: string) =>
    (
      await ctx()
        .store.db.selectFrom('users')
        .select('scope_id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).scope_id;

  it('loads the demo ward with both team accounts', async () => {
    await demo.loadDemo(ctx());
    const users = await ctx().store.db.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username)).toContain('tobaucu2.kp1');
    const hamlet = await ctx()
      .store.db.selectFrom('elections')
      .select('hamlet_id')
      .where('id', '=', await demoElection(ctx()))
      .executeTakeFirstOrThrow();
    s.kp1 = hamlet.hamlet_id;
  });

  it('prepares the demo election even when the commune has drafted its roll (posts the draft as it stands)', async () => {
    const electionId = await demoElection(ctx());
    await ctx()
      .store.db.updateTable('elections')
      .set({ state: 'teamFormed' })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(ctx(), 'teamFormed', electionId);
    const draft = must(await roll.buildRoll(ctx(), officer, electionId, {}));
    const prepared = must(await count.prepareDemoPolling(ctx(), officer, electionId, { onToday: true }));
    expect(prepared.registered).toBe(draft.counts.registered);
    const again = must(await count.prepareDemoPolling(ctx(), officer, electionId, { onToday: true }));
    expect(again.registered).toBe(prepared.registered);
  });

  it('creates a trial election of Khu phố 1 dated today with the team accounts, a posted roll and the ballots', async () => {
    const r = must(await count.startDemoPollingDay(ctx(), officer, s.kp1));
    s.first = r.electionId;
    expect(r.electionDate).toBe('2026-12-03');
    expect(r.registered).toBeGreaterThan(100);
    expect(r.teamAccounts).toEqual(['tobaucu.kp1', 'tobaucu2.kp1']);
    expect(await scopeOf('tobaucu.kp1')).toBe(r.electionId);
    expect(await scopeOf('tobaucu2.kp1')).toBe(r.electionId);
    const team = aTeamMember(r.electionId);
    const ballots = must(await polling.getBallots(ctx(), team, r.electionId));
    expect(ballots.positions[0]).toMatchObject({ position: 'head', received: r.registered + 10, issued: 0 });
    // Polling day is today: the team checks a voter in.
    const checked = must(await polling.checkIn(ctx(), team, r.electionId, { rollNumber: 1 }));
    expect(checked.rollNumber).toBe(1);
  });

  it('works again after a trial: a second trial election, and the accounts move to it', async () => {
    const r = must(await count.startDemoPollingDay(ctx(), officer, s.kp1));
    expect(r.electionId).not.toBe(s.first);
    expect(await scopeOf('tobaucu.kp1')).toBe(r.electionId);
    const team = aTeamMember(r.electionId);
    expect(must(await polling.getTurnout(ctx(), team, r.electionId)).voted).toBe(0);
  });

  it('refuses a team member and a hamlet outside the demo ward, and changes nothing', async () => {
    const before = (await ctx().store.db.selectFrom('elections').select('id').execute()).length;
    const byTeam = await count.startDemoPollingDay(ctx(), aTeamMember(s.first), s.kp1);
    expect(!byTeam.ok && byTeam.error.code).toBe('forbidden');
    const other = await count.startDemoPollingDay(ctx(), aCommuneOfficer('00001'), s.kp1);
    expect(!other.ok && other.error.code).toBe('forbidden');
    const missing = await count.startDemoPollingDay(ctx(), officer, 'no-such-hamlet');
    expect(!missing.ok && missing.error.code).toBe('not-found');
    expect((await ctx().store.db.selectFrom('elections').select('id').execute()).length).toBe(before);
  });
});
