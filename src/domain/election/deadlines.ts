/** Deadlines after election day: recognition (working days), re-election, interim head. */
import type { CivilDate } from '../calendar/civil-date';
import { addDays, addMonths } from '../calendar/civil-date';
import type { WorkCalendar } from '../calendar/working-days';
import { defaultWorkCalendar } from '../calendar/working-days';
import type { RuleProfile } from '../rules/schema';

/**
 * "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được": with the default convention [U] the count
 * starts on the day after receipt, so the last day is the 5th working day after it.
 */
export function recognitionDue(
  profile: RuleProfile,
  received: CivilDate,
  calendar: WorkCalendar = defaultWorkCalendar,
  workingDays: number = profile.recognition.value.workingDays,
): CivilDate {
  if (profile.recognitionCounting.value === 'includingDayOfReceipt' && calendar.isWorkingDay(received)) {
    return calendar.addWorkingDays(received, workingDays - 1);
  }
  return calendar.addWorkingDays(received, workingDays);
}

/** Latest day for a re-election: N calendar days from the first election (QĐ 01/2016 Điều 15 k3). */
export function rerunDeadline(profile: RuleProfile, firstElectionDate: CivilDate): CivilDate {
  return addDays(firstElectionDate, profile.rerun.value.withinDays);
}

/** Latest day for the new election after an interim head is appointed, or null if not set. */
export function newElectionAfterInterimDeadline(
  profile: RuleProfile,
  interimDecisionDate: CivilDate,
): CivilDate | null {
  const months = profile.interim.value.newElectionWithinMonths;
  return months === null ? null : addMonths(interimDecisionDate, months);
}

/** Last day the interim appointment may run, or null if the profile sets no limit. */
export function interimTermEnd(profile: RuleProfile, interimDecisionDate: CivilDate): CivilDate | null {
  const months = profile.interim.value.maxMonths;
  return months === null ? null : addMonths(interimDecisionDate, months);
}

/** When the election team must report the result (TN Điều 16 3e: within 3 days; QT: at once). */
export function resultReportDue(profile: RuleProfile, electionDate: CivilDate): CivilDate {
  return addDays(electionDate, profile.resultReport.value.withinDays);
}

/** The end of the term that starts on the recognition date. */
export function termEnd(profile: RuleProfile, start: CivilDate): CivilDate {
  return addDays(addMonths(start, profile.term.value.months), -1);
}
