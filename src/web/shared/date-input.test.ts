import { describe, expect, it } from 'vitest';
import { parseVnDate } from './DateInput';

describe('date boxes read dd/mm/yyyy', () => {
  it('takes the day first, with / . or -, and a pasted YYYY-MM-DD', () => {
    expect(parseVnDate('05/09/1980')).toBe('1980-09-05');
    expect(parseVnDate('5/9/1980')).toBe('1980-09-05');
    expect(parseVnDate('17.11.2024')).toBe('2024-11-17');
    expect(parseVnDate('2024-11-17')).toBe('2024-11-17');
  });

  it('refuses what is not a real day', () => {
    expect(parseVnDate('31/02/2024')).toBeUndefined();
    expect(parseVnDate('29/02/2023')).toBeUndefined();
    expect(parseVnDate('12/2024')).toBeUndefined();
    expect(parseVnDate('09/05')).toBeUndefined();
    expect(parseVnDate('abc')).toBeUndefined();
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
  });
});
