/**
 * The community meeting could not be held for want of a quorum: the same election turns to household
 * opinion ballots (Mẫu 04), where the profile has that form (DOMAIN.md row 7; ND59 Điều 3 k1b, its
 * trigger not retrieved, so the profile's confidence is shown). Nothing is replanned: the roll, the
 * candidates and the team stay. The switch issues the opinion ballots, one per household on the
 * posted roll, through the document registry; each says why (the opening that missed the quorum).
 * The count counts them under the form's own rule against the households on the roll, and its
 * record is the Mẫu 04 one (services/count/documents.ts).
 */
import { err } from '../../domain/result';
import type { Result } from '../../domain/result';
import { formatCitation } from '../../domain/rules';
import { positionTitle } from '../../domain/count/labels';
import { hamletInText } from '../../domain/territory';
import { shortDate } from '../../documents/words';
import type { HouseholdBallotData } from '../../documents/forms/household-ballot';
import { findForm } from '../../documents/forms';
import { meetingAgenda as agendaRepo, preparationPlan as planRepo } from '../../store';
import type { Actor, ServiceContext } from '../common';
import { failures, ruleFailure, vnToday, writeWithAudit } from '../common';
import { formRenderer, issueDocument } from '../documents';
import type { DocumentInfo } from '../documents';
import { loadPollingElection, postedRoll } from '../polling';
import type { PollingElection } from '../polling';
import type { HouseholdBallotsInput } from '../../contract/meeting';
import { getMeeting } from './agenda';
import type { MeetingView } from './agenda';

export type { HouseholdBallotsInput };

/** Why the switch cannot be made now, or null. */
function switchFailure(pe: PollingElection, v: MeetingView) {
  const forms = pe.profile.electionForms;
  if (!forms.value.includes('householdBallots'))
    return ruleFailure(
      'election-form',
      'electionForms',
      forms.citation,
      `Bộ quy tắc ${pe.profile.id} không có hình thức phát phiếu lấy ý kiến hộ gia đình (${formatCitation(forms.citation)}).`,
    );
  if (!v.isMeeting)
    return failures.conflict('form', 'Cuộc bầu cử này không tổ chức tại cuộc họp cộng đồng dân cư.');
  const last = v.votes.filter((x) => x.step === 'opening').at(-1);
  if (!last || last.passed)
    return failures.conflict(
      'step',
      'Chỉ chuyển sang phát phiếu lấy ý kiến hộ gia đình khi cuộc họp đã ghi số người có mặt và không đủ số theo quy định.',
    );
  if (v.positions.some((p) => p.count !== null))
    return failures.conflict('count', 'Đã mở kiểm phiếu của cuộc họp: không chuyển hình thức bầu được nữa.');
  if (v.positions.length === 0)
    return failures.conflict('candidates', 'Chưa có danh sách chính thức người ứng cử: chưa lập phiếu được.');
  return null;
}

/**
 * Turns the election to household opinion ballots and issues the ballots (one per household on the
 * posted roll), answered with the meeting, whose `householdBallots` links the documents.
 */
export async function switchToHouseholdBallots(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: HouseholdBallotsInput = {},
): Promise<Result<MeetingView>> {
  const pe = await loadPollingElection(ctx, actor, electionId, 'write');
  if (!pe.ok) return pe;
  const got = await getMeeting(ctx, actor, electionId);
  if (!got.ok) return got;
  const v = got.value;
  const refused = switchFailure(pe.value, v);
  if (refused) return err(refused);
  const last = v.votes.filter((x) => x.step === 'opening').at(-1)!;
  const forms = pe.value.profile.electionForms;
  await writeWithAudit(ctx, actor, async (trx) => {
    await planRepo.setElectionForm(trx, electionId, 'householdBallots');
    return {
      value: undefined,
      audit: {
        action: 'meeting.household-ballots',
        entity: 'election',
        entityId: electionId,
        data: {
          from: 'meeting',
          to: 'householdBallots',
          present: last.present,
          registered: v.registered,
          quorum: last.summary,
          citation: formatCitation(forms.citation),
          confidence: forms.confidence,
        },
      },
    };
  });
  const ballots = await issueHouseholdBallots(ctx, actor, pe.value, v, last, input.returnBy ?? null);
  if (!ballots.ok) return ballots;
  return getMeeting(ctx, actor, electionId);
}

/** The opinion ballots of the head's election, one per household of the posted roll (Mẫu 04). */
async function issueHouseholdBallots(
  ctx: ServiceContext,
  actor: Actor,
  pe: PollingElection,
  v: MeetingView,
  opening: MeetingView['votes'][number],
  returnBy: string | null,
): Promise<Result<DocumentInfo>> {
  const roll = await postedRoll(ctx.store.db, pe.election.id);
  if (!roll)
    return err(failures.invalid('roll', 'Danh sách cử tri chưa được niêm yết: chưa lập phiếu được.'));
  const place = await agendaRepo.meetingPlace(ctx.store.db, pe.election.id);
  const hamlet = hamletInText(v.hamletName);
  const pos = v.positions.find((p) => p.position === pe.election.position) ?? v.positions[0]!;
  const title = positionTitle(pos.position, pe.election.hamletKind);
  const subject = `Về việc bầu ${title} ${hamlet}, nhiệm kỳ ${place.term}`;
  const date = place.date ?? vnToday(ctx);
  const held = place.date ? ` ngày ${shortDate(place.date)}` : '';
  const data: HouseholdBallotData = {
    issuer: `Tổ bầu cử ${hamlet}`,
    subject,
    question: `Do cuộc họp cộng đồng dân cư${held} không đủ số đại diện hộ gia đình tham dự theo quy định (có mặt ${opening.present}/${v.registered}; ${opening.rule.citation}), Tổ bầu cử xin ý kiến của hộ gia đình về những người ứng cử ${title} sau:`,
    candidates: pos.candidates.map((c) => c.name),
    date,
    households: roll.entries.map((e) => ({ representative: e.fullName, address: e.residentGroup })),
    returnBy,
  };
  const form = findForm('household-ballot');
  if (!form) return err(failures.notFound('mẫu phiếu lấy ý kiến hộ gia đình'));
  // The renderer is made before the registry's transaction: the commune's template is read from the database.
  const fill = await formRenderer(ctx, place.communeId, form);
  return issueDocument(ctx, actor, {
    formId: form.id,
    title: `Phiếu lấy ý kiến hộ gia đình bầu ${title} ${v.hamletName}`,
    issuerKey: `election:${pe.election.id}:team`,
    symbol: null,
    date,
    communeId: place.communeId,
    hamletId: place.hamletId,
    electionId: pe.election.id,
    byElectionTeam: true,
    data,
    render: (_number, stamp) => fill(data, stamp),
  });
}
