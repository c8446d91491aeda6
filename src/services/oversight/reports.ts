/**
 * Reports sent upward (seed 000 III.1: the ward's summary of results; seed 001 III.3: all elections
 * done by the plan's deadline and the results reported to the level above): the commune's summary
 * (XLSX one row per hamlet with totals; PDF from the `commune-summary` form, issued and numbered by
 * the commune, or as an unnumbered draft for readers), the province's aggregate (XLSX one row per
 * commune with totals; PDF), and the progress report against a deadline listing what is missing.
 * Every total is the sum of the rows printed above it (`tallyOf` / `sumTallies`).
 */
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { findForm } from '../../documents/forms';
import type { CommuneSummaryData, SummaryRow } from '../../documents/forms/commune-summary';
import { issueHeader, meta, ratio } from '../../documents/forms/common';
import type { Block, Cell, DocumentModel } from '../../documents/model';
import { b, p } from '../../documents/model';
import { renderDocx } from '../../documents/render-docx';
import { renderIssuedPdf, renderPdf } from '../../documents/render-pdf';
import type { XlsxSheet } from '../../io/xlsx-export';
import { writeXlsx } from '../../io/xlsx-export';
import { territory as territoryRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import type { DocumentInfo } from '../documents';
import { issueDocument } from '../documents';
import { failures } from '../common';
import { isCivil } from '../common';
import type { CommuneDashboard, ProvinceDashboard, StateKey, Tally } from './dashboard';
import { STATE_KEYS, STATE_LABELS, communeDashboard, provinceDashboard, provinceRows } from './dashboard';
import type { HamletStatus } from './status';

export interface FileOut {
  readonly bytes: Buffer;
  readonly name: string;
}

const OUTCOME_VI: Record<string, string> = {
  elected: 'Có người trúng cử',
  rerun: 'Không có người trúng cử: bầu lại',
  interim: 'Không có người trúng cử: cử người tạm thời',
};

export const NOT_COUNTED = 'chưa kiểm phiếu';
export const NO_OFFICE_DATA = 'chưa có dữ liệu';

/** Per cent with two decimals from integers, for spreadsheets (a number, not text). */
export function percentNumber(n: number, of: number): number | null {
  return of > 0 ? Math.round((n * 10000) / of) / 100 : null;
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function hamletRow(h: HamletStatus, n: number): Record<string, string | number | null> {
  const r = h.result;
  return {
    n,
    hamlet: h.hamletName,
    state: h.stateLabel,
    date: h.electionDate,
    late: h.late ? 'Chậm' : '',
    overdue: h.overdueTasks,
    registered: r?.outcome ? r.registered : null,
    voted: r?.outcome ? r.voted : null,
    turnout: r?.outcome ? percentNumber(r.voted, r.registered) : null,
    outcome: r?.outcome ? (OUTCOME_VI[r.outcome] ?? r.outcome) : NOT_COUNTED,
    elected: r?.elected?.name ?? null,
    votes: r?.elected?.votes ?? null,
    office: h.office?.name ?? NO_OFFICE_DATA,
    termEnd: h.office?.termEnd ?? null,
  };
}

const hamletColumns = [
  { header: 'STT', key: 'n', width: 6 },
  { header: 'Thôn, tổ dân phố', key: 'hamlet', width: 22 },
  { header: 'Trạng thái', key: 'state', width: 30 },
  { header: 'Ngày bầu', key: 'date', width: 12 },
  { header: 'Chậm tiến độ', key: 'late', width: 10 },
  { header: 'Việc quá hạn', key: 'overdue', width: 10 },
  { header: 'Tổng số cử tri', key: 'registered', width: 12 },
  { header: 'Số tham gia', key: 'voted', width: 12 },
  { header: 'Tỷ lệ tham gia (%)', key: 'turnout', width: 12 },
  { header: 'Kết quả', key: 'outcome', width: 34 },
  { header: 'Người trúng cử', key: 'elected', width: 24 },
  { header: 'Số phiếu', key: 'votes', width: 10 },
  { header: 'Người đang đảm nhiệm', key: 'office', width: 24 },
  { header: 'Hết nhiệm kỳ', key: 'termEnd', width: 12 },
] as const;

function communeSheet(d: CommuneDashboard): XlsxSheet {
  const t = d.totals;
  return {
    name: d.commune.name,
    columns: hamletColumns,
    rows: [
      ...d.hamlets.map((h, i) => hamletRow(h, i + 1)),
      {
        hamlet: 'Tổng cộng',
        state: `${t.done}/${t.hamlets} đã hoàn thành`,
        late: t.lateHamlets,
        overdue: t.lateItems,
        registered: t.registered,
        voted: t.voted,
        turnout: percentNumber(t.voted, t.registered),
        outcome: `${t.counted} đã kiểm phiếu`,
        elected: `${t.elected} có người trúng cử`,
      },
    ],
  };
}

export async function communeResultsXlsx(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<FileOut>> {
  const d = await communeDashboard(ctx, actor, communeId);
  if (!d.ok) return d;
  return ok({
    bytes: await writeXlsx([communeSheet(d.value)]),
    name: `ket-qua-bau-${slug(d.value.commune.name)}.xlsx`,
  });
}

function summaryRows(d: CommuneDashboard): SummaryRow[] {
  return d.hamlets
    .filter((h) => h.result?.outcome && h.electionDate)
    .map((h) => ({
      hamlet: h.hamletName,
      date: h.electionDate!,
      totalOnRoll: h.result!.registered,
      participated: h.result!.voted,
      elected: h.result!.elected,
      note:
        h.result!.outcome === 'elected'
          ? h.state === 'recognised'
            ? 'Đã công nhận'
            : ''
          : (OUTCOME_VI[h.result!.outcome!] ?? ''),
    }));
}

function summaryData(d: CommuneDashboard, date: CivilDate, number: number | null): CommuneSummaryData {
  const name = d.commune.name;
  const rows = summaryRows(d);
  const missing = d.hamlets.filter((h) => !h.result?.outcome);
  const term = d.hamlets.find((h) => h.termLabel)?.termLabel ?? '';
  return {
    issue: {
      body: { lines: ['ỦY BAN NHÂN DÂN', name.toUpperCase()] },
      number,
      symbol: 'BC-UBND',
      place: name,
      date,
      recipients: [
        `- UBND ${d.province.name} (b/c);`,
        '- Sở Nội vụ (b/c);',
        `- UBMTTQVN ${name};`,
        '- Lưu: VT.',
      ],
      signer: { authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH' },
    },
    subject: `Kết quả bầu ${d.hamlets[0]?.headTitle ?? 'Trưởng thôn'}${term ? ` nhiệm kỳ ${term}` : ''} trên địa bàn ${name}`,
    addressees: [`Ủy ban nhân dân ${d.province.name}`, 'Sở Nội vụ'],
    intro: `Ủy ban nhân dân ${name} báo cáo kết quả bầu tại ${d.totals.hamlets} thôn, tổ dân phố (số liệu đến ngày ${formatVietnamese(d.today)}) như sau:`,
    electorateLabel: 'cử tri',
    rows,
    assessment: [
      `Đã kiểm phiếu ${rows.length}/${d.totals.hamlets} thôn, tổ dân phố; ${d.totals.elected} nơi có người trúng cử; ${d.totals.reruns} nơi phải bầu lại; ${d.totals.interimHeads} nơi cử người tạm thời đảm nhiệm.`,
      ...(missing.length > 0
        ? [
            `Chưa kiểm phiếu: ${missing.map((h) => `${h.hamletName} (${h.stateLabel.toLowerCase()})`).join('; ')}.`,
          ]
        : []),
      ...(d.totals.lateHamlets > 0
        ? [
            `${d.totals.lateHamlets} thôn, tổ dân phố chậm tiến độ so với kế hoạch (${d.totals.lateItems} việc quá hạn).`,
          ]
        : []),
    ],
    proposals:
      missing.length > 0 || d.totals.reruns > 0
        ? [
            'Tiếp tục chỉ đạo hoàn thành việc bầu tại các thôn, tổ dân phố còn lại trong thời hạn của kế hoạch.',
          ]
        : ['Không có.'],
  };
}

function buildSummary(data: CommuneSummaryData): DocumentModel {
  const form = findForm('commune-summary');
  if (!form) throw new Error('form commune-summary is not registered');
  return form.build(data);
}

/** The commune's summary as an unnumbered draft: what a reader (the province) may download. */
export async function communeSummaryPdf(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<FileOut>> {
  const d = await communeDashboard(ctx, actor, communeId);
  if (!d.ok) return d;
  const model = buildSummary(summaryData(d.value, d.value.today, null));
  return ok({ bytes: renderPdf(model), name: `bao-cao-ket-qua-${slug(d.value.commune.name)}.pdf` });
}

/** Issues the commune's summary report: numbered in the UBND's register, stored with its hash. */
export async function issueCommuneSummary(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: { date?: CivilDate } = {},
): Promise<Result<DocumentInfo>> {
  const d = await communeDashboard(ctx, actor, communeId);
  if (!d.ok) return d;
  const date = input.date ?? d.value.today;
  if (!isCivil(date)) return err(failures.invalid('date', 'Ngày báo cáo không hợp lệ.'));
  return issueDocument(ctx, actor, {
    formId: 'commune-summary',
    title: `Báo cáo kết quả bầu ${d.value.commune.name}`,
    issuerKey: `commune:${communeId}:ubnd`,
    symbol: 'BC-UBND',
    date,
    communeId,
    data: summaryData(d.value, date, null),
    render: async (number, stamp) => {
      const model = buildSummary(summaryData(d.value, date, number));
      return { docx: await renderDocx(model), pdf: renderIssuedPdf(model, stamp) };
    },
  });
}

const stateColumns = STATE_KEYS.map((k) => ({ header: STATE_LABELS[k], key: `s_${k}`, width: 12 }));

function communeTallyRow(name: string, code: string, t: Tally): Record<string, string | number | null> {
  return {
    code,
    name,
    hamlets: t.hamlets,
    ...Object.fromEntries(STATE_KEYS.map((k) => [`s_${k}`, t.byState[k]])),
    done: t.done,
    lateHamlets: t.lateHamlets,
    lateItems: t.lateItems,
    reruns: t.reruns,
    interimHeads: t.interimHeads,
    registered: t.registered,
    voted: t.voted,
    turnout: percentNumber(t.voted, t.registered),
    elected: t.elected,
  };
}

export async function provinceAggregateXlsx(
  ctx: ServiceContext,
  actor: Actor,
  provinceCode: string,
): Promise<Result<FileOut>> {
  const d = await provinceDashboard(ctx, actor, provinceCode);
  if (!d.ok) return d;
  const columns = [
    { header: 'Mã', key: 'code', width: 8 },
    { header: 'Xã, phường', key: 'name', width: 28 },
    { header: 'Số thôn, TDP', key: 'hamlets', width: 10 },
    ...stateColumns,
    { header: 'Đã hoàn thành', key: 'done', width: 10 },
    { header: 'Thôn chậm tiến độ', key: 'lateHamlets', width: 10 },
    { header: 'Việc quá hạn', key: 'lateItems', width: 10 },
    { header: 'Bầu lại', key: 'reruns', width: 10 },
    { header: 'Trưởng thôn lâm thời', key: 'interimHeads', width: 10 },
    { header: 'Tổng số cử tri (đã kiểm phiếu)', key: 'registered', width: 12 },
    { header: 'Số tham gia', key: 'voted', width: 12 },
    { header: 'Tỷ lệ tham gia (%)', key: 'turnout', width: 10 },
    { header: 'Có người trúng cử', key: 'elected', width: 10 },
  ];
  const rows = d.value.communes.map((c) => communeTallyRow(c.name, c.code, c));
  rows.push(communeTallyRow('Tổng cộng', '', d.value.totals));
  return ok({
    bytes: await writeXlsx([{ name: d.value.province.name, columns, rows }]),
    name: `tong-hop-${slug(d.value.province.name)}.xlsx`,
  });
}

function aggregateTable(d: ProvinceDashboard): Block {
  const shown = d.communes.filter((c) => c.hamlets > 0);
  const row = (n: string, name: string, t: Tally, bold = false): Cell[] => {
    const cell = (s: string): Cell => (bold ? { runs: [b(s)], align: 'center' } : s);
    return [
      n,
      bold ? { runs: [b(name)] } : name,
      cell(String(t.hamlets)),
      cell(String(t.done)),
      cell(String(t.lateHamlets)),
      cell(String(t.reruns)),
      cell(String(t.interimHeads)),
      cell(String(t.registered)),
      cell(String(t.voted)),
      cell(ratio(t.voted, t.registered)),
      cell(String(t.elected)),
    ];
  };
  return {
    kind: 'table',
    size: 11,
    columns: [
      { header: 'STT', width: 0.5, align: 'center' },
      { header: 'Xã, phường', width: 2.2, align: 'left' },
      { header: 'Số thôn, TDP', width: 0.9, align: 'center' },
      { header: 'Đã hoàn thành', width: 1, align: 'center' },
      { header: 'Chậm tiến độ', width: 0.9, align: 'center' },
      { header: 'Bầu lại', width: 0.8, align: 'center' },
      { header: 'Lâm thời', width: 0.8, align: 'center' },
      { header: 'Tổng số cử tri', width: 1, align: 'center' },
      { header: 'Số tham gia', width: 1, align: 'center' },
      { header: 'Tỷ lệ tham gia', width: 1, align: 'center' },
      { header: 'Có người trúng cử', width: 1, align: 'center' },
    ],
    rows: [...shown.map((c, i) => row(String(i + 1), c.name, c)), row('', 'Tổng cộng', d.totals, true)],
  };
}

export function provinceAggregateModel(d: ProvinceDashboard): DocumentModel {
  const t = d.totals;
  const notStarted = d.communes.filter((c) => c.hamlets === 0).length;
  const byState = STATE_KEYS.filter((k) => t.byState[k] > 0)
    .map((k) => `${STATE_LABELS[k].toLowerCase()}: ${t.byState[k]}`)
    .join('; ');
  const blocks: Block[] = [
    issueHeader({
      body: { lines: ['ỦY BAN NHÂN DÂN', d.province.name.toUpperCase()] },
      number: null,
      symbol: 'BC-UBND',
      place: d.province.name.replace(/^Tỉnh |^Thành phố /, ''),
      date: d.today,
      recipients: [],
      signer: { title: '' },
    }),
    {
      kind: 'title',
      text: 'BÁO CÁO',
      subtitle: ['Tổng hợp tiến độ và kết quả bầu Trưởng thôn, Tổ trưởng tổ dân phố'],
    },
    p(
      `Số liệu đến ngày ${formatVietnamese(d.today)}, tổng hợp từ ${d.communes.length - notStarted} xã, phường đã nhập dữ liệu (${notStarted} xã, phường chưa có dữ liệu thôn, tổ dân phố).`,
    ),
    p([b('I. TIẾN ĐỘ')]),
    p(`Tổng số ${t.hamlets} thôn, tổ dân phố; ${byState || 'chưa có cuộc bầu nào'}.`),
    p(
      `Đã hoàn thành ${t.done}/${t.hamlets}; chậm tiến độ ${t.lateHamlets} (${t.lateItems} việc quá hạn); bầu lại ${t.reruns}; cử người tạm thời ${t.interimHeads}.`,
    ),
    p([b('II. KẾT QUẢ THEO XÃ, PHƯỜNG')]),
    aggregateTable(d),
  ];
  return {
    meta: meta(`Báo cáo tổng hợp ${d.province.name}`, d.today),
    orientation: 'landscape',
    blocks,
  };
}

export async function provinceAggregatePdf(
  ctx: ServiceContext,
  actor: Actor,
  provinceCode: string,
): Promise<Result<FileOut>> {
  const d = await provinceDashboard(ctx, actor, provinceCode);
  if (!d.ok) return d;
  return ok({
    bytes: renderPdf(provinceAggregateModel(d.value)),
    name: `tong-hop-${slug(d.value.province.name)}.pdf`,
  });
}

export interface MissingItem {
  readonly hamletId: string;
  readonly hamlet: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly electionDate: CivilDate | null;
  readonly nextDeadline: CivilDate | null;
  readonly late: boolean;
  readonly overdueTasks: number;
  /** What is missing, in words. */
  readonly missing: string;
}

export interface ProgressUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: 'commune' | 'hamlet';
  readonly byState: Record<StateKey, number>;
  readonly hamlets: number;
  readonly done: number;
  readonly lateItems: number;
  readonly lateHamlets: number;
  readonly late: MissingItem[];
  readonly missing: MissingItem[];
}

export interface ProgressReport {
  readonly unit: { code: string; name: string; kind: 'province' | 'commune' };
  readonly today: CivilDate;
  /** The deadline the report is measured against: given, else the plans' earliest final deadline. */
  readonly deadline: CivilDate | null;
  readonly deadlinePassed: boolean;
  readonly children: ProgressUnit[];
  readonly totals: { hamlets: number; done: number; lateItems: number; lateHamlets: number; missing: number };
}

function missingOf(h: HamletStatus): MissingItem {
  const what = !h.state
    ? 'Chưa lập kế hoạch bầu'
    : h.state === 'rerunOrdered'
      ? 'Phải tổ chức bầu lại'
      : h.result?.outcome || h.state === 'counted'
        ? 'Chưa báo cáo kết quả lên cấp trên'
        : `Chưa bầu xong (đang ở bước: ${h.stateLabel.toLowerCase()})`;
  return {
    hamletId: h.hamletId,
    hamlet: h.hamletName,
    state: h.state ?? 'none',
    stateLabel: h.stateLabel,
    electionDate: h.electionDate,
    nextDeadline: h.nextDeadline?.due ?? null,
    late: h.late,
    overdueTasks: h.overdueTasks,
    missing: what,
  };
}

function progressUnit(
  code: string,
  name: string,
  kind: 'commune' | 'hamlet',
  rows: HamletStatus[],
  t: Tally,
): ProgressUnit {
  return {
    code,
    name,
    kind,
    byState: t.byState,
    hamlets: t.hamlets,
    done: t.done,
    lateItems: t.lateItems,
    lateHamlets: t.lateHamlets,
    late: rows.filter((r) => r.late).map(missingOf),
    missing: rows.filter((r) => !r.done).map(missingOf),
  };
}

/**
 * Progress of a province (per commune) or of a commune (per hamlet) against a deadline: counts by
 * state, late items, and every hamlet whose election is not done (reported, recognised or interim).
 */
export async function progressReport(
  ctx: ServiceContext,
  actor: Actor,
  unitCode: string,
  options: { deadline?: CivilDate } = {},
): Promise<Result<ProgressReport>> {
  if (options.deadline !== undefined && !isCivil(options.deadline))
    return err(failures.invalid('deadline', 'Hạn hoàn thành phải có dạng YYYY-MM-DD.'));
  const db = ctx.store.db;
  if (await territoryRepo.getProvince(db, unitCode)) {
    const rows = await provinceRows(ctx, actor, unitCode);
    if (!rows.ok) return rows;
    const children = rows.value.communes
      .filter((c) => c.hamlets > 0)
      .map((c) => progressUnit(c.code, c.name, 'commune', c.hamletRows, c));
    const deadline = options.deadline ?? earliestOf(rows.value.communes.map((c) => c.finalDeadline));
    return ok(
      report(
        { code: unitCode, name: rows.value.province.name, kind: 'province' },
        rows.value.today,
        deadline,
        children,
      ),
    );
  }
  const commune = await territoryRepo.getCommune(db, unitCode);
  if (!commune) return err(failures.notFound(`đơn vị có mã ${unitCode}`));
  const d = await communeDashboard(ctx, actor, commune.id);
  if (!d.ok) return d;
  const children = d.value.hamlets.map((h) => {
    const one = { ...d.value.totals, ...hamletTally(h) };
    return progressUnit(h.hamletId, h.hamletName, 'hamlet', [h], one);
  });
  const deadline = options.deadline ?? d.value.finalDeadline;
  return ok(
    report(
      { code: commune.id, name: commune.name, kind: 'commune' },
      d.value.today,
      deadline,
      children,
      d.value.overdueCommuneTasks,
    ),
  );
}

function hamletTally(
  h: HamletStatus,
): Pick<Tally, 'byState' | 'hamlets' | 'done' | 'lateItems' | 'lateHamlets'> {
  const byState = Object.fromEntries(STATE_KEYS.map((k) => [k, (h.state ?? 'none') === k ? 1 : 0])) as Record<
    StateKey,
    number
  >;
  return {
    byState,
    hamlets: 1,
    done: h.done ? 1 : 0,
    lateItems: h.overdueTasks,
    lateHamlets: h.late ? 1 : 0,
  };
}

function earliestOf(xs: readonly (string | null)[]): string | null {
  return xs.filter((x): x is string => x !== null).sort()[0] ?? null;
}

function report(
  unit: ProgressReport['unit'],
  today: CivilDate,
  deadline: CivilDate | null,
  children: ProgressUnit[],
  extraLate = 0,
): ProgressReport {
  return {
    unit,
    today,
    deadline,
    deadlinePassed: deadline !== null && today > deadline,
    children,
    totals: {
      hamlets: children.reduce((s, c) => s + c.hamlets, 0),
      done: children.reduce((s, c) => s + c.done, 0),
      lateItems: children.reduce((s, c) => s + c.lateItems, 0) + extraLate,
      lateHamlets: children.reduce((s, c) => s + c.lateHamlets, 0),
      missing: children.reduce((s, c) => s + c.missing.length, 0),
    },
  };
}

/** `baucoso report results --unit`: the commune's per-hamlet sheet, or the province's per-commune sheet. */
export async function resultsXlsx(
  ctx: ServiceContext,
  actor: Actor,
  unitCode: string,
): Promise<Result<FileOut>> {
  if (await territoryRepo.getProvince(ctx.store.db, unitCode))
    return provinceAggregateXlsx(ctx, actor, unitCode);
  return communeResultsXlsx(ctx, actor, unitCode);
}
