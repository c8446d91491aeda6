import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { readTabular } from '../../src/io/tabular';
import { importResidentsFile } from '../../src/io/residents-import';
import { decodeText } from '../../src/io/legacy-encodings';

// Hostile and broken input: whatever bytes arrive, the importers answer with a result (accepted rows
// and rejected rows, or a clear failure) and never throw. Run counts are printed for the issue note.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const HEADER = 'Họ và tên,Giới tính,Ngày sinh,Số định danh cá nhân,Mã hộ,Quan hệ với chủ hộ\n';

function report(name: string, runs: number) {
  process.stdout.write(`fuzz ${name}: ${runs} generated inputs\n`);
}

it('readTabular never throws on arbitrary bytes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
      const result = await readTabular(bytes);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    }),
    { numRuns: RUNS },
  );
  report('readTabular(bytes)', RUNS);
});

it('readTabular never throws on a corrupted XLSX (zip) file', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').addRow(['Họ và tên', 'Ngày sinh']);
  const good = new Uint8Array(await wb.xlsx.writeBuffer());
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
      async (edits) => {
        const bytes = good.slice();
        for (const [at, value] of edits) bytes[at] = value;
        const result = await readTabular(bytes);
        expect(typeof result.ok).toBe('boolean');
      },
    ),
    { numRuns: Math.ceil(RUNS / 3) },
  );
  report('readTabular(corrupted xlsx)', Math.ceil(RUNS / 3));
});

it('the residents importer accounts for every row: accepted + rejected rows cover the file, lines in range', async () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'Nam',
      'Nữ',
      '01/02/1980',
      '31/02/1980',
      '1980-13-01',
      '068080001234',
      '=cmd|x',
      'Chủ hộ',
      '',
      '  ',
    ),
  );
  const row = fc.array(cell, { minLength: 0, maxLength: 8 });
  await fc.assert(
    fc.asyncProperty(fc.array(row, { maxLength: 25 }), async (rows) => {
      const csv = HEADER + rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
      const result = await importResidentsFile(new TextEncoder().encode(csv), {
        referenceDate: '2024-11-17',
      });
      if (!result.ok) return;
      const { accepted, rejected } = result.value;
      const lines = new Set(rejected.map((r) => r.row));
      expect(accepted.length + lines.size).toBeLessThanOrEqual(result.value.rows + 1);
      for (const r of rejected) {
        expect(r.row).toBeGreaterThanOrEqual(2);
        expect(r.message).toMatch(/\S/);
      }
    }),
    { numRuns: RUNS },
  );
  report('importResidentsFile(csv rows)', RUNS);
});

it('decodes arbitrary bytes to NFC text without throwing', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
      const { text } = decodeText(bytes);
      expect(text).toBe(text.normalize('NFC'));
    }),
    { numRuns: RUNS },
  );
  report('decodeText(bytes)', RUNS);
});
