/**
 * Working days at the commune People's Committee: Monday to Friday (the civil-service 5-day week),
 * minus public holidays and their compensatory days, plus make-up working Saturdays (DOMAIN.md §4.11).
 */
import type { CivilDate } from './civil-date';
import { addDays, isWeekend, toDayNumber, fromDayNumber, toParts, makeDate } from './civil-date';
import type { HolidayOptions } from './holidays';
import { CULTURE_DAY, statutoryHolidays } from './holidays';
import type { OfficialDayEntry } from './official-days';
import { OFFICIAL_DAYS, coveredYears } from './official-days';

export interface WorkCalendarOptions extends HolidayOptions {
  /** The yearly table; defaults to the shipped OFFICIAL_DAYS. */
  readonly officialDays?: readonly OfficialDayEntry[];
}

export interface WorkCalendar {
  isWorkingDay(date: CivilDate): boolean;
  /** The n-th working day after `from` (n = 0 gives `from`; negative n counts backwards). */
  addWorkingDays(from: CivilDate, n: number): CivilDate;
  /** `date` itself if it is a working day, else the next one. */
  nextWorkingDayOnOrAfter(date: CivilDate): CivilDate;
  /** Weekday days off of a year (holidays, compensatory and announced days), sorted. */
  daysOff(year: number): CivilDate[];
}

function expandOfficial(entries: readonly OfficialDayEntry[]): { off: Set<CivilDate>; work: Set<CivilDate> } {
  const off = new Set<CivilDate>();
  const work = new Set<CivilDate>();
  for (const e of entries) {
    if (e.kind === 'makeUpWorkday') {
      work.add(e.date);
      continue;
    }
    for (let n = toDayNumber(e.from); n <= toDayNumber(e.to); n++) off.add(fromDayNumber(n));
  }
  return { off, work };
}

export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const entries = options.officialDays ?? OFFICIAL_DAYS;
  const covered = coveredYears(entries);
  const { off: officialOff, work: makeUp } = expandOfficial(entries);
  const cultureDay = options.cultureDay ?? CULTURE_DAY.enabledByDefault;
  const computed = new Map<number, Set<CivilDate>>();

  function computedOff(year: number): Set<CivilDate> {
    let set = computed.get(year);
    if (!set) {
      set = new Set(statutoryHolidays(year, { cultureDay }).map((h) => h.date));
      computed.set(year, set);
    }
    return set;
  }

  function isDayOff(date: CivilDate): boolean {
    const { year, month, day } = toParts(date);
    if (!covered.has(year)) return computedOff(year).has(date);
    if (officialOff.has(date)) return true;
    // The shipped tables predate 24/11; once it is switched on it applies in every year.
    return cultureDay && month === CULTURE_DAY.month && day === CULTURE_DAY.day;
  }

  function isWorkingDay(date: CivilDate): boolean {
    if (makeUp.has(date)) return true;
    return !isWeekend(date) && !isDayOff(date);
  }

  function addWorkingDays(from: CivilDate, n: number): CivilDate {
    const step = n < 0 ? -1 : 1;
    let d = from;
    for (let left = Math.abs(n); left > 0;) {
      d = addDays(d, step);
      if (isWorkingDay(d)) left--;
    }
    return d;
  }

  function nextWorkingDayOnOrAfter(date: CivilDate): CivilDate {
    let d = date;
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  function daysOff(year: number): CivilDate[] {
    const result: CivilDate[] = [];
    for (let n = toDayNumber(makeDate(year, 1, 1)); n <= toDayNumber(makeDate(year, 12, 31)); n++) {
      const d = fromDayNumber(n);
      if (!isWeekend(d) && !isWorkingDay(d)) result.push(d);
    }
    return result;
  }

  return { isWorkingDay, addWorkingDays, nextWorkingDayOnOrAfter, daysOff };
}

/** The calendar with the shipped table and 24/11 switched off. */
export const defaultWorkCalendar: WorkCalendar = createWorkCalendar();

/**
 * Working days left before a deadline counted in working days (the recognition decision: "trong thời
 * hạn 05 ngày làm việc", ND59 Điều 8): those after `today` up to and including `due`; when late, minus
 * the working days after `due` up to and including `today`.
 */
export function workingDaysLeft(
  today: CivilDate,
  due: CivilDate,
  calendar: WorkCalendar = defaultWorkCalendar,
): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n += 1;
  return n === 0 ? 0 : sign * n;
}
