/**
 * Reads the rows of one worksheet of an XLSX as a stream: the zip's entries are inflated a piece at a
 * time and the sheet's XML goes through a SAX parser, so that memory holds the compressed file, the
 * shared strings and one row, not a workbook model (ExcelJS's `load` held about 200 bytes of objects
 * per byte of sheet XML). Every inflated byte is counted against the zip-bomb limits as it comes; a
 * damaged zip or XML is refused, never waited on (everything is in memory: nothing can stall).
 * Cells read as ExcelJS read them (its `load`, then `cellText`): shared and inline strings, rich text
 * joined, formulas by their cached result, booleans TRUE/FALSE, errors by their code, numbers in a
 * date format as the UTC date, and the value of a merged range's first cell in all of its cells.
 */
import { createInflateRaw } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { err, ok, type Result } from '../domain/result';
import {
  DEFAULT_XLSX_LIMITS,
  entryData,
  ratioAllowed,
  ratioMessage,
  readZipEntries,
  tooBigMessage,
  type XlsxLimits,
  type ZipEntry,
} from './xlsx-limits';

export interface XlsxRowsInfo {
  readonly sheetName: string;
}

/** Raised inside the reader; the caller turns it into the Vietnamese answer. */
export class XlsxRefusal extends Error {
  constructor(
    readonly code: 'tabular.tooLarge' | 'tabular.malformed' | 'tabular.notTabular' | 'tabular.sheetNotFound',
    message: string,
  ) {
    super(message);
  }
}

const DAMAGED =
  'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải là tệp .xlsx. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.';

const damaged = () => new XlsxRefusal('tabular.malformed', DAMAGED);

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, as ExcelJS reads them). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's test: a format with y, m, d, h, s or b outside quotes and brackets shows a date. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Counts inflated bytes across the whole file, and refuses an entry that inflates suspiciously. */
class Budget {
  private total = 0;
  constructor(private readonly limits: XlsxLimits) {}
  add(n: number): void {
    this.total += n;
    if (this.total > this.limits.maxUncompressed)
      throw new XlsxRefusal('tabular.tooLarge', tooBigMessage(this.limits.maxUncompressed));
  }
  entry(compressed: number, inflatedSoFar: number): void {
    if (!ratioAllowed(this.limits, compressed, inflatedSoFar))
      throw new XlsxRefusal('tabular.tooLarge', ratioMessage(this.limits));
  }
}

/** One entry's inflated bytes, a piece at a time. */
async function* inflated(bytes: Uint8Array, entry: ZipEntry, budget: Budget): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry);
  if (!data) throw damaged();
  if (entry.method === 0) {
    budget.add(data.length);
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return;
  }
  if (entry.method !== 8) throw damaged();
  const inflate = createInflateRaw();
  inflate.end(data);
  let size = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      budget.add(chunk.length);
      size += chunk.length;
      budget.entry(data.length, size);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof XlsxRefusal) throw e;
    throw damaged();
  } finally {
    inflate.destroy();
  }
}

/** Runs an entry's XML through a SAX parser with these handlers. */
async function parseXml(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  on: {
    open: (name: string, attributes: Record<string, string>) => void;
    text?: (text: string) => void;
    close?: (name: string) => void;
  },
): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => on.open(local(tag.name), tag.attributes as Record<string, string>));
  if (on.text) {
    const text = on.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (on.close) {
    const close = on.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  const decoder = new TextDecoder();
  try {
    for await (const chunk of inflated(bytes, entry, budget)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failed) throw damaged();
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof XlsxRefusal) throw e;
    throw damaged();
  }
  if (failed) throw damaged();
}

interface Parts {
  readonly entries: Map<string, ZipEntry>;
  find(path: string): ZipEntry | undefined;
}

function partsOf(bytes: Uint8Array): Parts {
  const list = readZipEntries(bytes);
  if (!list) throw damaged();
  const entries = new Map<string, ZipEntry>();
  for (const e of list) entries.set(e.name.replace(/^\/+/, '').toLowerCase(), e);
  return { entries, find: (path) => entries.get(path.replace(/^\/+/, '').toLowerCase()) };
}

/** A relationship's target as a path in the zip (targets are relative to the part's folder). */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${folder}/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface Workbook {
  readonly sheets: { name: string; path: string }[];
  readonly sharedStrings: string | null;
  readonly styles: string | null;
  readonly date1904: boolean;
}

