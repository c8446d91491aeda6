/**
 * A small generic XLSX writer for exports (rolls, lists, templates). Text that a spreadsheet could
 * take for a formula is neutralised, so that exported resident data cannot run as a formula when an
 * officer re-saves it as CSV or retypes it (CSV/formula injection).
 */
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface XlsxColumn {
  readonly header: string;
  readonly key: string;
  /** In characters. */
  readonly width?: number;
}

export interface XlsxSheet {
  readonly name: string;
  readonly columns: readonly XlsxColumn[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
}

// OWASP's list: = + - @ start formulas; tab and carriage return can hide them.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to text that would start a formula; numbers stay numbers. */
export function neutralizeCell(value: CellValue): CellValue {
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Sheet' : cleaned;
}

export function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(safeSheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    const values: Record<string, CellValue> = {};
    for (const c of sheet.columns) values[c.key] = neutralizeCell(row[c.key] ?? null);
    ws.addRow(values);
  }
  return ws;
}

export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'baucoso';
  for (const sheet of sheets) addSheet(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
