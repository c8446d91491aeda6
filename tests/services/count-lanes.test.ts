import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { count, demo } from '../../src/services';
import type { Actor } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { DEMO_COMMUNE, demoElection, must } from '../support/demo-election';

const officer = aCommuneOfficer(DEMO_COMMUNE);
const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');

describeEachDatabase('count: the two lanes of a double entry are two different accounts', (t) => {
  const s = { electionId: '', countId: '', a: '', batch: '', batch2: '' };
  let mai: Actor;
  let lan: Actor;
  const ctx = () => t.ctx(pollingDay);
  const paper = (batchId: string, lane: 1 | 2, kept: string[]) => ({
    batchId,
    lane,
    kept,
    key: randomUUID(),
  });
  const entries = async () =>
    (await ctx().store.db.selectFrom('count_entries').select('id').execute()).length;

  it('opens a double-entry count with two batches', async () => {
    await demo.loadDemo(ctx());
    s.electionId = await demoElection(ctx());
    must(await count.prepareDemoPolling(ctx(), officer, s.electionId));
    mai = { ...aTeamMember(s.electionId), userId: 'u-mai', displayName: 'Trần Thị Mai' };
    lan = { ...aTeamMember(s.electionId), userId: 'u-lan', displayName: 'Lê Văn Lân' };
    s.countId = must(
      await count.openCount(ctx(), mai, s.electionId, {
        position: 'head',
        voted: 20,
        issued: 20,
        received: 20,
      }),
    ).id;
    s.a = must(await count.getCount(ctx(), mai, s.countId)).candidates[0]!.id;
    s.batch = must(await count.openBatch(ctx(), mai, s.countId, { size: 10 })).id;
    s.batch2 = must(await count.openBatch(ctx(), mai, s.countId, { size: 10 })).id;
  });

  it('refuses the account of lane 1 in lane 2 of the same batch with a 409 that names its lane; stores nothing', async () => {
    must(await count.enterPaper(ctx(), mai, s.countId, paper(s.batch, 1, [s.a])));
    const before = await entries();
    const r = await count.enterPaper(ctx(), mai, s.countId, paper(s.batch, 2, [s.a]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('conflict');
    expect(!r.ok && r.error.message).toBe(
      'Bạn đã nhập lượt 1 của tập 1. Nhập kép cần hai người đọc phiếu độc lập: lượt nhập 2 phải do một thành viên khác của Tổ bầu cử nhập bằng tài khoản của mình.',
    );
    expect(await entries()).toBe(before);
  });

  it('refuses it in bulk too, and a bulk request that carries both lanes of one batch', async () => {
    const r = await count.enterPapers(ctx(), mai, s.countId, { papers: [paper(s.batch, 2, [s.a])] });
    expect(!r.ok && r.error.code).toBe('conflict');
    const both = await count.enterPapers(ctx(), lan, s.countId, {
      papers: [paper(s.batch2, 1, [s.a]), paper(s.batch2, 2, [s.a])],
    });
    expect(!both.ok && both.error.code).toBe('conflict');
    expect(!both.ok && both.error.message).toMatch(/^Bạn đã nhập lượt 1 của tập 2/);
    expect(await entries()).toBe(1);
  });

  it('an undone paper still holds the lane: whoever read the stack for one lane cannot read it for the other', async () => {
    const p = must(await count.enterPaper(ctx(), mai, s.countId, paper(s.batch2, 1, [s.a])));
    must(await count.undoEntry(ctx(), mai, s.countId, p.entryId));
    const r = await count.enterPaper(ctx(), mai, s.countId, paper(s.batch2, 2, [s.a]));
    expect(!r.ok && r.error.code).toBe('conflict');
  });

  it('accepts a second account in lane 2, and the same account in lane 2 of another batch', async () => {
    must(await count.enterPaper(ctx(), lan, s.countId, paper(s.batch, 2, [s.a])));
    must(await count.enterPapers(ctx(), lan, s.countId, { papers: [paper(s.batch2, 2, [s.a])] }));
    const view = must(await count.getCount(ctx(), mai, s.countId));
    expect(view.batches.map((b) => b.entered)).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });

  it('tells each account which lane of each batch is theirs, who holds the lanes, and the winner rule with its source', async () => {
    const forMai = must(await count.getEntryContext(ctx(), mai, s.countId));
    expect(forMai.yourLanes).toEqual([
      { batchId: s.batch, lane: 1 },
      { batchId: s.batch2, lane: 1 },
    ]);
    const forLan = must(await count.getEntryContext(ctx(), lan, s.countId));
    expect(forLan.yourLanes.map((l) => l.lane)).toEqual([2, 2]);
    expect(forLan.lanes.filter((l) => l.batchId === s.batch).map((l) => [l.lane, l.mine])).toEqual([
      [1, false],
      [2, true],
    ]);
    const fresh = must(await count.getEntryContext(ctx(), officer, s.countId));
    expect(fresh.yourLanes.map((l) => l.lane)).toEqual([null, null]);
    expect(forMai.winner).toMatchObject({
      threshold: { numerator: 1, denominator: 2, strict: true, base: 'registered' },
      requireHighest: true,
      text: 'Trúng cử: đạt số phiếu cao nhất và trên 50% tổng số cử tri (đại diện hộ) trong danh sách',
      citation: expect.stringContaining('Điều 7'),
      confidence: 'chưa xác minh',
    });
    expect(forMai.paperRules.seats).toBe(1);
  });
});
