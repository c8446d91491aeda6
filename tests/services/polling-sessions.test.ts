import { expect, it } from 'vitest';
import { count, demo, polling } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { sealFixture } from '../support/sealed-fixture';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const vn = (hhmm: string) => () => new Date(`2024-11-17T${hhmm}:00+07:00`);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
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
    await demo.loadDemo(ctx());
    const row = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    electionId = row.id;
    must(await count.prepareDemoPolling(ctx(), officer, electionId));
    await ctx()
      .store.db.updateTable('elections')
      .set({ profile_id: 'tay-ninh-2019', form: 'separateBallot', start_time: '13:30' })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(ctx(), 'fixture', electionId);
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
