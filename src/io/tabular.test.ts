import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseCsvRecords } from './csv-records';
import { tcvn3ToUnicode, unicodeToTcvn3 } from './legacy-encodings';
import { readTabular, type Table } from './tabular';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

async function table(bytes: Uint8Array, sheetName?: string): Promise<Table> {
  const r = await readTabular(bytes, { sheetName });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function failure(bytes: Uint8Array, options = {}) {
  const r = await readTabular(bytes, options);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readTabular: CSV', () => {
  const csv =
    'Họ và tên,Ngày sinh,Giới tính\r\nNguyễn Văn A,05/09/1980,Nam\r\n\r\n"Trần, Thị B",01/01/1990,Nữ\r\n';

  it('reads UTF-8 with line numbers that skip empty lines', async () => {
    const t = await table(utf8(csv));
    expect(t.headers).toEqual(['Họ và tên', 'Ngày sinh', 'Giới tính']);
    expect(t.rows).toEqual([
      ['Nguyễn Văn A', '05/09/1980', 'Nam'],
      ['Trần, Thị B', '01/01/1990', 'Nữ'],
    ]);
    expect(t.rowNumbers).toEqual([2, 4]);
    expect(t).toMatchObject({ headerLine: 1, converted: null, format: 'csv' });
  });

  it('reads UTF-8 with BOM, UTF-16 and semicolon-separated files the same way', async () => {
    const expected = (await table(utf8(csv))).rows;
    expect((await table(utf8(`\ufeff${csv}`))).rows).toEqual(expected);
    expect((await table(Buffer.from(`\ufeff${csv}`, 'utf16le'))).rows).toEqual(expected);
    const semi = 'Họ và tên;Ngày sinh;Giới tính\nNguyễn Văn A;05/09/1980;Nam\n"Trần, Thị B";01/01/1990;Nữ\n';
    expect((await table(utf8(semi))).rows).toEqual(expected);
    const tab = semi.replaceAll(';', '\t');
    expect((await table(utf8(tab))).rows).toEqual(expected);
  });

  it('converts a TCVN3 CSV and says so', async () => {
    const t = await table(latin1('Hä vµ tªn,Giíi tÝnh\nNguyÔn V¨n A,Nam\nTrÇn ThÞ B×nh,N÷\n'));
    expect(t.converted).toBe('tcvn3');
    expect(t.headers).toEqual(['Họ và tên', 'Giới tính']);
    expect(t.rows).toEqual([
      ['Nguyễn Văn A', 'Nam'],
      ['Trần Thị Bình', 'Nữ'],
    ]);
  });

  it('pads short rows to the header width', async () => {
    const t = await table(utf8('a,b,c\n1\n1,2,3,4\n'));
    expect(t.headers).toEqual(['a', 'b', 'c', '']);
    expect(t.rows).toEqual([
      ['1', '', '', ''],
      ['1', '2', '3', '4'],
    ]);
  });

  it('rejects empty, oversized, binary, .xls, PDF and malformed files with Vietnamese messages', async () => {
    expect((await failure(new Uint8Array())).code).toBe('tabular.empty');
    expect((await failure(utf8('\r\n , ,\r\n'))).code).toBe('tabular.empty');
    const big = await failure(utf8('a,b\n1,2\n'), { maxBytes: 4 });
    expect(big.code).toBe('tabular.tooLarge');
    expect(big.message).toContain('Tệp quá lớn');
    expect((await failure(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).code).toBe(
      'tabular.xls',
    );
    expect((await failure(utf8('%PDF-1.7\n...'))).code).toBe('tabular.notTabular');
    expect(await failure(Uint8Array.from([1, 2, 3, 0, 0, 5, 6, 7, 8, 9]))).toMatchObject({
      code: 'tabular.notTabular',
      message: expect.stringContaining('không phải là bảng tính') as string,
    });
    const broken = await failure(utf8('a,b\n"1,2\n3,4\n'));
    expect(broken.code).toBe('tabular.malformed');
    expect(broken.message).toContain('dấu ngoặc kép');
  });
});

describe('readTabular: XLSX', () => {
  it('reads the first sheet: formulas give cached values, dates become YYYY-MM-DD, numbers keep their digits', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['Họ và tên', 'Ngày sinh', 'Số định danh', 'Tuổi', 'Ghi chú']);
      ws.addRow([
        'Nguyễn Văn A',
        new Date(Date.UTC(1980, 8, 5)),
        68080001234,
        { formula: '2024-1980', result: 44 },
        null,
      ]);
      ws.addRow([]);
      ws.addRow([
        { richText: [{ text: 'Trần ' }, { text: 'Thị B' }] },
        '01/01/1990',
        '068190000001',
        34,
        'x',
      ]);
      wb.addWorksheet('Khác').addRow(['z']);
    });
    const t = await table(bytes);
    expect(t).toMatchObject({ format: 'xlsx', sheetName: 'Danh sách', converted: null, headerLine: 1 });
    expect(t.rows).toEqual([
      ['Nguyễn Văn A', '1980-09-05', '68080001234', '44', ''],
      ['Trần Thị B', '01/01/1990', '068190000001', '34', 'x'],
    ]);
    expect(t.rowNumbers).toEqual([2, 4]);
  });

  it('reads a named sheet and says which sheets exist when the name is wrong', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Hướng dẫn').addRow(['đọc tôi']);
      wb.addWorksheet('Cư dân').addRows([['Họ và tên'], ['Lê Thanh Bình']]);
    });
    expect((await table(bytes, 'Cư dân')).rows).toEqual([['Lê Thanh Bình']]);
    const missing = await failure(bytes, { sheetName: 'Hộ' });
    expect(missing.code).toBe('tabular.sheetNotFound');
    expect(missing.message).toContain("'Hướng dẫn', 'Cư dân'");
  });

  it('converts TCVN3 text typed into Excel cells', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('S').addRows([
        ['Hä vµ tªn', 'Giíi tÝnh'],
        ['NguyÔn V¨n A', 'Nam'],
        ['TrÇn ThÞ B×nh', 'N÷'],
      ]);
    });
    const t = await table(bytes);
    expect(t.converted).toBe('tcvn3');
    expect(t.rows).toEqual([
      ['Nguyễn Văn A', 'Nam'],
      ['Trần Thị Bình', 'Nữ'],
    ]);
  });

  it('leaves rows added later in Unicode alone in a TCVN3 workbook', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('S').addRows([
        ['Hä vµ tªn', 'Giíi tÝnh'],
        ['NguyÔn V¨n A', 'Nam'],
        ['TrÇn ThÞ B×nh', 'N÷'],
        ['Lê Thị Hà', 'Nữ'],
      ]);
    });
    const t = await table(bytes);
    expect(t.converted).toBe('tcvn3');
    expect(t.rows.map((r) => r[0])).toEqual(['Nguyễn Văn A', 'Trần Thị Bình', 'Lê Thị Hà']);
  });

  it('rejects a broken zip', async () => {
    expect(await failure(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toMatchObject({
      code: 'tabular.malformed',
    });
  });
});

