/**
 * How long an interim head may still serve before the new election (QĐ 01/2016 Quảng Trị Điều 4 k4a:
 * "không quá sáu tháng kể từ ngày quyết định có hiệu lực"; TT04 Điều 12 k2a). Pure, so each
 * boundary is tested with exact civil dates; the limit is the profile's, never a constant here.
 */
import type { CivilDate } from '../../domain/calendar';
import { addMonths, daysBetween } from '../../domain/calendar';
import type { RuleProfile } from '../../domain/rules';
import { CONFIDENCE_VI, formatCitation } from '../../domain/rules';

export type InterimLimitState = 'running' | 'near' | 'overdue' | 'noLimit';

export interface InterimTerm {
  readonly id: string;
  readonly holder_name: string;
  readonly start_on: CivilDate;
  readonly planned_end: CivilDate | null;
  readonly new_election_by: CivilDate | null;
}

export interface InterimLimit {
  readonly termId: string;
  readonly holderName: string;
  readonly startOn: CivilDate;
  /** Last day of the appointment, or null where the profile's source sets none. */
  readonly limit: CivilDate | null;
  readonly maxMonths: number | null;
  readonly newElectionBy: CivilDate | null;
  /** Days from today to the limit (negative once passed); null without a limit. */
  readonly daysRemaining: number | null;
  readonly state: InterimLimitState;
  readonly citation: string;
  /** The profile's note on the rule (Quảng Trị: the six months are Điều 4 k4a). */
  readonly note: string | null;
  readonly confidence: string;
}

/** Default warning window, as the office register's alerts use. */
export const INTERIM_WARN_DAYS = 30;

/**
 * The limit recorded on the term wins (it was computed from the profile in force at the
 * appointment); a term imported without one gets the profile's months from its start.
 */
export function interimLimitOf(t: InterimTerm, profile: RuleProfile): CivilDate | null {
  if (t.planned_end) return t.planned_end;
  const months = profile.interim.value.maxMonths;
  return months === null ? null : addMonths(t.start_on, months);
}

export function interimLimit(
  t: InterimTerm,
  profile: RuleProfile,
  today: CivilDate,
  warnDays: number = INTERIM_WARN_DAYS,
): InterimLimit {
  const limit = interimLimitOf(t, profile);
  const daysRemaining = limit === null ? null : daysBetween(today, limit);
  const state: InterimLimitState =
    daysRemaining === null
      ? 'noLimit'
      : daysRemaining < 0
        ? 'overdue'
        : daysRemaining <= warnDays
          ? 'near'
          : 'running';
  return {
    termId: t.id,
    holderName: t.holder_name,
    startOn: t.start_on,
    limit,
    maxMonths: profile.interim.value.maxMonths,
    newElectionBy: t.new_election_by,
    daysRemaining,
    state,
    citation: formatCitation(profile.interim.citation),
    note: profile.interim.note ?? null,
    confidence: CONFIDENCE_VI[profile.interim.confidence],
  };
}
