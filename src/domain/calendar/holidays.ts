/**
 * Public holidays under Bộ luật Lao động 2019, Điều 112 k1, computed for any year. These are the
 * default; the yearly official table (official-days.ts) replaces them where it covers the year,
 * because the Prime Minister fixes the exact Tết days and the day next to 2/9 each year (k3).
 */
import type { CivilDate } from './civil-date';
import { addDays, isWeekend, makeDate, weekdayOf } from './civil-date';
import { hungKingsDate, tetDate } from './lunar';

export interface Holiday {
  readonly date: CivilDate;
  readonly name: string;
  readonly kind: 'holiday' | 'compensatory';
  readonly basis: string;
}

const ART_112 = 'Bộ luật Lao động 2019, Điều 112 k1';
const ART_111 = 'Bộ luật Lao động 2019, Điều 111 k3 (chưa xác minh)';

/**
 * 24/11 "Ngày Văn hóa Việt Nam" was chosen in principle (NQ 80-NQ/TW, NQ 30/NQ-CP 2026) but Điều 112
 * had not been amended as of 26/02/2026, so it ships switched off.
 */
export const CULTURE_DAY = {
  month: 11,
  day: 24,
  name: 'Ngày Văn hóa Việt Nam',
  basis: 'Nghị quyết 80-NQ/TW; Nghị quyết 30/NQ-CP (2026): chưa được luật hóa',
  enabledByDefault: false,
} as const;

export interface HolidayOptions {
  /** Switch on 24/11 once the amendment of Điều 112 is in force. */
  readonly cultureDay?: boolean;
}

/** Tết: the last day of the old lunar year plus mùng 1 to mùng 4, the usual pattern of the yearly decision. */
function tetDays(year: number): CivilDate[] {
  const first = tetDate(year);
  return [-1, 0, 1, 2, 3].map((d) => addDays(first, d));
}

/** The day next to 2/9 that makes the longer break: Monday 1/9 when 2/9 is a Tuesday, else 3/9. */
function nationalDayAdjacent(year: number): CivilDate {
  const second = makeDate(year, 9, 2);
  return weekdayOf(second) === 2 ? makeDate(year, 9, 1) : makeDate(year, 9, 3);
}

export function statutoryHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const h = (date: CivilDate, name: string): Holiday => ({ date, name, kind: 'holiday', basis: ART_112 });
  const days: Holiday[] = [
    h(makeDate(year, 1, 1), 'Tết Dương lịch'),
    ...tetDays(year).map((d) => h(d, 'Tết Âm lịch')),
    h(hungKingsDate(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    h(makeDate(year, 4, 30), 'Ngày Chiến thắng'),
    h(makeDate(year, 5, 1), 'Ngày Quốc tế lao động'),
    h(makeDate(year, 9, 2), 'Quốc khánh'),
    h(nationalDayAdjacent(year), 'Quốc khánh (ngày liền kề)'),
  ];
  if (options.cultureDay ?? CULTURE_DAY.enabledByDefault) {
    days.push({
      date: makeDate(year, CULTURE_DAY.month, CULTURE_DAY.day),
      name: CULTURE_DAY.name,
      kind: 'holiday',
      basis: CULTURE_DAY.basis,
    });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return [...days, ...compensatoryDays(days)];
}

/** A holiday on a weekly rest day gives a day off on the next working day (BLLĐ Điều 111 k3 [U]). */
function compensatoryDays(holidays: readonly Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((h) => h.date));
  const result: Holiday[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    result.push({ date: d, name: `Nghỉ bù ${h.name}`, kind: 'compensatory', basis: ART_111 });
  }
  return result;
}
