import type { PaperDefect } from '../../src/domain/count';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { count, demo } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { audit } from '../../src/store';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const COMMUNE = '24820';
const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function demoElection(ctx: ServiceContext): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', COMMUNE)
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachDatabase('polling: papers sent in bulk (a phone sending what it has queued)', (t) => {
  const s = { countId: '', a: '', b: '', batch: '' };
  let team: Actor;
  const ctx = () => t.ctx(pollingDay);
  const paper = (kept: string[], key: string = randomUUID(), defect: PaperDefect | null = null) => ({
    batchId: s.batch,
    lane: 1,
    kept,
    defect,
    key,
  });
  const stored = async () =>
    ctx().store.db.selectFrom('count_entries').select(['seq', 'idempotency_key']).orderBy('seq').execute();

  it('opens a count and a batch of 6 papers', async () => {
    await demo.loadDemo(ctx());
    const electionId = await demoElection(ctx());
    must(await count.prepareDemoPolling(ctx(), aCommuneOfficer(COMMUNE), electionId));
    team = aTeamMember(electionId);
    s.countId = must(
      await count.openCount(ctx(), team, electionId, {
        position: 'head',
        voted: 300,
        issued: 300,
        received: 300,
        doubleEntry: false,
      }),
    ).id;
    const view = must(await count.getCount(ctx(), team, s.countId));
    s.a = view.candidates[0]!.id;
    s.b = view.candidates[1]!.id;
    s.batch = must(await count.openBatch(ctx(), team, s.countId, { size: 6 })).id;
  });

  it('stores the papers in order with one acknowledgement each and one audit event listing them all', async () => {
    const sent = [paper([s.a]), paper([s.b]), paper([])];
    const done = must(await count.enterPapers(ctx(), team, s.countId, { papers: sent }));
    expect(done.acks.map((a) => [a.seq, a.replay])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const events = await audit.listAudit(ctx().store.db, { entity: 'count', entityId: s.countId });
    const bulk = events.find((e) => e.action === 'count.papers')!;
    const listed = (JSON.parse(bulk.data) as { papers: { entryId: string; seq: number }[] }).papers;
    expect(listed.map((p) => p.entryId)).toEqual(done.acks.map((a) => a.entryId));
    expect((await audit.verifyAuditChain(ctx().store.db)).ok).toBe(true);
  });

  it('answers a resend with the same keys as replays, and stores only the new papers of a mixed resend', async () => {
    const keys = (await stored()).map((e) => e.idempotency_key);
    const again = [paper([s.a], keys[0]), paper([s.b], keys[1]), paper([s.b])];
    const done = must(await count.enterPapers(ctx(), team, s.countId, { papers: again }));
    expect(done.acks.map((a) => [a.seq, a.replay])).toEqual([
      [1, true],
      [2, true],
      [4, false],
    ]);
    expect(await stored()).toHaveLength(4);
  });

  it('refuses the whole send when one paper is wrong, says which, and stores nothing', async () => {
    const bad = [paper([s.a]), paper(['not-a-candidate'])];
    const r = await count.enterPapers(ctx(), team, s.countId, { papers: bad });
    expect(!r.ok && r.error.message).toMatch(/^Phiếu thứ 2 trong lần gửi/);
    const twice = randomUUID();
    const dup = await count.enterPapers(ctx(), team, s.countId, {
      papers: [paper([s.a], twice), paper([s.b], twice)],
    });
    expect(!dup.ok && dup.error.field).toBe('papers');
    expect(await stored()).toHaveLength(4);
  });

  it('refuses a send that would overfill the batch, and more than 50 papers at once', async () => {
    const r = await count.enterPapers(ctx(), team, s.countId, {
      papers: [paper([s.a]), paper([s.a]), paper([s.a])],
    });
    expect(!r.ok && r.error.message).toMatch(/chỉ có 6 phiếu/);
    expect(await stored()).toHaveLength(4);
    const many = Array.from({ length: count.MAX_PAPERS_PER_REQUEST + 1 }, () => paper([s.a]));
    const tooMany = await count.enterPapers(ctx(), team, s.countId, { papers: many });
    expect(!tooMany.ok && tooMany.error.field).toBe('papers');
  });

  it('refuses a team member of another election', async () => {
    const r = await count.enterPapers(ctx(), aTeamMember('another-election'), s.countId, {
      papers: [paper([s.a])],
    });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });

  it('checks permission before answering a replay: another commune or election gets no paper back', async () => {
    // A fresh batch: the ones above are full or hold what they test.
    s.batch = must(await count.openBatch(ctx(), team, s.countId, { size: 6 })).id;
    const key = randomUUID();
    const first = must(await count.enterPaper(ctx(), team, s.countId, paper([s.a], key)));
    const strangers = [aCommuneOfficer('24823'), aTeamMember('another-election')];
    for (const stranger of strangers) {
      const one = await count.enterPaper(ctx(), stranger, s.countId, paper([s.a], key));
      expect(one.ok).toBe(false);
      if (!one.ok) expect(one.error.code).toBe('forbidden');
      const bulk = await count.enterPapers(ctx(), stranger, s.countId, { papers: [paper([s.a], key)] });
      expect(bulk.ok).toBe(false);
      if (!bulk.ok) expect(bulk.error.code).toBe('forbidden');
    }
    // The team's own replay still answers with the stored paper.
    const again = must(await count.enterPaper(ctx(), team, s.countId, paper([s.a], key)));
    expect([again.entryId, again.replay]).toEqual([first.entryId, true]);
  });
});
