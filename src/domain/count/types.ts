import type { CivilDate } from '../calendar/civil-date';
import type { ElectionForm, InvalidReason, Position } from '../rules/schema';

/** Marks a counter can record on a paper besides the names kept. */
export const PAPER_DEFECTS = ['unofficial-form', 'unstamped', 'extra-name', 'both-columns'] as const;
export type PaperDefect = (typeof PAPER_DEFECTS)[number];

/** One ballot paper: the candidates the voter left standing (or marked agree), and any defects seen. */
export interface Paper {
  readonly kept: readonly string[];
  readonly defects?: readonly PaperDefect[];
}

export interface CountCandidate {
  readonly id: string;
  readonly name?: string;
  /** Needed for the "older candidate wins" tie-break (TN Đ16e). */
  readonly birthDate?: CivilDate;
}

export interface CountInput {
  readonly position: Position;
  readonly seats: number;
  readonly round: number;
  readonly registered: number;
  readonly voted: number;
  readonly issued: number;
  readonly received: number;
  readonly candidates: readonly CountCandidate[];
  /** Secret ballot: the papers received. */
  readonly papers?: readonly Paper[];
  /** Show of hands: votes per candidate id. */
  readonly hands?: Readonly<Record<string, number>>;
  /** Defaults to the meeting for hands and to the profile's paper form for papers. */
  readonly form?: ElectionForm;
}

export interface PaperCount {
  readonly valid: number;
  readonly invalid: number;
  readonly invalidReasons: Partial<Record<InvalidReason, number>>;
  /** Votes per candidate, in the order of the candidate list. */
  readonly votes: readonly number[];
}

export type OutcomeKind = 'elected' | 'rerun' | 'interim';

export type OutcomeReason =
  | 'meeting-not-quorate'
  | 'turnout'
  | 'no-candidate-over-threshold'
  | 'more-over-threshold-than-seats'
  | 'tie-unresolved'
  | 'tie-broken-by-age';

export interface CandidateResult {
  readonly id: string;
  readonly votes: number;
  /** Votes against the registered total, two decimals, half-up. */
  readonly percentOfRegistered: string;
}

export interface TallyResult {
  readonly position: Position;
  readonly form: ElectionForm;
  readonly method: 'papers' | 'hands';
  readonly seats: number;
  readonly round: number;
  readonly registered: number;
  readonly voted: number;
  readonly issued: number;
  readonly received: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidReasons: Partial<Record<InvalidReason, number>>;
  readonly candidates: readonly CandidateResult[];
  readonly outcome: OutcomeKind;
  readonly elected: readonly string[];
  readonly reasons: readonly OutcomeReason[];
}
