/**
 * Recording the steps of one hamlet election. A step is refused when it is out of order
 * (`transition`), when its data is not there yet (no drafted list, no official list, no valid team),
 * or when its date is after the legal deadline of its timeline step, unless the commune chair's
 * override (who authorised it and why) is recorded with it. The history is append-only.
 *
 * The states after polling are earned, not declared: only the count's closure, the team's result
 * report, the commune's recognition or re-election order and the interim appointment move an
 * election there, each through `advanceLifecycle` once its own record exists. The step route
 * (`recordStep`) refuses them for every role, or a head could be recognised without a count.
 */
import { randomUUID } from 'node:crypto';
import type * as contract from '../../contract/plan';
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese } from '../../domain/calendar';
import type { ElectionState } from '../../domain/election';
import {
  ELECTION_STATES,
  STATE_NAMES_VI,
  checkCandidateList,
  checkElectionTeam,
  nextStates,
  recognitionDue,
  transition,
} from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Failure, Result } from '../../domain/result';
import type { Citation, RuleProfile } from '../../domain/rules';
import { formatCitation } from '../../domain/rules';
import { preparationCandidates as candRepo, preparationPlan as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { canWritePolling } from '../common';
import type { ElectionContext } from '../common';
import { isCivil } from '../common';
import { loadElection, stepOf } from '../common';
import { ruleFailure } from '../common';
import { vnToday } from '../common';
import { headTitleOf } from './plan';
import { groupInText } from '../../domain/election';
import { positionTitle } from '../../domain/count/labels';

/** The timeline step whose deadline a state must be reached by, in order of preference. */
const STEP_OF_STATE: Partial<Record<ElectionState, readonly string[]>> = {
  candidatesDrafted: ['draft-candidates'],
  listOfficial: ['official-candidates'],
  teamFormed: ['form-team'],
  rollPosted: ['post-voters', 'post-candidates', 'notify-decisions'],
  polling: ['election'],
  counted: ['election'],
  reported: ['report-result'],
};

export interface Deadline {
  readonly stepId: string;
  readonly title: string;
  readonly due: CivilDate;
  readonly citation: Citation;
}

/** The legal deadline of reaching `to`, from the timeline, or from the report for recognition. */
export function deadlineOf(
  ec: Pick<ElectionContext, 'timeline' | 'profile'>,
  to: ElectionState,
  history: readonly repo.StateChangeRow[],
): Deadline | null {
  for (const id of STEP_OF_STATE[to] ?? []) {
    const step = stepOf(ec.timeline, id);
    if (step) return { stepId: step.id, title: step.title, due: step.due, citation: step.citation };
  }
  if (to === 'recognised' || to === 'rerunOrdered') {
    const reported = [...history].reverse().find((h) => h.to_state === 'reported');
    if (!reported) return null;
    const p = ec.profile.recognition;
    return {
      stepId: 'recognition',
      title: 'Quyết định công nhận người trúng cử hoặc quyết định bầu cử lại',
      due: recognitionDue(ec.profile, reported.on_date),
      citation: p.citation,
    };
  }
  return null;
}

export interface Override {
  /** The commune chair who authorised recording the step late. */
  readonly authorisedBy: string;
  readonly reason: string;
}

export type StepInput = contract.StepInput;

export interface HistoryEntry {
  readonly seq: number;
  readonly from: string;
  readonly to: string;
  readonly toLabel: string;
  readonly on: CivilDate;
  readonly due: CivilDate | null;
  readonly stepId: string | null;
  readonly override: { authorisedBy: string; reason: string } | null;
  readonly note: string | null;
  readonly recordedAt: string;
}

export interface NextStep {
  readonly to: ElectionState;
  readonly label: string;
  readonly deadline: (Deadline & { citationText: string; passed: boolean }) | null;
  readonly earnedBy: string | null;
}

export interface LifecycleView {
  readonly electionId: string;
  readonly hamletId: string;
  readonly communeId: string;
  readonly hamletName: string;
  readonly headTitle: string;
  readonly position: string;
  readonly positionTitle: string;
  readonly groupName: string | null;
  readonly termLabel: string;
  readonly electionDate: CivilDate | null;
  readonly roundId: string | null;
  readonly profileId: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly history: HistoryEntry[];
  readonly next: NextStep[];
}

const isState = (s: string): s is ElectionState => (ELECTION_STATES as readonly string[]).includes(s);

function orderFailure(ec: ElectionContext, from: ElectionState, to: ElectionState): Failure | null {
  const t = transition(from, to);
  if (t.ok) return null;
  const step = (STEP_OF_STATE[to] ?? []).map((id) => stepOf(ec.timeline, id)).find(Boolean);
  const citation = step?.citation ?? ec.profile.timeline[0]!.citation;
  return ruleFailure(
    'invalid-transition',
    'lifecycle.order',
    citation,
    `${t.error.message} Trình tự theo ${formatCitation(citation)}.`,
    'to',
  );
}

function deadlineFailure(to: ElectionState, on: CivilDate, d: Deadline): Failure {
  return ruleFailure(
    'deadline-passed',
    `timeline.${d.stepId}`,
    d.citation,
    `Không thể ghi bước "${STATE_NAMES_VI[to]}" vào ngày ${formatVietnamese(on)}: hạn chót là ngày ${formatVietnamese(d.due)} ("${d.title}", ${formatCitation(d.citation)}). Chỉ được ghi khi Chủ tịch UBND cấp xã cho phép; hãy ghi rõ người cho phép và lý do.`,
    'on',
  );
}

async function officialCounts(electionIds: readonly string[], ctx: ServiceContext) {
  const rows = await candRepo.listNominations(ctx.store.db, electionIds);
  return rows.filter((r) => r.withdrawn === 0);
}

/** The data a step needs before it can be recorded. */
async function preconditionFailure(
  ctx: ServiceContext,
  ec: ElectionContext,
  to: ElectionState,
): Promise<Failure | null> {
  const profile: RuleProfile = ec.profile;
  const noms = await officialCounts([ec.election.id], ctx);
  if (to === 'candidatesDrafted') {
    const drafted = noms.filter((n) => n.drafted === 1).length;
    const v = checkCandidateList(profile, 'draft', drafted);
    if (drafted === 0 || !v.eligible) {
      const r = v.refusals[0];
      const citation = r?.citation ?? profile.candidateCount.citation;
      return ruleFailure(
        'list-not-drafted',
        r?.rule ?? 'candidateCount.draftMin',
        citation,
        r
          ? `${r.message} Hãy ghi cuộc họp Ban công tác Mặt trận dự kiến danh sách trước.`
          : `Chưa có danh sách dự kiến người ứng cử: hãy ghi cuộc họp Ban công tác Mặt trận trước (${formatCitation(citation)}).`,
        'to',
      );
    }
  }
  if (to === 'listOfficial') {
    const official = noms.filter((n) => n.official === 1).length;
    const v = checkCandidateList(profile, 'official', official);
    if (official === 0 || !v.eligible) {
      const r = v.refusals[0];
      const citation = r?.citation ?? profile.candidateCount.citation;
      return ruleFailure(
        'list-not-official',
        r?.rule ?? 'candidateCount.officialMin',
        citation,
        r
          ? `${r.message} Hãy chốt danh sách chính thức tại cuộc họp có thẩm quyền trước.`
          : `Chưa chốt danh sách chính thức người ứng cử (${formatCitation(citation)}).`,
        'to',
      );
    }
  }
  if (to === 'teamFormed') {
    const team = (await candRepo.listTeam(ctx.store.db, ec.election.id)).filter((m) => m.role !== 'witness');
    const candidates = noms.filter((n) => n.official === 1).map((n) => n.resident_id);
    const v = checkElectionTeam(
      profile,
      team.map((m) => ({
        personId: m.resident_id ?? m.id,
        role: m.role as 'leader' | 'secretary' | 'member',
        isFrontCommitteeHead: m.front_head === 1,
        isFrontCommitteeMember: m.front_member === 1,
      })),
      candidates,
    );
    if (!v.eligible) {
      const r = v.refusals[0]!;
      return ruleFailure(
        'team-invalid',
        r.rule,
        r.citation,
        `Chưa thể ghi thành lập Tổ bầu cử: ${r.message}`,
        'to',
      );
    }
  }
  return null;
}

function overrideFailure(actor: Actor, o: Override): Failure | null {
  if (actor.role !== 'communeOfficer' && actor.role !== 'admin') {
    return failures.forbidden('ghi ý kiến cho phép của Chủ tịch UBND cấp xã');
  }
  if (!o.authorisedBy?.trim())
    return failures.invalid('override.authorisedBy', 'Hãy ghi họ tên Chủ tịch UBND cấp xã cho phép.');
  if (!o.reason?.trim() || o.reason.trim().length < 10)
    return failures.invalid('override.reason', 'Hãy ghi rõ lý do cho phép (ít nhất 10 ký tự).');
  return null;
}

/**
 * The states only a service earns, with the page where it is done (the refusal names it). A count kept
 * on paper elsewhere is entered as a count, never typed in as a step.
 */
export const EARNED_STATES: Readonly<Partial<Record<ElectionState, string>>> = {
  counted:
    'đóng kiểm phiếu ở trang "Kiểm phiếu" của cuộc bầu cử (hoặc ghi kết quả giơ tay ở trang "Cuộc họp cộng đồng dân cư")',
  reported: 'lập báo cáo kết quả bầu cử ở trang "Kiểm phiếu" sau khi đã đóng kiểm phiếu',
  recognised: 'ra quyết định công nhận ở trang "Công nhận kết quả bầu" của UBND cấp xã',
  rerunOrdered: 'ra quyết định bầu cử lại ở trang "Công nhận kết quả bầu" của UBND cấp xã',
  interim: 'cử người tạm thời đảm nhiệm ở trang "Người giữ chức danh" của UBND cấp xã',
};

function earnedFailure(to: ElectionState): Failure | null {
  const by = EARNED_STATES[to];
  if (!by) return null;
  return {
    code: 'step-earned',
    field: 'to',
    message: `Không ghi tay bước "${STATE_NAMES_VI[to]}": bước này chỉ được ghi khi ${by}.`,
  };
}

/** The polling-day steps the election's own team records itself (its members hold the polling data). */
export const TEAM_STEPS: readonly ElectionState[] = ['polling', 'counted', 'reported'];

function stepPermissionFailure(
  actor: Actor,
  ec: ElectionContext,
  electionId: string,
  to: ElectionState,
): Failure | null {
  if (ec.canManage) return null;
  if (TEAM_STEPS.includes(to) && canWritePolling(actor, ec.place, electionId)) return null;
  return failures.forbidden(
    TEAM_STEPS.includes(to) ? 'ghi bước này của cuộc bầu cử này' : 'chuẩn bị cuộc bầu cử này',
  );
}

/**
 * A step recorded by hand (the plan page, the step route): never a state a service earns. The refusal
 * is the same for every role and every election, so it tells nothing about either.
 */
export async function recordStep(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: StepInput,
): Promise<Result<LifecycleView>> {
  const earned = isState(input.to) ? earnedFailure(input.to) : null;
  if (earned) return err(earned);
  return advanceLifecycle(ctx, actor, electionId, input);
}

/**
 * Moves the election to a state its caller has earned (a closed count, an issued report, a decision).
 * For the services only: the services' index leaves it out of the `plan` namespace the server sees.
 */
export async function advanceLifecycle(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: StepInput,
): Promise<Result<LifecycleView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  if (!isState(input.to)) return err(failures.invalid('to', 'Bước không hợp lệ.'));
  const denied = stepPermissionFailure(actor, ec, electionId, input.to);
  if (denied) return err(denied);
  if (!isCivil(input.on)) return err(failures.invalid('on', 'Ngày thực hiện không hợp lệ.'));
  const from = ec.election.state as ElectionState;
  const order = orderFailure(ec, from, input.to);
  if (order) return err(order);
  const today = vnToday(ctx);
  if (input.on > today)
    return err(
      failures.invalid(
        'on',
        `Không ghi trước một bước chưa diễn ra (hôm nay là ${formatVietnamese(today)}).`,
      ),
    );
  const history = await repo.listStateChanges(ctx.store.db, electionId);
  const last = history[history.length - 1];
  if (last && input.on < last.on_date) {
    return err(
      failures.invalid(
        'on',
        `Ngày thực hiện không được trước bước trước đó ("${STATE_NAMES_VI[last.to_state as ElectionState] ?? last.to_state}", ngày ${formatVietnamese(last.on_date)}).`,
      ),
    );
  }
  // Lateness first: a step after its deadline is refused whatever its data.
  const deadline = deadlineOf(ec, input.to, history);
  const late = deadline !== null && input.on > deadline.due;
  if (late && !input.override) return err(deadlineFailure(input.to, input.on, deadline));
  if (late && input.override) {
    const bad = overrideFailure(actor, input.override);
    if (bad) return err(bad);
  }
  const pre = await preconditionFailure(ctx, ec, input.to);
  if (pre) return err(pre);
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (db) => {
    let overrideId: string | null = null;
    if (late && input.override && deadline) {
      overrideId = randomUUID();
      await repo.insertOverride(db, {
        id: overrideId,
        election_id: electionId,
        step_id: deadline.stepId,
        due: deadline.due,
        authorised_by: input.override.authorisedBy.normalize('NFC').trim(),
        reason: input.override.reason.normalize('NFC').trim(),
        recorded_by: actor.userId,
        recorded_at: at,
      });
    }
    await repo.insertStateChange(db, {
      id: randomUUID(),
      election_id: electionId,
      seq: (last?.seq ?? 0) + 1,
      from_state: from,
      to_state: input.to,
      on_date: input.on,
      step_id: deadline?.stepId ?? null,
      due: deadline?.due ?? null,
      override_id: overrideId,
      note: input.note?.normalize('NFC').trim() || null,
      recorded_by: actor.userId,
      recorded_at: at,
    });
    await repo.setElectionState(db, electionId, input.to);
    return {
      value: undefined,
      audit: {
        action: 'election.step',
        entity: 'election',
        entityId: electionId,
        data: {
          from,
          to: input.to,
          on: input.on,
          due: deadline?.due ?? null,
          override: input.override ?? null,
        },
      },
    };
  });
  return getLifecycle(ctx, actor, electionId);
}

