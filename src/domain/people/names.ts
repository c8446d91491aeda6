/**
 * Vietnamese personal names: normalisation, splitting, the Vietnamese sort order (given name first)
 * and diacritics-insensitive search.
 */

// Zero-width characters and soft hyphens arrive from copy-paste out of Word and web pages.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

// Printable ASCII words separated by single spaces: already normal (most cells of an import: dates,
// numbers, codes), returned as they are without three passes over the text (bench/import.bench.ts).
const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

/** NFC, no invisible characters, single spaces, trimmed. */
export function normalizeText(s: string): string {
  if (PLAIN_ASCII.test(s)) return s;
  return s.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

export interface VietnameseName {
  /** Họ, e.g. 'Nguyễn'. */
  readonly family: string;
  /** Tên đệm (may be several words, or empty). */
  readonly middle: string;
  /** Tên, the name people are called and sorted by. */
  readonly given: string;
}

/**
 * First word = family name, last word = given name, the rest = middle name. A one-word name is taken
 * as a given name only (common among some ethnic minorities).
 */
export function splitVietnameseName(full: string): VietnameseName {
  const words = normalizeText(full)
    .split(' ')
    .filter((w) => w.length > 0);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] as string };
  return {
    family: words[0] as string,
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] as string,
  };
}

const collator = new Intl.Collator('vi');

/** Roll order: given name, then family name, then middle name (Vietnamese collation). */
export function compareByVietnameseName(a: string, b: string): number {
  const x = splitVietnameseName(a);
  const y = splitVietnameseName(b);
  return (
    collator.compare(x.given, y.given) ||
    collator.compare(x.family, y.family) ||
    collator.compare(x.middle, y.middle) ||
    collator.compare(a, b)
  );
}

/** Lowercase ASCII-ish key: 'Nguyễn Văn Đức' -> 'nguyen van duc'. */
export function foldForSearch(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

/**
 * Words folded to lowercase ASCII and joined by '-' ('Khu phố 1' -> 'khu-pho-1'): file names and
 * addresses that read the same on every system.
 */
export function asciiSlug(s: string): string {
  return foldForSearch(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * True when the folded query occurs in the folded name, or when every query word starts some word
 * of the name in any order ('an nguyen' finds 'Nguyễn Thị An').
 */
export function matchesSearch(name: string, query: string): boolean {
  const q = foldForSearch(query);
  if (q === '') return true;
  const n = foldForSearch(name);
  if (n.includes(q)) return true;
  const nameWords = n.split(' ');
  return q.split(' ').every((qw) => nameWords.some((nw) => nw.startsWith(qw)));
}
