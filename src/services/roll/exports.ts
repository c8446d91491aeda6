/**
 * The roll on paper and in a spreadsheet: XLSX for the officers (with the excluded people and the
 * amendments), the roll for posting as PDF/DOCX and the voter cards (eight to an A4 page), both issued
 * through the document registry so that every printed version is stored with its hash and each
 * reprint is a new version replacing the previous one.
 */
import { hamletInText } from '../../domain/territory';
import { asciiSlug } from '../../domain/people';
import { electionPlace, titleBeforePlace } from '../../domain/election';
import { positionTitle } from '../../domain/count/labels';
import { findForm } from '../../documents/forms';
import type { VoterCardsData } from '../../documents/forms/voter-cards';
import type { RollEntry, VoterRollData } from '../../documents/forms/voter-roll';
import { heading, p } from '../../documents/model';
import type { Block, DocumentModel } from '../../documents/model';
import { renderDocx } from '../../documents/render-docx';
import { renderIssuedPdf } from '../../documents/render-pdf';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { writeXlsx } from '../../io/xlsx-export';
import type { XlsxSheet } from '../../io/xlsx-export';
import {
  documents as documentsRepo,
  preparationCandidates as candRepo,
  preparationPlan as planRepo,
  rolls as repo,
  territory as territoryRepo,
} from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import type { DocumentInfo } from '../documents';
import { issueDocument } from '../documents';
import { failures } from '../common';
import { voterCardCode } from '../polling';
import { formRenderer } from '../documents';
import type { PdfStamp } from '../documents';
import type { ElectionContext } from '../common';
import { isCivil } from '../common';
import { loadElection } from '../common';
import { parseJson } from '../common';
import { vnToday } from '../common';
import { headTitleOf } from '../plan';
import type { AmendmentView, RollView } from './build';
import { rollViewOf } from './build';
import type { SnapshotEntry } from './common';
import { SEX_LABELS, dmy } from './common';

const KIND_LABELS: Readonly<Record<AmendmentView['kind'], string>> = {
  add: 'Bổ sung',
  remove: 'Xóa tên',
  correct: 'Sửa thông tin',
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  fullName: 'họ tên',
  birthDate: 'ngày sinh',
  sex: 'giới tính',
  address: 'địa chỉ',
};

function changeText(a: AmendmentView): string {
  if (!a.changes) return '';
  return Object.entries(a.changes)
    .map(([k, v]) => {
      const show = (x: string) => (k === 'birthDate' ? dmy(x) : k === 'sex' ? (SEX_LABELS[x] ?? x) : x);
      return `${FIELD_LABELS[k] ?? k}: ${show(v.from)} → ${show(v.to)}`;
    })
    .join('; ');
}

function noteOf(entry: { amendmentSeq: number | null }, amendments: readonly AmendmentView[]): string {
  const a = amendments.find((x) => x.seq === entry.amendmentSeq);
  if (!a) return '';
  return a.kind === 'add' ? `Bổ sung (SĐ ${a.seq})` : `Đã sửa (SĐ ${a.seq})`;
}

export async function loadRoll(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  mode: 'read' | 'write',
): Promise<Result<{ ec: ElectionContext; view: RollView }>> {
  const l = await loadElection(ctx, actor, electionId, mode);
  if (!l.ok) return l;
  const view = await rollViewOf(ctx, l.value);
  if (!view.roll) return err(failures.invalid('roll', 'Chưa lập danh sách cử tri cho cuộc bầu cử này.'));
  return ok({ ec: l.value, view });
}

