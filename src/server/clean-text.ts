/**
 * Text as it enters the application: composed (NFC, as old Excel files and windows-1258 arrive
 * decomposed), without NUL and other control characters, and without the bidirectional controls
 * (U+202E "right-to-left override" and its kin) that make a name display as something else in a
 * list, a DOCX or an XLSX. Line breaks and tabs stay: addresses and reasons are typed on lines.
 */
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- the control characters are what it removes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanString(s: string): string {
  return s.normalize('NFC').replace(UNWANTED, '');
}

/** Cleans every string in a parsed JSON value or query object, in place where it can. */
export function cleanText<T>(value: T): T {
  if (typeof value === 'string') return cleanString(value) as T;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) items[i] = cleanText(items[i]);
    return value;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = cleanText(o[k]);
  }
  return value;
}
