/**
 * Removing a head from office: cho thôi làm (ND59 Điều 9), miễn nhiệm and bãi nhiệm (Tây Ninh 2019
 * Điều 9–10). Who may trigger it, the petition threshold, the meeting quorum and pass rule, and the
 * deadlines that follow. All numbers come from the profile's removal procedures.
 */
import type { CivilDate } from '../calendar/civil-date';
import { addDays } from '../calendar/civil-date';
import type { WorkCalendar } from '../calendar/working-days';
import { defaultWorkCalendar } from '../calendar/working-days';
import { recognitionDue } from '../election/deadlines';
import type { Result } from '../result';
import { err, ok } from '../result';
import { formatCitation } from '../rules/citation';
import type { RemovalKind, RemovalProcedure, RemovalTrigger, RuleProfile } from '../rules/schema';
import { describeThreshold, meetsThresholdOf, minimumVotes } from '../rules/threshold';

export const REMOVAL_NAMES_VI: Readonly<Record<RemovalKind, string>> = {
  release: 'cho thôi làm',
  dismissal: 'miễn nhiệm',
  recall: 'bãi nhiệm',
};

export function removalProcedure(profile: RuleProfile, kind: RemovalKind): Result<RemovalProcedure> {
  const p = profile.removal.find((r) => r.kind === kind);
  if (p) return ok(p);
  const available = profile.removal.map((r) => REMOVAL_NAMES_VI[r.kind]).join(', ') || 'không có';
  return err({
    code: 'removal-kind-not-in-profile',
    field: 'kind',
    message: `Bộ quy tắc ${profile.id} không có thủ tục ${REMOVAL_NAMES_VI[kind]}; các thủ tục: ${available}.`,
  });
}

export interface TriggerFacts {
  readonly code: RemovalTrigger['code'];
  /** Whether a written letter (đơn) is on file. */
  readonly hasLetter?: boolean;
  /** For a household petition: signatures of distinct households or representatives, and the total. */
  readonly signatures?: number;
  readonly registered?: number;
}

/** Checks that the proposal may start the procedure; returns the trigger it matched. */
export function checkTrigger(
  profile: RuleProfile,
  kind: RemovalKind,
  facts: TriggerFacts,
): Result<RemovalTrigger> {
  const proc = removalProcedure(profile, kind);
  if (!proc.ok) return proc;
  const { triggers, petition } = proc.value;
  const trigger = triggers.value.find((t) => t.code === facts.code);
  const where = formatCitation(triggers.citation);
  if (!trigger) {
    return err({
      code: 'trigger-not-allowed',
      field: 'trigger',
      message: `Căn cứ đề nghị này không áp dụng cho thủ tục ${REMOVAL_NAMES_VI[kind]} (${where}).`,
    });
  }
  if (trigger.letterRequired && facts.hasLetter !== true) {
    return err({
      code: 'letter-required',
      field: 'letter',
      message: `Cần có đơn nêu rõ lý do gửi Chủ tịch UBND cấp xã (${where}).`,
    });
  }
  if (trigger.code === 'householdPetition') {
    const check = checkPetition(proc.value, facts.signatures ?? 0, facts.registered ?? 0);
    if (!check.ok) return check;
    if (!check.value.meets) {
      const t = petition.value;
      return err({
        code: 'petition-below-threshold',
        field: 'signatures',
        message: `Kiến nghị cần ${t ? describeThreshold(t) : ''}: ít nhất ${check.value.required} trên ${facts.registered ?? 0}, mới có ${facts.signatures ?? 0} (${formatCitation(petition.citation)}).`,
      });
    }
  }
  return ok(trigger);
}

export interface PetitionCheck {
  readonly meets: boolean;
  readonly required: number;
}

export function checkPetition(
  proc: RemovalProcedure,
  signatures: number,
  registered: number,
): Result<PetitionCheck> {
  const t = proc.petition.value;
  if (!t)
    return err({
      code: 'no-petition',
      field: 'trigger',
      message: `Thủ tục này không có kiến nghị của hộ gia đình (${formatCitation(proc.petition.citation)}).`,
    });
  if (!Number.isInteger(signatures) || signatures < 0)
    return err({
      code: 'invalid-number',
      field: 'signatures',
      message: 'Số chữ ký phải là số nguyên không âm.',
    });
  if (!Number.isInteger(registered) || registered <= 0 || signatures > registered) {
    return err({
      code: 'invalid-number',
      field: 'registered',
      message: 'Tổng số hộ phải là số nguyên dương, không nhỏ hơn số chữ ký.',
    });
  }
  const bases = { registered, participated: registered, present: registered, valid: registered };
  return ok({ meets: meetsThresholdOf(signatures, bases, t), required: minimumVotes(registered, t) });
}

