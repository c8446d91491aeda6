import { expect, it } from 'vitest';
import { count, demo, documents, polling, roll } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { flat, pdfText } from '../../src/documents/test-support';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const pollingMorning = () => new Date('2024-11-17T08:00:00+07:00');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEachDatabase('the printed voter card carries the check-in code of polling day', (t) => {
  const ctx = (): ServiceContext => t.ctx(pollingMorning);

  it('prints each card with its code, and the code read off a printed card checks that voter in', async () => {
    await demo.loadDemo(ctx());
    const { id: electionId } = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    must(await count.prepareDemoPolling(ctx(), officer, electionId));
    const issued = must(await roll.issueVoterCards(ctx(), officer, electionId));
    const pdf = must(await documents.downloadDocument(ctx(), officer, issued.id, 'pdf'));
    const text = flat(pdfText(pdf.bytes));
    // Every card carries its code (cards sit two to a row, so pdftotext interleaves them).
    const codes = [...text.matchAll(/Mã thẻ: ([0-9A-F]{6}-(\d+))/g)];
    expect(codes.map((m) => Number(m[2])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 412 }, (_, i) => i + 1),
    );
    const code = codes.find((m) => m[2] === '12')![1]!;
    expect(code).toBe(polling.voterCardCode(electionId, 12));
    const team = aTeamMember(electionId);
    const v = must(await polling.checkIn(ctx(), team, electionId, { cardCode: code }));
    expect([v.rollNumber, v.voted]).toEqual([12, true]);
    const again = await polling.checkIn(ctx(), team, electionId, { cardCode: code });
    expect(again.ok).toBe(false);
    const wrong = await polling.checkIn(ctx(), team, electionId, { cardCode: 'ZZZZZZ-12' });
    expect(wrong.ok).toBe(false);
  });
});
