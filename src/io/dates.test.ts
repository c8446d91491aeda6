import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excelSerialToDate, parseDate } from './dates';

const value = (r: ReturnType<typeof parseDate>) => (r.ok ? r.value : r.error.code);

describe('parseDate', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and yyyy-mm-dd', () => {
    expect(value(parseDate('05/09/1980'))).toBe('1980-09-05');
    expect(value(parseDate('5/9/1980'))).toBe('1980-09-05');
    expect(value(parseDate(' 05-09-1980 '))).toBe('1980-09-05');
    expect(value(parseDate('05.09.1980'))).toBe('1980-09-05');
    expect(value(parseDate('1980-09-05'))).toBe('1980-09-05');
    expect(value(parseDate('1980-09-05T00:00:00.000Z'))).toBe('1980-09-05');
    expect(value(parseDate('29/02/2000'))).toBe('2000-02-29');
  });

  it('rejects impossible dates with a Vietnamese message and an example', () => {
    const r = parseDate('31/02/1980');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'date.invalid',
        message:
          "'31/02/1980' không phải là ngày hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1980.",
      },
    });
    for (const bad of [
      '29/02/1900',
      '29/02/2023',
      '00/01/1990',
      '12/13/1990',
      '1990-02-30',
      'abc',
      '5/9/80',
    ]) {
      expect(value(parseDate(bad)), bad).toBe('date.invalid');
    }
    expect(value(parseDate('  '))).toBe('date.empty');
    const yearOnly = parseDate('1945');
    expect(!yearOnly.ok && yearOnly.error.message).toContain('Chỉ có năm');
  });

  it('reads Excel serial numbers of the 1900 system, including around the fake 29/02/1900', () => {
    expect(value(excelSerialToDate(1))).toBe('1900-01-01');
    expect(value(excelSerialToDate(59))).toBe('1900-02-28');
    expect(value(excelSerialToDate(60))).toBe('date.invalid');
    expect(value(excelSerialToDate(61))).toBe('1900-03-01');
    expect(value(excelSerialToDate(29469))).toBe('1980-09-05');
    expect(value(excelSerialToDate(45613.75))).toBe('2024-11-17');
    expect(value(parseDate(29469))).toBe('1980-09-05');
    expect(value(parseDate('29469'))).toBe('1980-09-05');
    expect(value(excelSerialToDate(0))).toBe('date.invalid');
  });

  it('round-trips every real date written as dd/mm/yyyy (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-');
          expect(value(parseDate(`${day}/${m}/${y}`))).toBe(iso);
          expect(value(parseDate(iso))).toBe(iso);
        },
      ),
    );
  });
});
