/**
 * Báo cáo kết quả bầu (team leader's report to the commune People's Committee and Front, sent with
 * the count record; QĐ 01/2016 Quảng Trị Điều 15 k2d, Tây Ninh Điều 7 k2g).
 */
import { b, p, type Block, type DocumentModel } from '../model';
import { dateInWords } from '../words';
import { count, issueHeader, meta, ratio, signerBlock, type Issue } from './common';
import { CANDIDATES, ELECTION_DATE, PLACE, teamBody, TEAM } from './sample-data';

export interface ResultReportData {
  readonly issue: Issue;
  readonly subject: string;
  readonly addressees: readonly string[];
  readonly electionDate: string;
  readonly preparation: readonly string[];
  readonly electorateLabel: string;
  readonly totalOnRoll: number;
  readonly participated: number;
  readonly valid: number;
  readonly invalid: number;
  readonly candidates: readonly { readonly name: string; readonly votes: number }[];
  readonly ratioLabel: string;
  readonly outcome: string;
  readonly attachments: readonly string[];
  /** Interruptions of polling day (time, reason, box sealed), one line each. */
  readonly interruptions?: readonly string[];
}

export function buildResultReport(d: ResultReportData): DocumentModel {
  const blocks: Block[] = [
    issueHeader(d.issue),
    { kind: 'title', text: 'BÁO CÁO', subtitle: [d.subject] },
    p([b('Kính gửi: ')], { align: 'center', indent: false }),
    ...d.addressees.map((a) => p(`- ${a}`, { align: 'center', indent: false })),
    p([b('1. Công tác chuẩn bị')]),
    ...d.preparation.map((x) => p(`- ${x}`)),
    p([b('2. Kết quả bầu cử ngày '), b(dateInWords(d.electionDate).replace(/^ngày /, ''))]),
    p(`- Tổng số ${d.electorateLabel} trong danh sách: ${count(d.totalOnRoll)}.`),
    p(
      `- Số ${d.electorateLabel} tham gia: ${count(d.participated)}, bằng ${ratio(d.participated, d.totalOnRoll)}.`,
    ),
    p(`- Số phiếu hợp lệ: ${count(d.valid)}; số phiếu không hợp lệ: ${count(d.invalid)}.`),
    ...d.candidates.map((c) =>
      p(
        `- ${c.name}: ${count(c.votes)} phiếu, bằng ${ratio(c.votes, d.totalOnRoll)} so với ${d.ratioLabel}.`,
      ),
    ),
    ...(d.interruptions ?? []).map((x) => p(`- ${x}`)),
    p([b('3. Kết quả: '), d.outcome]),
    p(`Tổ bầu cử xin báo cáo và gửi kèm theo: ${d.attachments.join('; ')}./.`),
    { kind: 'signatures', recipients: d.issue.recipients, blocks: [signerBlock(d.issue.signer)] },
  ];
  return { meta: meta(`Báo cáo ${d.subject}`, d.issue.date, d.issue.year), blocks };
}

export function sampleResultReport(): ResultReportData {
  return {
    issue: {
      body: teamBody('Khu phố 1'),
      number: 1,
      symbol: 'BC-TBC',
      place: PLACE,
      date: ELECTION_DATE,
      recipients: ['- Như trên;', '- Lưu: Tổ bầu cử.'],
      signer: { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', name: TEAM[0].name },
    },
    subject: 'Kết quả bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    addressees: ['Ủy ban nhân dân Phường 2;', 'Ủy ban Mặt trận Tổ quốc Việt Nam Phường 2.'],
    electionDate: ELECTION_DATE,
    preparation: [
      'Tổ bầu cử đã lập và niêm yết danh sách cử tri đại diện hộ gia đình, danh sách người ứng cử tại nhà văn hóa khu phố đúng thời gian quy định.',
      'Đã thông báo, phát giấy mời đến các hộ gia đình; chuẩn bị phòng họp, hòm phiếu và phiếu bầu có đóng dấu của UBND phường.',
    ],
    electorateLabel: 'đại diện hộ gia đình',
    totalOnRoll: 312,
    participated: 251,
    valid: 245,
    invalid: 6,
    candidates: [
      { name: `Ông ${CANDIDATES[0].name}`, votes: 187 },
      { name: `Bà ${CANDIDATES[1].name}`, votes: 58 },
    ],
    ratioLabel: 'tổng số đại diện hộ gia đình trong danh sách',
    outcome: `Ông ${CANDIDATES[0].name} trúng cử Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027. Đề nghị Ủy ban nhân dân phường xem xét, ra quyết định công nhận.`,
    attachments: [
      'Biên bản kiểm phiếu',
      'Biên bản cuộc họp cộng đồng dân cư',
      'Danh sách cử tri đại diện hộ gia đình',
    ],
  };
}