export interface RemovalVote {
  /** Voters or household representatives on the list of the whole hamlet. */
  readonly registered: number;
  readonly present: number;
  /** Votes in favour of removal (hands or valid ballots). */
  readonly approve: number;
  /** Valid ballots, when the meeting voted by secret ballot. */
  readonly valid?: number;
}

export type RemovalVoteOutcome = 'passed' | 'rejected' | 'notQuorate';

export interface RemovalVoteResult {
  readonly outcome: RemovalVoteOutcome;
  readonly quorate: boolean;
  readonly passed: boolean;
  readonly required: number;
  readonly message: string;
}

export function evaluateRemovalVote(
  profile: RuleProfile,
  kind: RemovalKind,
  vote: RemovalVote,
): Result<RemovalVoteResult> {
  const proc = removalProcedure(profile, kind);
  if (!proc.ok) return proc;
  for (const [field, n] of Object.entries(vote)) {
    if (!Number.isInteger(n) || (n as number) < 0)
      return err({ code: 'invalid-number', field, message: `${field}: phải là số nguyên không âm.` });
  }
  if (vote.present > vote.registered)
    return err({
      code: 'invalid-number',
      field: 'present',
      message: 'Số người dự họp lớn hơn tổng số trong danh sách.',
    });
  if (vote.approve > (vote.valid ?? vote.present))
    return err({
      code: 'invalid-number',
      field: 'approve',
      message: 'Số phiếu tán thành lớn hơn số người biểu quyết.',
    });
  const bases = {
    registered: vote.registered,
    participated: vote.present,
    present: vote.present,
    valid: vote.valid ?? vote.present,
  };
  const { quorum, passRule } = proc.value;
  const quorate = quorum.value === null || meetsThresholdOf(vote.present, bases, quorum.value);
  const required = minimumVotes(bases[passRule.value.base], passRule.value);
  if (!quorate) {
    const t = quorum.value;
    return ok({
      outcome: 'notQuorate',
      quorate,
      passed: false,
      required,
      message: `Hội nghị không đủ điều kiện tiến hành: cần ${t ? describeThreshold(t) : ''} (${formatCitation(quorum.citation)}).`,
    });
  }
  const passed = meetsThresholdOf(vote.approve, bases, passRule.value);
  return ok({
    outcome: passed ? 'passed' : 'rejected',
    quorate,
    passed,
    required,
    message: passed
      ? `Thông qua việc ${REMOVAL_NAMES_VI[kind]}: ${vote.approve} tán thành, cần ít nhất ${required} (${formatCitation(passRule.citation)}).`
      : `Không thông qua việc ${REMOVAL_NAMES_VI[kind]}: ${vote.approve} tán thành, cần ít nhất ${required} (${formatCitation(passRule.citation)}).`,
  });
}

export interface RemovalDeadlines {
  /** Last day for the commune to recognise the result or answer in writing. */
  readonly recognitionDue: CivilDate;
  /** Last day to hold (TN) or to decide on (ND59) the new election, counted from the recognition decision. */
  readonly newElectionBy: CivilDate;
  readonly newElectionMode: 'held' | 'decided';
}

/**
 * Deadlines after the meeting's report reaches the commune. The new-election deadline runs from the
 * recognition decision; until that date is known it is computed from the latest lawful recognition day.
 */
export function removalDeadlines(
  profile: RuleProfile,
  kind: RemovalKind,
  reportReceived: CivilDate,
  recognitionDate?: CivilDate,
  calendar: WorkCalendar = defaultWorkCalendar,
): Result<RemovalDeadlines> {
  const proc = removalProcedure(profile, kind);
  if (!proc.ok) return proc;
  const due = recognitionDue(profile, reportReceived, calendar, proc.value.recognition.value.workingDays);
  const ne = proc.value.newElection.value;
  return ok({
    recognitionDue: due,
    newElectionBy: addDays(recognitionDate ?? due, ne.withinDays),
    newElectionMode: ne.mode,
  });
}
