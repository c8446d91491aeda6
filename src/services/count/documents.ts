/**
 * The documents after the count: the count record (biên bản kiểm phiếu, every field of DOMAIN.md row
 * 26 with numbers in words, the profile's originals and signatories, a note when corrections were
 * made) and the team leader's result report. The election team draws both up (QT 2016 Điều 15 k2d;
 * TN 2019 Điều 7 g, Điều 16 d–đ: "Tổ bầu cử lập biên bản kiểm phiếu", "Tổ trưởng tổ bầu cử lập báo cáo
 * kết quả ... gửi ngay đến Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã"), so its members
 * issue them through the document registry; the commune's officers may too, entering a team's paper
 * record. The record can also be printed unnumbered, to sign on the spot.
 */
import { hamletInText } from '../../domain/territory';
import { bodyLines, electionPlace, titleBeforePlace } from '../../domain/election';
import { vietnamTime } from '../../domain/calendar';
import type { SignatureBlock } from '../../documents/model';
import type { CountRecordData } from '../../documents/forms/count-record';
import type { ResultReportData } from '../../documents/forms/result-report';
import { findForm } from '../../documents/forms';
import { renderDocx } from '../../documents/render-docx';
import { renderIssuedPdf, renderPdf } from '../../documents/render-pdf';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { numberToWords } from '../../documents/words';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import {
  INVALID_REASON_VI,
  countRecordLabels,
  positionTitle,
  ratioBaseText,
} from '../../domain/count/labels';
import { countWitnesses } from '../polling';
import { meetingCountingTeam } from './counting-team';
import { loadCount } from './entry';
import type { LoadedCount } from './entry';
import type { CountResult } from './recompute';
import { recomputedOrFailure } from './recompute';
import { issueDocument } from '../documents';
import type { DocumentInfo } from '../documents';
import { failures } from '../common';
import { formRenderer } from '../documents';
import { advanceLifecycle } from '../plan';
import { minDate } from './open';
import { vnToday } from '../common';
import { pollingCounts as repo } from '../../store';
import { pollInterruptions } from './interruptions';
import { householdCountData, quorumMissedText } from './household-record';

const HOUSEHOLD_BALLOTS_LINE = 'Việc bầu được tiến hành bằng phiếu lấy ý kiến hộ gia đình.';

const ROLE_VI: Readonly<Record<string, string>> = {
  leader: 'Tổ trưởng',
  secretary: 'Thư ký',
  member: 'Thành viên',
  witness: 'Người chứng kiến',
};

interface Team {
  /** "Ban kiểm phiếu gồm:" for the team the meeting elected, else "Tổ bầu cử gồm:". */
  readonly label: string;
  readonly counters: { name: string; role: string }[];
  readonly witnesses: string[];
}

/**
 * Who counted and who witnessed this count: under a profile whose meeting elects a counting team
 * (ND59 Điều 3 khoản 5 điểm i) the members of the team it approved by show of hands, first named
 * first; else the election team. The witnesses are the residents recorded for this count.
 */
async function teamOf(ctx: ServiceContext, lc: LoadedCount, registered: number): Promise<Team> {
  const electionId = lc.pe.election.id;
  const witnesses = (await countWitnesses(ctx.store.db, electionId, lc.count.round, lc.count.position)).map(
    (w) => w.fullName,
  );
  if (countRecordLabels(lc.pe.profile).byMeeting && lc.count.method !== 'hands') {
    const members = await meetingCountingTeam(ctx, electionId, lc.count.round, registered);
    if (members)
      return {
        label: countRecordLabels(lc.pe.profile).teamLabel,
        counters: members.map((name, n) => ({ name, role: n === 0 ? 'Trưởng ban' : 'Thành viên' })),
        witnesses,
      };
  }
  const rows = await repo.teamMembers(ctx.store.db, electionId);
  const order = ['leader', 'secretary', 'member'];
  return {
    label: 'Tổ bầu cử gồm:',
    counters: rows
      .filter((r) => r.role !== 'witness')
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
      .map((r) => ({ name: r.full_name, role: ROLE_VI[r.role] ?? r.role })),
    witnesses,
  };
}

