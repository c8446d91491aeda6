/**
 * Civil dates ('YYYY-MM-DD') with integer day numbers (days since 1970-01-01). No Date objects are
 * used, so the result never depends on the machine's time zone (DESIGN.md principle 3).
 */
import type { Result } from '../result';
import { err, ok } from '../result';

/** A calendar day, 'YYYY-MM-DD'. A plain string so that it serialises as itself. */
export type CivilDate = string;

/** 0 = Sunday ... 6 = Saturday, as in JavaScript. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const WEEKDAY_NAMES_VI: Readonly<Record<Weekday, string>> = {
  0: 'Chủ nhật',
  1: 'Thứ Hai',
  2: 'Thứ Ba',
  3: 'Thứ Tư',
  4: 'Thứ Năm',
  5: 'Thứ Sáu',
  6: 'Thứ Bảy',
};

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** H. Hinnant's days_from_civil. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** H. Hinnant's civil_from_days. */
export function partsFromDayNumber(days: number): DateParts {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatCivilDate(parts: DateParts): CivilDate {
  const y = String(parts.year).padStart(4, '0');
  const m = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function makeDate(year: number, month: number, day: number): CivilDate {
  return formatCivilDate({ year, month, day });
}

/** Parses and checks a civil date; the failure names the field when one is given. */
export function parseCivilDate(text: string, field = 'date'): Result<CivilDate> {
  const m = PATTERN.exec(text);
  if (!m) {
    return err({
      code: 'invalid-date',
      field,
      message: `${field}: ngày phải có dạng YYYY-MM-DD (nhận được "${text}").`,
    });
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err({ code: 'invalid-date', field, message: `${field}: ngày ${text} không có trong lịch.` });
  }
  return ok(text);
}

export function isCivilDate(text: unknown): text is CivilDate {
  return typeof text === 'string' && parseCivilDate(text).ok;
}

export function toParts(date: CivilDate): DateParts {
  const m = PATTERN.exec(date);
  if (!m) throw new Error(`Not a civil date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function toDayNumber(date: CivilDate): number {
  const p = toParts(date);
  return dayNumberFromParts(p.year, p.month, p.day);
}

export function fromDayNumber(days: number): CivilDate {
  return formatCivilDate(partsFromDayNumber(days));
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf(date: CivilDate): Weekday {
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: CivilDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

/** ISO strings of the same shape compare correctly as strings. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds calendar months, clamping to the month's last day (31/8 + 6 months = 28/2 or 29/2). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const p = toParts(date);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return makeDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** Vietnamese short form, "17/02/2026", as documents print dates. */
export function formatVietnamese(date: CivilDate): string {
  const p = toParts(date);
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

/** Completed years of age on a given day; a person born on 29/2 turns a year older on 1/3 in common years. */
export function ageOn(birthDate: CivilDate, onDate: CivilDate): number {
  const b = toParts(birthDate);
  const o = toParts(onDate);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1;
  return age;
}

/** Monday to Sunday of the week containing `day`. */
export function weekOf(day: CivilDate): { from: CivilDate; to: CivilDate } {
  const back = (weekdayOf(day) + 6) % 7;
  const from = addDays(day, -back);
  return { from, to: addDays(from, 6) };
}
