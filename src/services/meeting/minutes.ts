/**
 * The minutes or resolution of the community meeting (ND59 Mẫu 03), filled from what was recorded
 * on the day: the agenda votes (quorum, secretary, voting form, counting team, each with its count
 * and rule) and the closed count of the position (show of hands or ballot papers), issued through
 * the document registry.
 */
import { hamletInText } from '../../domain/territory';
import { meetingMinutesLabels } from '../../domain/count/labels';
import type { CommunityMeetingData } from '../../documents/forms/community-meeting';
import { findForm } from '../../documents/forms';
import { err } from '../../domain/result';
import type { Result } from '../../domain/result';
import { meetingAgenda as agendaRepo, pollingCounts as countsRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { recomputedResultOf } from '../count';
import { issueDocument } from '../documents';
import type { DocumentInfo } from '../documents';
import { failures } from '../common';
import { formRenderer } from '../documents';
import { vnInstant } from '../polling';
import { getMeeting, METHOD_VI } from './agenda';
import type { MeetingView } from './agenda';
import { profileOf, vnToday } from '../common';
import type { MinutesInput } from '../../contract/meeting';

export type { MinutesInput };

async function leaderName(ctx: ServiceContext, electionId: string): Promise<string> {
  return (await agendaRepo.teamLeaderName(ctx.store.db, electionId)) ?? '';
}

async function placeNames(ctx: ServiceContext, electionId: string) {
  return agendaRepo.meetingPlace(ctx.store.db, electionId);
}

function missingFailure(v: MeetingView, closed: boolean) {
  if (!v.isMeeting)
    return failures.conflict('form', 'Cuộc bầu cử này không tổ chức tại cuộc họp cộng đồng dân cư.');
  if (!v.adopted.opening || !v.adopted.secretary || !v.adopted.votingForm)
    return failures.conflict(
      'meeting',
      'Chưa đủ nội dung để lập biên bản: cần ghi số người có mặt, thư ký và hình thức biểu quyết đã được thông qua.',
    );
  if (!closed)
    return failures.conflict(
      'count',
      'Chưa kết thúc kiểm phiếu chức danh này: chưa lập được biên bản cuộc họp.',
    );
  return null;
}

/**
 * The agenda as the minutes tell it: each vote after the opening, with the nominations made at the
 * meeting (ND59 Điều 3 k5; Tây Ninh Điều 7 k2 d–đ) told where they happened, before the list vote or
 * the voting form.
 */
function agendaLines(v: MeetingView, position: string): string[] {
  const votes = v.votes.filter((x) => x.step !== 'opening');
  const line = (x: (typeof votes)[number]) =>
    `${x.stepLabel}${x.subject.name ? ` (${x.subject.name})` : ''}: ${x.summary}`;
  const floor = v.floor.nominations
    .filter((n) => n.position === position)
    .map(
      (n) =>
        `Giới thiệu người ứng cử tại cuộc họp: ${n.name} (${n.nominatedBy ? `do ${n.nominatedBy} giới thiệu` : 'tự ứng cử'}; người được giới thiệu đồng ý ứng cử), được ghi vào danh sách bầu (${v.floor.citation}).`,
    );
  // Told before the vote that closed the floor: the list vote (Tây Ninh Điều 7 k2đ) or the voting form.
  const at = votes.findIndex((x) => x.step === 'candidateList' || x.step === 'votingForm');
  const cut = at < 0 ? votes.length : at;
  return [...votes.slice(0, cut).map(line), ...floor, ...votes.slice(cut).map(line)];
}

/** Issues Mẫu 03 for one position of a meeting-form election, once its count is closed. */
export async function issueMeetingMinutes(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: MinutesInput = {},
): Promise<Result<DocumentInfo>> {
  const got = await getMeeting(ctx, actor, electionId);
  if (!got.ok) return got;
  const v = got.value;
  if (!v.canWrite) return err(failures.forbidden('lập biên bản cuộc họp này'));
  const pos = v.positions.find((p) => p.position === (input.position ?? 'head'));
  const closure = pos?.count ? await countsRepo.getClosure(ctx.store.db, pos.count.id) : undefined;
  const missing = missingFailure(v, closure !== undefined);
  if (missing || !pos?.count || !closure || !v.adopted.opening || !v.adopted.secretary)
    return err(missing ?? failures.notFound('cuộc kiểm phiếu của chức danh này'));
  // The minutes state what the papers (or hands) say, never the stored copy.
  const recomputed = await recomputedResultOf(ctx, actor, pos.count.id, 'lập biên bản cuộc họp');
  if (!recomputed.ok) return recomputed;
  const result = recomputed.value;
  const place = await placeNames(ctx, electionId);
  const date = place.date ?? vnToday(ctx);
  // What the meeting is called and its form come from the profile (ND59 Mẫu 03; Tây Ninh's and
  // Quảng Trị's hội nghị of the hamlet, with no prescribed form).
  const profile = profileOf(v.profileId, place.date);
  if (!profile.ok) return profile;
  const labels = meetingMinutesLabels(profile.value, place.hamletKind);
  const data: CommunityMeetingData = {
    head: {
      body: { parent: [`UBND ${place.commune.toUpperCase()}`], lines: [v.hamletName.toUpperCase()] },
      place: place.commune,
      date,
      ...(labels.formLabel ? { formLabel: labels.formLabel } : {}),
    },
    meetingName: labels.meetingName,
    community: labels.community,
    kind: input.kind ?? 'minutes',
    hamlet: hamletInText(v.hamletName),
    position: pos.title,
    term: place.term,
    date,
    time: place.startTime ?? vnInstant(new Date(v.adopted.opening.recordedAt)).time,
    venue: place.venue ?? `Nhà văn hóa ${hamletInText(v.hamletName)}`,
    chair: { name: await leaderName(ctx, electionId), position: 'Tổ trưởng Tổ bầu cử' },
    secretary: { name: v.adopted.secretary.subject.name ?? '' },
    totalHouseholds: v.registered,
    present: v.adopted.opening.present,
    quorumStatement: v.adopted.opening.summary,
    guests: input.guests?.trim() || 'Không có.',
    method: METHOD_VI[v.method ?? 'secret'],
    countingTeam: v.adopted.countingTeam?.subject.members ?? [],
    results: pos.candidates.map((c) => ({
      name: c.name,
      agree: result.candidates.find((x) => x.id === c.id)?.votes ?? 0,
    })),
    ratioBase: v.registered,
    ratioLabel: 'tổng số đại diện hộ gia đình trong danh sách',
    outcome: result.conclusion,
    endTime: vnInstant(new Date(closure.closed_at)).time,
    agenda: agendaLines(v, pos.position),
  };
  const form = findForm('community-meeting');
  if (!form) return err(failures.notFound('mẫu biên bản cuộc họp cộng đồng dân cư'));
  // The renderer is made before the registry's transaction: the commune's template is read from the database.
  const fill = await formRenderer(ctx, place.communeId, form);
  return issueDocument(ctx, actor, {
    formId: form.id,
    title: `${data.kind === 'resolution' ? 'Nghị quyết' : 'Biên bản'} ${labels.meetingName} bầu ${pos.title} ${v.hamletName}`,
    issuerKey: `election:${electionId}:team`,
    symbol: null,
    date,
    communeId: place.communeId,
    hamletId: place.hamletId,
    electionId,
    data,
    render: (_number, stamp) => fill(data, stamp),
  });
}
