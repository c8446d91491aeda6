/**
 * The outcome of one count under a profile: elected, re-election (with the reason), or an interim head
 * after the failed last round. Every threshold is exact integer arithmetic on the profile's base.
 */
import type { ElectionForm, RuleProfile, Threshold } from '../rules/schema';
import type { ThresholdBases } from '../rules/threshold';
import { meetsThresholdOf } from '../rules/threshold';
import type { CountCandidate, OutcomeKind, OutcomeReason } from './types';

export interface OutcomeInput {
  readonly form: ElectionForm;
  readonly seats: number;
  readonly round: number;
  readonly registered: number;
  readonly voted: number;
  readonly valid: number;
  readonly candidates: readonly CountCandidate[];
  readonly votes: readonly number[];
}

export interface Outcome {
  readonly outcome: OutcomeKind;
  readonly elected: string[];
  readonly reasons: OutcomeReason[];
}

function basesOf(input: OutcomeInput): ThresholdBases {
  return {
    registered: input.registered,
    participated: input.voted,
    present: input.voted,
    valid: input.valid,
  };
}

/** Attendance and turnout conditions that void the count before anyone's votes are looked at. */
export function participationFailures(profile: RuleProfile, input: OutcomeInput): OutcomeReason[] {
  const bases = basesOf(input);
  const reasons: OutcomeReason[] = [];
  const quorum = profile.meetingQuorum.value;
  if (input.form === 'meeting' && quorum && !meetsThresholdOf(input.voted, bases, quorum))
    reasons.push('meeting-not-quorate');
  const turnout = profile.turnoutMinimum.value[input.form];
  if (turnout && !meetsThresholdOf(input.voted, bases, turnout)) reasons.push('turnout');
  return reasons;
}

/** Older first; undefined when the order of the two cannot be told (missing or equal birth dates). */
function olderFirst(a: CountCandidate, b: CountCandidate): number | undefined {
  if (!a.birthDate || !b.birthDate || a.birthDate === b.birthDate) return undefined;
  return a.birthDate < b.birthDate ? -1 : 1;
}

interface Pick {
  readonly chosen: CountCandidate[];
  readonly tieBroken: boolean;
  readonly unresolved: boolean;
}

/** Chooses `slots` of a group of candidates with equal votes under the profile's tie-break. */
function breakTie(profile: RuleProfile, group: CountCandidate[], slots: number): Pick {
  if (profile.tieBreak.value !== 'olderWins') return { chosen: [], tieBroken: false, unresolved: true };
  let undecidable = false;
  const sorted = [...group].sort((a, b) => {
    const c = olderFirst(a, b);
    if (c === undefined) undecidable = true;
    return c ?? 0;
  });
  const last = sorted[slots - 1];
  const next = sorted[slots];
  // Only the boundary between the last chosen and the first left out has to be decidable.
  if (undecidable && (!last || !next || olderFirst(last, next) === undefined)) {
    return { chosen: [], tieBroken: false, unresolved: true };
  }
  return { chosen: sorted.slice(0, slots), tieBroken: true, unresolved: false };
}

/**
 * A winner rule without "đạt số phiếu cao nhất": every candidate over the threshold is elected when
 * they fit the seats; when more pass than there are seats the rule cannot choose between them.
 */
function overThresholdOnly(
  input: OutcomeInput,
  threshold: Threshold,
  failed: (reasons: OutcomeReason[]) => Outcome,
): Outcome {
  const bases = basesOf(input);
  const passing = input.candidates.filter((_, i) => meetsThresholdOf(input.votes[i] ?? 0, bases, threshold));
  if (passing.length === 0) return failed(['no-candidate-over-threshold']);
  if (passing.length > input.seats) return failed(['more-over-threshold-than-seats']);
  return { outcome: 'elected', elected: passing.map((c) => c.id), reasons: [] };
}

/**
 * Elected: with `requireHighest` (QĐ 01/2016 Quảng Trị Điều 15 k2d "đạt số phiếu cao nhất và trên
 * 50%"; Tây Ninh 2019 Điều 2 "số phiếu tín nhiệm cao nhất"), the seats go to the most votes among those
 * over the threshold, equal votes at the last seat settled by the profile's tie-break.
 */
export function decideOutcome(profile: RuleProfile, input: OutcomeInput): Outcome {
  const failed = (reasons: OutcomeReason[]): Outcome => ({
    outcome: input.round >= profile.interim.value.afterFailedRounds ? 'interim' : 'rerun',
    elected: [],
    reasons,
  });
  const participation = participationFailures(profile, input);
  if (participation.length > 0) return failed(participation);

  const rule = profile.winner.value[input.form];
  if (!rule) return failed(['no-candidate-over-threshold']);
  const bases = basesOf(input);
  if (!rule.requireHighest) return overThresholdOnly(input, rule.threshold, failed);
  const ranked = input.candidates.map((c, i) => ({ c, v: input.votes[i] ?? 0 })).sort((a, b) => b.v - a.v);

  const elected: string[] = [];
  const reasons: OutcomeReason[] = [];
  for (let i = 0; i < ranked.length && elected.length < input.seats;) {
    const v = (ranked[i] as { v: number }).v;
    let j = i;
    while (j < ranked.length && (ranked[j] as { v: number }).v === v) j++;
    if (!meetsThresholdOf(v, bases, rule.threshold)) break;
    const group = ranked.slice(i, j).map((r) => r.c);
    const slots = input.seats - elected.length;
    if (group.length <= slots) {
      elected.push(...group.map((c) => c.id));
    } else {
      const pick = breakTie(profile, group, slots);
      if (pick.unresolved) {
        reasons.push('tie-unresolved');
        break;
      }
      elected.push(...pick.chosen.map((c) => c.id));
      reasons.push('tie-broken-by-age');
    }
    i = j;
  }
  if (elected.length === 0) return failed(reasons.length > 0 ? reasons : ['no-candidate-over-threshold']);
  return { outcome: 'elected', elected, reasons };
}
