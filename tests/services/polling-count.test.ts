import type { PaperDefect } from '../../src/domain/count';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { count, demo } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import type { CountView } from '../../src/services/count/index';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { expectEveryTamperFound } from '../support/tamper';
import { readyToClose } from '../support/demo-election';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
// Polling day of the demo election (2024-11-17), mid-morning in Vietnam.
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

describeEachDatabase('polling: the count of one position with double entry', (t) => {
  const s = { electionId: '', countId: '', a: '', b: '', batch1: '', batch2: '' };
  let team1: Actor;
  let team2: Actor;
  const ctx = () => t.ctx(pollingDay);

  const enter = (
    actor: Actor,
    batchId: string,
    lane: number,
    kept: string[],
    defect: PaperDefect | null = null,
  ) => count.enterPaper(ctx(), actor, s.countId, { batchId, lane, kept, defect, key: randomUUID() });

  it('prepares the demo election to polling day and opens the head count from the official list and posted roll', async () => {
    await demo.loadDemo(ctx());
    s.electionId = await demoElection(ctx());
    const prepared = must(await count.prepareDemoPolling(ctx(), officer, s.electionId));
    expect(prepared.registered).toBe(412);
    team1 = { ...aTeamMember(s.electionId), userId: 'u-team-1' };
    team2 = { ...aTeamMember(s.electionId), userId: 'u-team-2' };
    const opened = must(
      await count.openCount(ctx(), team1, s.electionId, {
        position: 'head',
        voted: 320,
        issued: 325,
        received: 320,
      }),
    );
    s.countId = opened.id;
    const view = must(await count.getCount(ctx(), team1, s.countId));
    expect(view.registered).toBe(412);
    expect(view.candidates).toHaveLength(2);
    s.a = view.candidates[0]!.id;
    s.b = view.candidates[1]!.id;
    expect(view.doubleEntry).toBe(true);
  });

  it('refuses a team member of another election and a province viewer', async () => {
    const other = aTeamMember('another-election');
    const r = await count.openBatch(ctx(), other, s.countId, { size: 50 });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });

  it('refuses a second count of the same position in the same round', async () => {
    const r = await count.openCount(ctx(), officer, s.electionId, {
      position: 'head',
      voted: 1,
      issued: 1,
      received: 1,
    });
    expect(!r.ok && r.error.code).toBe('conflict');
  });

  it('refuses totals that cannot be: more papers received than issued', async () => {
    const r = await count.openCount(ctx(), officer, s.electionId, {
      position: 'head',
      voted: 10,
      issued: 5,
      received: 6,
    });
    expect(r.ok).toBe(false);
  });

  it('counts a retried paper once (idempotency key) and undoes the last entry with a void record', async () => {
    s.batch1 = must(await count.openBatch(ctx(), team1, s.countId, { size: 5 })).id;
    const key = randomUUID();
    const first = must(
      await count.enterPaper(ctx(), team1, s.countId, { batchId: s.batch1, lane: 1, kept: [s.a], key }),
    );
    const again = must(
      await count.enterPaper(ctx(), team1, s.countId, { batchId: s.batch1, lane: 1, kept: [s.a], key }),
    );
    expect(again.entryId).toBe(first.entryId);
    expect(again.replay).toBe(true);
    const wrong = must(await enter(team1, s.batch1, 1, [s.b]));
    expect(wrong.seq).toBe(2);
    must(await count.undoEntry(ctx(), team1, s.countId, wrong.entryId));
    const voids = await ctx().store.db.selectFrom('count_entry_voids').selectAll().execute();
    expect(voids).toHaveLength(1);
    const entries = await ctx().store.db.selectFrom('count_entries').select('id').execute();
    expect(entries).toHaveLength(2); // nothing deleted
  });

  it('shows every difference between the two entries and closes the batch only once they are resolved', async () => {
    // lane 1: A, B, B, none, unstamped   lane 2: A, A, B, B, A
    for (const k of [[s.b], [s.b], []]) must(await enter(team1, s.batch1, 1, k));
    const last = must(await enter(team1, s.batch1, 1, [], 'unstamped'));
    expect(last.seq).toBe(5);
    for (const k of [[s.a], [s.a], [s.b], [s.b], [s.a]]) must(await enter(team2, s.batch1, 2, k));
    let view: CountView = must(await count.getCount(ctx(), team1, s.countId));
    const batch = view.batches[0]!;
    expect(batch.entered).toEqual([5, 5]);
    expect(batch.differences.map((d) => d.seq)).toEqual([2, 4, 5]);
    const blocked = await count.closeBatch(ctx(), team1, s.countId, s.batch1);
    expect(!blocked.ok && blocked.error.message).toMatch(/chưa được Tổ thống nhất/);
    // The team takes each paper out again and records what it says.
    must(
      await count.resolveDifference(ctx(), team1, s.countId, s.batch1, {
        seq: 2,
        kept: [s.a],
        note: 'Đọc lại phiếu',
      }),
    );
    must(await count.resolveDifference(ctx(), team2, s.countId, s.batch1, { seq: 4, kept: [] }));
    must(
      await count.resolveDifference(ctx(), team2, s.countId, s.batch1, {
        seq: 5,
        kept: [],
        defect: 'unstamped',
      }),
    );
    const closed = must(await count.closeBatch(ctx(), team1, s.countId, s.batch1));
    expect(closed.closed).toBe(true);
    expect(closed.papers).toHaveLength(5);
    view = must(await count.getCount(ctx(), team1, s.countId));
    expect(view.running.valid).toBe(4);
    expect(view.running.invalidReasons.find((r) => r.code === 'unstamped')?.count).toBe(1);
  });

  it('refuses a defect the profile does not list (nd59 has no "both columns")', async () => {
    const b = must(await count.openBatch(ctx(), team1, s.countId, { size: 315 }));
    s.batch2 = b.id;
    const r = await enter(team1, s.batch2, 1, [], 'both-columns');
    expect(!r.ok && r.error.code).toBe('invalid-reason');
  });

  it('refuses a batch that would exceed the papers received', async () => {
    const r = await count.openBatch(ctx(), team1, s.countId, { size: 1 });
    expect(!r.ok && r.error.message).toMatch(/vượt số phiếu thu vào/);
  });

  it('a count that does not add up cannot be closed and says what is missing', async () => {
    for (let i = 0; i < 314; i++) {
      const kept = i < 250 ? [s.a] : i < 300 ? [s.b] : [s.a, s.b];
      must(await enter(team1, s.batch2, 1, kept));
      must(await enter(team2, s.batch2, 2, kept));
    }
    const early = await count.closeBatch(ctx(), team1, s.countId, s.batch2);
    expect(!early.ok && early.error.message).toMatch(/Lượt nhập 1 có 314 phiếu, tập 2 có 315 phiếu/);
    const r = await count.closeCount(ctx(), team1, s.countId);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('count-not-reconciled');
    expect(!r.ok && r.error.message).toMatch(/Tập 2 chưa khóa/);
  });

  it('closes the count, decides the outcome by the rules engine and moves the election to "counted"', async () => {
    must(await enter(team1, s.batch2, 1, [s.a]));
    must(await enter(team2, s.batch2, 2, [s.a]));
    must(await count.closeBatch(ctx(), team1, s.countId, s.batch2));
    // A correction after closing is a new record with a reason.
    const bad = await count.correctPaper(ctx(), team1, s.countId, s.batch2, {
      seq: 1,
      kept: [s.b],
      reason: '',
    });
    expect(bad.ok).toBe(false);
    must(
      await count.correctPaper(ctx(), team1, s.countId, s.batch2, {
        seq: 1,
        kept: [s.b],
        reason: 'Phiếu đọc nhầm khi nhập',
      }),
    );
    // ND59 Điều 3 khoản 5 điểm i: the meeting elects the counting team of a secret ballot.
    const noTeam = await count.closeCount(ctx(), team1, s.countId);
    expect(!noTeam.ok && noTeam.error.code).toBe('counting-team-missing');
    expect(!noTeam.ok && noTeam.error.message).toMatch(/chưa biểu quyết thông qua Tổ kiểm phiếu.*Điều 3/);
    // ND59 Mẫu 02: two household representatives, not candidates, witness the count.
    await readyToClose(ctx(), team1, s.electionId);
    const closed = must(await count.closeCount(ctx(), team1, s.countId));
    const r = closed.view.result!;
    expect(closed.view.corrections).toBe(1);
    expect(r.received).toBe(320);
    expect(r.valid + r.invalid).toBe(320);
    // Batch 1: A, A, B, none, unstamped; batch 2: 250 A (one corrected to B), 50 B, 14 too many, 1 A.
    expect(r.invalidReasons).toEqual({ unstamped: 1, 'too-many-kept': 14 });
    expect(r.candidates.map((c) => c.votes)).toEqual([2 + 249 + 1, 1 + 51]);
    expect(r.outcome).toBe('elected');
    expect(r.elected).toEqual([s.a]);
    expect(closed.electionState).toBe('counted');
    const after = await count.enterPaper(ctx(), team1, s.countId, {
      batchId: s.batch2,
      lane: 1,
      kept: [s.a],
      key: randomUUID(),
    });
    expect(!after.ok && after.error.code).toBe('conflict');
  });

  it('QT 2016 Điều 15 k2d, TN 2019 Điều 16 đ: the election team draws up the count record (numbers in words, originals, signatories); another election’s team may not', async () => {
    const printed = must(await count.printCountRecord(ctx(), team1, s.countId));
    expect(printed.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await count.issueCountRecord(ctx(), aTeamMember('another-election'), s.countId);
    expect(stranger.ok).toBe(false);
    const issued = must(await count.issueCountRecord(ctx(), team1, s.countId));
    const doc = await ctx()
      .store.db.selectFrom('documents')
      .select(['data', 'form_id'])
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(doc.form_id).toBe('count-record');
    const data = JSON.parse(doc.data) as {
      totalOnRoll: number;
      received: number;
      copies: string;
      conclusion: string;
      signatures: unknown[];
    };
    expect(data.totalOnRoll).toBe(412);
    expect(data.received).toBe(320);
    expect(data.copies).toMatch(/^03 \(ba\) bản có giá trị như nhau/);
    expect(data.conclusion).toMatch(/trúng cử Khu phố trưởng/);
    expect(data.conclusion).toMatch(/01|1 \(một\) phiếu được đính chính/);
    expect(data.signatures.length).toBeGreaterThanOrEqual(3);
  });

  it('QT 2016 Điều 15 k2d, TN 2019 Điều 7 g: the team leader’s result report goes from the team to the commune; the election becomes "reported"', async () => {
    const stranger = await count.issueResultReport(ctx(), aTeamMember('another-election'), s.countId);
    expect(stranger.ok).toBe(false);
    const issued = must(await count.issueResultReport(ctx(), team1, s.countId));
    const doc = await ctx()
      .store.db.selectFrom('documents')
      .select(['issuer_key', 'form_id'])
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(doc).toEqual({ issuer_key: `election:${s.electionId}:team`, form_id: 'result-report' });
    const e = await ctx()
      .store.db.selectFrom('elections')
      .select('state')
      .where('id', '=', s.electionId)
      .executeTakeFirstOrThrow();
    expect(e.state).toBe('reported');
  });

  it('finds an edit, a delete and an insert made outside the application in count_entry_voids and count_corrections', async () => {
    await expectEveryTamperFound(t.store(), 'count_entry_voids');
    await expectEveryTamperFound(t.store(), 'count_corrections');
  });
});
