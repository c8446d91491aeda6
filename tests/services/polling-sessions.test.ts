import { expect, it } from 'vitest';
import { count, demo, plan, polling } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { demoElection, must } from '../support/demo-election';
import { sealFixture } from '../support/sealed-fixture';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const vn = (hhmm: string) => () => new Date(`2024-11-17T${hhmm}:00+07:00`);

/** The demo ward's election, ready for polling day, as a Tây Ninh separate ballot starting at `start`. */
async function tayNinhDemoElection(ctx: ServiceContext, start: string): Promise<string> {
  await demo.loadDemo(ctx);
  const id = await demoElection(ctx);
  must(await count.prepareDemoPolling(ctx, officer, id));
  await ctx.store.db
    .updateTable('elections')
    .set({ profile_id: 'tay-ninh-2019', form: 'separateBallot', start_time: start })
    .where('id', '=', id)
    .execute();
  await sealFixture(ctx, 'fixture', id);
  return id;
}

describeEachDatabase('Tây Ninh Điều 16 k3f: polling in the session the commune chose', (t) => {
  let electionId = '';
  let team: Actor;
  let clock = vn('07:00');
  const ctx = (): ServiceContext => t.ctx(() => clock());
  const setStart = async (start: string | null) => {
    await ctx()
      .store.db.updateTable('elections')
      .set({ start_time: start })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(ctx(), 'fixture', electionId);
  };

  it('prepares the demo election under tay-ninh-2019, a separate ballot in the afternoon session', async () => {
    electionId = await tayNinhDemoElection(ctx(), '13:30');
    team = aTeamMember(electionId);
  });

  it('refuses a vote in the morning when the afternoon session was chosen, naming both sessions', async () => {
    clock = vn('08:00');
    const r = await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 });
    expect(!r.ok && r.error.code).toBe('outside-polling-hours');
    expect(!r.ok && r.error.message).toContain('cuộc bầu cử này bỏ phiếu từ 13:30 đến 19:00');
    expect(!r.ok && r.error.message).toContain('buổi sáng từ 07:30, buổi chiều từ 13:30');
    expect(!r.ok && r.error.message).toMatch(/Điều 16/);
  });

  it('accepts a vote in the afternoon session and refuses one after 19:00', async () => {
    clock = vn('13:35');
    expect(must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 })).voted).toBe(true);
    clock = vn('19:05');
    const late = await polling.checkIn(ctx(), team, electionId, { rollNumber: 2 });
    expect(!late.ok && late.error.code).toBe('outside-polling-hours');
  });

  it('with the morning session (or no start time) the poll opens at 07:30, not before', async () => {
    await setStart(null);
    clock = vn('07:20');
    const early = await polling.checkIn(ctx(), team, electionId, { rollNumber: 2 });
    expect(!early.ok && early.error.message).toContain('bỏ phiếu từ 07:30 đến 19:00');
    clock = vn('07:31');
    must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 2 }));
    const poll = must(await polling.getPoll(ctx(), team, electionId));
    expect(poll.window?.opens).toBe('07:30');
  });
});

