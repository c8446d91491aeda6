/**
 * Vietnamese wording of numbers, dates, times and ratios as records print them. Pure functions:
 * no clock reads, no locale APIs (Intl output differs between Node builds).
 */
import type { CivilDate } from './model';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/**
 * One group of three digits. `full` means a higher group precedes it, so a zero hundreds digit is
 * read ("không trăm") and a zero tens digit before a unit reads "linh".
 */
function groupWords(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digit(tens), 'mươi');
  }
  if (units > 0) words.push(unitWord(units, tens));
  return words;
}

/** The unit digit after a tens digit: 21 "hai mươi mốt", 15 "mười lăm", 24 "hai mươi tư". */
function unitWord(units: number, tens: number): string {
  if (units === 1 && tens >= 2) return 'mốt';
  if (units === 5 && tens >= 1) return 'lăm';
  if (units === 4 && tens >= 2) return 'tư';
  return digit(units);
}

/**
 * A non-negative safe integer in Vietnamese words: 312 "ba trăm mười hai", 1005 "một nghìn không
 * trăm linh năm", 0 "không". Zero groups are skipped; a group after a higher one is read in full.
 */
export function numberToWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`numberToWords: ${n} is not a non-negative integer`);
  if (n === 0) return DIGITS[0];
  return wordsOf(n).join(' ');
}

function wordsOf(n: number): string[] {
  // Above 999 tỷ the scale repeats: 1 000 000 000 000 = "một nghìn tỷ".
  const billion = 1_000_000_000;
  if (n >= billion) {
    const high = Math.floor(n / billion);
    const low = n % billion;
    const words = [...wordsOf(high), 'tỷ'];
    return low === 0 ? words : [...words, ...belowBillion(low, true)];
  }
  return belowBillion(n, false);
}

function belowBillion(n: number, precededByHigher: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000) % 1000];
  const words: string[] = [];
  let higher = precededByHigher;
  for (let scale = groups.length - 1; scale >= 0; scale--) {
    const g = groups[scale] ?? 0;
    if (g === 0) continue;
    words.push(...groupWords(g, higher));
    const name = SCALES[scale];
    if (name) words.push(name);
    higher = true;
  }
  return words;
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** "312 (Bằng chữ: Ba trăm mười hai)". */
export function numberWithWords(n: number): string {
  return `${n} (bằng chữ: ${numberToWords(n)})`;
}

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCivilDate(date: CivilDate): Ymd {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a civil date 'YYYY-MM-DD': ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const monthLength = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (monthLength === undefined || day < 1 || day > monthLength)
    throw new RangeError(`no such date: ${date}`);
  return { year, month, day };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "ngày 24 tháng 7 năm 2024": running text, no padding. */
export function dateInWords(date: CivilDate): string {
  const { year, month, day } = parseCivilDate(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/**
 * The date of a place-and-date line. ND30 Phụ lục I: a day under 10 and the months 1 and 2 take a
 * leading zero ("ngày 05 tháng 02 năm 2024", "ngày 24 tháng 7 năm 2024"), so no digit can be added.
 */
export function documentDate(date: CivilDate): string {
  const { year, month, day } = parseCivilDate(date);
  const m = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${m} năm ${year}`;
}

/** Blank date for a form filled in by hand; a known year is printed. */
export function blankDate(year?: number): string {
  return `ngày …… tháng …… năm ${year ?? '……'}`;
}

/** "Phường 2, ngày 24 tháng 7 năm 2024". */
export function placeDateLine(place: string, date: CivilDate | null, year?: number): string {
  return `${place}, ${date === null ? blankDate(year) : documentDate(date)}`;
}

/** "24/7/2024", the short form used inside sentences and legal citations. */
export function shortDate(date: CivilDate): string {
  const { year, month, day } = parseCivilDate(date);
  return `${day}/${month}/${year}`;
}

/** "07 giờ 30 phút" from 'HH:MM'. */
export function timeInWords(time: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`not a time 'HH:MM': ${time}`);
  return `${pad2(Number(m[1]))} giờ ${m[2]} phút`;
}

/** Weekday name of a civil date ("Chủ nhật", "Thứ Bảy"), computed without time zones. */
export function weekdayName(date: CivilDate): string {
  const { year, month, day } = parseCivilDate(date);
  // Zeller-like count of days since a known Monday (0001-01-01 proleptic Gregorian is a Monday).
  const y = month <= 2 ? year - 1 : year;
  const m = month <= 2 ? month + 12 : month;
  const days =
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) +
    Math.floor((153 * (m - 3) + 2) / 5) +
    day;
  const names = ['Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật', 'Thứ Hai'];
  return names[((days % 7) + 7) % 7] ?? '';
}

/**
 * numerator/denominator as a percentage with two decimals, rounded half up, on integers only:
 * percent(12, 23) = "52,17%". Vietnamese writes a decimal comma.
 */
export function percent(numerator: number, denominator: number): string {
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator < 0 ||
    denominator <= 0
  ) {
    throw new RangeError(
      `percent: needs integers with numerator >= 0 and denominator > 0 (${numerator}/${denominator})`,
    );
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const hundredths = (n * 20000n + d) / (2n * d);
  const whole = hundredths / 100n;
  const frac = hundredths % 100n;
  return `${whole},${frac.toString().padStart(2, '0')}%`;
}

/** percent() or a blank to fill in by hand when there is no denominator yet. */
export function percentOrBlank(numerator: number | null, denominator: number | null): string {
  return numerator === null || denominator === null || denominator <= 0
    ? '……%'
    : percent(numerator, denominator);
}

/** "05" for numbers under 10, as a document number or a count on a form. */
export function padNumber(n: number): string {
  return n < 10 && n >= 0 ? pad2(n) : String(n);
}

/** A value or a dotted blank of about `width` characters to fill in by hand. */
export function orBlank(value: string | number | null | undefined, width = 12): string {
  return value === null || value === undefined || value === ''
    ? '…'.repeat(Math.max(3, Math.ceil(width / 2)))
    : String(value);
}
