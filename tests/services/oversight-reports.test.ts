import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { oversight, demo } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer, aTeamMember, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const now = () => new Date('2025-11-20T02:00:00.000Z');

async function sheetRows(bytes: Buffer): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

const num = (x: unknown) => (typeof x === 'number' ? x : 0);

describeEachDatabase('oversight reports', (t) => {
  it('loads the demo province', async () => {
    await demo.loadDemoProvince(t.ctx(now));
  });

  it('commune XLSX: one row per hamlet, the totals row is the sum of the rows', async () => {
    const r = await oversight.communeResultsXlsx(t.ctx(now), aProvinceViewer('68'), '24823');
    if (!r.ok) throw new Error(r.error.message);
    const rows = await sheetRows(r.value.bytes);
    const total = rows.pop()!;
    expect(total['Thôn, tổ dân phố']).toBe('Tổng cộng');
    expect(rows).toHaveLength(5);
    for (const col of ['Tổng số cử tri', 'Số tham gia', 'Việc quá hạn'])
      expect(total[col]).toBe(rows.reduce((s, x) => s + num(x[col]), 0));
    expect(
      rows.every((x) => x['Người đang đảm nhiệm'] === oversight.NO_OFFICE_DATA || x['Người đang đảm nhiệm']),
    ).toBe(true);
  });

  it('an uncounted hamlet shows "chưa kiểm phiếu", never a number', async () => {
    const r = await oversight.communeResultsXlsx(t.ctx(now), anAdmin(), '24778');
    if (!r.ok) throw new Error(r.error.message);
    const rows = (await sheetRows(r.value.bytes)).slice(0, -1);
    for (const x of rows) {
      expect(x['Kết quả']).toBe(oversight.NOT_COUNTED);
      expect(x['Số tham gia']).toBeNull();
    }
  });

  it('province XLSX: the totals row is the sum of the commune rows', async () => {
    const r = await oversight.provinceAggregateXlsx(t.ctx(now), aProvinceViewer('68'), '68');
    if (!r.ok) throw new Error(r.error.message);
    const rows = await sheetRows(r.value.bytes);
    const total = rows.pop()!;
    expect(rows).toHaveLength(124);
    for (const col of [
      'Số thôn, TDP',
      'Đã hoàn thành',
      'Việc quá hạn',
      'Bầu lại',
      'Trưởng thôn lâm thời',
      'Số tham gia',
      'Đã công nhận',
    ])
      expect(total[col]).toBe(rows.reduce((s, x) => s + num(x[col]), 0));
    const d = await oversight.provinceDashboard(t.ctx(now), anAdmin(), '68');
    if (!d.ok) throw new Error(d.error.message);
    expect(total['Số tham gia']).toBe(d.value.totals.voted);
  });

  it('PDFs: the commune draft for a reader, the province aggregate', async () => {
    const c = await oversight.communeSummaryPdf(t.ctx(now), aProvinceViewer('68'), '24823');
    const p = await oversight.provinceAggregatePdf(t.ctx(now), aProvinceViewer('68'), '68');
    expect(c.ok && c.value.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.ok && p.value.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the commune issues its summary (numbered); a province viewer cannot', async () => {
    const issued = await oversight.issueCommuneSummary(t.ctx(now), aCommuneOfficer('24823'), '24823');
    if (!issued.ok) throw new Error(issued.error.message);
    expect(issued.value.form_id).toBe('commune-summary');
    expect(issued.value.number).toBe(1);
    const refused = await oversight.issueCommuneSummary(t.ctx(now), aProvinceViewer('68'), '24823');
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const found = await oversight.search(t.ctx(now), aProvinceViewer('68'), '1/BC-UBND');
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.hits.some((h) => h.kind === 'document' && h.id === issued.value.id)).toBe(true);
  });

  it('progress report: children sum to the totals; every not-done hamlet is listed as missing', async () => {
    const r = await oversight.progressReport(t.ctx(now), aProvinceViewer('68'), '68', {
      deadline: '2025-11-30',
    });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value;
    expect(v.deadline).toBe('2025-11-30');
    expect(v.totals.hamlets).toBe(v.children.reduce((s, c) => s + c.hamlets, 0));
    expect(v.totals.lateItems).toBe(v.children.reduce((s, c) => s + c.lateItems, 0));
    for (const c of v.children) {
      expect(Object.values(c.byState).reduce((a, b) => a + b, 0)).toBe(c.hamlets);
      expect(c.missing.length).toBe(c.hamlets - c.done);
    }
    const commune = await oversight.progressReport(t.ctx(now), anAdmin(), '24841');
    if (!commune.ok) throw new Error(commune.error.message);
    expect(commune.value.children.map((c) => c.name)).toEqual([
      'Khu phố 1',
      'Khu phố 2',
      'Khu phố 3',
      'Khu phố 4',
    ]);
    expect(commune.value.children.find((c) => c.name === 'Khu phố 2')!.missing[0]!.missing).toBe(
      'Phải tổ chức bầu lại',
    );
    const bad = await oversight.progressReport(t.ctx(now), anAdmin(), '68', { deadline: '30/9/2024' });
    expect(bad.ok ? null : bad.error.field).toBe('deadline');
  });

  it('search: people without diacritics, hamlets, within the caller’s scope only', async () => {
    const viewer = aProvinceViewer('68');
    const hamlet = await oversight.search(t.ctx(now), viewer, 'to dan pho 3');
    if (!hamlet.ok) throw new Error(hamlet.error.message);
    expect(hamlet.value.hits.some((h) => h.kind === 'hamlet' && h.title === 'Tổ dân phố 3')).toBe(true);
    const people = await oversight.search(t.ctx(now), viewer, 'nguyen');
    if (!people.ok) throw new Error(people.error.message);
    const persons = people.value.hits.filter((h) => h.kind === 'person');
    expect(persons.length).toBeGreaterThan(0);
    expect(
      persons.every(
        (h) =>
          h.title.startsWith('Nguyễn') ||
          h.title.includes('Nguyễn') ||
          h.title.toLowerCase().includes('nguyen'),
      ),
    ).toBe(true);
    const outside = await oversight.search(t.ctx(now), aCommuneOfficer('24841'), 'to dan pho');
    if (!outside.ok) throw new Error(outside.error.message);
    expect(outside.value.hits.filter((h) => h.kind === 'hamlet')).toHaveLength(0);
  });

  it('search: an election team finds only its own hamlet and its residents, no other place or document', async () => {
    const db = t.ctx(now).store.db;
    const e = await db
      .selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .innerJoin('communes as c', 'c.id', 'h.commune_id')
      .select(['e.id', 'h.id as hamletId', 'h.name as hamletName'])
      .where('c.province_code', '=', '68')
      .executeTakeFirstOrThrow();
    const team = aTeamMember(e.id);
    const all = await oversight.search(t.ctx(now), aProvinceViewer('68'), 'nguyen');
    const mine = await oversight.search(t.ctx(now), team, 'nguyen');
    if (!all.ok || !mine.ok) throw new Error('search failed');
    const persons = mine.value.hits.filter((h) => h.kind === 'person');
    expect(persons.length).toBeGreaterThan(0);
    expect(persons.every((h) => h.detail.includes(e.hamletName))).toBe(true);
    expect(
      all.value.hits.filter((h) => h.kind === 'person').some((h) => !h.detail.includes(e.hamletName)),
    ).toBe(true);
    const places = await oversight.search(t.ctx(now), team, 'a');
    if (!places.ok) throw new Error(places.error.message);
    expect(places.value.hits.filter((h) => h.kind === 'commune')).toHaveLength(0);
    expect(places.value.hits.filter((h) => h.kind === 'hamlet').every((h) => h.id === e.hamletId)).toBe(true);
    const docs = await oversight.search(t.ctx(now), team, '1/BC-UBND');
    if (!docs.ok) throw new Error(docs.error.message);
    expect(docs.value.hits.filter((h) => h.kind === 'document')).toHaveLength(0);
  });
});
