import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { territory, demo, office, plan } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { WARD, adults, at, hamlets, loadWard } from './office-support';

const admin = anAdmin();
// Test data: the decision number is invented for the test, not a real resolution.
const DECISION = ['9999/NQ-UBTVQH15', '16/06/2025', 'Ủy ban Thường vụ Quốc hội'];
const HEAD = [
  'Mã tỉnh',
  'Huyện cũ',
  'Xã cũ',
  'Mã xã mới',
  'Ngày hiệu lực',
  'Số nghị quyết',
  'Ngày nghị quyết',
  'Cơ quan ban hành',
  'Thôn/tổ dân phố',
];
const csv = (rows: string[][]) =>
  new TextEncoder().encode([HEAD, ...rows].map((r) => r.join(',')).join('\n'));
const ROW_P2 = [
  '68',
  'Thành phố Bảo Lộc',
  'Phường 2',
  WARD,
  '01/07/2025',
  ...DECISION,
  'Khu phố 1;Khu phố 2;Khu phố 4',
];
const ROW_LC = ['68', 'Thành phố Bảo Lộc', 'Xã Lộc Châu (thử)', WARD, '01/07/2025', ...DECISION, 'Khu phố 5'];

const count = async (ctx: ServiceContext, table: 'communes' | 'commune_lineage' | 'districts') =>
  Number(
    (
      await ctx.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n,
  );

async function bodyLines(ctx: ServiceContext, documentId: string): Promise<string[]> {
  const d = await ctx.store.db
    .selectFrom('documents')
    .select('data')
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  return (JSON.parse(d.data) as { issue: { body: { lines: string[] } } }).issue.body.lines;
}

describeEachDatabase('commune lineage of the 2025 reorganisation', (t) => {
  it('refuses the whole file when one row is bad, with every problem by row; nothing written', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    await loadWard(ctx);
    const before = [await count(ctx, 'communes'), await count(ctx, 'districts')];
    const bad = await territory.importLineage(
      ctx,
      admin,
      csv([
        ROW_P2,
        ['68', 'Thành phố Bảo Lộc', 'Phường 9', '99999', '01/07/2025', ...DECISION, ''],
        ['68', 'Thành phố Bảo Lộc', 'Phường 8', '00004', '01/07/2025', ...DECISION, ''],
        ['68', 'Thành phố Bảo Lộc', 'Phường 7', WARD, '02/07/2025', ...DECISION, ''],
        ['68', 'Thành phố Bảo Lộc', 'Phường 6', WARD, '01/07/2025', '', '16/06/2025', 'UBTVQH', ''],
        ['68', 'Thành phố Bảo Lộc', 'Phường 5', WARD, '01/07/2025', ...DECISION, 'Khu phố 99'],
        ['68', 'Thành phố Bảo Lộc', 'Phường 2', WARD, '01/07/2025', ...DECISION, ''],
      ]),
      { confirm: true },
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const rejected = bad.error.details?.rejected as { row: number; field: string; message: string }[];
    expect(rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'successorCode'],
      [4, 'successorCode'],
      [5, 'effectiveOn'],
      [6, 'decisionNumber'],
      [7, 'hamlets'],
      [8, 'oldCommune'],
    ]);
    expect(bad.error.message).toMatch(
      /^Không ghi dòng nào: 6 dòng có lỗi\. Dòng 3: Không có xã, phường mã "99999"/,
    );
    expect(rejected[4]!.message).toContain('không có thôn, tổ dân phố "Khu phố 99"');
    expect([
      await count(ctx, 'communes'),
      await count(ctx, 'districts'),
      await count(ctx, 'commune_lineage'),
    ]).toEqual([...before, 0]);
    const noHeaders = await territory.importLineage(ctx, admin, new TextEncoder().encode('a,b\n1,2'));
    expect(noHeaders.ok).toBe(false);
    if (!noHeaders.ok) expect(noHeaders.error.message).toContain('Thiếu cột bắt buộc');
    const officer = await territory.importLineage(ctx, aCommuneOfficer(WARD), csv([ROW_P2]));
    expect(officer.ok).toBe(false);
    if (!officer.ok) expect(officer.error.code).toBe('forbidden');
  });

  it('previews without writing, then records the predecessors as historical communes under their district', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const preview = await territory.importLineage(ctx, admin, csv([ROW_P2, ROW_LC]));
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({ rows: 2, written: false });
    expect(await count(ctx, 'commune_lineage')).toBe(0);
    const done = await territory.importLineage(ctx, admin, csv([ROW_P2, ROW_LC]), { confirm: true });
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.written).toBe(true);
    const list = await territory.listLineage(ctx, aCommuneOfficer(WARD), WARD);
    if (!list.ok) throw new Error(list.error.message);
    expect(
      list.value.map((l) => [l.oldCommune, l.oldDistrict, l.effectiveOn, l.decisionDate, l.hamletIds.length]),
    ).toEqual([
      ['Phường 2', 'Thành phố Bảo Lộc', '2025-07-01', '2025-06-16', 3],
      ['Xã Lộc Châu (thử)', 'Thành phố Bảo Lộc', '2025-07-01', '2025-06-16', 1],
    ]);
    const old = await ctx.store.db
      .selectFrom('communes')
      .select(['valid_to'])
      .where('name', '=', 'Phường 2')
      .executeTakeFirstOrThrow();
    expect(old.valid_to).toBe('2025-06-30');
    const again = await territory.importLineage(ctx, admin, csv([ROW_P2]), { confirm: true });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('đã được ghi là đã nhập vào Phường 2 Bảo Lộc');
  });

  it('reads an XLSX file the same way', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sắp xếp');
    ws.addRow(HEAD);
    ws.addRow(['68', 'Thành phố Bảo Lộc', 'Xã Đại Lào (thử)', WARD, '01/07/2025', ...DECISION, 'Khu phố 3']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await territory.importLineage(ctx, admin, bytes, { confirm: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows).toBe(1);
  });

  it('a record dated before 01/07/2025 shows the old commune and district; one dated 2026 shows the new', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const hs = await hamlets(ctx);
    const kp1 = hs.find((h) => h.name === 'Khu phố 1')!;
    const kp5 = hs.find((h) => h.name === 'Khu phố 5')!;
    expect(await territory.namesOn(ctx.store.db, WARD, '2024-11-17', kp1.id)).toMatchObject({
      communeName: 'Phường 2',
      districtName: 'Thành phố Bảo Lộc',
      provinceName: 'Tỉnh Lâm Đồng',
      historical: true,
    });
    expect(await territory.namesOn(ctx.store.db, WARD, '2025-06-30', kp5.id)).toMatchObject({
      communeName: 'Xã Lộc Châu (thử)',
    });
    expect(await territory.namesOn(ctx.store.db, WARD, '2025-07-01', kp1.id)).toMatchObject({
      communeName: 'Phường 2 Bảo Lộc',
      districtName: null,
      historical: false,
    });
    // Several predecessors and no hamlet to choose by: the current names, not a guess.
    expect((await territory.namesOn(ctx.store.db, WARD, '2024-11-17')).historical).toBe(false);
    const [a] = await adults(ctx, kp1.id, 1);
    const old = await office.appointInterim(ctx, aCommuneOfficer(WARD), {
      hamletId: kp1.id,
      reason: 'vacancy',
      residentId: a!.id,
      on: '2024-12-10',
    });
    if (!old.ok) throw new Error(old.error.message);
    expect(await bodyLines(ctx, old.value.document.id)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG 2']);
    const [b] = await adults(ctx, kp5.id, 1);
    const now = await office.appointInterim(ctx, aCommuneOfficer(WARD), {
      hamletId: kp5.id,
      reason: 'vacancy',
      residentId: b!.id,
      on: '2026-02-10',
    });
    if (!now.ok) throw new Error(now.error.message);
    expect(await bodyLines(ctx, now.value.document.id)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG 2 BẢO LỘC']);
  });

  it('the admin API takes the raw CSV; a commune officer is refused; the commune lists its predecessors', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const app = await buildServer(ctx, { webRoot: '/nonexistent' });
    await app.ready();
    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: demo.DEMO_PASSWORD },
      });
      return `baucoso_session=${res.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
    };
    const row = ['68', 'Thành phố Bảo Lộc', 'Xã Lộc Nga (thử)', WARD, '01/07/2025', ...DECISION, 'Khu phố 4'];
    const post = async (cookie: string, confirm: boolean) =>
      app.inject({
        method: 'POST',
        url: `/api/admin/commune-lineage/import?confirm=${confirm}`,
        headers: { cookie, 'content-type': 'text/csv' },
        payload: Buffer.from(csv([row])),
      });
    expect((await post(await login('ubnd.phuong2'), true)).statusCode).toBe(403);
    const admin = await login('quantri');
    const preview = await post(admin, false);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ rows: 1, written: false });
    const done = await post(admin, true);
    expect(done.json()).toMatchObject({ rows: 1, written: true });
    const again = await post(admin, true);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.rejected[0].row).toBe(2);
    const list = await app.inject({
      url: `/api/communes/${WARD}/lineage`,
      headers: { cookie: await login('tinh.lamdong') },
    });
    expect(list.json().map((l: { oldCommune: string }) => l.oldCommune)).toContain('Xã Lộc Nga (thử)');
    await app.close();
  });

  it('a 2024 round: its decision fixing election day is headed with the old ward name', async () => {
    const ctx = t.ctx(at('2024-10-25'));
    const kp2 = (await hamlets(ctx)).find((h) => h.name === 'Khu phố 2')!;
    const round = await plan.createRound(ctx, aCommuneOfficer(WARD), {
      communeId: WARD,
      termLabel: '2024-2029',
      profileId: 'nd59-2023',
      form: 'meeting',
      chairName: 'Lê Thanh Bình',
      frontChairName: 'Trần Thị Kim Loan',
      planDate: '2024-09-20',
      hamlets: [
        { hamletId: kp2.id, electionDate: '2024-11-17', startTime: '07:30', venue: 'Nhà văn hóa khu phố 2' },
      ],
      assignments: [],
    });
    if (!round.ok) throw new Error(round.error.message);
    const r = await plan.issueRoundDocument(
      ctx,
      aCommuneOfficer(WARD),
      round.value.id,
      'election-day-decision',
      {
        date: '2024-10-25',
      },
    );
    if (!r.ok) throw new Error(r.error.message);
    const d = await ctx.store.db
      .selectFrom('documents')
      .select('docx')
      .where('id', '=', r.value.id)
      .executeTakeFirstOrThrow();
    const xml = await (await JSZip.loadAsync(d.docx)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('PHƯỜNG 2');
    expect(text).not.toMatch(/bảo lộc/i);
  });
});
