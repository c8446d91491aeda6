import { describe, expect, it } from 'vitest';
import { statutoryHolidays, CULTURE_DAY } from './holidays';
import { createWorkCalendar, defaultWorkCalendar as cal, workingDaysLeft } from './working-days';
import { OFFICIAL_DAYS } from './official-days';

describe('public holidays (BLLĐ 2019 Điều 112)', () => {
  it('Điều 112 k1: 11 holiday days, Tết and Giỗ Tổ from the lunar calendar (2027)', () => {
    const days = statutoryHolidays(2027).filter((h) => h.kind === 'holiday');
    expect(days).toHaveLength(11);
    const dates = days.map((d) => d.date);
    expect(dates).toContain('2027-01-01');
    expect(dates).toContain('2027-02-05'); // 30 Tết
    expect(dates).toContain('2027-02-09'); // mùng 4
    expect(dates).toContain('2027-04-16'); // Giỗ Tổ
    expect(dates).toContain('2027-09-02');
  });

  it('Điều 111 k3 [U]: a holiday on a weekend gives a compensatory weekday (30/4/2028 is a Sunday)', () => {
    const comp = statutoryHolidays(2028).filter((h) => h.kind === 'compensatory');
    expect(comp.map((c) => c.date)).toContain('2028-05-02');
    expect(cal.isWorkingDay('2028-05-02')).toBe(false);
  });

  it('24/11 is present but switched off', () => {
    expect(CULTURE_DAY.enabledByDefault).toBe(false);
    expect(cal.isWorkingDay('2026-11-24')).toBe(true);
    expect(createWorkCalendar({ cultureDay: true }).isWorkingDay('2026-11-24')).toBe(false);
    expect(createWorkCalendar({ cultureDay: true }).isWorkingDay('2027-11-24')).toBe(false);
  });
});

describe('working days with the official table', () => {
  it('2024: 29/4 swapped off, Saturday 4/5 is a make-up working day', () => {
    expect(cal.isWorkingDay('2024-04-29')).toBe(false);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(cal.isWorkingDay('2024-05-02')).toBe(true);
  });

  it('2025: Tết 25/1 to 2/2 off, make-up Saturday 15/2; Quốc khánh 1/9 and 2/9', () => {
    expect(cal.isWorkingDay('2025-01-27')).toBe(false);
    expect(cal.isWorkingDay('2025-01-31')).toBe(false);
    expect(cal.isWorkingDay('2025-02-03')).toBe(true);
    expect(cal.isWorkingDay('2025-02-15')).toBe(true);
    expect(cal.isWorkingDay('2025-09-01')).toBe(false);
    expect(cal.isWorkingDay('2025-09-03')).toBe(true);
  });

  it('2026: Tết 16/2 to 20/2 off; compensatory Monday 27/4 for Giỗ Tổ on Sunday', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27']) {
      expect(cal.isWorkingDay(d)).toBe(false);
    }
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('ND59 Điều 8: recognition received Fri 13/02/2026 + 5 working days across Tết is Fri 27/02/2026', () => {
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
  });

  it('counts a make-up Saturday as a working day: 5 working days after Fri 25/4/2025', () => {
    // 26/4 (Sat, make-up) 1; 28/4 2; 29/4 3; 30/4-4/5 off; 5/5 4; 6/5 5
    expect(cal.addWorkingDays('2025-04-25', 5)).toBe('2025-05-06');
  });

  it('counts backwards and n = 0', () => {
    expect(cal.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
    expect(cal.nextWorkingDayOnOrAfter('2026-02-14')).toBe('2026-02-23');
  });

  it('each table entry carries a source note', () => {
    for (const e of OFFICIAL_DAYS) expect(e.source.length).toBeGreaterThan(10);
  });

  it('lists weekday days off of 2026', () => {
    const off = cal.daysOff(2026);
    expect(off).toContain('2026-01-01');
    expect(off).toContain('2026-02-16');
    expect(off).not.toContain('2026-02-14');
  });
});

describe('ND59 Điều 8: working days left of the 05 working days to recognise the result', () => {
  it('counts the working days after today up to the due day, across Tết 2026 (off 14–22/02)', () => {
    // Received Fri 13/02/2026, due Fri 27/02/2026: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
    expect(workingDaysLeft('2026-02-13', '2026-02-27')).toBe(5);
    expect(workingDaysLeft('2026-02-20', '2026-02-27')).toBe(5);
    expect(workingDaysLeft('2026-02-26', '2026-02-27')).toBe(1);
    expect(workingDaysLeft('2026-02-27', '2026-02-27')).toBe(0);
  });

  it('is negative once the due day has passed, counting only working days', () => {
    expect(workingDaysLeft('2026-02-28', '2026-02-27')).toBe(0); // Saturday
    expect(workingDaysLeft('2026-03-02', '2026-02-27')).toBe(-1);
    expect(workingDaysLeft('2026-03-04', '2026-02-27')).toBe(-3);
  });

  it('follows the calendar it is given (24/11 switched on)', () => {
    const withCultureDay = createWorkCalendar({ cultureDay: true });
    expect(workingDaysLeft('2026-11-20', '2026-11-27')).toBe(5);
    expect(workingDaysLeft('2026-11-20', '2026-11-27', withCultureDay)).toBe(4);
  });
});
