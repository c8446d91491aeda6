/**
 * The commune's summary report of results for the province (DOMAIN §3 item 21): one table row per
 * hamlet with totals, landscape.
 */
import { b, p, type Block, type Cell, type DocumentModel } from '../model';
import { dateInWords } from '../words';
import { count, issueHeader, meta, ratio, signerBlock, type Issue } from './common';
import { ELECTION_DATE, ubndIssue } from './sample-data';

export interface SummaryRow {
  readonly hamlet: string;
  readonly date: string;
  readonly totalOnRoll: number;
  readonly participated: number;
  /** Null when nobody was elected (re-election or interim head). */
  readonly elected: { readonly name: string; readonly votes: number } | null;
  readonly note?: string;
}

export interface CommuneSummaryData {
  readonly issue: Issue;
  readonly subject: string;
  readonly addressees: readonly string[];
  readonly intro: string;
  readonly electorateLabel: string;
  readonly rows: readonly SummaryRow[];
  readonly assessment: readonly string[];
  readonly proposals: readonly string[];
}

const dmy = (d: string): string => d.split('-').reverse().join('/');

export function summaryTable(rows: readonly SummaryRow[], electorateLabel: string): Block {
  const total = rows.reduce((a, r) => a + r.totalOnRoll, 0);
  const took = rows.reduce((a, r) => a + r.participated, 0);
  const elected = rows.filter((r) => r.elected !== null).length;
  const body: Cell[][] = rows.map((r, n) => [
    String(n + 1),
    r.hamlet,
    dmy(r.date),
    String(r.totalOnRoll),
    String(r.participated),
    ratio(r.participated, r.totalOnRoll),
    r.elected?.name ?? '-',
    r.elected ? String(r.elected.votes) : '-',
    r.elected ? ratio(r.elected.votes, r.totalOnRoll) : '-',
    r.note ?? '',
  ]);
  body.push([
    { runs: [b('Tổng cộng')], colSpan: 3, align: 'center' },
    { runs: [b(String(total))], align: 'center' },
    { runs: [b(String(took))], align: 'center' },
    { runs: [b(ratio(took, total))], align: 'center' },
    { runs: [b(`${elected}/${rows.length} khu vực bầu được`)], colSpan: 3, align: 'center' },
    '',
  ]);
  return {
    kind: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 0.5, align: 'center' },
      { header: 'Khu vực', width: 1.4, align: 'left' },
      { header: 'Ngày bầu', width: 1.1, align: 'center' },
      { header: `Tổng số ${electorateLabel}`, width: 1.2, align: 'center' },
      { header: 'Số tham gia', width: 1, align: 'center' },
      { header: 'Tỷ lệ tham gia', width: 1, align: 'center' },
      { header: 'Người trúng cử', width: 2, align: 'left' },
      { header: 'Số phiếu', width: 0.9, align: 'center' },
      { header: 'Tỷ lệ so với tổng số', width: 1.1, align: 'center' },
      { header: 'Ghi chú', width: 1.6, align: 'left' },
    ],
    rows: body,
  };
}

export function buildCommuneSummary(d: CommuneSummaryData): DocumentModel {
  const blocks: Block[] = [
    issueHeader(d.issue),
    { kind: 'title', text: 'BÁO CÁO', subtitle: [d.subject] },
    p([b('Kính gửi: '), d.addressees.join('; ')], { align: 'center', indent: false }),
    p(d.intro),
    p([b('I. KẾT QUẢ BẦU CỬ')]),
    summaryTable(d.rows, d.electorateLabel),
    p([b('II. ĐÁNH GIÁ CHUNG')]),
    ...d.assessment.map((x) => p(`- ${x}`)),
    p([b('III. ĐỀ XUẤT, KIẾN NGHỊ')]),
    ...d.proposals.map((x) => p(`- ${x}`)),
    { kind: 'signatures', recipients: d.issue.recipients, blocks: [signerBlock(d.issue.signer)] },
  ];
  return { meta: meta(`Báo cáo ${d.subject}`, d.issue.date, d.issue.year), orientation: 'landscape', blocks };
}

export function sampleCommuneSummary(): CommuneSummaryData {
  const rows: SummaryRow[] = [
    {
      hamlet: 'Khu phố 1',
      date: ELECTION_DATE,
      totalOnRoll: 312,
      participated: 251,
      elected: { name: 'Nguyễn Văn An', votes: 187 },
    },
    {
      hamlet: 'Khu phố 2',
      date: ELECTION_DATE,
      totalOnRoll: 298,
      participated: 240,
      elected: { name: 'Bùi Văn Thắng', votes: 201 },
    },
    {
      hamlet: 'Khu phố 3',
      date: '2024-12-01',
      totalOnRoll: 276,
      participated: 190,
      elected: null,
      note: 'Bầu lại không thành; cử Khu phố trưởng lâm thời',
    },
    {
      hamlet: 'Khu phố 4',
      date: ELECTION_DATE,
      totalOnRoll: 341,
      participated: 262,
      elected: { name: 'Hoàng Thị Mai', votes: 230 },
    },
    {
      hamlet: 'Khu phố 5',
      date: ELECTION_DATE,
      totalOnRoll: 255,
      participated: 219,
      elected: { name: 'Lý Quốc Trung', votes: 176 },
    },
  ];
  return {
    issue: {
      ...ubndIssue(260, 'BC-UBND', '2024-12-10'),
      recipients: [
        '- Sở Nội vụ tỉnh (b/c);',
        '- TT Đảng ủy, HĐND phường;',
        '- UBMTTQVN phường;',
        '- Lưu: VT, VP.',
      ],
    },
    subject: 'Kết quả bầu Khu phố trưởng nhiệm kỳ 2024-2027 trên địa bàn Phường 2',
    addressees: ['Sở Nội vụ tỉnh'],
    intro: `Thực hiện Kế hoạch số 85/KH-UBND ngày 24/7/2024, Ủy ban nhân dân Phường 2 đã tổ chức bầu Khu phố trưởng tại 5 khu phố, hoàn thành ${dateInWords('2024-12-01')}. Ủy ban nhân dân phường báo cáo kết quả như sau:`,
    electorateLabel: 'đại diện hộ gia đình',
    rows,
    assessment: [
      `Công tác chuẩn bị được triển khai đúng kế hoạch; tổng số đại diện hộ gia đình tham gia ${count(rows.reduce((a, r) => a + r.participated, 0))}.`,
      'Khu phố 3 tổ chức bầu lại nhưng không có người trúng cử; Chủ tịch UBND phường đã cử Khu phố trưởng lâm thời.',
    ],
    proposals: [
      'Đề nghị Sở Nội vụ hướng dẫn việc tổ chức bầu Khu phố trưởng mới tại khu phố 3 trong thời hạn quy định.',
    ],
  };
}
