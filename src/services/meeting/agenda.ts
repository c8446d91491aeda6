/**
 * The community meeting's agenda (DOMAIN.md §2.1 step 8, ND59 Điều 3 khoản 5): the opening with the
 * number of household representatives present checked against the profile's quorum, then the
 * secretary, the voting form (show of hands or secret ballot) and, for a secret ballot, the counting
 * team, each approved by a show of hands checked against the profile's threshold with integer
 * arithmetic. Every vote is kept, passed or not; a rejected proposal is followed by a new one.
 */
import { randomUUID } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Failure, Result } from '../../domain/result';
import type { BallotMethod, Citation, Confidence, RuleProfile, Threshold } from '../../domain/rules';
import {
  CONFIDENCE_VI,
  describeThreshold,
  formatCitation,
  formatPercent,
  meetsThresholdOf,
} from '../../domain/rules';
import { foldForSearch } from '../../domain/people/names';
import { meetingAgenda as repo, pollingCounts as countsRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { positionTitle } from '../../domain/count/labels';
import { checkCount, officialCandidates } from '../count';
import type { PollingElection } from '../polling';
import { loadPollingElection } from '../polling';
import { postedRoll } from '../polling';
import { ruleFailure } from '../common';
import type { MeetingVoteInput } from '../../contract/meeting';
import type { FloorNominationInput } from './floor-nominations';
import { floorOf, recordFloorNomination } from './floor-nominations';
import type { MeetingView as MeetingContractView } from '../../contract/meeting';
import type { HouseholdBallotsView } from './switch-view';
import { householdBallotsOf } from './switch-view';

type FloorView = MeetingContractView['floor'];

export type MeetingStep = 'opening' | 'secretary' | 'candidateList' | 'votingForm' | 'countingTeam';
export const MEETING_STEPS: readonly MeetingStep[] = [
  'opening',
  'secretary',
  'candidateList',
  'votingForm',
  'countingTeam',
];

export const STEP_VI: Readonly<Record<MeetingStep, string>> = {
  opening: 'Khai mạc, kiểm tra số người tham dự',
  secretary: 'Biểu quyết thư ký cuộc họp',
  candidateList: 'Biểu quyết số lượng và danh sách người ứng cử',
  votingForm: 'Biểu quyết hình thức bầu',
  countingTeam: 'Biểu quyết Tổ kiểm phiếu',
};

export const METHOD_VI: Readonly<Record<BallotMethod, string>> = {
  hands: 'biểu quyết giơ tay',
  secret: 'bỏ phiếu kín',
};

export interface StepRule {
  readonly threshold: Threshold;
  readonly description: string;
  readonly citation: string;
  readonly confidence: Confidence;
  readonly confidenceLabel: string;
}

export interface MeetingVoteView {
  readonly seq: number;
  readonly step: MeetingStep;
  readonly stepLabel: string;
  readonly subject: { name?: string; method?: BallotMethod; members?: string[]; candidates?: string[] };
  readonly present: number;
  readonly votesFor: number;
  readonly against: number;
  readonly abstained: number;
  /** Recomputed from the numbers under the step's rule. */
  readonly passed: boolean;
  /** The stored verdict differs from the numbers. */
  readonly mismatch: boolean;
  readonly rule: StepRule;
  /** One sentence for the screen and the minutes: the count, the percentage, the rule and its source. */
  readonly summary: string;
  readonly recordedAt: string;
}

export interface MeetingPosition {
  readonly position: string;
  readonly title: string;
  readonly candidates: { id: string; name: string }[];
  /** The count of the position this round, its method, and the conclusion recomputed once closed. */
  readonly count: {
    id: string;
    method: string;
    closed: boolean;
    conclusion: string | null;
    /** The stored result differs from the papers. */
    mismatch: boolean;
  } | null;
}

export interface MeetingView {
  readonly electionId: string;
  readonly hamletName: string;
  readonly profileId: string;
  /** The election is held at a community meeting (else the agenda does not apply). */
  readonly isMeeting: boolean;
  readonly registered: number;
  readonly round: number;
  readonly rules: Partial<Record<MeetingStep, StepRule>>;
  readonly countingTeamSize: { min: number | null; max: number | null } | null;
  readonly methods: BallotMethod[];
  readonly votes: MeetingVoteView[];
  /** The passed vote of each step, if any. */
  readonly adopted: Partial<Record<MeetingStep, MeetingVoteView>>;
  readonly present: number | null;
  readonly method: BallotMethod | null;
  readonly next: MeetingStep | 'hands' | 'ballot' | null;
  readonly positions: MeetingPosition[];
  readonly floor: FloorView;
  /** Set once the meeting, not quorate, turned the election to household opinion ballots. */
  readonly householdBallots: HouseholdBallotsView | null;
  readonly canWrite: boolean;
}

function stepRule(threshold: Threshold, citation: Citation, confidence: Confidence): StepRule {
  return {
    threshold,
    description: describeThreshold(threshold),
    citation: formatCitation(citation),
    confidence,
    confidenceLabel: CONFIDENCE_VI[confidence],
  };
}

/** The threshold of each step under the profile; a step the profile does not have is absent. */
export function rulesOf(profile: RuleProfile): Partial<Record<MeetingStep, StepRule>> {
  const out: Partial<Record<MeetingStep, StepRule>> = {};
  const q = profile.meetingQuorum;
  if (q.value) out.opening = stepRule(q.value, q.citation, q.confidence);
  const p = profile.proceduralVote;
  if (p.value) {
    out.secretary = stepRule(p.value, p.citation, p.confidence);
    out.votingForm = stepRule(p.value, p.citation, p.confidence);
  }
  const list = profile.candidateListVote;
  if (list.value) out.candidateList = stepRule(list.value, list.citation, list.confidence);
  const team = profile.countingTeam;
  if (team.value.counter === 'countingTeam') {
    if (team.value.approval) out.countingTeam = stepRule(team.value.approval, team.citation, team.confidence);
    else if (p.value) out.countingTeam = stepRule(p.value, p.citation, p.confidence);
  }
  return out;
}

/**
 * One recorded vote as shown and acted on: whether it passed is recomputed from its numbers under
 * the profile's rule for the step, never read back from the stored verdict; a stored verdict that
 * differs is said in the summary.
 */
function toView(
  row: repo.AgendaVoteRow,
  registered: number,
  rules: Partial<Record<MeetingStep, StepRule>>,
): MeetingVoteView {
  const step = row.step as MeetingStep;
  const rule = rules[step] ?? (JSON.parse(row.rule) as StepRule);
  const votesFor = row.votes_for;
  const bases = {
    registered,
    present: row.present,
    participated: row.present,
    valid: votesFor + row.against,
  };
  const passed = meetsThresholdOf(votesFor, bases, rule.threshold);
  const view = {
    seq: row.seq,
    step,
    stepLabel: STEP_VI[step],
    subject: JSON.parse(row.subject) as MeetingVoteView['subject'],
    present: row.present,
    votesFor,
    against: row.against,
    abstained: row.abstained,
    passed,
    mismatch: passed !== (row.passed === 1),
    rule,
    recordedAt: row.recorded_at,
  };
  const alarm = view.mismatch
    ? ` Kết quả đã lưu ghi "${row.passed === 1 ? 'được thông qua' : 'không được thông qua'}", khác với số người giơ tay: đã tính lại theo số liệu.`
    : '';
  return { ...view, summary: `${summaryOf(view, registered)}${alarm}` };
}

function summaryOf(v: Omit<MeetingVoteView, 'summary' | 'mismatch'>, registered: number): string {
  const verdict = v.passed ? 'đạt' : 'không đạt';
  const rule = `${verdict} ngưỡng ${v.rule.description} (${v.rule.citation}; ${v.rule.confidenceLabel})`;
  if (v.step === 'opening') {
    const pct = formatPercent(v.present, registered).replace('.', ',');
    return `Có mặt ${v.present}/${registered} đại diện hộ gia đình (${pct}%): ${rule}.`;
  }
  const base = v.rule.threshold.base === 'registered' ? registered : v.present;
  const pct = formatPercent(v.votesFor, base).replace('.', ',');
  const what = v.passed ? 'Được thông qua' : 'Không được thông qua';
  const list = v.subject.candidates;
  const listed = list ? ` danh sách ${list.length} người ứng cử (${list.join(', ')})` : '';
  return `${what}${listed}: ${v.votesFor}/${base} người giơ tay đồng ý (${pct}%), ${v.against} không đồng ý, ${v.abstained} không biểu quyết; ${rule}.`;
}

/** The next agenda step once the earlier ones have passed. */
function nextStep(
  adopted: Partial<Record<MeetingStep, MeetingVoteView>>,
  rules: Partial<Record<MeetingStep, StepRule>>,
): MeetingView['next'] {
  if (!adopted.opening) return 'opening';
  if (!adopted.secretary) return 'secretary';
  if (rules.candidateList && !adopted.candidateList) return 'candidateList';
  if (!adopted.votingForm) return 'votingForm';
  if (adopted.votingForm.subject.method === 'hands') return 'hands';
  if (rules.countingTeam && !adopted.countingTeam) return 'countingTeam';
  return 'ballot';
}

interface Loaded {
  readonly pe: PollingElection;
  readonly registered: number;
  readonly rows: repo.AgendaVoteRow[];
}

async function loadMeeting(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  mode: 'read' | 'write',
): Promise<Result<Loaded>> {
  const pe = await loadPollingElection(ctx, actor, electionId, mode);
  if (!pe.ok) return pe;
  const roll = await postedRoll(ctx.store.db, electionId);
  if (!roll)
    return err(failures.invalid('roll', 'Danh sách cử tri chưa được niêm yết: chưa thể khai mạc cuộc họp.'));
  const rows = await repo.listVotes(ctx.store.db, electionId, pe.value.election.round);
  return ok({ pe: pe.value, registered: roll.registered, rows });
}

export function formOf(pe: PollingElection): string {
  return pe.election.form ?? pe.profile.defaultPaperForm.value;
}

async function positionsOf(ctx: ServiceContext, pe: PollingElection): Promise<MeetingPosition[]> {
  const db = ctx.store.db;
  const counts = (await countsRepo.listCounts(db, pe.election.id)).filter(
    (c) => c.round === pe.election.round,
  );
  const out: MeetingPosition[] = [];
  for (const position of pe.profile.positions.value) {
    const cands = await officialCandidates(db, pe.election.id, position);
    if (cands.length === 0) continue;
    const c = counts.find((x) => x.position === position);
    const check = c ? await checkCount(db, c, pe.profile, pe.election) : null;
    out.push({
      position,
      title: positionTitle(position, pe.election.hamletKind),
      candidates: cands.map((x) => ({ id: x.id, name: x.name })),
      count: c
        ? {
            id: c.id,
            method: c.method,
            closed: check !== null,
            conclusion: check?.result?.conclusion ?? null,
            mismatch: check?.mismatch != null,
          }
        : null,
    });
  }
  return out;
}

/**
 * The floor is open from the opening until the step the profile names: the voting form (ND59), or
 * the meeting's vote on the list the team fixed (Tây Ninh Điều 7 k2 d–đ), after which the list
 * stands as voted.
 */
function floorOpen(pe: PollingElection, adopted: Partial<Record<MeetingStep, MeetingVoteView>>): boolean {
  const until = pe.profile.floorNominations.value.until;
  const closedBy = until === 'candidateList' && rulesOf(pe.profile).candidateList ? until : 'votingForm';
  return !!adopted.opening && !adopted[closedBy] && !adopted.votingForm && formOf(pe) === 'meeting';
}

async function viewOf(ctx: ServiceContext, l: Loaded): Promise<MeetingView> {
  const { pe, registered } = l;
  const rules = rulesOf(pe.profile);
  const votes = l.rows.map((r) => toView(r, registered, rules));
  const adopted: Partial<Record<MeetingStep, MeetingVoteView>> = {};
  for (const v of votes) if (v.passed) adopted[v.step] = v;
  const positions = await positionsOf(ctx, pe);
  const team = pe.profile.countingTeam.value;
  return {
    electionId: pe.election.id,
    hamletName: pe.election.hamletName,
    profileId: pe.profile.id,
    isMeeting: formOf(pe) === 'meeting',
    registered,
    round: pe.election.round,
    rules,
    countingTeamSize: team.counter === 'countingTeam' ? { min: team.minSize, max: team.maxSize } : null,
    methods: [...pe.profile.ballotMethod.value.options],
    votes,
    adopted,
    present: adopted.opening?.present ?? null,
    method: adopted.votingForm?.subject.method ?? null,
    next: nextStep(adopted, rules),
    positions,
    floor: await floorOf(ctx.store.db, pe, floorOpen(pe, adopted)),
    householdBallots: await householdBallotsOf(
      ctx.store.db,
      pe.election.id,
      formOf(pe),
      votes.filter((x) => x.step === 'opening').at(-1),
    ),
    canWrite: pe.canWrite,
  };
}

/** A nomination from the floor of the meeting (floor-nominations.ts), answered with the meeting. */
export async function nominateAtMeeting(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: FloorNominationInput,
): Promise<Result<MeetingView>> {
  const l = await loadMeeting(ctx, actor, electionId, 'write');
  if (!l.ok) return l;
  const done = await recordFloorNomination(ctx, actor, l.value.pe, await viewOf(ctx, l.value), input);
  if (!done.ok) return done;
  return getMeeting(ctx, actor, electionId);
}

export async function getMeeting(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<MeetingView>> {
  const l = await loadMeeting(ctx, actor, electionId, 'read');
  if (!l.ok) return l;
  return ok(await viewOf(ctx, l.value));
}

export type { MeetingVoteInput };

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Why this step cannot be voted now (order of the agenda, form of the election), or null. */
function orderFailure(view: MeetingView, step: MeetingStep): Failure | null {
  if (!view.isMeeting)
    return failures.conflict('step', 'Cuộc bầu cử này không tổ chức tại cuộc họp cộng đồng dân cư.');
  if (view.method && step !== 'countingTeam')
    return failures.conflict(
      'step',
      'Cuộc họp đã biểu quyết hình thức bầu: không biểu quyết lại bước trước.',
    );
  const need: Record<MeetingStep, MeetingStep | null> = {
    opening: null,
    secretary: 'opening',
    candidateList: 'secretary',
    votingForm: view.rules.candidateList ? 'candidateList' : 'secretary',
    countingTeam: 'votingForm',
  };
  const before = need[step];
  if (before === 'opening' && !view.adopted.opening)
    return failures.conflict(
      'step',
      view.votes.some((v) => v.step === 'opening')
        ? 'Cuộc họp chưa đủ số đại diện hộ gia đình tham dự: không tiếp tục được chương trình. Hãy ghi lại số người có mặt khi đủ, hoặc chuyển sang phát phiếu lấy ý kiến hộ gia đình (Mẫu 04).'
        : 'Hãy khai mạc và ghi số đại diện hộ gia đình có mặt trước.',
    );
  if (before && !view.adopted[before])
    return failures.conflict(
      'step',
      `Bước "${STEP_VI[before]}" chưa được thông qua: hãy biểu quyết bước đó trước.`,
    );
  if (step === 'candidateList' && view.adopted.candidateList)
    return failures.conflict(
      'step',
      'Hội nghị đã biểu quyết thông qua danh sách người ứng cử: hãy biểu quyết hình thức bầu.',
    );
  if (step === 'countingTeam' && view.method !== 'secret')
    return failures.conflict('step', 'Chỉ bầu Tổ kiểm phiếu khi cuộc họp chọn bỏ phiếu kín.');
  if (step === 'countingTeam' && view.adopted.countingTeam)
    return failures.conflict('step', 'Tổ kiểm phiếu đã được cuộc họp thông qua.');
  return null;
}

function subjectOf(
  view: MeetingView,
  pe: PollingElection,
  input: MeetingVoteInput,
): Result<MeetingVoteView['subject']> {
  if (input.step === 'opening') return ok({});
  if (input.step === 'secretary') {
    const name = (input.name ?? '').normalize('NFC').trim();
    if (name.length < 3) return err(failures.invalid('name', 'Hãy ghi họ tên người được đề cử làm thư ký.'));
    return ok({ name });
  }
  if (input.step === 'candidateList') {
    // The list the team fixed is the official list as it stands, floor nominations included.
    const candidates = view.positions.flatMap((p) => p.candidates.map((c) => c.name));
    const least = pe.profile.candidateCount.value.officialMin;
    if (candidates.length < least) {
      const c = pe.profile.candidateCount.citation;
      return err(
        ruleFailure(
          'candidates-too-few',
          'candidateCount',
          c,
          `Danh sách người ứng cử có ${candidates.length} người, ít hơn ${least} người theo quy định (${formatCitation(c)}): chưa biểu quyết danh sách được.`,
          'step',
        ),
      );
    }
    return ok({ candidates });
  }
  if (input.step === 'votingForm') {
    const method = input.method as BallotMethod;
    if (!view.methods.includes(method)) {
      const c = pe.profile.ballotMethod.citation;
      const allowed = view.methods.map((m) => METHOD_VI[m]).join(' hoặc ');
      return err(
        ruleFailure(
          'ballot-method',
          'ballotMethod',
          c,
          `Hình thức bầu phải là ${allowed} (${formatCitation(c)}).`,
          'method',
        ),
      );
    }
    return ok({ method });
  }
  return teamSubject(view, pe, input.members ?? []);
}

function candidatesFolded(view: MeetingView): Set<string> {
  return new Set(view.positions.flatMap((p) => p.candidates.map((c) => foldForSearch(c.name))));
}

function teamSubject(
  view: MeetingView,
  pe: PollingElection,
  raw: readonly string[],
): Result<MeetingVoteView['subject']> {
  const members = raw.map((m) => m.normalize('NFC').trim()).filter((m) => m.length > 0);
  const size = view.countingTeamSize;
  const c = pe.profile.countingTeam.citation;
  if (
    size &&
    ((size.min !== null && members.length < size.min) || (size.max !== null && members.length > size.max))
  ) {
    return err(
      ruleFailure(
        'counting-team-size',
        'countingTeam',
        c,
        `Tổ kiểm phiếu gồm từ ${size.min ?? 1} đến ${size.max ?? members.length} người; danh sách đề cử có ${members.length} người (${formatCitation(c)}).`,
        'members',
      ),
    );
  }
  if (new Set(members.map(foldForSearch)).size !== members.length)
    return err(failures.invalid('members', 'Một người có tên hai lần trong danh sách Tổ kiểm phiếu.'));
  return ok({ members });
}

function votesFailure(input: MeetingVoteInput, present: number): Failure | null {
  for (const f of ['votesFor', 'against', 'abstained'] as const)
    if (!isCount(input[f] ?? 0)) return failures.invalid(f, 'Hãy nhập một số nguyên không âm.');
  const total = (input.votesFor ?? 0) + (input.against ?? 0) + (input.abstained ?? 0);
  if (total > present)
    return failures.invalid(
      'votesFor',
      `Đồng ý, không đồng ý và không biểu quyết cộng lại là ${total}, nhiều hơn số người có mặt (${present}).`,
    );
  return null;
}

/** Records one agenda vote; a vote that does not reach the threshold is recorded as not passed. */
export async function recordMeetingVote(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: MeetingVoteInput,
): Promise<Result<MeetingView>> {
  const l = await loadMeeting(ctx, actor, electionId, 'write');
  if (!l.ok) return l;
  const { pe, registered } = l.value;
  if (!MEETING_STEPS.includes(input.step))
    return err(failures.invalid('step', 'Bước không có trong chương trình cuộc họp.'));
  const view = await viewOf(ctx, l.value);
  const order = orderFailure(view, input.step);
  if (order) return err(order);
  const rule = view.rules[input.step];
  if (!rule) {
    if (input.step === 'candidateList') {
      const c = pe.profile.candidateListVote.citation;
      return err(
        ruleFailure(
          'no-such-step',
          'candidateListVote',
          c,
          `Bộ quy tắc ${pe.profile.id} không có bước biểu quyết danh sách người ứng cử tại cuộc họp (${formatCitation(c)}; ${CONFIDENCE_VI[pe.profile.candidateListVote.confidence]}): hãy biểu quyết hình thức bầu.`,
          'step',
        ),
      );
    }
    const c = pe.profile.countingTeam.citation;
    return err(
      ruleFailure(
        'no-such-step',
        'countingTeam',
        c,
        `Bộ quy tắc ${pe.profile.id} không quy định biểu quyết bước này: Tổ bầu cử kiểm phiếu (${formatCitation(c)}).`,
        'step',
      ),
    );
  }
  const subject = subjectOf(view, pe, input);
  if (!subject.ok) return subject;
  if (input.step === 'countingTeam') {
    const folded = candidatesFolded(view);
    const clash = (subject.value.members ?? []).find((m) => folded.has(foldForSearch(m)));
    if (clash && pe.profile.countingTeam.value.excludesCandidates) {
      const c = pe.profile.countingTeam.citation;
      return err(
        ruleFailure(
          'counting-team-candidate',
          'countingTeam',
          c,
          `${clash} là người ứng cử, không được tham gia Tổ kiểm phiếu (${formatCitation(c)}).`,
          'members',
        ),
      );
    }
  }
  const present = input.step === 'opening' ? input.present : (view.present ?? 0);
  if (!isCount(present)) return err(failures.invalid('present', 'Hãy nhập số đại diện hộ gia đình có mặt.'));
  if (present > registered)
    return err(
      failures.invalid(
        'present',
        `Số người có mặt (${present}) lớn hơn số cử tri trong danh sách đã niêm yết (${registered}).`,
      ),
    );
  const bad = input.step === 'opening' ? null : votesFailure(input, present);
  if (bad) return err(bad);
  const votesFor = input.step === 'opening' ? present : (input.votesFor ?? 0);
  const against = input.step === 'opening' ? 0 : (input.against ?? 0);
  const bases = { registered, present, participated: present, valid: votesFor + against };
  const passed = meetsThresholdOf(votesFor, bases, rule.threshold);
  await writeWithAudit(ctx, actor, async (db) => {
    const row = {
      id: randomUUID(),
      election_id: electionId,
      round: pe.election.round,
      seq: (l.value.rows.at(-1)?.seq ?? 0) + 1,
      step: input.step,
      subject: JSON.stringify(subject.value),
      present,
      votes_for: votesFor,
      against,
      abstained: input.step === 'opening' ? 0 : (input.abstained ?? 0),
      passed: passed ? 1 : 0,
      rule: JSON.stringify(rule),
      recorded_at: ctx.now().toISOString(),
      recorded_by: actor.userId,
    };
    await repo.insertVote(db, row);
    return {
      value: undefined,
      audit: { action: `meeting.${input.step}`, entity: 'election', entityId: electionId, data: row },
    };
  });
  return getMeeting(ctx, actor, electionId);
}