async function communeName(ctx: ServiceContext, communeId: string): Promise<string> {
  return (await repo.communeName(ctx.store.db, communeId)) ?? '';
}

/** Who signs, by the profile: everyone counting when it names the members, else leader and secretary. */
function signaturesOf(lc: LoadedCount, team: Team): SignatureBlock[] {
  const wanted = lc.pe.profile.countRecord.value.signatories.join(' ').toLowerCase();
  const allMembers = wanted.includes('thành viên') || wanted.includes('các thành viên');
  const counters = allMembers ? team.counters : team.counters.filter((m) => m.role !== 'Thành viên');
  // A witness signs where the profile's form gives the witnesses a place (ND59 Mẫu 02, Tây Ninh
  // Điều 16 khoản 3 điểm đ); Quảng Trị's record is signed by the team's members only.
  const witnesses = wanted.includes('chứng kiến')
    ? team.witnesses.slice(0, lc.pe.profile.witnesses.value.count)
    : [];
  return [
    ...counters.map((m) => ({ title: m.role.toUpperCase(), note: '(Ký, ghi rõ họ tên)', name: m.name })),
    ...witnesses.map((w) => ({ title: 'NGƯỜI CHỨNG KIẾN', note: '(Ký, ghi rõ họ tên)', name: w })),
  ];
}

/** Whose election: the hamlet, or the residents' self-managed group with its hamlet. */
const placeOf = (lc: LoadedCount) => electionPlace(lc.pe.election.hamletName, lc.pe.election.groupName);

function copiesText(lc: LoadedCount): string {
  const r = lc.pe.profile.countRecord.value;
  const n = String(r.originals).padStart(2, '0');
  const to = r.distribution.length > 0 ? `: gửi ${r.distribution.join(', ')} và lưu tại Tổ bầu cử` : '';
  return `${n} (${numberToWords(r.originals)}) bản có giá trị như nhau${to}.`;
}

export async function countRecordData(
  ctx: ServiceContext,
  lc: LoadedCount,
  result: CountResult,
  corrections: number,
) {
  const e = lc.pe.election;
  const team = await teamOf(ctx, lc, result.registered);
  const commune = await communeName(ctx, lc.pe.place.communeId);
  const closure = await repo.getClosure(ctx.store.db, lc.count.id);
  const date = minDate(vnToday(ctx), e.electionDate);
  const correctionNote =
    corrections > 0
      ? ` Trong khi kiểm phiếu có ${corrections} (${numberToWords(corrections)}) phiếu được đính chính sau khi khóa tập, mỗi lần đều ghi rõ lý do.`
      : '';
  const labels = countRecordLabels(lc.pe.profile);
  const label = labels.electorateLabel;
  // A show of hands at the meeting has no poll to interrupt; a paper count states its poll's.
  const interruptions =
    lc.count.method === 'hands' ? undefined : await pollInterruptions(ctx.store.db, e.id, lc.count.round);
  const data: CountRecordData = {
    head: {
      body: { parent: [`UBND ${commune.toUpperCase()}`], lines: bodyLines(null, e.hamletName, e.groupName) },
      place: commune,
      date,
      ...(labels.formLabel ? { formLabel: labels.formLabel } : {}),
    },
    election: {
      hamlet: hamletInText(electionPlace(e.hamletName, e.groupName)),
      position: titleBeforePlace(
        lc.count.position,
        positionTitle(lc.count.position, e.hamletKind),
        e.groupName,
      ),
      term: e.termLabel,
    },
    venue: e.venue,
    // The count began when the team opened it on the spot.
    startTime: vietnamTime(lc.count.opened_at),
    countDate: date,
    teamLabel: team.label,
    team: team.counters,
    witnessLabel: labels.witnessLabel,
    witnesses: team.witnesses.slice(0, lc.pe.profile.witnesses.value.count),
    electorateLabel: label,
    totalOnRoll: result.registered,
    participated: result.voted,
    issued: result.issued,
    received: result.received,
    valid: result.valid,
    invalid: result.invalid,
    invalidReasons: lc.pe.profile.invalidReasons.value.map((r) => ({
      reason: INVALID_REASON_VI[r],
      count: result.invalidReasons[r] ?? 0,
    })),
    candidates: lc.candidates.map((c) => ({
      name: c.name,
      votes: result.candidates.find((x) => x.id === c.id)?.votes ?? 0,
    })),
    ratioBase: result.registered,
    ratioLabel: ratioBaseText(lc.pe.profile, lc.count.form),
    ...(interruptions ? { interruptions } : {}),
    conclusion: `${result.conclusion}${correctionNote}`,
    endTime: closure ? vietnamTime(closure.closed_at) : null,
    copies: copiesText(lc),
    signatures: signaturesOf(lc, team),
  };
  return { data, commune };
}

