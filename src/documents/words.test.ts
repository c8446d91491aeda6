import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capitalize,
  dateInWords,
  documentDate,
  numberToWords,
  percent,
  placeDateLine,
  shortDate,
  timeInWords,
  weekdayName,
} from './words';

describe('numberToWords', () => {
  const vectors: [number, string][] = [
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [187, 'một trăm tám mươi bảy'],
    [251, 'hai trăm năm mươi mốt'],
    [312, 'ba trăm mười hai'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1050, 'một nghìn không trăm năm mươi'],
    [1234, 'một nghìn hai trăm ba mươi tư'],
    [2021, 'hai nghìn không trăm hai mươi mốt'],
    [10000, 'mười nghìn'],
    [15015, 'mười lăm nghìn không trăm mười lăm'],
    [100000, 'một trăm nghìn'],
    [1000000, 'một triệu'],
    [1000005, 'một triệu không trăm linh năm'],
    [2500000, 'hai triệu năm trăm nghìn'],
    [1000000000, 'một tỷ'],
    [1000000000000, 'một nghìn tỷ'],
  ];
  it.each(vectors)('%i reads "%s"', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('rejects negative and fractional numbers', () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });

  it('never prints "mốt" after "mười" or "linh", nor "lăm" right after "linh"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const w = numberToWords(n);
        expect(w).not.toMatch(/(mười|linh) mốt/);
        expect(w).not.toMatch(/linh lăm/);
        expect(w).not.toMatch(/mươi năm$/);
        expect(w.split(' ').every((x) => x.length > 0)).toBe(true);
      }),
    );
  });

  it('is injective over the first hundred thousand numbers', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 100_000; n++) seen.add(numberToWords(n));
    expect(seen.size).toBe(100_000);
  });
});

describe('dates', () => {
  it('writes a date out in running text', () => {
    expect(dateInWords('2024-07-24')).toBe('ngày 24 tháng 7 năm 2024');
    expect(dateInWords('2024-02-05')).toBe('ngày 5 tháng 2 năm 2024');
  });

  it('ND30 Phụ lục I: the date line pads days under 10 and the months 1 and 2', () => {
    expect(documentDate('2024-02-05')).toBe('ngày 05 tháng 02 năm 2024');
    expect(documentDate('2024-01-31')).toBe('ngày 31 tháng 01 năm 2024');
    expect(documentDate('2024-07-24')).toBe('ngày 24 tháng 7 năm 2024');
    expect(documentDate('2024-11-09')).toBe('ngày 09 tháng 11 năm 2024');
    expect(placeDateLine('Phường 2', '2024-07-24')).toBe('Phường 2, ngày 24 tháng 7 năm 2024');
    expect(placeDateLine('Phường 2', null, 2024)).toBe('Phường 2, ngày …… tháng …… năm 2024');
  });

  it('rejects impossible dates', () => {
    expect(() => dateInWords('2023-02-29')).toThrow(RangeError);
    expect(() => dateInWords('2024-13-01')).toThrow(RangeError);
    expect(dateInWords('2024-02-29')).toBe('ngày 29 tháng 2 năm 2024');
  });

  it('short dates and times', () => {
    expect(shortDate('2023-08-14')).toBe('14/8/2023');
    expect(timeInWords('7:30')).toBe('07 giờ 30 phút');
  });

  it('names weekdays without a time zone', () => {
    expect(weekdayName('2024-11-17')).toBe('Chủ nhật');
    expect(weekdayName('2024-07-24')).toBe('Thứ Tư');
    expect(weekdayName('2024-11-16')).toBe('Thứ Bảy');
    expect(weekdayName('2000-01-01')).toBe('Thứ Bảy');
    expect(weekdayName('2025-03-10')).toBe('Thứ Hai');
  });

  it('agrees with the UTC calendar for any date', () => {
    const names = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(weekdayName(iso)).toBe(names[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]);
        },
      ),
    );
  });
});

describe('percent', () => {
  it.each([
    [187, 312, '59,94%'],
    [12, 23, '52,17%'],
    [1, 3, '33,33%'],
    [2, 3, '66,67%'],
    [1, 8, '12,50%'],
    [1, 200, '0,50%'],
    [1, 400, '0,25%'],
    [1, 800, '0,13%'],
    [0, 5, '0,00%'],
    [5, 5, '100,00%'],
    [201, 298, '67,45%'],
  ])('%i of %i is %s (two decimals, half up)', (n, d, text) => {
    expect(percent(n, d)).toBe(text);
  });

  it('rounds half up exactly on integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const [whole, frac] = percent(n, d).replace('%', '').split(',');
        const hundredths = BigInt(whole ?? '0') * 100n + BigInt(frac ?? '0');
        // hundredths = round_half_up(n * 10000 / d)  <=>  2*n*10000 in [(2h-1)d, (2h+1)d)
        const twice = 2n * BigInt(n) * 10000n;
        expect(twice >= (2n * hundredths - 1n) * BigInt(d)).toBe(true);
        expect(twice < (2n * hundredths + 1n) * BigInt(d)).toBe(true);
      }),
    );
  });

  it('refuses a zero denominator', () => {
    expect(() => percent(1, 0)).toThrow(RangeError);
  });
});

it('capitalizes Vietnamese words', () => {
  expect(capitalize('đại diện')).toBe('Đại diện');
});
