import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPercent, meetsThreshold, minimumVotes } from './threshold';

const overHalf = { numerator: 1, denominator: 2, strict: true, base: 'registered' } as const;
const atLeastHalf = { ...overHalf, strict: false } as const;
const third = { numerator: 1, denominator: 3, strict: false, base: 'registered' } as const;

describe('exact thresholds (DOMAIN.md §4.1)', () => {
  it('"trên 50%": 100 on the roll, 50 fails and 51 passes', () => {
    expect(meetsThreshold(50, 100, overHalf)).toBe(false);
    expect(meetsThreshold(51, 100, overHalf)).toBe(true);
    expect(minimumVotes(100, overHalf)).toBe(51);
    expect(minimumVotes(101, overHalf)).toBe(51);
  });

  it('"ít nhất 50%": exactly half passes', () => {
    expect(meetsThreshold(50, 100, atLeastHalf)).toBe(true);
    expect(meetsThreshold(49, 100, atLeastHalf)).toBe(false);
  });

  it('"ít nhất một phần ba": 100 households need 34, 99 need 33', () => {
    expect(minimumVotes(100, third)).toBe(34);
    expect(minimumVotes(99, third)).toBe(33);
  });

  it('agrees with exact rational comparison (property)', () => {
    fc.assert(
      fc.property(fc.nat(100000), fc.integer({ min: 1, max: 100000 }), fc.boolean(), (v, base, strict) => {
        const t = { ...overHalf, strict };
        expect(meetsThreshold(v, base, t)).toBe(strict ? 2 * v > base : 2 * v >= base);
        expect(meetsThreshold(minimumVotes(base, t), base, t)).toBe(true);
        expect(meetsThreshold(minimumVotes(base, t) - 1, base, t)).toBe(false);
      }),
    );
  });

  it('prints percentages half-up with two decimals from integers', () => {
    expect(formatPercent(267, 500)).toBe('53.40');
    expect(formatPercent(8, 390)).toBe('2.05');
    expect(formatPercent(1, 8)).toBe('12.50');
    expect(formatPercent(1, 800)).toBe('0.13'); // 0.125 rounds up
    expect(formatPercent(2, 3)).toBe('66.67');
    expect(formatPercent(412, 412)).toBe('100.00');
    expect(formatPercent(0, 0)).toBe('0.00');
  });
});
