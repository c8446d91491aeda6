import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ballotCount } from '../../src/documents/batch';
import { count, demo, roll } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const pollingDay = () => new Date('2024-11-10T03:30:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baucoso-pack-')), 'pack.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describeEachDatabase('the polling-day pack', (t) => {
  const ctx = () => t.ctx(pollingDay);
  let electionId = '';

  it('refuses to print before the roll is posted and the candidate list is official, saying what is missing', async () => {
    await demo.loadDemo(ctx());
    const row = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    electionId = row.id;
    const early = await roll.electionPack(ctx(), officer, electionId);
    expect(!early.ok && early.error.message).toMatch(/Chưa lập danh sách cử tri|chưa niêm yết/);
    const commune = await roll.communePack(ctx(), officer, COMMUNE);
    expect(!commune.ok && commune.error.message).toContain('Chưa có thôn, tổ dân phố nào đủ tài liệu');
  });

  it('prints roll, cards, one ballot per voter plus spares, the rules and a blank count record, in agreement', async () => {
    const prepared = must(await count.prepareDemoPolling(ctx(), officer, electionId));
    const pack = must(await roll.electionPack(ctx(), officer, electionId));
    expect(pack.roll.entries).toHaveLength(prepared.registered);
    expect(ballotCount(pack)).toBe(prepared.registered + roll.SPARE_BALLOTS);
    expect(pack.ballots[0]!.candidates.length).toBeGreaterThanOrEqual(1);
    expect(pack.countRecord.participated).toBeNull();
    const text = pdfText(must(await roll.electionPackPdf(ctx(), officer, electionId)));
    expect(text).toContain('DANH SÁCH CỬ TRI');
    expect(text).toContain('THẺ CỬ TRI');
    expect(text).toContain('PHIẾU BẦU');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain(pack.roll.entries[0]!.name);
    expect(text).toContain(pack.ballots[0]!.candidates[0]!);
  });

  it('prints the ready hamlets of the commune in one PDF and names the others with what they miss', async () => {
    const commune = must(await roll.communePack(ctx(), aProvinceViewer('68'), COMMUNE));
    expect(commune.included).toEqual(['Khu phố 1']);
    expect(commune.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const denied = await roll.communePack(ctx(), aCommuneOfficer('24823'), COMMUNE);
    expect(!denied.ok && denied.error.code).toBe('forbidden');
  });
});
