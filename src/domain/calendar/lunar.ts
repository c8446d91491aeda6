/**
 * Vietnamese lunar dates. @dqcai/vn-lunar implements Hồ Ngọc Đức's algorithm at UTC+7 (checked in
 * lunar.test.ts against the DOMAIN.md §5 vectors, including the years where the Chinese UTC+8 calendar
 * differs: 1985, 2007, 2030). The library works on table data, not on Date instants.
 */
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import type { CivilDate } from './civil-date';
import { makeDate, toParts } from './civil-date';

export interface LunarDay {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

export function lunarToSolar(day: number, month: number, year: number, leap = false): CivilDate {
  const s = getSolarDate(day, month, year, leap);
  if (!s || s.day === 0)
    throw new Error(`No such lunar day: ${day}/${month}/${year}${leap ? ' (nhuận)' : ''}`);
  return makeDate(s.year, s.month, s.day);
}

export function solarToLunar(date: CivilDate): LunarDay {
  const p = toParts(date);
  const l = getLunarDate(p.day, p.month, p.year);
  return { day: l.day, month: l.month, year: l.year, leap: l.leap };
}

/** Tết Nguyên đán: 1 tháng Giêng of the given lunar year. */
export function tetDate(year: number): CivilDate {
  return lunarToSolar(1, 1, year);
}

/** Giỗ Tổ Hùng Vương: 10 tháng 3 âm lịch. */
export function hungKingsDate(year: number): CivilDate {
  return lunarToSolar(10, 3, year);
}