export async function getLifecycle(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<LifecycleView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  const history = await repo.listStateChanges(db, electionId);
  const overrides = new Map((await repo.listOverrides(db, electionId)).map((o) => [o.id, o]));
  const today = vnToday(ctx);
  const state = ec.election.state as ElectionState;
  return ok({
    electionId,
    hamletId: ec.election.hamletId,
    communeId: ec.election.communeId,
    hamletName: ec.election.hamletName,
    headTitle: headTitleOf(ec.election.hamletKind),
    position: ec.election.position,
    positionTitle:
      ec.election.position === 'head'
        ? headTitleOf(ec.election.hamletKind)
        : positionTitle(ec.election.position, ec.election.hamletKind),
    groupName: ec.election.groupName ? groupInText(ec.election.groupName) : null,
    termLabel: ec.election.termLabel,
    electionDate: ec.election.electionDate,
    roundId: ec.election.roundId,
    profileId: ec.profile.id,
    state,
    stateLabel: STATE_NAMES_VI[state] ?? state,
    history: history.map((h) => {
      const o = h.override_id ? overrides.get(h.override_id) : undefined;
      return {
        seq: h.seq,
        from: h.from_state,
        to: h.to_state,
        toLabel: STATE_NAMES_VI[h.to_state as ElectionState] ?? h.to_state,
        on: h.on_date,
        due: h.due,
        stepId: h.step_id,
        override: o ? { authorisedBy: o.authorised_by, reason: o.reason } : null,
        note: h.note,
        recordedAt: h.recorded_at,
      };
    }),
    next: (isState(state) ? nextStates(state) : []).map((to) => {
      const d = deadlineOf(ec, to, history);
      return {
        to,
        label: STATE_NAMES_VI[to],
        deadline: d ? { ...d, citationText: formatCitation(d.citation), passed: today > d.due } : null,
        earnedBy: EARNED_STATES[to] ?? null,
      };
    }),
  });
}
