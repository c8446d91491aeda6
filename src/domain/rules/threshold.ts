/** Exact threshold arithmetic on integers (DOMAIN.md §4.1): no floating point decides anything. */
import type { Threshold, ThresholdBase } from './schema';

export type ThresholdBases = Readonly<Record<ThresholdBase, number>>;

export function meetsThreshold(votes: number, base: number, t: Threshold): boolean {
  const lhs = votes * t.denominator;
  const rhs = t.numerator * base;
  return t.strict ? lhs > rhs : lhs >= rhs;
}

export function meetsThresholdOf(votes: number, bases: ThresholdBases, t: Threshold): boolean {
  return meetsThreshold(votes, bases[t.base], t);
}

/** The least number of votes that meets the threshold for a given base. */
export function minimumVotes(base: number, t: Threshold): number {
  const exact = Math.floor((t.numerator * base) / t.denominator);
  return meetsThreshold(exact, base, t) ? exact : exact + 1;
}

/** Percentage with two decimals, half-up, from integers: 267/500 -> "53.40". */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0.00';
  const hundredths = Math.floor((part * 20000 + whole) / (2 * whole));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const BASE_VI: Readonly<Record<ThresholdBase, string>> = {
  registered: 'tổng số cử tri (đại diện hộ) trong danh sách',
  participated: 'số cử tri (đại diện hộ) tham gia bỏ phiếu',
  present: 'số người có mặt tại cuộc họp',
  valid: 'số phiếu hợp lệ',
};

/** "trên 1/2 tổng số cử tri ..." or "từ 1/3 ... trở lên". */
export function describeThreshold(t: Threshold): string {
  const frac = t.numerator === 1 && t.denominator === 2 ? '50%' : `${t.numerator}/${t.denominator}`;
  return t.strict ? `trên ${frac} ${BASE_VI[t.base]}` : `từ ${frac} ${BASE_VI[t.base]} trở lên`;
}
