/**
 * Reads the bytes of an uploaded spreadsheet (CSV in any encoding offices produce, or XLSX) into
 * header + rows of strings, converting legacy Vietnamese font encodings on the way.
 */
import ExcelJS from 'exceljs';
import { err, ok, type Result } from '../domain/result';
import { parseCsvRecords } from './csv-records';
import { checkXlsxLimits } from './xlsx-limits';
import {
  convertWith,
  decodeText,
  detectLegacyText,
  isUnicodeVietnamese,
  type LegacyEncoding,
} from './legacy-encodings';

export interface Table {
  readonly headers: string[];
  readonly rows: string[][];
  /** Spreadsheet line of each row (the header's line is `headerLine`); empty lines are skipped. */
  readonly rowNumbers: number[];
  readonly headerLine: number;
  readonly converted: LegacyEncoding | null;
  readonly format: 'csv' | 'xlsx';
  readonly sheetName: string | null;
}

export interface ReadTabularOptions {
  /** Reject files larger than this many bytes (default 20 MB). */
  readonly maxBytes?: number;
  /** XLSX only: the sheet to read (default: the first). */
  readonly sheetName?: string;
}

export type TabularFailureCode =
  | 'tabular.empty'
  | 'tabular.tooLarge'
  | 'tabular.xls'
  | 'tabular.notTabular'
  | 'tabular.malformed'
  | 'tabular.sheetNotFound';

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function fail(code: TabularFailureCode, message: string) {
  return err({ code, message });
}

const EMPTY_MESSAGE =
  'Tệp không có dữ liệu: không tìm thấy dòng tiêu đề nào. Hãy dùng tệp mẫu và nhập ít nhất một dòng.';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

export async function readTabular(
  bytes: Uint8Array,
  options: ReadTabularOptions = {},
): Promise<Result<Table>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // A JSON body sent to an upload route arrives as an object, not bytes (found by the API fuzzer).
  if (!(bytes instanceof Uint8Array))
    return fail('tabular.empty', 'Hãy gửi chính nội dung tệp .xlsx hoặc .csv (không phải JSON).');
  if (bytes.length === 0) return fail('tabular.empty', 'Tệp rỗng (0 byte).');
  if (bytes.length > maxBytes) {
    return fail(
      'tabular.tooLarge',
      `Tệp quá lớn (${formatMegabytes(bytes.length)}); giới hạn là ${formatMegabytes(maxBytes)}. Hãy chia thành nhiều tệp nhỏ hơn.`,
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const limits = await checkXlsxLimits(bytes); // zip bombs: before ExcelJS inflates anything
    if (!limits.ok) return limits;
    return readXlsx(bytes, options.sheetName);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail(
      'tabular.xls',
      'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV.',
    );
  }
  return readCsv(bytes);
}

function formatMegabytes(n: number): string {
  return `${(n / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

// ---------------------------------------------------------------- CSV

function readCsv(bytes: Uint8Array): Result<Table> {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return notTabular('PDF');
  const decoded = decodeText(bytes);
  if (looksBinary(decoded.text)) return notTabular(null);
  const delimiter = guessDelimiter(decoded.text);
  const parsed = parseCsvRecords(decoded.text, delimiter);
  if (!parsed.ok) {
    const line = parsed.line;
    return fail(
      'tabular.malformed',
      `Tệp CSV bị lỗi định dạng${line ? ` ở dòng ${line}` : ''}: có thể thiếu dấu ngoặc kép đóng ("). Hãy mở tệp bằng Excel, kiểm tra và lưu lại.`,
    );
  }
  return toTable(
    parsed.records.map((cells, i) => ({ line: i + 1, cells })),
    decoded.converted,
    'csv',
    null,
  );
}

function notTabular(kind: string | null) {
  return fail(
    'tabular.notTabular',
    `Tệp${kind ? ` ${kind}` : ''} này không phải là bảng tính. Hãy tải lên tệp Excel (.xlsx) hoặc CSV theo mẫu.`,
  );
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control > sample.length * 0.01;
}

/** Excel writes ';' instead of ',' where the decimal mark is a comma, as in Vietnamese settings. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

// ---------------------------------------------------------------- XLSX

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined): Promise<Result<Table>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    return fail(
      'tabular.malformed',
      'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải là tệp .xlsx. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.',
    );
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    if (sheetName === undefined) return notTabular(null);
    const names = workbook.worksheets.map((w) => `'${w.name}'`).join(', ');
    return fail(
      'tabular.sheetNotFound',
      `Không có trang tính '${sheetName}' trong tệp. Các trang tính có: ${names}.`,
    );
  }
  const raw: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    raw.push({ line, cells });
  });
  const legacy = detectLegacyText(raw.map((r) => r.cells.join('\t')).join('\n'));
  // A row with Unicode-only letters was typed later in Unicode: leave all of its cells alone.
  const converted = raw.map((r) => {
    const keep = legacy === null || r.cells.some(isUnicodeVietnamese);
    return { line: r.line, cells: r.cells.map((s) => (keep ? s.normalize('NFC') : convertWith(legacy, s))) };
  });
  return toTable(converted, legacy, 'xlsx', sheet.name);
}

/** Formulas give their cached result; dates become 'YYYY-MM-DD'. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

// ---------------------------------------------------------------- both

function toTable(
  records: readonly { line: number; cells: string[] }[],
  converted: LegacyEncoding | null,
  format: 'csv' | 'xlsx',
  sheetName: string | null,
): Result<Table> {
  // Cells are NFC already: decodeText and convertWith normalise the text they return.
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) return fail('tabular.empty', EMPTY_MESSAGE);
  const headers = trimTrailingEmpty(header.cells.map((h) => h.trim()));
  let width = headers.length;
  for (const r of body) width = Math.max(width, trimTrailingEmpty(r.cells).length);
  while (headers.length < width) headers.push('');
  return ok({
    headers,
    rows: body.map((r) => padTo(r.cells, width)),
    rowNumbers: body.map((r) => r.line),
    headerLine: header.line,
    converted,
    format,
    sheetName,
  });
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] as string).trim() === '') end--;
  return cells.slice(0, end);
}

function padTo(cells: string[], width: number): string[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}
