import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  fromDayNumber,
  parseCivilDate,
  toDayNumber,
  weekdayOf,
} from './civil-date';

describe('civil dates', () => {
  it('runs under a non-Vietnamese time zone (the dates must not depend on it)', () => {
    expect(process.env.TZ).toBe('Pacific/Pago_Pago');
    expect(weekdayOf('2026-02-17')).toBe(2);
  });

  it('parses only real calendar days', () => {
    expect(parseCivilDate('2024-02-29').ok).toBe(true);
    expect(parseCivilDate('2025-02-29').ok).toBe(false);
    expect(parseCivilDate('2025-13-01').ok).toBe(false);
    expect(parseCivilDate('25/01/2025').ok).toBe(false);
    const bad = parseCivilDate('2025-02-30', 'received');
    expect(!bad.ok && bad.error.field).toBe('received');
  });

  it('knows weekdays: 1970-01-01 Thursday, 24/11/2026 Tuesday, 10/02/2024 Saturday', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-11-24')).toBe(2);
    expect(weekdayOf('2024-02-10')).toBe(6);
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-11-20', -20)).toBe('2024-10-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('adds months clamping to the end of the month (6-month interim limit)', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-05-15', 30)).toBe('2026-11-15');
  });

  it('day numbers round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it('ageOn counts completed years; 21st birthday on election day counts', () => {
    expect(ageOn('2003-11-17', '2024-11-17')).toBe(21);
    expect(ageOn('2003-11-18', '2024-11-17')).toBe(20);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
  });
});
