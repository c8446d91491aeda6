/**
 * The meetings that decide the candidate list: the Front work committee meeting (Mẫu 05), the voters'
 * conference with its show-of-hands approval of each nominee (threshold and denominator from the
 * profile), and the joint conference where the profile has one (Tây Ninh Điều 14). Each records
 * date, time, place, chair, secretary, convened and present counts, absences, decisions and votes.
 * The official list follows, in the ballot order the deciding meeting set.
 */
import { randomUUID } from 'node:crypto';
import type * as contract from '../../contract/candidates';
import type { CivilDate } from '../../domain/calendar';
import { checkCandidateList } from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Failure, Result } from '../../domain/result';
import type { RuleProfile, Threshold } from '../../domain/rules';
import { describeThreshold, formatCitation, meetsThresholdOf, minimumVotes } from '../../domain/rules';
import { preparationCandidates as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { getCandidates } from './nominations';
import type { ElectionContext } from '../common';
import { isCivil, isTime } from '../common';
import { loadElection, stepOf } from '../common';
import { parseJson } from '../common';
import { ruleFailure } from '../common';

export const MEETING_KINDS = ['frontCommittee', 'votersConference', 'jointConference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_NAMES_VI: Readonly<Record<MeetingKind, string>> = {
  frontCommittee: 'Cuộc họp Ban công tác Mặt trận dự kiến danh sách người ứng cử',
  votersConference: 'Hội nghị cử tri giới thiệu người ứng cử',
  jointConference: 'Hội nghị liên tịch ấn định danh sách chính thức',
};

/** The joint conference is named by the document of the profile's official-list step (Tây Ninh Điều 14). */
export function hasJointConference(ec: Pick<ElectionContext, 'timeline'>): boolean {
  return /liên tịch/i.test(stepOf(ec.timeline, 'official-candidates')?.document ?? '');
}

export function meetingKindsOf(ec: Pick<ElectionContext, 'timeline'>): MeetingKind[] {
  const kinds: MeetingKind[] = ['frontCommittee'];
  if (stepOf(ec.timeline, 'voter-conference')) kinds.push('votersConference');
  if (hasJointConference(ec)) kinds.push('jointConference');
  return kinds;
}

/** The meeting whose list becomes the official one. */
export function decidingKind(ec: Pick<ElectionContext, 'timeline'>): MeetingKind {
  return hasJointConference(ec) ? 'jointConference' : 'frontCommittee';
}

export interface Absence {
  readonly name: string;
  readonly reason: string;
}

export type VoteInput = contract.MeetingInput['votes'][number];

export type MeetingInput = contract.MeetingInput;

export interface QuorumVerdict {
  readonly required: boolean;
  readonly met: boolean;
  readonly rule: string | null;
  readonly citation: string | null;
  readonly minimum: number | null;
}

export interface VoteView {
  readonly nominationId: string;
  readonly name: string;
  readonly order: number;
  readonly agree: number | null;
  readonly approved: boolean;
}

export interface MeetingView {
  readonly id: string;
  readonly kind: MeetingKind;
  readonly kindLabel: string;
  readonly heldOn: CivilDate;
  readonly startTime: string;
  readonly endTime: string | null;
  readonly venue: string;
  readonly chairName: string;
  readonly chairPosition: string;
  readonly secretaryName: string;
  readonly participants: string;
  readonly convened: number;
  readonly present: number;
  readonly absences: Absence[];
  readonly decisions: string[];
  readonly quorum: QuorumVerdict;
  readonly votes: VoteView[];
}

export interface MeetingsView {
  readonly kinds: { kind: MeetingKind; label: string; stepDue: CivilDate | null; citation: string | null }[];
  readonly decidingKind: MeetingKind;
  readonly approvalRule: string | null;
  readonly meetings: MeetingView[];
}

const STEP_OF_KIND: Readonly<Record<MeetingKind, string>> = {
  frontCommittee: 'draft-candidates',
  votersConference: 'voter-conference',
  jointConference: 'official-candidates',
};

function quorumOf(profile: RuleProfile, kind: MeetingKind, convened: number, present: number): QuorumVerdict {
  const q = profile.meetingQuorum;
  // The profile's quorum is the household representatives' one: it governs the voters' conference
  // (Tây Ninh Điều 12 k2); the committee meetings have none in any source.
  if (kind !== 'votersConference' || q.value === null) {
    return { required: false, met: true, rule: null, citation: null, minimum: null };
  }
  const bases = { registered: convened, participated: present, present, valid: present };
  return {
    required: true,
    met: meetsThresholdOf(present, bases, q.value),
    rule: describeThreshold(q.value),
    citation: formatCitation(q.citation),
    minimum: minimumVotes(bases[q.value.base], q.value),
  };
}

function approvalOf(profile: RuleProfile): Threshold | null {
  return profile.nomineeApproval.value;
}

function validate(input: MeetingInput): Failure | null {
  if (!MEETING_KINDS.includes(input.kind)) return failures.invalid('kind', 'Loại cuộc họp không hợp lệ.');
  if (!isCivil(input.heldOn)) return failures.invalid('heldOn', 'Ngày họp không hợp lệ.');
  if (!isTime(input.startTime)) return failures.invalid('startTime', 'Giờ bắt đầu phải có dạng HH:MM.');
  if (input.endTime && !isTime(input.endTime))
    return failures.invalid('endTime', 'Giờ kết thúc phải có dạng HH:MM.');
  if (!input.venue?.trim()) return failures.invalid('venue', 'Hãy nhập địa điểm họp.');
  if (!input.chairName?.trim()) return failures.invalid('chairName', 'Hãy nhập họ tên người chủ trì.');
  if (!input.secretaryName?.trim()) return failures.invalid('secretaryName', 'Hãy nhập họ tên thư ký.');
  const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (!whole(input.convened) || input.convened === 0)
    return failures.invalid('convened', 'Số người được triệu tập phải là số nguyên dương.');
  if (!whole(input.present) || input.present > input.convened)
    return failures.invalid('present', 'Số người có mặt phải từ 0 đến số người được triệu tập.');
  if ((input.absences ?? []).length > input.convened - input.present)
    return failures.invalid('absences', 'Số người vắng ghi tên nhiều hơn số người vắng mặt.');
  if ((input.absences ?? []).some((a) => !a.name?.trim()))
    return failures.invalid('absences', 'Hãy ghi họ tên từng người vắng mặt.');
  const ids = input.votes.map((v) => v.nominationId);
  if (new Set(ids).size !== ids.length)
    return failures.invalid('votes', 'Một người có tên hai lần trong danh sách.');
  return null;
}

export async function recordMeeting(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: MeetingInput,
): Promise<Result<MeetingView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const bad = validate(input);
  if (bad) return err(bad);
  const kinds = meetingKindsOf(ec);
  if (!kinds.includes(input.kind)) {
    const step = stepOf(ec.timeline, STEP_OF_KIND.votersConference) ?? ec.timeline.steps[0]!;
    return err(
      ruleFailure(
        'meeting-not-in-profile',
        'timeline',
        step.citation,
        `Bộ quy tắc ${ec.profile.id} không có ${MEETING_NAMES_VI[input.kind].toLowerCase()}.`,
        'kind',
      ),
    );
  }
  if (input.heldOn > ec.election.electionDate!)
    return err(failures.invalid('heldOn', 'Cuộc họp chuẩn bị phải diễn ra trước ngày bầu cử.'));
  const quorum = quorumOf(ec.profile, input.kind, input.convened, input.present);
  if (!quorum.met) {
    const q = ec.profile.meetingQuorum;
    return err(
      ruleFailure(
        'quorum-not-met',
        'meetingQuorum',
        q.citation,
        `Hội nghị không hợp lệ: có mặt ${input.present}/${input.convened} người, cần ${quorum.rule} (ít nhất ${quorum.minimum} người; ${quorum.citation}). Hãy tổ chức lại hội nghị.`,
        'present',
      ),
    );
  }
  const candidates = await getCandidates(ctx, actor, electionId);
  if (!candidates.ok) return candidates;
  const byId = new Map(candidates.value.nominations.map((n) => [n.id, n]));
  for (const v of input.votes) {
    if (!byId.has(v.nominationId))
      return err(failures.notFound('người được giới thiệu trong cuộc bầu cử này'));
  }
  const approval = approvalOf(ec.profile);
  const votes: repo.VoteRow[] = [];
  const meetingId = randomUUID();
  for (const [order, v] of input.votes.entries()) {
    let approved = true;
    let agree: number | null = null;
    if (input.kind === 'votersConference') {
      if (!Number.isInteger(v.agree) || (v.agree as number) < 0 || (v.agree as number) > input.present) {
        return err(
          failures.invalid(
            'votes',
            `Số người tán thành ${byId.get(v.nominationId)!.person.fullName} phải từ 0 đến số người có mặt.`,
          ),
        );
      }
      agree = v.agree as number;
      approved =
        approval === null
          ? true
          : meetsThresholdOf(
              agree,
              {
                registered: input.convened,
                participated: input.present,
                present: input.present,
                valid: input.present,
              },
              approval,
            );
    }
    votes.push({
      id: randomUUID(),
      meeting_id: meetingId,
      nomination_id: v.nominationId,
      list_order: order + 1,
      agree,
      approved: approved ? 1 : 0,
    });
  }
  if (input.kind === 'frontCommittee') {
    // The drafted list per position must respect the profile's bounds (Quảng Trị Điều 15 k1c: 01–02).
    for (const position of new Set(input.votes.map((v) => byId.get(v.nominationId)!.position))) {
      const count = input.votes.filter((v) => byId.get(v.nominationId)!.position === position).length;
      const verdict = checkCandidateList(ec.profile, 'draft', count);
      if (!verdict.eligible) {
        const r = verdict.refusals[0]!;
        return err(ruleFailure(r.code, r.rule, r.citation, r.message, 'votes'));
      }
    }
  }
  const row: repo.MeetingRow = {
    id: meetingId,
    election_id: electionId,
    kind: input.kind,
    held_on: input.heldOn,
    start_time: input.startTime,
    // An empty end time is no end time (found by fuzzing: '' crashed the minutes' rendering).
    end_time: input.endTime || null,
    venue: input.venue.normalize('NFC').trim(),
    chair_name: input.chairName.normalize('NFC').trim(),
    chair_position: (input.chairPosition ?? '').normalize('NFC').trim(),
    secretary_name: input.secretaryName.normalize('NFC').trim(),
    participants: (input.participants ?? '').normalize('NFC').trim(),
    convened: input.convened,
    present: input.present,
    absences: JSON.stringify(
      (input.absences ?? []).map((a) => ({
        name: a.name.normalize('NFC').trim(),
        reason: (a.reason ?? '').normalize('NFC').trim(),
      })),
    ),
    decisions: JSON.stringify((input.decisions ?? []).map((d) => d.normalize('NFC').trim()).filter(Boolean)),
    quorum: JSON.stringify(quorum),
    recorded_at: ctx.now().toISOString(),
    recorded_by: actor.userId,
  };
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.insertMeeting(db, row, votes);
    for (const v of votes) {
      if (input.kind === 'frontCommittee') await repo.updateNomination(db, v.nomination_id, { drafted: 1 });
      if (input.kind === 'votersConference')
        await repo.updateNomination(db, v.nomination_id, { approved: v.approved });
    }
    return {
      value: undefined,
      audit: {
        action: 'meeting.record',
        entity: 'meeting',
        entityId: meetingId,
        data: { electionId, kind: input.kind, present: input.present, convened: input.convened, votes },
      },
    };
  });
  const view = await getMeetings(ctx, actor, electionId);
  return view.ok ? ok(view.value.meetings.find((m) => m.id === meetingId)!) : view;
}

