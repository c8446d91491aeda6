/**
 * Reads the bytes of an uploaded spreadsheet (CSV in any encoding offices produce, or XLSX) into
 * header + rows of strings, converting legacy Vietnamese font encodings on the way. `streamTabular`
 * hands each row to the caller as it is read (the file is never held as one string, nor as a
 * workbook, nor as a table); `readTabular` collects them into a Table for the smaller readers.
 */
import { err, ok, type Result } from '../domain/result';
import { createCsvRecordReader } from './csv-records';
import { checkXlsxLimits } from './xlsx-limits';
import { streamXlsxRows } from './xlsx-rows';
import {
  convertWith,
  decodingText,
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

/** The header row, trimmed, without trailing empty cells. */
export interface TabularHeader {
  readonly headers: string[];
  readonly line: number;
}

/** Receives each data row after the header: its cells (not padded) and its spreadsheet line. */
export type TabularRowSink = (cells: string[], line: number) => void;

/** What a streamed read found, once every row went to the sink. */
export interface TabularInfo {
  /** The header padded with '' to the widest row. */
  readonly headers: string[];
  readonly headerLine: number;
  /** Data rows given to the sink (not counting the header or empty lines). */
  readonly rows: number;
  readonly converted: LegacyEncoding | null;
  readonly format: 'csv' | 'xlsx';
  readonly sheetName: string | null;
}

export async function readTabular(
  bytes: Uint8Array,
  options: ReadTabularOptions = {},
): Promise<Result<Table>> {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const info = await streamTabular(bytes, options, () => (cells, line) => {
    rows.push(cells);
    rowNumbers.push(line);
  });
  if (!info.ok) return info;
  const { headers, headerLine, converted, format, sheetName } = info.value;
  return ok({
    headers,
    rows: rows.map((r) => padTo(r, headers.length)),
    rowNumbers,
    headerLine,
    converted,
    format,
    sheetName,
  });
}

/**
 * Reads the file row by row: `onHeader` gets the header row and gives the sink of the data rows.
 * Fails (and the sink has seen rows of a file refused further on: the caller keeps nothing) when the
 * file is not a readable table.
 */
export async function streamTabular(
  bytes: Uint8Array,
  options: ReadTabularOptions,
  onHeader: (header: TabularHeader) => TabularRowSink,
): Promise<Result<TabularInfo>> {
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
  const flow = recordFlow(onHeader);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const limits = await checkXlsxLimits(bytes); // zip bombs: before anything is parsed
    if (!limits.ok) return limits;
    const read = await readXlsx(bytes, options.sheetName, flow);
    return read.ok ? flow.finish(read.value.converted, 'xlsx', read.value.sheetName) : read;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail(
      'tabular.xls',
      'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV.',
    );
  }
  const read = readCsv(bytes, flow);
  return read.ok ? flow.finish(read.value, 'csv', null) : read;
}

/** Skips empty records, takes the first other one as the header, and counts and measures the rows. */
function recordFlow(onHeader: (header: TabularHeader) => TabularRowSink) {
  let sink: TabularRowSink | null = null;
  let header: string[] = [];
  let headerLine = 0;
  let width = 0;
  let rows = 0;
  return {
    record(line: number, cells: string[]): void {
      let end = cells.length;
      while (end > 0 && (cells[end - 1] as string).trim() === '') end--;
      if (end === 0) return;
      if (sink === null) {
        header = cells.slice(0, end).map((h) => h.trim());
        header = trimTrailingEmpty(header);
        headerLine = line;
        width = header.length;
        sink = onHeader({ headers: [...header], line });
        return;
      }
      if (end > width) width = end;
      rows++;
      sink(cells, line);
    },
    finish(
      converted: LegacyEncoding | null,
      format: 'csv' | 'xlsx',
      sheetName: string | null,
    ): Result<TabularInfo> {
      if (sink === null) return fail('tabular.empty', EMPTY_MESSAGE);
      return ok({ headers: padTo(header, width), headerLine, rows, converted, format, sheetName });
    },
  };
}

type RecordFlow = ReturnType<typeof recordFlow>;

function formatMegabytes(n: number): string {
  return `${(n / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

// ---------------------------------------------------------------- CSV

function readCsv(bytes: Uint8Array, flow: RecordFlow): Result<LegacyEncoding | null> {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return notTabular('PDF');
  const decoding = decodingText(bytes);
  let reader: ReturnType<typeof createCsvRecordReader> | null = null;
  let record = 0;
  const malformed = (line: number) =>
    fail(
      'tabular.malformed',
      `Tệp CSV bị lỗi định dạng${line ? ` ở dòng ${line}` : ''}: có thể thiếu dấu ngoặc kép đóng ("). Hãy mở tệp bằng Excel, kiểm tra và lưu lại.`,
    );
  for (const piece of decoding.pieces()) {
    if (reader === null) {
      // The first piece (a megabyte) tells binary files and the delimiter.
      if (looksBinary(piece)) return notTabular(null);
      reader = createCsvRecordReader(guessDelimiter(piece), (cells) => flow.record(++record, cells));
    }
    const pushed = reader.push(piece, false);
    if (!pushed.ok) return malformed(pushed.line);
  }
  const last = (reader as ReturnType<typeof createCsvRecordReader>).push('', true);
  if (!last.ok) return malformed(last.line);
  return ok(decoding.converted);
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

/** Rows kept for detecting a legacy font encoding: detection reads the first 200,000 characters. */
const LEGACY_SAMPLE_CHARS = 200_000;

async function readXlsx(
  bytes: Uint8Array,
  sheetName: string | undefined,
  flow: RecordFlow,
): Promise<Result<{ converted: LegacyEncoding | null; sheetName: string }>> {
  // The first rows wait until the encoding is known; then every row is converted as it comes.
  let sample: { line: number; cells: string[] }[] | null = [];
  let sampled = 0;
  let legacy: 'tcvn3' | 'vni' | null = null;
  // A row with Unicode-only letters was typed later in Unicode: leave all of its cells alone.
  const pass = (line: number, cells: string[]) => {
    const keep = legacy === null || cells.some(isUnicodeVietnamese);
    flow.record(
      line,
      cells.map((s) => (keep ? s.normalize('NFC') : convertWith(legacy, s))),
    );
  };
  const decide = () => {
    const rows = sample ?? [];
    legacy = detectLegacyText(rows.map((r) => r.cells.join('\t')).join('\n'));
    sample = null;
    for (const r of rows) pass(r.line, r.cells);
  };
  const read = await streamXlsxRows(bytes, sheetName, (line, cells) => {
    if (sample === null) return pass(line, cells);
    sample.push({ line, cells });
    for (const c of cells) sampled += c.length + 1;
    if (sampled >= LEGACY_SAMPLE_CHARS) decide();
  });
  if (!read.ok) return read;
  if (sample !== null) decide();
  return ok({ converted: legacy, sheetName: read.value.sheetName });
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
