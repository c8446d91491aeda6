import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nd59 } from '../rules/nd59-2023';
import { quangTri2016 } from '../rules/quang-tri-2016';
import type { Threshold } from '../rules/schema';
import { meetsThreshold } from '../rules/threshold';
import { standingOf, standingText } from './standing';

const bases = (registered: number, valid = 0) => ({ registered, participated: 0, present: 0, valid });
const qtRule = quangTri2016.winner.value.separateBallot!.threshold;

describe('standing against the winner threshold', () => {
  it('QĐ 01/2016 Quảng Trị Điều 15 k2d: trên 50% of a roll of 100 needs 51; 50 is 1 short', () => {
    const s = standingOf({
      threshold: qtRule,
      bases: bases(100),
      candidates: [
        { id: 'a', votes: 50 },
        { id: 'b', votes: 51 },
      ],
    });
    expect(s.needed).toBe(51);
    expect(s.candidates).toEqual([
      { id: 'a', votes: 50, needed: 51, missing: 1, met: false },
      { id: 'b', votes: 51, needed: 51, missing: 0, met: true },
    ]);
    expect(standingText(s.candidates[0]!)).toBe('còn thiếu 1 phiếu đồng ý để trúng cử');
    expect(standingText(s.candidates[1]!)).toBe('đã đủ số phiếu đồng ý để trúng cử');
    expect(s.rule).toBe('trên 50% tổng số cử tri (đại diện hộ) trong danh sách');
  });

  it('ND59 Điều 7 (unverified): an odd roll of 301 needs 151, never a rounded half', () => {
    const s = standingOf({
      threshold: nd59.winner.value.meeting!.threshold,
      bases: bases(301),
      candidates: [{ id: 'a', votes: 0 }],
    });
    expect(s.needed).toBe(151);
    expect(s.candidates[0]!.missing).toBe(151);
  });

  it('a base of valid ballots moves with the papers counted so far', () => {
    const t: Threshold = { numerator: 1, denominator: 2, strict: true, base: 'valid' };
    expect(standingOf({ threshold: t, bases: bases(500, 10), candidates: [] }).needed).toBe(6);
    expect(standingOf({ threshold: t, bases: bases(500, 11), candidates: [] }).needed).toBe(6);
  });

  it('"at least" thresholds: từ 1/3 trở lên of 90 is met at exactly 30', () => {
    const t: Threshold = { numerator: 1, denominator: 3, strict: false, base: 'registered' };
    const s = standingOf({ threshold: t, bases: bases(90), candidates: [{ id: 'a', votes: 30 }] });
    expect(s.candidates[0]).toMatchObject({ met: true, missing: 0, needed: 30 });
  });

  it('property: met is exactly the rules engine threshold, and votes + missing reaches needed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (reg, votes) => {
        const s = standingOf({ threshold: qtRule, bases: bases(reg), candidates: [{ id: 'a', votes }] });
        const c = s.candidates[0]!;
        expect(c.met).toBe(meetsThreshold(votes, reg, qtRule));
        if (!c.met) expect(meetsThreshold(votes + c.missing, reg, qtRule)).toBe(true);
        if (!c.met && c.missing > 0) expect(meetsThreshold(votes + c.missing - 1, reg, qtRule)).toBe(false);
      }),
    );
  });
});