/** The roll as a workbook: the roll, the amendments, the people not listed (with reasons), the counts. */
export async function rollXlsx(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<{ fileName: string; bytes: Buffer }>> {
  const l = await loadRoll(ctx, actor, electionId, 'read');
  if (!l.ok) return l;
  const v = l.value.view;
  const sheets: XlsxSheet[] = [
    {
      name: 'Danh sách cử tri',
      columns: [
        { header: 'Số thứ tự', key: 'n', width: 10 },
        { header: 'Họ và tên', key: 'name', width: 28 },
        { header: 'Ngày sinh', key: 'birth', width: 12 },
        { header: 'Giới tính', key: 'sex', width: 10 },
        { header: 'Địa chỉ', key: 'address', width: 36 },
        { header: 'Tổ', key: 'group', width: 12 },
        { header: 'Ghi chú', key: 'note', width: 18 },
      ],
      rows: v.groups.flatMap((g) =>
        g.entries.map((e) => ({
          n: e.rollNumber,
          name: e.fullName,
          birth: dmy(e.birthDate),
          sex: SEX_LABELS[e.sex] ?? e.sex,
          address: e.address,
          group: e.residentGroup ?? '',
          note: noteOf(e, v.amendments),
        })),
      ),
    },
    {
      name: 'Số cử tri theo tổ',
      columns: [
        { header: 'Tổ', key: 'group', width: 16 },
        { header: 'Số cử tri', key: 'n', width: 12 },
      ],
      rows: [
        ...v.counts.byGroup.map((g) => ({ group: g.group ?? '(không thuộc tổ)', n: g.registered })),
        { group: 'Tổng cộng', n: v.counts.registered },
      ],
    },
  ];
  if (v.amendments.length > 0) {
    sheets.push({
      name: 'Sửa đổi, bổ sung',
      columns: [
        { header: 'Lần', key: 'seq', width: 6 },
        { header: 'Loại', key: 'kind', width: 14 },
        { header: 'Số thứ tự', key: 'n', width: 10 },
        { header: 'Họ và tên', key: 'name', width: 28 },
        { header: 'Nội dung sửa', key: 'changes', width: 36 },
        { header: 'Lý do', key: 'reason', width: 36 },
        { header: 'Người phê duyệt', key: 'by', width: 22 },
        { header: 'Ngày', key: 'on', width: 12 },
        { header: 'Chủ tịch UBND cho phép (quá hạn)', key: 'override', width: 36 },
      ],
      rows: v.amendments.map((a) => ({
        seq: a.seq,
        kind: KIND_LABELS[a.kind],
        n: a.rollNumber,
        name: a.fullName,
        changes: changeText(a),
        reason: a.reason,
        by: a.approvedBy,
        on: dmy(a.effectiveOn),
        override: a.chairOverride ? `${a.chairOverride.chairName}: ${a.chairOverride.reason}` : '',
      })),
    });
  }
  sheets.push({
    name: 'Không ghi tên (nội bộ)',
    columns: [
      { header: 'Họ và tên', key: 'name', width: 28 },
      { header: 'Ngày sinh', key: 'birth', width: 12 },
      { header: 'Tổ', key: 'group', width: 12 },
      { header: 'Lý do', key: 'reason', width: 70 },
      { header: 'Quy tắc', key: 'rule', width: 40 },
    ],
    rows: [...v.excluded, ...v.removed].map((e) => ({
      name: e.fullName,
      birth: dmy(e.birthDate),
      group: e.residentGroup ?? '',
      reason: e.reasons.map((r) => r.message).join(' '),
      rule: [...new Set(e.reasons.map((r) => r.rule))].join(', '),
    })),
  });
  return ok({ fileName: `danh-sach-cu-tri-${asciiSlug(v.hamletName)}.xlsx`, bytes: await writeXlsx(sheets) });
}

interface Printing {
  readonly communeName: string;
  readonly headTitle: string;
  readonly leader: string | undefined;
  readonly chair: string | undefined;
}

async function printing(ctx: ServiceContext, ec: ElectionContext): Promise<Printing> {
  const db = ctx.store.db;
  const commune = await territoryRepo.getCommune(db, ec.election.communeId);
  const round = ec.election.roundId ? await planRepo.getRound(db, ec.election.roundId) : undefined;
  const team = await candRepo.listTeam(db, ec.election.id);
  return {
    communeName: commune?.name ?? '',
    headTitle: headTitleOf(ec.election.hamletKind),
    leader: team.find((m) => m.role === 'leader')?.full_name,
    chair: round?.chair_name,
  };
}

function electionPhrase(ec: ElectionContext, pr: Printing): string {
  const e = ec.election;
  const title =
    e.position === 'head'
      ? pr.headTitle
      : e.position === 'deputyHead'
        ? `Phó ${pr.headTitle.toLowerCase()}`
        : titleBeforePlace(e.position, positionTitle(e.position, e.hamletKind), e.groupName);
  return `${title} ${hamletInText(electionPlace(e.hamletName, e.groupName))}, nhiệm kỳ ${e.termLabel}`;
}

async function previousVersion(
  ctx: ServiceContext,
  electionId: string,
  formId: string,
): Promise<string | null> {
  const docs = (await documentsRepo.listDocuments(ctx.store.db, { electionId })).filter(
    (d) => d.form_id === formId,
  );
  const replaced = new Set(docs.map((d) => d.replaces_id).filter(Boolean));
  return docs.find((d) => !replaced.has(d.id))?.id ?? null;
}

function amendmentBlocks(amendments: readonly AmendmentView[]): Block[] {
  if (amendments.length === 0) return [];
  return [
    heading('DANH SÁCH SỬA ĐỔI, BỔ SUNG SAU NIÊM YẾT', 2),
    {
      kind: 'table',
      size: 11,
      columns: [
        { header: 'Lần', width: 0.5, align: 'center' },
        { header: 'Loại', width: 1.1, align: 'left' },
        { header: 'Số thứ tự', width: 0.8, align: 'center' },
        { header: 'Họ và tên', width: 2.2, align: 'left' },
        { header: 'Nội dung, lý do', width: 3.6, align: 'left' },
        { header: 'Người phê duyệt', width: 1.8, align: 'left' },
      ],
      rows: amendments.map((a) => [
        String(a.seq),
        KIND_LABELS[a.kind],
        a.rollNumber === null ? '' : String(a.rollNumber),
        a.fullName,
        [
          changeText(a),
          a.reason,
          a.chairOverride ? `Chủ tịch UBND cho phép: ${a.chairOverride.chairName}` : '',
        ]
          .filter(Boolean)
          .join('. '),
        `${a.approvedBy} (${dmy(a.effectiveOn)})`,
      ]),
    },
    p(''),
  ];
}

/** The model of the roll for posting, with the amendments listed before the signatures. */
function withAmendments(model: DocumentModel, amendments: readonly AmendmentView[]): DocumentModel {
  const extra = amendmentBlocks(amendments);
  if (extra.length === 0) return model;
  const at = model.blocks.findIndex((x) => x.kind === 'signatures');
  const blocks = [...model.blocks];
  blocks.splice(at < 0 ? blocks.length : at, 0, ...extra);
  return { ...model, blocks };
}

/**
 * Issues the roll for posting (PDF and DOCX): the posted roll as amended when it is posted, the draft
 * (for the commune's approval) before. A reprint replaces the previous version.
 */
/** The roll as the posting form prints it (also used by the polling-day pack). */
export async function voterRollData(
  ctx: ServiceContext,
  ec: ElectionContext,
  view: RollView,
  date: string,
): Promise<{ data: VoterRollData; pr: Printing }> {
  const pr = await printing(ctx, ec);
  const reps = view.roll?.electorate === 'householdRepresentatives';
  const posted = view.roll?.state === 'posted';
  const amended = view.amendments.length;
  const entries: RollEntry[] = view.groups.flatMap((g) =>
    g.entries.map((e) => ({
      rollNumber: e.rollNumber ?? 0,
      name: e.fullName,
      birthDate: e.birthDate,
      sex: SEX_LABELS[e.sex] ?? e.sex,
      address: e.address,
      group: g.name ?? ec.election.hamletName,
      note: noteOf(e, view.amendments),
    })),
  );
  const state = !posted ? ' (dự thảo)' : amended > 0 ? ` (đã sửa đổi, bổ sung ${amended} lần)` : '';
  const data: VoterRollData = {
    body: {
      parent: [`UBND ${pr.communeName.toUpperCase()}`],
      lines: [`TỔ BẦU CỬ ${ec.election.hamletName.toUpperCase()}`],
    },
    place: pr.communeName,
    date,
    title: reps ? 'DANH SÁCH CỬ TRI ĐẠI DIỆN HỘ GIA ĐÌNH' : 'DANH SÁCH CỬ TRI',
    subject: `Tham gia bầu ${electionPhrase(ec, pr)}${state}`,
    unitLabel: reps ? 'cử tri đại diện hộ gia đình' : 'cử tri',
    entries,
    signers: [
      { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', ...(pr.leader ? { name: pr.leader } : {}) },
      {
        authority: ['DUYỆT', 'TM. ỦY BAN NHÂN DÂN'],
        title: 'CHỦ TỊCH',
        ...(pr.chair ? { name: pr.chair } : {}),
      },
    ],
  };
  return { data, pr };
}

export async function issueRollDocument(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  options: { date?: string } = {},
): Promise<Result<DocumentInfo>> {
  const l = await loadRoll(ctx, actor, electionId, 'write');
  if (!l.ok) return l;
  const { ec, view } = l.value;
  const form = findForm('voter-roll');
  if (!form) return err(failures.notFound('mẫu danh sách cử tri'));
  const date = options.date ?? vnToday(ctx);
  if (!isCivil(date)) return err(failures.invalid('date', 'Ngày văn bản không hợp lệ.'));
  const { data } = await voterRollData(ctx, ec, view, date);
  const posted = view.roll?.state === 'posted';
  const amended = view.amendments.length;
  const state = !posted ? ' (dự thảo)' : amended > 0 ? ` (đã sửa đổi, bổ sung ${amended} lần)` : '';
  const communeId = ec.election.communeId;
  // The renderer is made before issuing: the registry's transaction holds the only SQLite
  // connection, and the commune's template is read outside it.
  const fill = await formRenderer(ctx, communeId, form);
  const render = async (_number: number | null, stamp: PdfStamp) => {
    if (amended === 0) return fill(data, stamp);
    const model = withAmendments(form.build(data), view.amendments);
    return { pdf: renderIssuedPdf(model, stamp), docx: await renderDocx(model) };
  };
  return issueDocument(ctx, actor, {
    formId: form.id,
    title: `Danh sách cử tri ${ec.election.hamletName}${state}`,
    issuerKey: `hamlet:${ec.election.hamletId}:to-bau-cu`,
    symbol: null,
    date,
    communeId,
    hamletId: ec.election.hamletId,
    electionId,
    data: { ...data, registered: view.counts.registered, amendments: amended },
    replaces: await previousVersion(ctx, electionId, form.id),
    render,
  });
}

/** Issues the voter cards of the posted roll as amended, eight to an A4 page. */
/** Voter cards for the posted roll's voters (also used by the polling-day pack). */
export async function voterCardsData(
  ctx: ServiceContext,
  ec: ElectionContext,
  voters: readonly SnapshotEntry[],
): Promise<VoterCardsData> {
  const pr = await printing(ctx, ec);
  const data: VoterCardsData = {
    issuer: `UBND ${pr.communeName}`,
    election: `Bầu ${electionPhrase(ec, pr)}`,
    hamlet: ec.election.hamletName,
    electionDate: ec.election.electionDate as string,
    place: ec.election.venue ?? `Nhà văn hóa ${hamletInText(ec.election.hamletName)}`,
    voters: voters.map((v) => ({
      rollNumber: v.rollNumber,
      name: v.fullName,
      // The code the team types (or scans) at check-in on polling day.
      code: voterCardCode(ec.election.id, v.rollNumber),
      ...(v.residentGroup ? { group: v.residentGroup } : {}),
    })),
    signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  };
  return data;
}

export async function issueVoterCards(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<DocumentInfo>> {
  const l = await loadRoll(ctx, actor, electionId, 'write');
  if (!l.ok) return l;
  const { ec, view } = l.value;
  if (view.roll?.state !== 'posted') {
    return err(
      failures.invalid(
        'roll',
        'Thẻ cử tri in theo danh sách đã niêm yết (số thứ tự không đổi): hãy niêm yết danh sách trước.',
      ),
    );
  }
  const form = findForm('voter-cards');
  if (!form) return err(failures.notFound('mẫu thẻ cử tri'));
  const snap = await repo.latestSnapshot(ctx.store.db, view.roll.id);
  const voters = parseJson<SnapshotEntry[]>(snap?.entries ?? '[]', []);
  const data = await voterCardsData(ctx, ec, voters);
  const communeId = ec.election.communeId;
  const fill = await formRenderer(ctx, communeId, form);
  return issueDocument(ctx, actor, {
    formId: form.id,
    title: `Thẻ cử tri ${ec.election.hamletName} (${voters.length} thẻ)`,
    issuerKey: `hamlet:${ec.election.hamletId}:to-bau-cu`,
    symbol: null,
    date: vnToday(ctx),
    communeId,
    hamletId: ec.election.hamletId,
    electionId,
    data: { electionId, snapshot: snap?.number ?? null, cards: voters.length },
    replaces: await previousVersion(ctx, electionId, form.id),
    render: (_number, stamp) => fill(data, stamp),
  });
}
