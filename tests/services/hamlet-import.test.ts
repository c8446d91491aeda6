import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { territory } from '../../src/services';
import { describeEachDatabase } from '../support/databases';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';

// A commune of the dataset with no hamlets yet: Xã Lộc An, Lâm Đồng (any real one would do).
const COMMUNE = '24823';
const officer = aCommuneOfficer(COMMUNE);
const csv = (text: string) => new TextEncoder().encode(text);

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thôn');
  rows.forEach((r) => ws.addRow(r));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeEachDatabase('importing a list of hamlets', (t) => {
  it('previews an XLSX list without writing, then writes it on confirmation; re-import changes nothing', async () => {
    await territory.loadAdministrativeUnits(t.ctx());
    const file = await xlsx([
      ['Tên', 'Loại', 'Tổ tự quản'],
      ['Thôn 1', 'Thôn', 'Tổ 1, Tổ 2'],
      ['Thôn 2', '', ''],
      ['Buôn Ma Đrăk', 'Buôn', ''],
    ]);
    const preview = await territory.previewHamletList(t.ctx(), officer, COMMUNE, file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.toAdd.map((h) => [h.name, h.kind, h.residentGroups])).toEqual([
      ['Thôn 1', 'thon', ['Tổ 1', 'Tổ 2']],
      ['Thôn 2', 'thon', []],
      ['Buôn Ma Đrăk', 'buon', []],
    ]);
    const before = await territory.getCommune(t.ctx(), officer, COMMUNE);
    expect(before.ok && before.value.hamlets).toEqual([]);

    const done = await territory.importHamletList(t.ctx(), officer, COMMUNE, file);
    expect(done.ok && done.value.toAdd).toHaveLength(3);
    const after = await territory.getCommune(t.ctx(), officer, COMMUNE);
    expect(after.ok && after.value.hamlets.map((h) => h.name)).toEqual(['Buôn Ma Đrăk', 'Thôn 1', 'Thôn 2']);

    const again = await territory.importHamletList(t.ctx(), officer, COMMUNE, file);
    expect(again.ok && [again.value.toAdd.length, again.value.existing.length]).toEqual([0, 3]);
  });

  it('rejects bad rows with their line and a Vietnamese reason, and writes none of them', async () => {
    const file = csv('Tên thôn,Loại\n,Thôn\nXóm Mới,\nThôn 9,Phố\nThôn 10,Thôn\nthôn 10,Thôn\n');
    const preview = await territory.previewHamletList(t.ctx(), officer, COMMUNE, file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.rejected.map((r) => [r.row, r.field])).toEqual([
      [2, 'Tên'],
      [3, 'Loại'],
      [4, 'Loại'],
      [6, 'Tên'],
    ]);
    expect(preview.value.rejected[1]!.message).toContain('không đoán được loại của "Xóm Mới"');
    expect(preview.value.rejected[3]!.message).toContain('trùng với dòng 5');
    expect(preview.value.toAdd.map((h) => h.name)).toEqual(['Thôn 10']);
  });

  it('refuses a file without a name column, an empty file, and a province viewer', async () => {
    const noName = await territory.previewHamletList(t.ctx(), officer, COMMUNE, csv('Mã,Ghi chú\n1,x\n'));
    expect(!noName.ok && noName.error.message).toContain('Không tìm thấy cột "Tên"');
    const empty = await territory.previewHamletList(t.ctx(), officer, COMMUNE, new Uint8Array());
    expect(empty.ok).toBe(false);
    const viewer = await territory.importHamletList(
      t.ctx(),
      aProvinceViewer('68'),
      COMMUNE,
      csv('Tên\nThôn 5\n'),
    );
    expect(!viewer.ok && viewer.error.code).toBe('forbidden');
  });

  it('converts a list typed in TCVN3 (ABC) and says so', async () => {
    // "Tên,Loại" / "Thôn Đồng Tâm,Thôn" typed with a .VnTime font: ª = ê, ¹ = ạ, « = ô, § = Đ, å = ồ, © = â.
    const tcvn3 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const file = tcvn3('T\u00aan,Lo\u00b9i\nTh\u00abn \u00a7\u00e5ng T\u00a9m,Th\u00abn\n');
    const preview = await territory.previewHamletList(t.ctx(), officer, COMMUNE, file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.converted).toBe('tcvn3');
    expect(preview.value.toAdd.map((h) => h.name)).toEqual(['Thôn Đồng Tâm']);
  });
});