/**
 * A closed count with its result recomputed from the papers: documents are rendered from what the
 * papers say, never from the stored copy; when the papers no longer give a result, nothing is printed.
 */
async function closedCount(ctx: ServiceContext, actor: Actor, countId: string) {
  const lc = await loadCount(ctx, actor, countId, 'read');
  if (!lc.ok) return lc;
  const r = await recomputedOrFailure(ctx, lc.value, 'lập biên bản hoặc báo cáo kết quả');
  if (!r.ok) return r;
  const corrections = r.value.check.corrections;
  return ok({ lc: lc.value, result: r.value.result, corrections });
}

/**
 * The record's form and data: the general record (Mẫu 02 under ND59), or, for an election the
 * meeting turned to household opinion ballots, the Mẫu 04 record that says why.
 */
async function recordForm(ctx: ServiceContext, lc: LoadedCount, data: CountRecordData, registered: number) {
  if (lc.count.form !== 'householdBallots')
    return { form: findForm('count-record'), data: data as unknown, title: 'Biên bản kiểm phiếu' };
  const reason = await quorumMissedText(ctx, lc, registered);
  return {
    form: findForm('household-count'),
    data: householdCountData(data, reason) as unknown,
    title: 'Biên bản kiểm phiếu lấy ý kiến hộ gia đình',
  };
}

/** The record as a PDF to print and sign on the spot (not numbered, not stored): for the team. */
export async function printCountRecord(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
): Promise<Result<{ pdf: Buffer; fileName: string }>> {
  const c = await closedCount(ctx, actor, countId);
  if (!c.ok) return c;
  const { data: general } = await countRecordData(ctx, c.value.lc, c.value.result, c.value.corrections);
  const { form, data, title } = await recordForm(ctx, c.value.lc, general, c.value.result.registered);
  if (!form) return err(failures.notFound('mẫu biên bản kiểm phiếu'));
  return ok({
    pdf: renderPdf(form.build(data)),
    // The server folds the title to ASCII: bien-ban-kiem-phieu-khu-pho-1.pdf.
    fileName: `${title} ${placeOf(c.value.lc)}.pdf`,
  });
}

/** Issues the count record through the document registry (numbered, stored with its hash). */
export async function issueCountRecord(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
): Promise<Result<DocumentInfo>> {
  const c = await closedCount(ctx, actor, countId);
  if (!c.ok) return c;
  const { lc } = c.value;
  const { data: general } = await countRecordData(ctx, lc, c.value.result, c.value.corrections);
  const { form, data, title } = await recordForm(ctx, lc, general, c.value.result.registered);
  if (!form) return err(failures.notFound('mẫu biên bản kiểm phiếu'));
  const communeId = lc.pe.place.communeId;
  // The renderer is made before the registry's transaction: the commune's template is read from the database.
  const fill = await formRenderer(ctx, communeId, form);
  return issueDocument(ctx, actor, {
    formId: form.id,
    title: `${title} bầu ${general.election.position} ${placeOf(lc)}`,
    issuerKey: `election:${lc.count.election_id}:team`,
    symbol: null,
    date: general.countDate ?? vnToday(ctx),
    communeId,
    hamletId: lc.pe.election.hamletId,
    electionId: lc.count.election_id,
    byElectionTeam: true,
    data,
    render: (_number, stamp) => fill(data, stamp),
  });
}

