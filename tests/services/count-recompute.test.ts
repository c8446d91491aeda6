/**
 * Results are recomputed from the papers, never trusted: a count closed and reported through the
 * services, then its stored result (or its papers) edited directly in the database, as someone
 * holding the database file could. Every reader of the result must show the papers' truth and the
 * difference: the count page, the count record, recognition and its inbox, the dashboards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { count, demo, office, oversight } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer, anAdmin, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { readyToClose } from '../support/demo-election';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
// Polling day of the demo election (2024-11-17), mid-morning in Vietnam.
const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEachDatabase('results recomputed from the papers', (t) => {
  const s = { electionId: '', countId: '', a: '', b: '', aResident: '', stored: '' };
  const ctx = (): ServiceContext => t.ctx(pollingDay);
  // The edits below are made outside the application on purpose; the block's own check that every
  // write of the application was sealed is about the application, so they are forgotten at the end.
  afterAll(async () => {
    await t.store().db.deleteFrom('record_changes').execute();
  });
  const db = () => ctx().store.db;
  const setStored = (result: string) =>
    db().updateTable('count_closures').set({ result }).where('count_id', '=', s.countId).execute();

  it('counts 300 papers (220 for A, 80 for B), closes the count and reports it: no mismatch', async () => {
    await demo.loadDemo(ctx());
    const e = await db()
      .selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    s.electionId = e.id;
    must(await count.prepareDemoPolling(ctx(), officer, s.electionId));
    const team = aTeamMember(s.electionId);
    s.countId = must(
      await count.openCount(ctx(), team, s.electionId, {
        position: 'head',
        voted: 300,
        issued: 300,
        received: 300,
        doubleEntry: false,
      }),
    ).id;
    const opened = must(await count.getCount(ctx(), team, s.countId));
    s.a = opened.candidates[0]!.id;
    s.b = opened.candidates[1]!.id;
    const batch = must(await count.openBatch(ctx(), team, s.countId, { size: 300 })).id;
    const papers = Array.from({ length: 300 }, (_, i) => ({
      batchId: batch,
      lane: 1,
      kept: [i < 220 ? s.a : s.b],
      key: randomUUID(),
    }));
    for (let i = 0; i < papers.length; i += 50)
      must(await count.enterPapers(ctx(), team, s.countId, { papers: papers.slice(i, i + 50) }));
    must(await count.closeBatch(ctx(), team, s.countId, batch));
    await readyToClose(ctx(), team, s.electionId);
    const closed = must(await count.closeCount(ctx(), team, s.countId));
    expect(closed.view.result?.elected).toEqual([s.a]);
    expect(closed.view.mismatch).toBeNull();
    must(await count.issueResultReport(ctx(), officer, s.countId));
    const row = await db()
      .selectFrom('count_closures')
      .select('result')
      .where('count_id', '=', s.countId)
      .executeTakeFirstOrThrow();
    s.stored = row.result;
    const cand = await db()
      .selectFrom('nominations')
      .select('resident_id')
      .where('id', '=', s.a)
      .executeTakeFirstOrThrow();
    s.aResident = cand.resident_id;
    const inbox = must(await office.recognitionInbox(ctx(), officer, COMMUNE));
    const item = inbox.items.find((i) => i.electionId === s.electionId)!;
    expect(item.outcome?.kind).toBe('elected');
    expect(item.outcome?.mismatch).toBeNull();
    const dash = must(await oversight.communeDashboard(ctx(), officer, COMMUNE));
    expect(dash.totals.suspect).toBe(0);
  });

  it('the loser made elected in the stored closure: the count page shows the papers’ result and the difference', async () => {
    // Filled before the edit: the dashboards' memo must not hide what follows.
    const viewer = aProvinceViewer('68');
    expect(must(await oversight.provinceDashboard(ctx(), viewer, '68')).totals.suspect).toBe(0);
    expect(must(await oversight.nationalRollup(ctx(), anAdmin())).totals.suspect).toBe(0);
    const forged = JSON.parse(s.stored) as {
      elected: string[];
      candidates: { id: string; votes: number; percentOfRegistered: string }[];
      conclusion: string;
    };
    forged.elected = [s.b];
    forged.candidates = forged.candidates.map((c) => ({ ...c, votes: c.id === s.b ? 220 : 80 }));
    await setStored(JSON.stringify(forged));
    const view = must(await count.getCount(ctx(), officer, s.countId));
    expect(view.result?.elected).toEqual([s.a]);
    expect(view.result?.candidates.find((c) => c.id === s.a)?.votes).toBe(220);
    const d = view.mismatch?.differences ?? [];
    const names = new Map(view.candidates.map((c) => [c.id, c.name]));
    expect(d.find((x) => x.field === 'elected')).toMatchObject({
      stored: names.get(s.b),
      recomputed: names.get(s.a),
    });
    expect(d.find((x) => x.field === `candidates.${s.b}.votes`)).toMatchObject({
      stored: '220',
      recomputed: '80',
    });
    expect(view.mismatch?.storedConclusion).toBe(forged.conclusion);
    // No write of the application since: the memo filled before the edit is not served.
    expect(must(await oversight.provinceDashboard(ctx(), viewer, '68')).totals.suspect).toBe(1);
    expect(must(await oversight.nationalRollup(ctx(), anAdmin())).totals.suspect).toBe(1);
  });

  it('the count record and the result report are rendered from the papers, not the stored copy', async () => {
    const printed = must(await count.printCountRecord(ctx(), officer, s.countId));
    expect(printed.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const issued = must(await count.issueCountRecord(ctx(), officer, s.countId));
    const doc = await db()
      .selectFrom('documents')
      .select('data')
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(doc.data) as {
      candidates: { name: string; votes: number }[];
      conclusion: string;
    };
    const view = must(await count.getCount(ctx(), officer, s.countId));
    const aName = view.candidates.find((c) => c.id === s.a)!.name;
    const bName = view.candidates.find((c) => c.id === s.b)!.name;
    expect(data.candidates).toEqual([
      { name: aName, votes: 220 },
      { name: bName, votes: 80 },
    ]);
    expect(data.conclusion.startsWith(`${aName} (220 phiếu`)).toBe(true);
  });

  it('recognition is refused with count-result-mismatch, and the inbox flags the election', async () => {
    const r = await office.decideRecognition(ctx(), officer, s.electionId, {
      decision: 'recognise',
      on: '2024-11-17',
    });
    expect(!r.ok && r.error.code).toBe('count-result-mismatch');
    expect(!r.ok && r.error.message).toMatch(/khác với kết quả tính lại từ các phiếu/);
    const state = await db()
      .selectFrom('elections')
      .select('state')
      .where('id', '=', s.electionId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('reported');
    const inbox = must(await office.recognitionInbox(ctx(), officer, COMMUNE));
    const item = inbox.items.find((i) => i.electionId === s.electionId)!;
    expect(item.outcome?.mismatch?.differences.some((x) => x.field === 'elected')).toBe(true);
    // The outcome offered for the decision is the papers' one.
    expect(item.outcome?.elected.map((x) => x.residentId)).toEqual([s.aResident]);
  });

  it('the commune, province and national figures use the recomputed result and mark the election suspect', async () => {
    const dash = must(await oversight.communeDashboard(ctx(), officer, COMMUNE));
    const h = dash.hamlets.find((x) => x.electionId === s.electionId)!;
    expect(h.result?.suspect).toBe(true);
    const view = must(await count.getCount(ctx(), officer, s.countId));
    expect(h.result?.elected?.name).toBe(view.candidates.find((c) => c.id === s.a)!.name);
    expect(dash.totals.suspect).toBe(1);
    const province = must(await oversight.provinceDashboard(ctx(), aProvinceViewer('68'), '68'));
    expect(province.totals.suspect).toBe(1);
    const national = must(await oversight.nationalRollup(ctx(), anAdmin()));
    expect(national.provinces.find((p) => p.code === '68')?.suspect).toBe(1);
    expect(national.totals.suspect).toBe(1);
  });

  it('papers flipped in the database: the stored result no longer matches and the papers decide', async () => {
    await setStored(s.stored);
    const entries = await db()
      .selectFrom('count_entries')
      .select('id')
      .where('count_id', '=', s.countId)
      .orderBy('seq')
      .limit(150)
      .execute();
    await db()
      .updateTable('count_entries')
      .set({ kept: JSON.stringify([s.b]) })
      .where(
        'id',
        'in',
        entries.map((e) => e.id),
      )
      .execute();
    const view = must(await count.getCount(ctx(), officer, s.countId));
    expect(view.result?.candidates.map((c) => c.votes)).toEqual([70, 230]);
    expect(view.result?.elected).toEqual([s.b]);
    expect(view.mismatch?.differences.find((x) => x.field === 'elected')).toBeDefined();
    const dash = must(await oversight.communeDashboard(ctx(), officer, COMMUNE));
    expect(dash.hamlets.find((x) => x.electionId === s.electionId)?.result?.suspect).toBe(true);
  });

  it('a paper deleted: the papers give no result, nothing is printed from the stored copy', async () => {
    const one = await db()
      .selectFrom('count_entries')
      .select('id')
      .where('count_id', '=', s.countId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await db().deleteFrom('count_entries').where('id', '=', one.id).execute();
    const view = must(await count.getCount(ctx(), officer, s.countId));
    expect(view.result).toBeNull();
    expect(view.mismatch?.problems.join(' ')).toMatch(/thiếu 1 phiếu/);
    const printed = await count.printCountRecord(ctx(), officer, s.countId);
    expect(!printed.ok && printed.error.code).toBe('count-result-mismatch');
    const dash = must(await oversight.communeDashboard(ctx(), officer, COMMUNE));
    const h = dash.hamlets.find((x) => x.electionId === s.electionId)!;
    expect(h.result).toMatchObject({ outcome: null, suspect: true });
  });
});
