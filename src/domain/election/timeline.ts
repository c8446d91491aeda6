/**
 * The timeline of one election from its election day D: every step of the profile with its due date,
 * actor, document and citation. "Chậm nhất N ngày trước ngày bầu cử" means the step is due on D - N
 * calendar days (DOMAIN.md §4.10); working-day steps use the work calendar.
 */
import type { CivilDate } from '../calendar/civil-date';
import { WEEKDAY_NAMES_VI, addDays, formatVietnamese, weekdayOf } from '../calendar/civil-date';
import type { WorkCalendar } from '../calendar/working-days';
import { defaultWorkCalendar } from '../calendar/working-days';
import { formatCitation } from '../rules/citation';
import type { Citation, Confidence, RuleProfile, TimelineStep } from '../rules/schema';

export interface TimelineEntry extends TimelineStep {
  readonly due: CivilDate;
  readonly citation: Citation;
  readonly confidence: Confidence;
  readonly note?: string;
}

export type TimelineWarningCode = 'weekday-not-allowed' | 'due-passed';

export interface TimelineWarning {
  readonly code: TimelineWarningCode;
  readonly message: string;
  readonly stepId?: string;
}

export interface Timeline {
  readonly profile: string;
  readonly electionDate: CivilDate;
  readonly steps: TimelineEntry[];
  readonly warnings: TimelineWarning[];
}

export interface TimelineOptions {
  /** Today, from the caller (the domain never reads the clock); enables 'due-passed' warnings. */
  readonly today?: CivilDate;
  readonly calendar?: WorkCalendar;
}

export function dueDate(
  step: TimelineStep,
  electionDate: CivilDate,
  calendar: WorkCalendar = defaultWorkCalendar,
): CivilDate {
  return step.unit === 'working'
    ? calendar.addWorkingDays(electionDate, step.offsetDays)
    : addDays(electionDate, step.offsetDays);
}

function weekdayWarning(profile: RuleProfile, electionDate: CivilDate): TimelineWarning | undefined {
  const allowed = profile.pollingDays.value;
  const day = weekdayOf(electionDate);
  if (allowed === null || allowed.includes(day)) return undefined;
  const names = allowed.map((d) => WEEKDAY_NAMES_VI[d as keyof typeof WEEKDAY_NAMES_VI]).join(' hoặc ');
  return {
    code: 'weekday-not-allowed',
    message: `Ngày bầu cử ${formatVietnamese(electionDate)} là ${WEEKDAY_NAMES_VI[day]}; phải là ${names} (${formatCitation(profile.pollingDays.citation)}).`,
  };
}

export function buildTimeline(
  profile: RuleProfile,
  electionDate: CivilDate,
  options: TimelineOptions = {},
): Timeline {
  const calendar = options.calendar ?? defaultWorkCalendar;
  const steps: TimelineEntry[] = profile.timeline
    .map((s) => {
      const entry: TimelineEntry = {
        ...s.value,
        due: dueDate(s.value, electionDate, calendar),
        citation: s.citation,
        confidence: s.confidence,
      };
      return s.note === undefined ? entry : { ...entry, note: s.note };
    })
    .sort((a, b) => (a.due === b.due ? 0 : a.due < b.due ? -1 : 1));
  const warnings: TimelineWarning[] = [];
  const weekday = weekdayWarning(profile, electionDate);
  if (weekday) warnings.push(weekday);
  const today = options.today;
  if (today !== undefined) {
    for (const s of steps) {
      if (s.due < today) {
        warnings.push({
          code: 'due-passed',
          stepId: s.id,
          message: `Bước "${s.title}" phải xong trước hoặc trong ngày ${formatVietnamese(s.due)}, nay đã quá hạn (${formatCitation(s.citation)}).`,
        });
      }
    }
  }
  return { profile: profile.id, electionDate, steps, warnings };
}
