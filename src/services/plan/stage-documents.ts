/**
 * The documents of the preparation stage, built from the recorded data and issued through the
 * document registry (numbered, rendered to DOCX and PDF, stored with their hashes): the plan, the
 * decision fixing election day, Mẫu 05, the voters' and joint conference minutes, the short-form
 * candidate list, the decision forming the team, the invitation and the notice for posting.
 */
import type * as contract from '../../contract/plan';
import { namesOn } from '../territory';
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { getProfile } from '../../domain/rules';
import { renderDocx } from '../../documents/render-docx';
import { renderIssuedPdf } from '../../documents/render-pdf';
import { findForm } from '../../documents/forms';
import { hamletInText } from '../../domain/territory';
import type { IssuingBody, Issue } from '../../documents/forms/common';
import { QT_TEAM_DUTIES } from '../../documents/forms/election-team-decision';
import type { DocumentModel } from '../../documents/model';
import { preparationCandidates as candRepo, preparationPlan as planRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import type { DocumentInfo } from '../documents';
import { issueDocument, listDocuments } from '../documents';
import { failures } from '../common';
import { formRenderer } from '../documents';
import type { PdfStamp } from '../documents';
import { getCandidates } from '../candidates';
import type { ElectionContext } from '../common';
import { isCivil } from '../common';
import { loadElection } from '../common';
import { parseJson } from '../common';
import { vnToday } from '../common';
import { getMeetings } from '../candidates';
import { headTitleOf } from './plan';
import { getTeam } from '../team';

export const PREPARATION_FORMS = [
  'plan',
  'election-day-decision',
  'mau-05',
  'voters-conference-minutes',
  'joint-conference-minutes',
  'candidate-list',
  'election-team-decision',
  'invitation',
  'notice',
] as const;
export type PreparationForm = (typeof PREPARATION_FORMS)[number];

export type IssueOptions = contract.IssueOptions;

const dmy = (d: CivilDate) => formatVietnamese(d);
const sexVi = (s: string | null) => (s === 'female' ? 'Nữ' : s === 'male' ? 'Nam' : '');
const honorific = (s: string | null) => (s === 'female' ? 'Bà' : s === 'male' ? 'Ông' : 'Ông (bà)');
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A hamlet's name in running text (one rule for every document: `hamletInText`). */
export const running = hamletInText;

function ubndBody(communeName: string): IssuingBody {
  return { lines: ['ỦY BAN NHÂN DÂN', communeName.toUpperCase()] };
}

function legalBases(profile: RuleProfile): string[] {
  return profile.sources.map((s) => `Căn cứ ${s.title};`);
}

/** Renders a document the engine builds directly (no form of the catalogue, so no commune template). */
function renderModel(model: (n: number | null) => DocumentModel) {
  return async (number: number | null, stamp: PdfStamp) => {
    const m = model(number);
    return { docx: await renderDocx(m), pdf: renderIssuedPdf(m, stamp) };
  };
}

/**
 * Renders a catalogue form from its data with the commune's own DOCX wording when it uploaded one.
 * The template is read here, before `issueDocument` opens its transaction (see `formRenderer`).
 */
async function renderForCommune(
  ctx: ServiceContext,
  communeId: string,
  formId: PreparationForm,
  data: (n: number | null) => unknown,
) {
  const form = findForm(formId);
  if (!form) throw new Error(`unknown form ${formId}`);
  const fill = await formRenderer(ctx, communeId, form);
  return (number: number | null, stamp: PdfStamp) => fill(data(number), stamp);
}

interface RoundData {
  readonly round: planRepo.RoundRow;
  readonly elections: planRepo.PlannedElectionRow[];
  readonly profile: RuleProfile;
  readonly communeName: string;
  readonly headTitle: string;
}

async function roundData(ctx: ServiceContext, roundId: string): Promise<Result<RoundData>> {
  const db = ctx.store.db;
  const round = await planRepo.getRound(db, roundId);
  if (!round) return err(failures.notFound('kế hoạch bầu này'));
  const profile = getProfile(round.profile_id);
  if (!profile.ok) return profile;
  const elections = await planRepo.listRoundElections(db, roundId);
  // A round held before the 2025 reorganisation keeps the commune's name of that day.
  const first = elections[0];
  const names = await namesOn(db, round.commune_id, first?.electionDate ?? '9999-12-31', first?.hamletId);
  return ok({
    round,
    elections,
    profile: profile.value,
    communeName: names.communeName,
    headTitle: headTitleOf(elections[0]?.hamletKind ?? ''),
  });
}

function ubndIssue(
  d: RoundData,
  symbol: string,
  date: CivilDate,
  number: number | null,
  chair = d.profile.signingAuthority.value === 'chair',
): Issue {
  return {
    body: ubndBody(d.communeName),
    number,
    symbol,
    place: d.communeName,
    date,
    recipients: ['- Như trên;', `- UBMTTQVN ${d.communeName};`, '- Lưu: VT.'],
    signer: chair
      ? { title: 'CHỦ TỊCH', name: d.round.chair_name }
      : { authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: d.round.chair_name },
  };
}

async function planModel(ctx: ServiceContext, d: RoundData, date: CivilDate) {
  const tasks = await planRepo.listTasks(ctx.store.db, d.round.id);
  const firstHamlet = d.elections[0]?.hamletId;
  const rows = tasks.filter((t) => t.hamlet_id === null || t.hamlet_id === firstHamlet);
  const perHamlet = d.elections.length > 1;
  const assignments = await planRepo.listAssignments(ctx.store.db, d.round.id);
  const names = new Map(d.elections.map((e) => [e.hamletId, e.hamletName]));
  const term = d.round.term_label;
  const subject = `Tổ chức bầu ${d.headTitle} nhiệm kỳ ${term}`;
  return (number: number | null) => ({
    issue: ubndIssue(d, 'KH-UBND', date, number),
    subject,
    legalBases: legalBases(d.profile),
    preamble: `Sau khi thống nhất với Ban Thường trực UBMTTQVN ${d.communeName}, UBND ${d.communeName} xây dựng kế hoạch tổ chức bầu ${d.headTitle}, nhiệm kỳ ${term}, cụ thể như sau:`,
    purposes: [
      `Thông qua việc bầu cử để lựa chọn ${d.headTitle} có đủ tài, đức, có uy tín, xứng đáng để tổ chức, điều hòa và đôn đốc thực hiện tốt các công việc ở cộng đồng dân cư.`,
    ],
    requirements: ['Bảo đảm công khai, minh bạch, dân chủ, đúng quy trình và thời hạn theo quy định.'],
    timing: d.elections
      .filter((e, i, all) => all.findIndex((x) => x.hamletId === e.hamletId) === i)
      .map(
        (e) =>
          `${e.hamletName}: ngày ${dmy(e.electionDate!)}${e.startTime ? `, ${e.startTime}` : ''}${e.venue ? `, tại ${e.venue}` : ''}.`,
      ),
    method: [
      d.round.form === 'separateBallot'
        ? 'Tổ chức thành cuộc bầu cử riêng, bỏ phiếu kín.'
        : 'Tổ chức tại cuộc họp của cộng đồng dân cư do Tổ bầu cử triệu tập và chủ trì.',
    ],
    tasks: rows.map((t) => ({
      title: t.title,
      lead: t.lead,
      partners: parseJson<string[]>(t.partners, []),
      deadline: `${t.hamlet_id && perHamlet ? 'Chậm nhất ngày' : 'Trước hoặc trong ngày'} ${dmy(t.due)}`,
      notes: [
        ...(t.hamlet_id && perHamlet
          ? ['Hạn tính theo ngày bầu cử của từng khu vực; xem lịch chi tiết.']
          : []),
        ...(t.citation ? [`(${t.citation})`] : []),
      ],
    })),
    units: [
      {
        unit: `Ủy ban nhân dân ${d.communeName}`,
        duties: ['Chỉ đạo, theo dõi, đôn đốc thực hiện kế hoạch.'],
      },
      {
        unit: `Ban Thường trực UBMTTQVN ${d.communeName}`,
        duties: [
          'Hướng dẫn Ban công tác Mặt trận tổ chức họp dự kiến danh sách người ứng cử theo đúng quy định.',
        ],
      },
    ],
    assignments: assignments.map((a) => ({
      officials: [{ name: a.official_name, position: a.position }],
      duty: a.duty,
      hamlets: a.hamlet_id ? [running(names.get(a.hamlet_id) ?? '')] : [],
    })),
    closing: `Trên đây là Kế hoạch tổ chức bầu ${d.headTitle} nhiệm kỳ ${term}, đề nghị các cơ quan, đơn vị tổ chức triển khai thực hiện./.`,
  });
}

function electionDayModel(d: RoundData, date: CivilDate) {
  const hamlets = d.elections.filter((e, i, all) => all.findIndex((x) => x.hamletId === e.hamletId) === i);
  const electorate =
    d.round.electorate === 'allVoters'
      ? 'Toàn thể cử tri có tên trong danh sách cử tri đã được niêm yết.'
      : 'Cử tri đại diện hộ gia đình có tên trong danh sách đã được niêm yết.';
  return (number: number | null) => ({
    issue: ubndIssue(d, 'QĐ-UBND', date, number),
    authority: `ỦY BAN NHÂN DÂN ${d.communeName.toUpperCase()}`,
    legalBases: [
      ...legalBases(d.profile),
      `Căn cứ Kế hoạch tổ chức bầu ${d.headTitle} nhiệm kỳ ${d.round.term_label} của UBND ${d.communeName};`,
    ],
    position: d.headTitle,
    term: d.round.term_label,
    hamlets: hamlets.map((e) => ({
      hamlet: e.hamletName,
      date: e.electionDate!,
      time: e.startTime ?? '07:30',
      place: e.venue ?? `Nhà văn hóa ${e.hamletName}`,
    })),
    electorate,
    method:
      d.round.form === 'separateBallot'
        ? 'Bầu cử riêng, bỏ phiếu kín; Tổ bầu cử tổ chức.'
        : 'Tại cuộc họp của cộng đồng dân cư; Tổ bầu cử triệu tập và chủ trì cuộc họp.',
    executors: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND ${d.communeName}, Tổ bầu cử và Ban công tác Mặt trận các khu vực có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
  });
}

export async function issueRoundDocument(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  formId: 'plan' | 'election-day-decision',
  options: IssueOptions = {},
): Promise<Result<DocumentInfo>> {
  const data = await roundData(ctx, roundId);
  if (!data.ok) return data;
  const d = data.value;
  const date = options.date ?? vnToday(ctx);
  if (!isCivil(date)) return err(failures.invalid('date', 'Ngày văn bản không hợp lệ.'));
  const model = formId === 'plan' ? await planModel(ctx, d, date) : electionDayModel(d, date);
  return issueDocument(ctx, actor, {
    formId,
    title:
      formId === 'plan'
        ? `Kế hoạch tổ chức bầu ${d.headTitle} nhiệm kỳ ${d.round.term_label}`
        : `Quyết định công bố ngày bầu cử ${d.headTitle}`,
    issuerKey: `commune:${d.round.commune_id}:ubnd`,
    symbol: formId === 'plan' ? 'KH-UBND' : 'QĐ-UBND',
    date,
    communeId: d.round.commune_id,
    data: { roundId, formId },
    render: await renderForCommune(ctx, d.round.commune_id, formId, model),
  });
}

interface ElectionData {
  readonly ec: ElectionContext;
  readonly communeName: string;
  readonly headTitle: string;
  readonly round: planRepo.RoundRow | undefined;
}

async function electionData(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<ElectionData>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  // An election held before the 2025 reorganisation keeps the commune's name of that day.
  const commune = {
    name: (
      await namesOn(
        ctx.store.db,
        ec.election.communeId,
        ec.election.electionDate ?? '9999-12-31',
        ec.election.hamletId,
      )
    ).communeName,
  };
  const round = ec.election.roundId ? await planRepo.getRound(ctx.store.db, ec.election.roundId) : undefined;
  const base = headTitleOf(ec.election.hamletKind);
  return ok({
    ec,
    communeName: commune?.name ?? '',
    headTitle: ec.election.position === 'deputyHead' ? `Phó ${lower(base)}` : base,
    round,
  });
}

function frontBody(d: ElectionData): IssuingBody {
  return {
    parent: [`ỦY BAN MTTQVN ${d.communeName.toUpperCase()}`],
    lines: [`BAN CTMT ${d.ec.election.hamletName.toUpperCase()}`],
  };
}

function hamletBody(d: ElectionData): IssuingBody {
  return { parent: [`UBND ${d.communeName.toUpperCase()}`], lines: [d.ec.election.hamletName.toUpperCase()] };
}

async function minutesModel(
  ctx: ServiceContext,
  actor: Actor,
  d: ElectionData,
  meetingId: string | undefined,
) {
  const meetings = await getMeetings(ctx, actor, d.ec.election.id);
  if (!meetings.ok) return meetings;
  const m = meetings.value.meetings.find((x) => x.id === meetingId);
  if (!m) return err(failures.notFound('cuộc họp này'));
  const cands = await getCandidates(ctx, actor, d.ec.election.id);
  if (!cands.ok) return cands;
  const byId = new Map(cands.value.nominations.map((n) => [n.id, n]));
  const e = d.ec.election;
  const hamlet = running(e.hamletName);
  const term = e.termLabel;
  const chair = { name: m.chairName, position: m.chairPosition };
  if (m.kind === 'frontCommittee') {
    return ok({
      formId: 'mau-05' as const,
      title: `Biên bản cuộc họp dự kiến danh sách người ứng cử ${e.hamletName}`,
      date: m.heldOn,
      issuer: `hamlet:${e.hamletId}:bctmt`,
      model: () => ({
        body: frontBody(d),
        place: d.communeName,
        date: m.heldOn,
        hamlet,
        position: d.headTitle,
        term,
        startTime: m.startTime,
        venue: m.venue,
        chair,
        participants: m.participants || null,
        present: m.present,
        absentWithReason: m.absences.length,
        regulation: hamlet,
        candidates: m.votes.map((v) => v.name),
        endTime: m.endTime,
        endDate: m.heldOn,
        copies: 3,
        secretary: m.secretaryName,
        chairName: m.chairName,
      }),
    });
  }
  if (m.kind === 'votersConference') {
    return ok({
      formId: 'voters-conference-minutes' as const,
      title: `Biên bản hội nghị cử tri ${e.hamletName}`,
      date: m.heldOn,
      issuer: `hamlet:${e.hamletId}:hoi-nghi`,
      model: () => ({
        head: { body: hamletBody(d), place: d.communeName, date: m.heldOn },
        hamlet,
        position: d.headTitle,
        term,
        date: m.heldOn,
        time: m.startTime,
        venue: m.venue,
        chair,
        secretary: { name: m.secretaryName },
        electorateLabel: 'cử tri đại diện hộ gia đình',
        invited: m.convened,
        present: m.present,
        guests: m.participants || 'Không.',
        proceedings: [
          ...m.decisions,
          ...m.absences.map((a) => `Vắng mặt: ${a.name}${a.reason ? ` (${a.reason})` : ''}.`),
        ],
        nominations: m.votes.map((v) => ({ name: v.name, agree: v.agree ?? 0 })),
        approvalRule: meetings.value.approvalRule ?? 'được hội nghị biểu quyết tán thành',
        introduced: m.votes.filter((v) => v.approved).map((v) => v.name),
        endTime: m.endTime ?? m.startTime,
      }),
    });
  }
  return ok({
    formId: 'joint-conference-minutes' as const,
    title: `Biên bản hội nghị liên tịch ${e.hamletName}`,
    date: m.heldOn,
    issuer: `commune:${e.communeId}:ubmttq`,
    model: () => ({
      head: {
        body: { lines: [`ỦY BAN MTTQVN ${d.communeName.toUpperCase()}`] },
        place: d.communeName,
        date: m.heldOn,
      },
      hamlet,
      position: d.headTitle,
      term,
      date: m.heldOn,
      time: m.startTime,
      venue: m.venue,
      chair,
      secretary: { name: m.secretaryName },
      composition: m.participants ? [m.participants] : [],
      convened: m.convened,
      present: m.present,
      content: ['Căn cứ tiêu chuẩn để thảo luận và ấn định danh sách chính thức những người ứng cử.'],
      proceedings: [
        ...m.decisions,
        ...m.absences.map((a) => `Vắng mặt: ${a.name}${a.reason ? ` (${a.reason})` : ''}.`),
      ],
      candidates: m.votes.map((v) => {
        const n = byId.get(v.nominationId)!;
        return { name: n.person.fullName, birthDate: n.person.birthDate, residence: n.person.address };
      }),
      endTime: m.endTime ?? m.startTime,
    }),
  });
}

function noticeModel(
  d: ElectionData,
  date: CivilDate,
  candidates: string[],
  number: number | null,
): DocumentModel {
  const e = d.ec.election;
  return {
    meta: { title: `Thông báo bầu ${d.headTitle} ${e.hamletName}`, date, author: 'baucoso' },
    blocks: [
      {
        kind: 'header',
        parentBody: [`UBND ${d.communeName.toUpperCase()}`],
        issuingBody: [`TỔ BẦU CỬ ${e.hamletName.toUpperCase()}`],
        number: { number, symbol: 'TB-TBC' },
        placeDate: { place: d.communeName, date },
      },
      {
        kind: 'title',
        text: 'THÔNG BÁO',
        subtitle: [`Về việc bầu ${d.headTitle} ${running(e.hamletName)}, nhiệm kỳ ${e.termLabel}`],
      },
      {
        kind: 'paragraph',
        runs: [`Tổ bầu cử ${running(e.hamletName)} thông báo đến toàn thể Nhân dân:`],
      },
      {
        kind: 'paragraph',
        runs: [
          `1. Ngày bầu cử: ${dmy(e.electionDate!)}${e.startTime ? `, bắt đầu lúc ${e.startTime}` : ''}${e.venue ? `, tại ${e.venue}` : ''}.`,
        ],
      },
      { kind: 'paragraph', runs: [`2. Danh sách người ứng cử ${d.headTitle} (theo thứ tự trên phiếu bầu):`] },
      ...candidates.map((c, i): DocumentModel['blocks'][number] => ({
        kind: 'paragraph',
        runs: [`${i + 1}. ${c}`],
      })),
      {
        kind: 'paragraph',
        runs: [
          'Đề nghị Nhân dân theo dõi, tham gia đầy đủ; mọi ý kiến, khiếu nại gửi Tổ bầu cử và UBND trong thời hạn quy định./.',
        ],
      },
      {
        kind: 'signatures',
        recipients: ['- Niêm yết tại nhà văn hóa;', '- Lưu: Tổ bầu cử.'],
        blocks: [{ authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG' }],
      },
    ],
  };
}

export async function issueElectionDocument(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  formId: Exclude<PreparationForm, 'plan' | 'election-day-decision'>,
  options: IssueOptions = {},
): Promise<Result<DocumentInfo>> {
  const data = await electionData(ctx, actor, electionId);
  if (!data.ok) return data;
  const d = data.value;
  const e = d.ec.election;
  const date = options.date ?? vnToday(ctx);
  if (!isCivil(date)) return err(failures.invalid('date', 'Ngày văn bản không hợp lệ.'));
  const common = {
    communeId: e.communeId,
    hamletId: e.hamletId,
    electionId,
    data: { electionId, formId, options },
  };
  if (
    formId === 'mau-05' ||
    formId === 'voters-conference-minutes' ||
    formId === 'joint-conference-minutes'
  ) {
    const m = await minutesModel(ctx, actor, d, options.meetingId);
    if (!m.ok) return m;
    if (m.value.formId !== formId)
      return err(failures.invalid('meetingId', 'Cuộc họp này không dùng biểu mẫu đã chọn.'));
    return issueDocument(ctx, actor, {
      ...common,
      formId,
      title: m.value.title,
      issuerKey: m.value.issuer,
      symbol: null,
      date: m.value.date,
      render: await renderForCommune(ctx, e.communeId, formId, m.value.model),
    });
  }
  const cands = await getCandidates(ctx, actor, electionId);
  if (!cands.ok) return cands;
  const listed =
    cands.value.official.length > 0 ? cands.value.official : cands.value.nominations.filter((n) => n.drafted);
  if (formId === 'candidate-list') {
    if (listed.length === 0)
      return err(
        failures.conflict('candidates', 'Chưa có danh sách người ứng cử để lập danh sách trích ngang.'),
      );
    const frontHead = (await candRepo.listTeam(ctx.store.db, electionId)).find(
      (m) => m.front_head === 1,
    )?.full_name;
    return issueDocument(ctx, actor, {
      ...common,
      formId,
      title: `Danh sách trích ngang người ứng cử ${e.hamletName}`,
      issuerKey: `hamlet:${e.hamletId}:bctmt`,
      symbol: null,
      date,
      render: await renderForCommune(ctx, e.communeId, formId, () => ({
        body: frontBody(d),
        place: d.communeName,
        date,
        hamlet: running(e.hamletName),
        position: d.headTitle,
        term: e.termLabel,
        candidates: listed.map((n) => ({
          name: n.person.fullName,
          birthDate: n.person.birthDate,
          sex: sexVi(n.person.sex),
          residence: [n.person.address, n.person.groupName, e.hamletName, d.communeName]
            .filter(Boolean)
            .join(', '),
          education: n.education || '—',
          occupation: n.occupation || '—',
        })),
        showPartyMembership: false,
        signer: { authority: ['TM. BAN CÔNG TÁC MẶT TRẬN'], title: 'TRƯỞNG BAN', name: frontHead },
      })),
    });
  }
  if (formId === 'notice') {
    return issueDocument(ctx, actor, {
      ...common,
      formId,
      title: `Thông báo bầu ${d.headTitle} ${e.hamletName}`,
      issuerKey: `hamlet:${e.hamletId}:to-bau-cu`,
      symbol: 'TB-TBC',
      date,
      render: renderModel((n) =>
        noticeModel(
          d,
          date,
          listed.map((c) => c.person.fullName),
          n,
        ),
      ),
    });
  }
  const team = await getTeam(ctx, actor, electionId);
  if (!team.ok) return team;
  const members = team.value.members.filter((m) => m.role !== 'witness');
  if (formId === 'election-team-decision') {
    if (!team.value.composition.eligible) {
      const r = team.value.composition.refusals[0]!;
      return err({
        code: 'team-invalid',
        field: 'team',
        message: `Chưa thể ban hành quyết định: ${r.message}`,
        details: { rule: r.rule },
      });
    }
    const chairName = d.round?.chair_name;
    return issueDocument(ctx, actor, {
      ...common,
      formId,
      title: `Quyết định thành lập Tổ bầu cử ${e.hamletName}`,
      issuerKey: `commune:${e.communeId}:ubnd`,
      symbol: 'QĐ-UBND',
      date,
      render: await renderForCommune(ctx, e.communeId, formId, (number) => ({
        issue: {
          body: ubndBody(d.communeName),
          number,
          symbol: 'QĐ-UBND',
          place: d.communeName,
          date,
          recipients: ['- Như Điều 4;', `- UBMTTQVN ${d.communeName};`, '- Lưu: VT.'],
          signer:
            d.ec.profile.electionTeam.value.formedBy === 'chair'
              ? { title: 'CHỦ TỊCH', name: chairName }
              : { authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: chairName },
        },
        authority:
          d.ec.profile.electionTeam.value.formedBy === 'chair'
            ? `CHỦ TỊCH ỦY BAN NHÂN DÂN ${d.communeName.toUpperCase()}`
            : `ỦY BAN NHÂN DÂN ${d.communeName.toUpperCase()}`,
        legalBases: [
          ...legalBases(d.ec.profile),
          `Xét đề nghị của Trưởng ban công tác Mặt trận ${running(e.hamletName)}.`,
        ],
        election: { hamlet: running(e.hamletName), position: d.headTitle, term: e.termLabel },
        members: members.map((m) => ({
          honorific: honorific(m.sex),
          name: m.fullName,
          represents: m.represents,
          role: m.roleLabel,
        })),
        duties: QT_TEAM_DUTIES,
        electorate:
          d.round?.electorate === 'allVoters'
            ? `Toàn thể cử tri ${running(e.hamletName)}.`
            : `Cử tri đại diện hộ gia đình ${running(e.hamletName)}.`,
        dissolution: 'Tổ bầu cử tự giải thể sau khi hoàn thành nhiệm vụ.',
        executors: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND ${d.communeName}, Trưởng ban công tác Mặt trận ${running(e.hamletName)} và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
      })),
    });
  }
  // Invitation (Mẫu 01), signed by the team leader.
  const leader = members.find((m) => m.role === 'leader');
  const secretary = members.find((m) => m.role === 'secretary');
  if (!leader) return err(failures.conflict('team', 'Chưa có Tổ trưởng Tổ bầu cử để ký giấy mời.'));
  return issueDocument(ctx, actor, {
    ...common,
    formId: 'invitation',
    title: `Giấy mời dự cuộc họp bầu ${d.headTitle} ${e.hamletName}`,
    issuerKey: `hamlet:${e.hamletId}:to-bau-cu`,
    symbol: 'GM-TBC',
    date,
    render: await renderForCommune(ctx, e.communeId, 'invitation', (number) => ({
      issue: {
        body: hamletBody(d),
        number,
        symbol: 'GM-TBC',
        place: d.communeName,
        date,
        recipients: ['- Như trên;', '- Lưu: Tổ bầu cử.'],
        signer: { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', name: leader.fullName },
      },
      invitee: options.invitee ?? null,
      subject: `Về việc dự cuộc họp bầu ${d.headTitle} ${running(e.hamletName)}, nhiệm kỳ ${e.termLabel}`,
      date: e.electionDate!,
      time: e.startTime ?? '07:30',
      venue: e.venue ?? `Nhà văn hóa ${running(e.hamletName)}`,
      chair: `${honorific(leader.sex)} ${leader.fullName}, Tổ trưởng Tổ bầu cử`,
      attendees: `đại diện các hộ gia đình ${running(e.hamletName)}.`,
      content: [
        `Thông qua danh sách những người ứng cử ${d.headTitle}: ${listed.map((n) => n.person.fullName).join(', ') || '(theo danh sách niêm yết)'}.`,
        `Bầu ${d.headTitle} ${running(e.hamletName)}, nhiệm kỳ ${e.termLabel}.`,
      ],
      contact: secretary
        ? `${honorific(secretary.sex)} ${secretary.fullName}, Thư ký Tổ bầu cử.`
        : `${honorific(leader.sex)} ${leader.fullName}, Tổ trưởng Tổ bầu cử.`,
      documents: null,
    })),
  });
}

/** Documents of one election, and of its round (plan, election-day decision). */
export async function listPreparationDocuments(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<DocumentInfo[]>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const e = loaded.value.election;
  const all = await listDocuments(ctx, actor, { communeId: e.communeId });
  if (!all.ok) return all;
  const roundDocs = new Set(['plan', 'election-day-decision']);
  return ok(
    all.value.filter(
      (d) =>
        d.election_id === electionId ||
        (e.roundId !== null && d.election_id === null && roundDocs.has(d.form_id) && d.hamlet_id === null),
    ),
  );
}
