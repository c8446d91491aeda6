import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { neutralizeCell, safeSheetName, writeXlsx } from './xlsx-export';

describe('writeXlsx', () => {
  it('writes sheets with headers, keyed rows and widths', async () => {
    const buffer = await writeXlsx([
      {
        name: 'Danh sách cử tri',
        columns: [
          { header: 'STT', key: 'no', width: 6 },
          { header: 'Họ và tên', key: 'name', width: 30 },
        ],
        rows: [
          { no: 1, name: 'Nguyễn Văn A' },
          { no: 2, name: null },
        ],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Danh sách cử tri')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'STT', 'Họ và tên']);
    expect(ws.getRow(2).values).toEqual([undefined, 1, 'Nguyễn Văn A']);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(1).font?.bold).toBe(true);
  });

  it('neutralises text starting with = + - @ (formula injection), leaving numbers alone', async () => {
    expect(neutralizeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeCell('+84 912')).toBe("'+84 912");
    expect(neutralizeCell('-1')).toBe("'-1");
    expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCell('\t=1')).toBe("'\t=1");
    expect(neutralizeCell(-1)).toBe(-1);
    expect(neutralizeCell('Nguyễn = A')).toBe('Nguyễn = A');
    const buffer = await writeXlsx([
      { name: 'S', columns: [{ header: 'x', key: 'x' }], rows: [{ x: '=1+1' }] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('S')!.getCell('A2');
    expect(cell.value).toBe("'=1+1");
    expect(cell.formula).toBeUndefined();
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('Tổ 1/Khu phố 2: danh sách [nháp]')).toBe('Tổ 1 Khu phố 2  danh sách  nháp');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('//')).toBe('Sheet');
  });
});