async function readWorkbook(bytes: Uint8Array, parts: Parts, budget: Budget): Promise<Workbook> {
  const book = parts.find('xl/workbook.xml');
  const rels = parts.find('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw damaged();
  const sheets: { name: string; rel: string }[] = [];
  let date1904 = false;
  await parseXml(bytes, book, budget, {
    open(name, a) {
      if (name === 'sheet') {
        const rel = a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id')?.[1];
        if (a['name'] !== undefined && rel !== undefined) sheets.push({ name: a['name'], rel });
      } else if (name === 'workbookPr') date1904 = a['date1904'] === '1' || a['date1904'] === 'true';
    },
  });
  const targets = new Map<string, { type: string; path: string }>();
  await parseXml(bytes, rels, budget, {
    open(name, a) {
      if (name === 'Relationship' && a['Id'] !== undefined && a['Target'] !== undefined)
        targets.set(a['Id'], { type: a['Type'] ?? '', path: resolveTarget('xl', a['Target']) });
    },
  });
  const ofType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.path;
  return {
    // Chart sheets and dialog sheets hold no rows: only worksheets count, as in ExcelJS.
    sheets: sheets.flatMap((s) => {
      const t = targets.get(s.rel);
      return t && t.type.endsWith('/worksheet') ? [{ name: s.name, path: t.path }] : [];
    }),
    sharedStrings: ofType('/sharedStrings') ?? null,
    styles: ofType('/styles') ?? null,
    date1904,
  };
}

/** Which cell styles (by index) show a date. */
async function readDateStyles(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  await parseXml(bytes, entry, budget, {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a['numFmtId']), a['formatCode'] ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a['numFmtId'] ?? 0);
        const custom = formats.get(id);
        dates.push(custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0;
  await parseXml(bytes, entry, budget, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    text(t) {
      if (inT && phonetic === 0) current += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

/** 'AB12' -> column 27 (0-based), or -1. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Excel's last column is XFD. */
const MAX_COLUMNS = 16_384;

const rowOf = (ref: string) => Number(ref.replace(/^[A-Za-z]+/, ''));

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  value: string;
}

/** Merged ranges come after the rows in the sheet's XML: a first pass over the inflated text finds them. */
async function readMerges(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Promise<Merge[]> {
  const merges: Merge[] = [];
  const decoder = new TextDecoder();
  const pattern = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]+\d+):([A-Za-z]+\d+)["']/g;
  let tail = '';
  for await (const chunk of inflated(bytes, entry, budget)) {
    const text = tail + decoder.decode(chunk, { stream: true });
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      const [, from = '', to = ''] = m;
      merges.push({
        top: rowOf(from),
        left: columnOf(from),
        bottom: rowOf(to),
        right: columnOf(to),
        value: '',
      });
      last = (m.index ?? 0) + m[0].length;
    }
    // A tag cut between two pieces is read with the next one.
    const cut = text.lastIndexOf('<');
    tail = text.slice(Math.max(last, cut >= 0 && text.length - cut < 256 ? cut : text.length));
  }
  return merges.filter(
    (m) => m.top > 0 && m.left >= 0 && m.bottom >= m.top && m.right >= m.left && m.right < MAX_COLUMNS,
  );
}

/** Formats a cell as ExcelJS's value then cellText would have. */
type CellFormat = (raw: string, type: string, style: number, formula: boolean) => string;

function cellFormat(
  shared: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
): CellFormat {
  const number = (raw: string, style: number) => {
    const n = parseFloat(raw);
    if (dateStyles[style] === true) {
      const date = new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
      return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
    }
    if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
    return String(n);
  };
  return (raw, type, style, formula) => {
    switch (type) {
      case 's':
        return formula ? number(raw, style) : (shared[parseInt(raw, 10)] ?? '');
      case 'str':
      case 'inlineStr':
      case 'e':
        return raw;
      case 'b':
        return parseInt(raw, 10) !== 0 ? 'TRUE' : 'FALSE';
      default:
        return number(raw, style);
    }
  };
}

/**
 * Streams the rows of the sheet (the first worksheet, or the one named): `onRow` gets each row's
 * spreadsheet line and its cells (empty cells as ''), rows without any cell skipped.
 */
export async function streamXlsxRows(
  bytes: Uint8Array,
  sheetName: string | undefined,
  onRow: (line: number, cells: string[]) => void,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<Result<XlsxRowsInfo>> {
  try {
    const parts = partsOf(bytes);
    const budget = new Budget(limits);
    const book = await readWorkbook(bytes, parts, budget);
    const sheet = sheetName === undefined ? book.sheets[0] : book.sheets.find((s) => s.name === sheetName);
    if (!sheet) {
      if (sheetName === undefined)
        throw new XlsxRefusal(
          'tabular.notTabular',
          'Tệp này không phải là bảng tính. Hãy tải lên tệp Excel (.xlsx) hoặc CSV theo mẫu.',
        );
      const names = book.sheets.map((w) => `'${w.name}'`).join(', ');
      throw new XlsxRefusal(
        'tabular.sheetNotFound',
        `Không có trang tính '${sheetName}' trong tệp. Các trang tính có: ${names}.`,
      );
    }
    const sheetEntry = parts.find(sheet.path);
    if (!sheetEntry) throw damaged();
    const sharedEntry = book.sharedStrings === null ? undefined : parts.find(book.sharedStrings);
    const stylesEntry = book.styles === null ? undefined : parts.find(book.styles);
    const shared = sharedEntry ? await readSharedStrings(bytes, sharedEntry, budget) : [];
    const dateStyles = stylesEntry ? await readDateStyles(bytes, stylesEntry, budget) : [];
    const merges = await readMerges(bytes, sheetEntry, budget);
    await readSheet(bytes, sheetEntry, budget, cellFormat(shared, dateStyles, book.date1904), merges, onRow);
    return ok({ sheetName: sheet.name });
  } catch (e) {
    if (e instanceof XlsxRefusal) return err({ code: e.code, message: e.message });
    throw e;
  }
}

async function readSheet(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  format: CellFormat,
  merges: readonly Merge[],
  onRow: (line: number, cells: string[]) => void,
): Promise<void> {
  let line = 0;
  let cells: string[] = [];
  let inRow = false;
  let col = 0;
  let type = '';
  let style = 0;
  let raw = '';
  let hasValue = false;
  let formula = false;
  let inValue = false;
  let inInline = false;
  let inText = false;
  let phonetic = 0;
  let inSheetData = false;
  // Merged ranges by their first row; the ones covering the current row stay in `active`.
  const pending = [...merges].sort((a, b) => b.top - a.top);
  let active: Merge[] = [];
  const emit = () => {
    while (pending.length > 0 && (pending[pending.length - 1] as Merge).top <= line)
      active.push(pending.pop() as Merge);
    if (active.length > 0) active = active.filter((m) => m.bottom >= line);
    for (const m of active) {
      if (line === m.top) m.value = cells[m.left] ?? '';
      for (let c = m.left; c <= m.right; c++) cells[c] = m.value;
    }
    if (cells.length === 0) return;
    const dense = Array.from(cells, (c) => c ?? '');
    onRow(line, dense);
  };
  await parseXml(bytes, entry, budget, {
    open(name, a) {
      if (name === 'sheetData') inSheetData = true;
      if (!inSheetData) return;
      switch (name) {
        case 'row': {
          const r = Number(a['r']);
          line = Number.isInteger(r) && r > 0 ? r : line + 1;
          cells = [];
          col = 0;
          inRow = true;
          break;
        }
        case 'c': {
          const ref = a['r'];
          const at = ref === undefined ? -1 : columnOf(ref);
          col = at >= 0 ? at : col;
          type = a['t'] ?? 'n';
          style = Number(a['s'] ?? 0);
          raw = '';
          hasValue = false;
          formula = false;
          break;
        }
        case 'v':
          inValue = true;
          hasValue = true;
          break;
        case 'f':
          formula = true;
          break;
        case 'is':
          inInline = true;
          hasValue = true;
          break;
        case 't':
          inText = inInline;
          break;
        case 'rPh':
          phonetic++;
          break;
        default:
          break;
      }
    },
    text(t) {
      if (inValue || (inText && phonetic === 0)) raw += t;
    },
    close(name) {
      switch (name) {
        case 'v':
          inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 't':
          inText = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          // Excel has 16,384 columns: a larger reference is a damaged file, not a reason to grow the row.
          if (inRow && col < MAX_COLUMNS && hasValue && raw !== '')
            cells[col] = format(raw, type, style, formula);
          col++;
          break;
        case 'row':
          if (inRow) emit();
          inRow = false;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
        default:
          break;
      }
    },
  });
}
