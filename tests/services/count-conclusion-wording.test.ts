/**
 * Tây Ninh Điều 7 k2e, ND59 Mẫu 02: the count conclusion names the profile's denominator ("so với
 * tổng số đại diện hộ gia đình trong danh sách" where household representatives vote), and the words
 * are made from the result whenever shown. A count closed under the earlier wording ("so với tổng số
 * cử tri") keeps that copy untouched, still passes the record check and the recomputation, and prints
 * today's words.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { audit, count } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { writeWithAudit } from '../../src/services/common';
import { verifyRecord } from '../../src/store/record-seals';
import { aCommuneOfficer, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { DEMO_COMMUNE, must, openDemoHeadCount, readyToClose } from '../support/demo-election';
import { demo } from '../../src/services';

const officer = aCommuneOfficer(DEMO_COMMUNE);
const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');

describeEachDatabase('the count conclusion names the profile’s denominator', (t) => {
  const ctx = (): ServiceContext => t.ctx(pollingDay);

  it('an election closed with the old wording still verifies and recomputes, and prints the new words', async () => {
    await demo.loadDemo(ctx());
    const { electionId, countId, team, a, b } = await openDemoHeadCount(ctx(), officer);
    const batch = must(await count.openBatch(ctx(), team, countId, { size: 300 })).id;
    const papers = Array.from({ length: 300 }, (_, i) => ({
      batchId: batch,
      lane: 1,
      kept: [i < 220 ? a : b],
      key: randomUUID(),
    }));
    for (let i = 0; i < papers.length; i += 50)
      must(await count.enterPapers(ctx(), team, countId, { papers: papers.slice(i, i + 50) }));
    must(await count.closeBatch(ctx(), team, countId, batch));
    await readyToClose(ctx(), team, electionId);
    const closed = must(await count.closeCount(ctx(), team, countId));
    const conclusion = closed.view.result!.conclusion;
    expect(conclusion).toContain('so với tổng số đại diện hộ gia đình trong danh sách)');
    expect(conclusion).not.toContain('tổng số cử tri');

    // The copy as the earlier release stored it, written through the application so the chain
    // vouches for it, exactly as a closure of that release is vouched for.
    const db = ctx().store.db;
    const row = await db
      .selectFrom('count_closures')
      .select('result')
      .where('count_id', '=', countId)
      .executeTakeFirstOrThrow();
    const stored = JSON.parse(row.result) as { conclusion: string };
    const old = conclusion.replace(
      'so với tổng số đại diện hộ gia đình trong danh sách',
      'so với tổng số cử tri trong danh sách',
    );
    expect(old).not.toBe(conclusion);
    await writeWithAudit(ctx(), null, async (trx) => {
      await trx
        .updateTable('count_closures')
        .set({ result: JSON.stringify({ ...stored, conclusion: old }) })
        .where('count_id', '=', countId)
        .execute();
      return {
        value: undefined,
        audit: { action: 'test.closed-by-earlier-release', entity: 'count', entityId: countId, data: {} },
      };
    });

    const record = await verifyRecord(db, ctx().store.kind);
    expect(record.problems).toEqual([]);
    const chain = must(await audit.verifyAuditChain(ctx(), anAdmin()));
    expect(chain.problems).toEqual([]);
    expect(chain.ok).toBe(true);
    const view = must(await count.getCount(ctx(), officer, countId));
    expect(view.mismatch).toBeNull();
    expect(view.result?.conclusion).toBe(conclusion);
    const issued = must(await count.issueCountRecord(ctx(), officer, countId));
    const doc = await db
      .selectFrom('documents')
      .select('data')
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(doc.data) as { conclusion: string; ratioLabel: string };
    expect(data.conclusion).toBe(conclusion);
    expect(data.ratioLabel).toBe('tổng số đại diện hộ gia đình trong danh sách');
  });
});
