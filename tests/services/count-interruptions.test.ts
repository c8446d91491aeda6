import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { count, demo, documents, polling } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { flat, pdfText } from '../../src/documents/test-support';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { readyToClose } from '../support/demo-election';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const vn = (hhmm: string) => () => new Date(`2024-11-17T${hhmm}:00+07:00`);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEachDatabase('the count record and the result report state the interruptions of polling day', (t) => {
  let electionId = '';
  let countId = '';
  let team: Actor;
  let clock = vn('07:30');
  const ctx = (): ServiceContext => t.ctx(() => clock());

  it('runs a poll of four voters with two interruptions, then counts its papers', async () => {
    await demo.loadDemo(ctx());
    const row = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    electionId = row.id;
    must(await count.prepareDemoPolling(ctx(), officer, electionId));
    team = { ...aTeamMember(electionId), userId: 'u-team-int' };
    must(
      await polling.recordBallots(ctx(), team, electionId, {
        position: 'head',
        kind: 'received',
        quantity: 10,
      }),
    );
    for (const n of [1, 2]) must(await polling.checkIn(ctx(), team, electionId, { rollNumber: n }));
    clock = vn('08:30');
    must(
      await polling.recordInterruption(ctx(), team, electionId, {
        reason: 'Mưa lớn, mất điện',
        boxSealed: true,
      }),
    );
    clock = vn('09:05');
    must(await polling.resumePolling(ctx(), team, electionId));
    for (const n of [3, 4]) must(await polling.checkIn(ctx(), team, electionId, { rollNumber: n }));
    clock = vn('10:00');
    must(
      await polling.recordInterruption(ctx(), team, electionId, {
        reason: 'Mất trật tự tại điểm bỏ phiếu',
        boxSealed: false,
      }),
    );
    clock = vn('10:20');
    must(await polling.resumePolling(ctx(), team, electionId));
    clock = vn('11:00');
    must(await polling.closePolling(ctx(), team, electionId));
    const ballots = must(await polling.getBallots(ctx(), team, electionId));
    const head = ballots.positions.find((p) => p.position === 'head')!;
    must(
      await polling.sealUnusedBallots(ctx(), team, electionId, {
        position: 'head',
        witnesses: ['Ngô Văn Bình', 'Đỗ Thị Lan'],
        unusedCounted: head.unused,
      }),
    );
    countId = must(
      await count.openCount(ctx(), team, electionId, {
        position: 'head',
        voted: 4,
        issued: head.issued,
        received: 4,
        doubleEntry: false,
      }),
    ).id;
    const view = must(await count.getCount(ctx(), team, countId));
    const [a, b] = view.candidates;
    const batch = must(await count.openBatch(ctx(), team, countId, { size: 4 }));
    for (const kept of [[a!.id], [a!.id], [a!.id], [b!.id]])
      must(
        await count.enterPaper(ctx(), team, countId, {
          batchId: batch.id,
          lane: 1,
          kept,
          defect: null,
          key: randomUUID(),
        }),
      );
    must(await count.closeBatch(ctx(), team, countId, batch.id));
    await readyToClose(ctx(), team, electionId);
    must(await count.closeCount(ctx(), team, countId));
  });

  it('prints each interruption in the count record: time, until when, reason, whether the box was sealed', async () => {
    const printed = must(await count.printCountRecord(ctx(), team, countId));
    const text = flat(pdfText(printed.pdf));
    expect(text).toContain('Những việc tạm dừng trong thời gian bỏ phiếu:');
    expect(text).toContain(
      'Tạm dừng bỏ phiếu lúc 08:30 đến 09:05. Lý do: Mưa lớn, mất điện; hòm phiếu đã được niêm phong.',
    );
    expect(text).toContain(
      'Tạm dừng bỏ phiếu lúc 10:00 đến 10:20. Lý do: Mất trật tự tại điểm bỏ phiếu; hòm phiếu không được niêm phong.',
    );
    expect(text.indexOf('08:30')).toBeLessThan(text.indexOf('10:00 đến'));
  });

  it("states them in the team leader's result report too", async () => {
    const issued = must(await count.issueResultReport(ctx(), officer, countId));
    const file = must(await documents.downloadDocument(ctx(), officer, issued.id, 'pdf'));
    const text = flat(pdfText(file.bytes));
    expect(text).toContain('Tạm dừng bỏ phiếu lúc 08:30 đến 09:05. Lý do: Mưa lớn, mất điện');
    expect(text).toContain('Lý do: Mất trật tự tại điểm bỏ phiếu; hòm phiếu không được niêm phong.');
  });
});
