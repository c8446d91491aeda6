/**
 * A small generic CSV writer for exports: comma separated, UTF-8 with a BOM (so Excel opens it as
 * UTF-8), CRLF line ends. Cells that a spreadsheet could take for a formula are neutralised as in
 * the XLSX exports (CSV/formula injection).
 */
import type { CellValue } from './xlsx-export';
import { neutralizeCell } from './xlsx-export';

export interface CsvColumn {
  readonly header: string;
  readonly key: string;
}

/** Quotes a field that holds a comma, a quote or a line break; neutralises a formula first. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  const safe = String(neutralizeCell(value));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(
  columns: readonly CsvColumn[],
  rows: readonly Readonly<Record<string, CellValue>>[],
): Buffer {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key] ?? null)).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
