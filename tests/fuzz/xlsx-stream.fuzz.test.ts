import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { cellText, readTabular } from '../../src/io/tabular';

// The streaming XLSX reader against ExcelJS's full load (what the import read before), on generated
// workbooks; and damaged workbooks, which must be answered (rows or a clear refusal) quickly, never
// waited on: ExcelJS's own streaming reader hung on some of them.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

function report(name: string, runs: number) {
  process.stdout.write(`fuzz ${name}: ${runs} generated inputs\n`);
}

type Cell = ExcelJS.CellValue;

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('Nguyễn Văn Ánh', 'Chủ hộ', ' Thường trú ', '068080001234', '<&>"\'', 'a\nb'),
  fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.boolean(),
  fc.integer({ min: -2_000_000_000, max: 4_000_000_000 }).map((d) => new Date(d * 1000)),
  fc.integer({ min: 0, max: 99 }).map((n) => ({ formula: `${n}+1`, result: n + 1 })),
  fc.string({ maxLength: 5 }).map((t) => ({ formula: 'A1&""', result: t })),
  fc
    .array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 })
    .map((parts) => ({ richText: parts.map((text, i) => ({ text, font: { bold: i % 2 === 0 } })) })),
  fc.constantFrom({ error: '#N/A' } as Cell, { text: 'liên kết', hyperlink: 'https://example.org' }),
);

/** What the import read before: ExcelJS loads the workbook, then every row of the first sheet. */
async function loadedRows(bytes: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: { line: number; cells: string[] }[] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).normalize('NFC'));
    out.push({ line, cells });
  });
  return out;
}

it('reads generated workbooks cell for cell as ExcelJS loading them did', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(cell, { maxLength: 7 }), { minLength: 1, maxLength: 12 }),
      fc.option(fc.tuple(fc.nat(10), fc.nat(5), fc.nat(3), fc.nat(2)), { nil: undefined }),
      async (rows, merge) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Danh sách');
        // A header Unicode-only, so that legacy detection (tested elsewhere) leaves the cells alone.
        ws.addRow(['Mã hộ', 'Họ và tên', 'Ngày sinh']);
        for (const r of rows) ws.addRow(r);
        // Dates carry their own date style. (A string formula result in a date-styled cell, ExcelJS
        // read as the date 1899-12-30; the stream reads the string.)
        if (merge) {
          const [top, left, height, width] = merge;
          ws.mergeCells(top + 2, left + 1, top + 2 + height, left + 1 + width);
        }
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        const expected = (await loadedRows(bytes)).filter((r) => r.cells.some((c) => c.trim() !== ''));
        const table = await readTabular(bytes);
        expect(table.ok).toBe(true);
        if (!table.ok) return;
        const width = table.value.headers.length;
        const pad = (cells: string[]) => [...cells, ...Array<string>(width).fill('')].slice(0, width);
        const [header, ...body] = expected;
        expect(table.value.headerLine).toBe(header!.line);
        expect(table.value.rowNumbers).toEqual(body.map((r) => r.line));
        expect(table.value.rows).toEqual(body.map((r) => pad(r.cells)));
      },
    ),
    { numRuns: Math.ceil(RUNS / 3) },
  );
  report('readTabular(xlsx) = ExcelJS load', Math.ceil(RUNS / 3));
}, 120_000);

async function sampleWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Mã hộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Quan hệ với chủ hộ']);
  for (let i = 0; i < 200; i++)
    ws.addRow([`H${i}`, `Nguyễn Văn ${i}`, new Date(Date.UTC(1980, 0, 1 + i)), 'Nam', 'Chủ hộ']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const KNOWN_CODES = ['tabular.malformed', 'tabular.tooLarge', 'tabular.notTabular', 'tabular.empty'];

async function answersQuickly(bytes: Uint8Array): Promise<void> {
  const started = Date.now();
  const result = await readTabular(bytes);
  expect(Date.now() - started).toBeLessThan(5_000);
  if (!result.ok) {
    expect(KNOWN_CODES).toContain(result.error.code);
    expect(result.error.message).toMatch(/Tệp|tệp/);
  }
}

it('answers damaged workbooks (bytes changed, cut short, parts dropped) quickly, never hangs', async () => {
  const good = await sampleWorkbook();
  const zip = await JSZip.loadAsync(good);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const damage = fc.oneof(
    fc
      .array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 30,
      })
      .map((edits) => () => {
        const bytes = good.slice();
        for (const [at, value] of edits) bytes[at] = value;
        return Promise.resolve(bytes);
      }),
    fc.nat(good.length - 1).map((n) => () => Promise.resolve(good.slice(0, n))),
    fc.constantFrom(...names).map((name) => async () => {
      const copy = await JSZip.loadAsync(good);
      copy.remove(name);
      return new Uint8Array(await copy.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    }),
    fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 40 })).map(([name, junk]) => async () => {
      const copy = await JSZip.loadAsync(good);
      const text = await copy.file(name)!.async('string');
      copy.file(name, text.slice(0, Math.floor(text.length / 2)) + junk);
      return new Uint8Array(await copy.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    }),
  );
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(damage, async (make) => {
      const bytes = await make();
      await answersQuickly(bytes);
      if (!(await readTabular(bytes)).ok) refused++;
    }),
    { numRuns: RUNS },
  );
  report(`readTabular(damaged xlsx, ${refused} refused)`, RUNS);
}, 300_000);