describeEachDatabase('Tây Ninh Điều 16 k3f: the sessions the commune fixed in its plan', (t) => {
  let electionId = '';
  let team: Actor;
  let clock = vn('07:00');
  const ctx = (): ServiceContext => t.ctx(() => clock());
  const setSessions = async (sessions: { start: string; end: string }[] | null) => {
    await ctx()
      .store.db.updateTable('elections')
      .set({ polling_sessions: sessions ? JSON.stringify(sessions) : null })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(ctx(), 'fixture', electionId);
  };

  it('prepares the demo election under tay-ninh-2019 with no sessions recorded', async () => {
    electionId = await tayNinhDemoElection(ctx(), '07:30');
    team = aTeamMember(electionId);
  });

  it('between the two sessions the commune fixed a vote is refused, naming them; inside each it counts', async () => {
    await setSessions([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    clock = vn('08:00');
    must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 }));
    clock = vn('12:15');
    const between = await polling.checkIn(ctx(), team, electionId, { rollNumber: 2 });
    expect(!between.ok && between.error.code).toBe('outside-polling-hours');
    expect(!between.ok && between.error.message).toContain('buổi 07:30–11:30 và buổi 13:30–17:00');
    clock = vn('13:31');
    must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 2 }));
    const poll = must(await polling.getPoll(ctx(), team, electionId));
    expect(poll.window?.chosen).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
  });

  it('closing at 11:30 is refused while the afternoon session the commune fixed is still to come, without any 100% rule', async () => {
    clock = vn('11:30');
    const r = await polling.closePolling(ctx(), team, electionId);
    expect(!r.ok && r.error.code).toBe('early-close');
    expect(!r.ok && r.error.message).toContain('UBND xã đã quy định');
    expect(!r.ok && r.error.message).not.toContain('100%');
  });

  it('with only the morning session fixed, closing at 11:30 ends the poll though few have voted', async () => {
    await setSessions([{ start: '07:30', end: '11:30' }]);
    clock = vn('11:30');
    const closed = must(await polling.closePolling(ctx(), team, electionId));
    expect(closed.status).toBe('closed');
  });
});

describeEachDatabase(
  'Tây Ninh Điều 16 k3f, Quảng Trị Điều 15 k2a: the plan records the sessions its profile allows',
  (t) => {
    const WARD = COMMUNE;
    const planWith = async (profileId: string, sessions: { start: string; end: string }[]) => {
      const hamlet = await t
        .ctx()
        .store.db.selectFrom('hamlets')
        .select('id')
        .where('commune_id', '=', WARD)
        .where('name', '=', 'Khu phố 3')
        .executeTakeFirstOrThrow();
      return plan.createRound(t.ctx(), officer, {
        communeId: WARD,
        termLabel: '2025-2030',
        profileId,
        form: 'separateBallot',
        electorate: 'householdRepresentatives',
        chairName: 'Lê Thanh Bình',
        frontChairName: 'Trần Thị Kim Loan',
        planDate: '2024-09-20',
        hamlets: [{ hamletId: hamlet.id, electionDate: '2024-11-17', pollingSessions: sessions }],
        assignments: [],
      });
    };

    it('loads the demo ward', async () => {
      await demo.loadDemo(t.ctx());
    });

    it('refuses a morning session from 07:00 and an end after 19:00, naming Điều 16', async () => {
      const early = await planWith('tay-ninh-2019', [{ start: '07:00', end: '11:00' }]);
      expect(!early.ok && early.error.code).toBe('outside-polling-hours');
      expect(!early.ok && early.error.message).toMatch(/Điều 16/);
      const late = await planWith('tay-ninh-2019', [{ start: '13:30', end: '19:30' }]);
      expect(!late.ok && late.error.message).toContain('trước 19:00');
      const overlap = await planWith('tay-ninh-2019', [
        { start: '07:30', end: '14:00' },
        { start: '13:30', end: '17:00' },
      ]);
      expect(!overlap.ok && overlap.error.message).toContain('chồng lên nhau');
      const bad = await planWith('tay-ninh-2019', [{ start: '7:30', end: '11:00' }]);
      expect(!bad.ok && bad.error.code).toBe('invalid-input');
    });

    it('refuses sessions where the profile fixes the hours itself (Quảng Trị)', async () => {
      const r = await planWith('quang-tri-2016', [{ start: '07:00', end: '11:00' }]);
      expect(!r.ok && r.error.code).toBe('outside-polling-hours');
      expect(!r.ok && r.error.message).toMatch(/Điều 15/);
    });

    it('records the two sessions the commune fixed and starts the election at the first', async () => {
      const round = must(
        await planWith('tay-ninh-2019', [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ]),
      );
      const e = round.elections[0]!;
      expect(e.pollingSessions).toEqual([
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ]);
      expect(e.startTime).toBe('07:30');
    });
  },
);