describe('readTabular: a CSV read a piece at a time', () => {
  // Pieces are a megabyte of bytes: a 2.5 MB file puts quoted line breaks, CRLF pairs and multi-byte
  // letters across piece boundaries somewhere; the rows must be those of the whole text parsed at once.
  const rows = Array.from({ length: 60_000 }, (_, i) => [
    `Nguyễn Thị Ánh ${i}`,
    i % 7 === 0 ? `"dòng một\r\ndòng hai, ${i}"` : `Tổ ${i % 5}`,
    `${String((i % 28) + 1).padStart(2, '0')}/01/1980`,
  ]);
  const text = ['Họ và tên,Địa chỉ,Ngày sinh', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';

  it('gives the rows of the whole text, in UTF-8 and in TCVN3', { timeout: 60_000 }, async () => {
    expect(text.length).toBeGreaterThan(2_000_000);
    const whole = parseCsvRecords(text, ',');
    if (!whole.ok) throw new Error('bad fixture');
    const expected = whole.records.slice(1);
    const t = await table(utf8(text));
    expect(t.rows).toEqual(expected);
    expect(t.rowNumbers[t.rowNumbers.length - 1]).toBe(expected.length + 1);
    // TCVN3 has no codes for some capitals: compare with the whole text converted at once.
    const typed = unicodeToTcvn3(text);
    const converted = parseCsvRecords(tcvn3ToUnicode(typed), ',');
    if (!converted.ok) throw new Error('bad fixture');
    const legacy = await table(latin1(typed));
    expect(legacy.converted).toBe('tcvn3');
    expect(legacy.rows.length).toBe(expected.length);
    expect(legacy.rows).toEqual(converted.records.slice(1));
  });

  it('says which line a quote never closed starts on, far into the file', async () => {
    const broken = text + 'Lê Văn C,"không đóng,01/01/1990\r\n' + 'x,y,z\r\n'.repeat(10);
    const error = await failure(utf8(broken));
    expect(error.code).toBe('tabular.malformed');
    expect(error.message).toContain(`dòng ${rows.length + 2 + rows.filter((_, i) => i % 7 === 0).length}`);
  });
});
