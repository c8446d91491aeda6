import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { readTabular } from '../../src/io/tabular';
import { checkXlsxLimits, DEFAULT_XLSX_LIMITS } from '../../src/io/xlsx-limits';

const MB = 1024 * 1024;

/** A real XLSX whose sheet XML is padded with `padding` bytes of spaces (deflate shrinks them ~1000x). */
async function bomb(padding: number, declaredLie = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').addRow(['Họ và tên', 'Ngày sinh']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const chunk = ' '.repeat(MB);
  const parts: string[] = [];
  for (let i = 0; i < padding / MB; i++) parts.push(chunk);
  zip.file('xl/worksheets/sheet1.xml', sheet.replace('<sheetData>', `${parts.join('')}<sheetData>`));
  const out = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
  if (!declaredLie) return out;
  // A forged directory: every declared uncompressed size set to 1 byte. The check must not trust it.
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let at = 0; at + 46 <= out.length; at++)
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1, true);
  return out;
}

it('refuses a 200 MB zip bomb in a small XLSX before ExcelJS parses it', async () => {
  const file = await bomb(200 * MB);
  expect(file.length).toBeLessThan(1 * MB); // small enough to pass the 20 MB upload limit
  const heapBefore = process.memoryUsage().heapUsed;
  const started = Date.now();
  const result = await readTabular(file);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.error.code).toBe('tabular.tooLarge');
  expect(!result.ok && result.error.message).toContain('bom nén');
  expect(Date.now() - started).toBeLessThan(20_000);
  // The inflated bytes were counted and dropped, not kept (ExcelJS would hold 200 MB+ of strings).
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * MB);
  process.stdout.write(
    `zip bomb: ${file.length} bytes inflating to 200 MB refused in ${Date.now() - started} ms\n`,
  );
}, 60_000);

it('does not trust the sizes the zip directory declares', async () => {
  const forged = await bomb(200 * MB, true);
  const checked = await checkXlsxLimits(forged);
  expect(!checked.ok && checked.error.code).toBe('tabular.tooLarge');
}, 60_000);

it('refuses a zip with too many entries, and lets an ordinary XLSX through', async () => {
  const many = new JSZip();
  for (let i = 0; i < DEFAULT_XLSX_LIMITS.maxEntries + 1; i++) many.file(`x/${i}.xml`, '<a/>');
  const manyBytes = await many.generateAsync({ type: 'nodebuffer' });
  const r = await checkXlsxLimits(manyBytes);
  expect(!r.ok && r.error.message).toContain('thành phần');

  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').addRow(['Họ và tên', 'Ngày sinh']);
  wb.getWorksheet('Danh sách')!.addRow(['Nguyễn Văn A', '1980-01-01']);
  const good = new Uint8Array(await wb.xlsx.writeBuffer());
  expect(await checkXlsxLimits(good)).toEqual({ ok: true, value: true });
  const table = await readTabular(good);
  expect(table.ok && table.value.rows).toEqual([['Nguyễn Văn A', '1980-01-01']]);
  // A small limit shows the counting works on ordinary files too.
  const tight = await checkXlsxLimits(good, { maxUncompressed: 100, maxEntries: 100 });
  expect(tight.ok).toBe(false);
});