/** The team leader's report to the commune People's Committee and Front; the election becomes "reported". */
export async function issueResultReport(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
): Promise<Result<DocumentInfo>> {
  const c = await closedCount(ctx, actor, countId);
  if (!c.ok) return c;
  const { lc, result } = c.value;
  const { data: record, commune } = await countRecordData(ctx, lc, result, c.value.corrections);
  const form = findForm('result-report');
  if (!form) return err(failures.notFound('mẫu báo cáo kết quả'));
  const leader = await repo.teamMembers(ctx.store.db, lc.count.election_id);
  const leaderName = leader.find((m) => m.role === 'leader')?.full_name;
  const date = record.countDate ?? vnToday(ctx);
  const subject = `Kết quả bầu ${record.election.position} ${record.election.hamlet}, nhiệm kỳ ${lc.pe.election.termLabel}`;
  const data: ResultReportData = {
    issue: {
      body: {
        parent: [`UBND ${commune.toUpperCase()}`],
        lines: bodyLines('TỔ BẦU CỬ', lc.pe.election.hamletName, lc.pe.election.groupName),
      },
      number: null,
      symbol: 'BC-TBC',
      place: commune,
      date,
      recipients: ['- Như trên;', '- Lưu: Tổ bầu cử.'],
      signer: { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', name: leaderName },
    },
    subject,
    addressees: [`Ủy ban nhân dân ${commune};`, `Ủy ban Mặt trận Tổ quốc Việt Nam ${commune}.`],
    electionDate: lc.pe.election.electionDate ?? date,
    preparation: [
      'Tổ bầu cử đã lập, niêm yết danh sách cử tri và danh sách người ứng cử; tổ chức bỏ phiếu và kiểm phiếu theo quy định.',
      ...(lc.count.form === 'householdBallots'
        ? [(await quorumMissedText(ctx, lc, result.registered)) ?? HOUSEHOLD_BALLOTS_LINE]
        : []),
    ],
    electorateLabel: record.electorateLabel,
    totalOnRoll: result.registered,
    participated: result.voted,
    valid: result.valid,
    invalid: result.invalid,
    candidates: record.candidates.map((x) => ({ name: x.name, votes: x.votes ?? 0 })),
    ratioLabel: record.ratioLabel,
    outcome:
      result.outcome === 'elected'
        ? `${result.conclusion} Đề nghị Ủy ban nhân dân xem xét, ra quyết định công nhận.`
        : result.conclusion,
    attachments: [
      lc.count.form === 'householdBallots'
        ? 'Biên bản kiểm phiếu lấy ý kiến hộ gia đình (Mẫu số 04)'
        : 'Biên bản kiểm phiếu',
      'Biên bản niêm phong phiếu không sử dụng',
    ],
    ...(record.interruptions?.length ? { interruptions: record.interruptions } : {}),
  };
  const communeId = lc.pe.place.communeId;
  const issued = await issueDocument(ctx, actor, {
    formId: form.id,
    title: `Báo cáo ${subject}`,
    issuerKey: `election:${lc.count.election_id}:team`,
    symbol: 'BC-TBC',
    date,
    communeId,
    hamletId: lc.pe.election.hamletId,
    electionId: lc.count.election_id,
    byElectionTeam: true,
    data,
    render: async (number, stamp) => {
      const model = form.build({ ...data, issue: { ...data.issue, number } });
      return { docx: await renderDocx(model), pdf: renderIssuedPdf(model, stamp) };
    },
  });
  if (!issued.ok) return issued;
  if (lc.pe.election.state === 'counted') {
    const step = await advanceLifecycle(ctx, actor, lc.count.election_id, {
      to: 'reported',
      on: date,
    });
    if (!step.ok) return step;
  }
  return issued;
}