export async function getMeetings(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<MeetingsView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  const meetings = await repo.listMeetings(db, electionId);
  const votes = await repo.listVotes(
    db,
    meetings.map((m) => m.id),
  );
  const noms = await repo.listNominations(db, [electionId]);
  const people = new Map(
    (
      await repo.getPeople(
        db,
        noms.map((n) => n.resident_id),
      )
    ).map((p) => [p.id, p.fullName]),
  );
  const nameOf = new Map(noms.map((n) => [n.id, people.get(n.resident_id) ?? '']));
  const approval = approvalOf(ec.profile);
  return ok({
    kinds: meetingKindsOf(ec).map((kind) => {
      const step = stepOf(ec.timeline, STEP_OF_KIND[kind]);
      return {
        kind,
        label: MEETING_NAMES_VI[kind],
        stepDue: step?.due ?? null,
        citation: step ? formatCitation(step.citation) : null,
      };
    }),
    decidingKind: decidingKind(ec),
    approvalRule: approval
      ? `${describeThreshold(approval)} (${formatCitation(ec.profile.nomineeApproval.citation)})`
      : null,
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind as MeetingKind,
      kindLabel: MEETING_NAMES_VI[m.kind as MeetingKind] ?? m.kind,
      heldOn: m.held_on,
      startTime: m.start_time,
      endTime: m.end_time,
      venue: m.venue,
      chairName: m.chair_name,
      chairPosition: m.chair_position,
      secretaryName: m.secretary_name,
      participants: m.participants,
      convened: m.convened,
      present: m.present,
      absences: parseJson<Absence[]>(m.absences, []),
      decisions: parseJson<string[]>(m.decisions, []),
      quorum: parseJson<QuorumVerdict>(m.quorum, {
        required: false,
        met: true,
        rule: null,
        citation: null,
        minimum: null,
      }),
      votes: votes
        .filter((v) => v.meeting_id === m.id)
        .map((v) => ({
          nominationId: v.nomination_id,
          name: nameOf.get(v.nomination_id) ?? '',
          order: v.list_order,
          agree: v.agree,
          approved: v.approved === 1,
        })),
    })),
  });
}

