/**
 * A commune's own DOCX wording for a form: placeholders `{{ten_thon}}` and repeated table rows
 * (`{{#ung_cu_vien}} ... {{/ung_cu_vien}}` inside one row) are filled from a flat data map by editing
 * the XML parts of the zip. Nothing in the template is executed: macro-enabled packages are refused
 * and only text nodes are rewritten.
 */
import JSZip from 'jszip';
import { err, ok, type Result } from '../domain/result';
import { dateInWords, numberToWords } from './words';

export type TemplateScalar = string | number;
export type TemplateRow = Readonly<Record<string, TemplateScalar>>;
export type TemplateValue = TemplateScalar | readonly TemplateRow[];
export type TemplateData = Readonly<Record<string, TemplateValue>>;

export interface FilledTemplate {
  readonly docx: Buffer;
  /** Placeholders in the template that the data does not provide (left as they are). */
  readonly unknownPlaceholders: readonly string[];
}

const PLACEHOLDER = /\{\{\s*([#/]?)\s*([\p{L}\p{N}_.]+)\s*\}\}/gu;
const TEXT_NODE = /<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

interface TextNode {
  readonly start: number;
  readonly end: number;
  readonly attrs: string;
  text: string;
}

/**
 * Word splits typed text into runs at will ("{{ten_" + "thon}}"). Within one paragraph, move every
 * placeholder wholly into the text node where it starts, so replacement sees it in one piece.
 */
export function mergeSplitPlaceholders(paragraph: string): string {
  const nodes: TextNode[] = [];
  for (const m of paragraph.matchAll(TEXT_NODE)) {
    nodes.push({
      start: m.index,
      end: m.index + m[0].length,
      attrs: m[1] ?? '',
      text: unescapeXml(m[2] ?? ''),
    });
  }
  if (nodes.length < 2) return paragraph;
  const offsets: number[] = [];
  let total = '';
  for (const n of nodes) {
    offsets.push(total.length);
    total += n.text;
  }
  const nodeAt = (pos: number): number => {
    let k = 0;
    while (k + 1 < nodes.length && (offsets[k + 1] ?? Infinity) <= pos) k++;
    return k;
  };
  const matches = [...total.matchAll(PLACEHOLDER)].reverse();
  let changed = false;
  for (const m of matches) {
    const s = m.index;
    const e = s + m[0].length;
    const i = nodeAt(s);
    const j = nodeAt(e - 1);
    if (i === j) continue;
    changed = true;
    const ni = nodes[i];
    const nj = nodes[j];
    if (!ni || !nj) continue;
    ni.text = ni.text.slice(0, s - (offsets[i] ?? 0)) + m[0];
    for (let k = i + 1; k < j; k++) {
      const nk = nodes[k];
      if (nk) nk.text = '';
    }
    nj.text = nj.text.slice(e - (offsets[j] ?? 0));
  }
  if (!changed) return paragraph;
  let out = '';
  let last = 0;
  for (const n of nodes) {
    out += paragraph.slice(last, n.start) + `<w:t xml:space="preserve">${escapeXml(n.text)}</w:t>`;
    last = n.end;
  }
  return out + paragraph.slice(last);
}

function valueText(v: TemplateScalar): string {
  return typeof v === 'number' ? String(v) : v;
}

/** Replace placeholders inside text nodes; values are escaped, newlines become line breaks. */
function replaceInText(
  xml: string,
  lookup: (key: string) => TemplateScalar | undefined,
  unknown: Set<string>,
): string {
  return xml.replace(TEXT_NODE, (_whole, attrs: string | undefined, raw: string) => {
    const text = unescapeXml(raw);
    const filled = text.replace(PLACEHOLDER, (ph, sigil: string, key: string) => {
      if (sigil !== '') return ph;
      const v = lookup(key);
      if (v === undefined) {
        unknown.add(key);
        return ph;
      }
      return valueText(v);
    });
    if (filled === text) return `<w:t${attrs ?? ''}>${raw}</w:t>`;
    const parts = filled
      .normalize('NFC')
      .split('\n')
      .map((x) => `<w:t xml:space="preserve">${escapeXml(x)}</w:t>`);
    return parts.join('<w:br/>');
  });
}

const ROW = /<w:tr[ >][\s\S]*?<\/w:tr>/g;

/** Expand rows that carry `{{#name}}` ... `{{/name}}` once per item of `data[name]`. */
function expandRows(xml: string, data: TemplateData, unknown: Set<string>): string {
  return xml.replace(ROW, (row) => {
    const open = /\{\{\s*#\s*([\p{L}\p{N}_.]+)\s*\}\}/u.exec(row);
    if (!open) return row;
    const name = open[1] ?? '';
    const clean = row.replace(
      new RegExp(`\\{\\{\\s*[#/]\\s*${name.replace(/\./g, '\\.')}\\s*\\}\\}`, 'gu'),
      '',
    );
    const items = data[name];
    if (!Array.isArray(items)) {
      unknown.add(`#${name}`);
      return '';
    }
    return (items as readonly TemplateRow[])
      .map((item, n) =>
        replaceInText(clean, (key) => (key === 'stt' ? n + 1 : (item[key] ?? scalar(data[key]))), unknown),
      )
      .join('');
  });
}

function scalar(v: TemplateValue | undefined): TemplateScalar | undefined {
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

const PARAGRAPH = /<w:p[ >][\s\S]*?<\/w:p>/g;

function fillPart(xml: string, data: TemplateData, unknown: Set<string>): string {
  const merged = xml.replace(PARAGRAPH, mergeSplitPlaceholders);
  const expanded = expandRows(merged, data, unknown);
  return replaceInText(expanded, (key) => scalar(data[key]), unknown);
}

const PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

export async function fillDocxTemplate(
  template: Buffer | Uint8Array,
  data: TemplateData,
): Promise<Result<FilledTemplate>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(template);
  } catch {
    return err({ code: 'template-not-docx', message: 'Tệp mẫu không phải là tệp Word (.docx) hợp lệ.' });
  }
  const names = Object.keys(zip.files);
  if (!names.includes('word/document.xml')) {
    return err({
      code: 'template-not-docx',
      message: 'Tệp mẫu không có nội dung văn bản Word (word/document.xml).',
    });
  }
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(types)) {
    return err({
      code: 'template-has-macros',
      message: 'Tệp mẫu có chứa macro; hãy lưu lại dưới dạng .docx thông thường rồi tải lên.',
    });
  }
  const unknown = new Set<string>();
  for (const name of names.filter((n) => PARTS.test(n)).sort()) {
    const file = zip.file(name);
    if (!file) continue;
    zip.file(name, fillPart(await file.async('string'), data, unknown));
  }
  const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return ok({ docx, unknownPlaceholders: [...unknown].sort() });
}

/** Placeholders a template uses, for checking it against a form's fields before use. */
export async function templatePlaceholders(template: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(template);
  const found = new Set<string>();
  for (const name of Object.keys(zip.files).filter((n) => PARTS.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    const text = xml.replace(PARAGRAPH, mergeSplitPlaceholders);
    for (const m of text.matchAll(TEXT_NODE))
      for (const p of unescapeXml(m[2] ?? '').matchAll(PLACEHOLDER)) found.add(`${p[1] ?? ''}${p[2] ?? ''}`);
  }
  return [...found].sort();
}

// ------------------------------------------------------------------ form data as a flat map

const ALIASES: Readonly<Record<string, string>> = {
  hamlet: 'ten_thon',
  position: 'chuc_danh',
  term: 'nhiem_ky',
  electionDate: 'ngay_bau_cu',
  candidates: 'ung_cu_vien',
  name: 'ho_ten',
  birthDate: 'ngay_sinh',
  place: 'dia_danh',
  date: 'ngay',
};

const GENERIC = new Set(['name', 'birthDate', 'place', 'date']);
const snake = (k: string): string => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function addScalar(
  out: Record<string, TemplateValue>,
  key: string,
  leaf: string,
  v: string | number | boolean | null,
): void {
  const put = (k: string, val: TemplateScalar): void => {
    out[k] = val;
    const alias = ALIASES[leaf];
    // Generic leaves (name, date, place) are aliased only where they are not nested in another object.
    const nested = key !== snake(leaf);
    if (alias !== undefined && out[alias] === undefined && k === key && !(nested && GENERIC.has(leaf)))
      out[alias] = val;
  };
  if (v === null) return put(key, '');
  if (typeof v === 'boolean') return put(key, v ? 'x' : '');
  if (typeof v === 'number') {
    put(key, v);
    if (Number.isSafeInteger(v) && v >= 0) out[`${key}_words`] = numberToWords(v);
    return;
  }
  if (CIVIL_DATE.test(v)) {
    put(key, v.split('-').reverse().join('/'));
    out[`${key}_text`] = dateInWords(v);
    return;
  }
  put(key, v);
}

function flattenInto(out: Record<string, TemplateValue>, prefix: string, leaf: string, v: unknown): void {
  if (v === undefined) return;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    addScalar(out, prefix, leaf, v);
    return;
  }
  if (Array.isArray(v)) {
    const rows: TemplateRow[] = v.map((item: unknown, n) => {
      const row: Record<string, TemplateValue> = { stt: n + 1 };
      if (item !== null && typeof item === 'object') flattenObject(row, '', item as Record<string, unknown>);
      else addScalar(row, 'value', 'value', item as string | number | boolean | null);
      return Object.fromEntries(
        Object.entries(row).filter((e): e is [string, TemplateScalar] => !Array.isArray(e[1])),
      );
    });
    out[prefix] = rows;
    const alias = ALIASES[leaf];
    if (alias !== undefined && out[alias] === undefined) out[alias] = rows;
    return;
  }
  flattenObject(out, prefix, v as Record<string, unknown>);
}

function flattenObject(
  out: Record<string, TemplateValue>,
  prefix: string,
  obj: Record<string, unknown>,
): void {
  for (const [k, v] of Object.entries(obj))
    flattenInto(out, prefix ? `${prefix}_${snake(k)}` : snake(k), k, v);
}

/**
 * A form's data as the flat map templates use: nested keys joined in snake_case
 * (`issue_date`), dates as dd/mm/yyyy plus `_text` in words, numbers plus `_words`, lists as
 * repeat sections with `stt`, and Vietnamese aliases (`ten_thon`, `ngay_bau_cu`, `ung_cu_vien`).
 */
export function templateData(data: unknown): TemplateData {
  const out: Record<string, TemplateValue> = {};
  if (data !== null && typeof data === 'object') flattenObject(out, '', data as Record<string, unknown>);
  return out;
}

/** Field names a form exposes to templates, computed from its sample data. */
export function templateFieldNames(data: unknown): string[] {
  const d = templateData(data);
  return Object.entries(d)
    .map(([k, v]) =>
      Array.isArray(v) ? `#${k}(${Object.keys((v as readonly TemplateRow[])[0] ?? {}).join(', ')})` : k,
    )
    .sort();
}
