/**
 * Where each candidate stands against the winner threshold while papers are still being counted:
 * how many votes the threshold asks for on the base known so far, and how many are still missing.
 * Integer arithmetic only (minimumVotes), so "đã đủ" here is exactly what the rules engine will
 * decide about the threshold at closing on the same figures. The highest-votes condition and the
 * tie-break are not part of the standing: they are decided only when every paper is in.
 */
import type { Threshold } from '../rules/schema';
import type { ThresholdBases } from '../rules/threshold';
import { describeThreshold, meetsThresholdOf, minimumVotes } from '../rules/threshold';

export interface CandidateStanding {
  readonly id: string;
  readonly votes: number;
  /** The least number of votes that meets the threshold on the current base. */
  readonly needed: number;
  /** Votes still missing; 0 once the threshold is met. */
  readonly missing: number;
  readonly met: boolean;
}

export interface Standing {
  /** The base the threshold is measured against, and its value now. */
  readonly base: Threshold['base'];
  readonly baseValue: number;
  readonly needed: number;
  /** "trên 50% tổng số cử tri (đại diện hộ) trong danh sách". */
  readonly rule: string;
  readonly candidates: readonly CandidateStanding[];
}

export interface StandingInput {
  readonly threshold: Threshold;
  readonly bases: ThresholdBases;
  readonly candidates: readonly { readonly id: string; readonly votes: number }[];
}

export function standingOf(input: StandingInput): Standing {
  const { threshold, bases } = input;
  const baseValue = bases[threshold.base];
  const needed = minimumVotes(baseValue, threshold);
  return {
    base: threshold.base,
    baseValue,
    needed,
    rule: describeThreshold(threshold),
    candidates: input.candidates.map((c) => {
      const met = meetsThresholdOf(c.votes, bases, threshold);
      return { id: c.id, votes: c.votes, needed, missing: met ? 0 : Math.max(0, needed - c.votes), met };
    }),
  };
}

/** "đã đủ số phiếu đồng ý để trúng cử" / "còn thiếu 12 phiếu đồng ý để trúng cử". */
export function standingText(c: CandidateStanding): string {
  return c.met ? 'đã đủ số phiếu đồng ý để trúng cử' : `còn thiếu ${c.missing} phiếu đồng ý để trúng cử`;
}