/**
 * Fixes the official list in the order the deciding meeting set: every name must be on that meeting's
 * list, eligible, approved by the voters' conference where there is one, with its dossier where the
 * profile asks for it, and the count per position must meet the profile's minimum.
 */
export async function fixOfficialList(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: { meetingId: string },
): Promise<Result<MeetingsView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  if (ec.election.state !== 'candidatesDrafted') {
    return err(
      failures.conflict(
        'state',
        'Chỉ chốt danh sách chính thức sau khi đã dự kiến danh sách và trước khi thành lập Tổ bầu cử.',
      ),
    );
  }
  const meeting = await repo.getMeeting(db, input.meetingId);
  if (!meeting || meeting.election_id !== electionId) return err(failures.notFound('cuộc họp này'));
  const kind = decidingKind(ec);
  if (meeting.kind !== kind) {
    const step = stepOf(ec.timeline, 'official-candidates') ?? ec.timeline.steps[0]!;
    return err(
      ruleFailure(
        'wrong-meeting',
        'timeline.official-candidates',
        step.citation,
        `Danh sách chính thức do ${MEETING_NAMES_VI[kind].toLowerCase()} ấn định (${formatCitation(step.citation)}).`,
        'meetingId',
      ),
    );
  }
  const votes = (await repo.listVotes(db, [meeting.id])).sort((a, b) => a.list_order - b.list_order);
  const candidates = await getCandidates(ctx, actor, electionId);
  if (!candidates.ok) return candidates;
  const byId = new Map(candidates.value.nominations.map((n) => [n.id, n]));
  const hasConference = meetingKindsOf(ec).includes('votersConference');
  for (const v of votes) {
    const n = byId.get(v.nomination_id)!;
    if (!n.eligible) {
      const r = n.refusals[0]!;
      return err(ruleFailure(r.code, r.rule, r.citation, `${n.person.fullName}: ${r.message}`, 'votes'));
    }
    if (hasConference && n.approved !== true) {
      const p = ec.profile.nomineeApproval;
      return err(
        ruleFailure(
          'nominee-not-approved',
          'nomineeApproval',
          p.citation,
          `${n.person.fullName} chưa được hội nghị cử tri biểu quyết tán thành ${p.value ? describeThreshold(p.value) : ''} (${formatCitation(p.citation)}).`,
          'votes',
        ),
      );
    }
    if (n.dossierMissing.length > 0) {
      const step = stepOf(ec.timeline, 'candidate-dossiers')!;
      return err(
        ruleFailure(
          'dossier-missing',
          'timeline.candidate-dossiers',
          step.citation,
          `${n.person.fullName} chưa nộp đủ hồ sơ (đơn ứng cử hoặc công văn giới thiệu; sơ yếu lý lịch) (${formatCitation(step.citation)}).`,
          'votes',
        ),
      );
    }
  }
  for (const position of new Set(candidates.value.nominations.map((n) => n.position))) {
    const count = votes.filter((v) => byId.get(v.nomination_id)!.position === position).length;
    const verdict = checkCandidateList(ec.profile, 'official', count);
    if (!verdict.eligible) {
      const r = verdict.refusals[0]!;
      return err(ruleFailure(r.code, r.rule, r.citation, r.message, 'meetingId'));
    }
  }
  await writeWithAudit(ctx, actor, async (trx) => {
    for (const n of candidates.value.nominations)
      await repo.updateNomination(trx, n.id, { official: 0, ballot_order: null });
    const perPosition = new Map<string, number>();
    for (const v of votes) {
      const position = byId.get(v.nomination_id)!.position;
      const order = (perPosition.get(position) ?? 0) + 1;
      perPosition.set(position, order);
      await repo.updateNomination(trx, v.nomination_id, { official: 1, ballot_order: order });
    }
    return {
      value: undefined,
      audit: {
        action: 'candidates.official',
        entity: 'election',
        entityId: electionId,
        data: { meetingId: meeting.id, order: votes.map((v) => v.nomination_id) },
      },
    };
  });
  return getMeetings(ctx, actor, electionId);
}
