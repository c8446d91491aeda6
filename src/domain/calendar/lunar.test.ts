import { describe, expect, it } from 'vitest';
import { hungKingsDate, lunarToSolar, solarToLunar, tetDate } from './lunar';

describe('Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7), DOMAIN.md §5 vectors', () => {
  it('Tết where the Chinese UTC+8 calendar differs: 21/1/1985, 17/2/2007, 2/2/2030', () => {
    expect(tetDate(1985)).toBe('1985-01-21');
    expect(tetDate(2007)).toBe('2007-02-17');
    expect(tetDate(2030)).toBe('2030-02-02');
  });

  const table: ReadonlyArray<[number, string, string]> = [
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
    [2029, '2029-02-13', '2029-04-23'],
    [2030, '2030-02-02', '2030-04-12'],
  ];
  it.each(table)('BLLĐ 2019 Điều 112 k1: Tết and Giỗ Tổ of %i', (year, tet, gioTo) => {
    expect(tetDate(year)).toBe(tet);
    expect(hungKingsDate(year)).toBe(gioTo);
  });

  it('converts both ways: 16/02/2026 is 29 tháng Chạp Ất Tỵ', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(lunarToSolar(29, 12, 2025)).toBe('2026-02-16');
  });
});
