import { describe, expect, it } from 'vitest';
import {
  ballotCount,
  pollingDayModels,
  renderCommunePack,
  renderPollingDayPack,
  sampleCommunePacks,
  samplePollingDayPack,
} from './batch';
import { A4_LANDSCAPE, A4_PORTRAIT, flat, pdfInfo, pdfText } from './test-support';

describe('polling-day pack', () => {
  it('holds roll, cards, ballots for every voter plus spares, rules sheet and a blank count record', () => {
    const pack = samplePollingDayPack('Khu phố 1', 42);
    expect(ballotCount(pack)).toBe(52);
    const models = pollingDayModels(pack);
    expect(models.map((m) => m.meta.title.split(' ')[0])).toEqual(['DANH', 'Thẻ', 'Phiếu', 'Quy', 'BIÊN']);
    const pdf = renderPollingDayPack(pack);
    const info = pdfInfo(pdf);
    // 42 cards at 8 a page = 6 pages; 52 ballots at 6 a page = 9 pages.
    const roll = info.sizes.filter((s) => s === A4_LANDSCAPE).length;
    expect(roll).toBeGreaterThanOrEqual(2);
    expect(info.pages).toBe(roll + 6 + 9 + 1 + 2);
    expect(info.sizes.filter((s) => s === A4_PORTRAIT).length).toBe(info.pages - roll);
    const text = flat(pdfText(pdf));
    expect(text.match(/THẺ CỬ TRI/g)?.length).toBe(42);
    expect(text.match(/PHIẾU BẦU KHU PHỐ TRƯỞNG KHU PHỐ 1/g)?.length).toBe(52);
    expect(text).toContain('QUY ĐỊNH VỀ PHIẾU BẦU HỢP LỆ');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain('Số phiếu hợp lệ: ....');
    expect(text).toContain('bốn mươi hai');
  });

  it('voter cards carry the roll numbers of the posted roll', () => {
    const pack = samplePollingDayPack('Khu phố 2', 9);
    const text = flat(pdfText(renderPollingDayPack(pack)));
    for (const e of pack.roll.entries)
      expect(text).toContain(`Họ và tên: ${e.name} Số thứ tự trong danh sách cử tri: ${e.rollNumber}`);
  });

  it('prints every hamlet of the commune in one PDF', () => {
    const packs = sampleCommunePacks();
    const pdf = renderCommunePack(packs, 'Tài liệu ngày bầu cử Phường 2', '2024-11-17');
    const text = flat(pdfText(pdf));
    for (const h of ['khu phố 1', 'khu phố 2', 'khu phố 3', 'khu phố 4', 'khu phố 5']) {
      expect(text).toContain(`Tham gia bầu Khu phố trưởng ${h}, nhiệm kỳ 2024-2027`);
    }
    const cards = packs.reduce((a, p) => a + p.roll.entries.length, 0);
    expect(text.match(/THẺ CỬ TRI/g)?.length).toBe(cards);
  });
});
