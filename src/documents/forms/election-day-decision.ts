/** Decision fixing the election day (QĐ 01/2016 Quảng Trị Điều 15 k1a; Tây Ninh Điều 4; ND59 Điều 6 k1a). */
import { b, type Block, type DocumentModel } from '../model';
import { dateInWords, timeInWords, weekdayName } from '../words';
import { decision, type DecisionParts, withArchive } from './common';
import { COMMUNE, ELECTION_DATE, LEGAL_BASES_ND59, ubndIssue } from './sample-data';

export interface ElectionDayHamlet {
  readonly hamlet: string;
  readonly date: string;
  readonly time: string;
  readonly place: string;
}

export interface ElectionDayData extends DecisionParts {
  readonly position: string;
  readonly term: string;
  readonly hamlets: readonly ElectionDayHamlet[];
  /** "Đại diện hộ gia đình ..." (ND59 Đ3 k2). */
  readonly electorate: string;
  /** How the election is held and who convenes it. */
  readonly method: string;
  readonly executors: string;
}

export function buildElectionDayDecision(d: ElectionDayData): DocumentModel {
  const subject = `Về việc công bố ngày bầu cử ${d.position}, nhiệm kỳ ${d.term}`;
  const table: Block = {
    kind: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 0.6, align: 'center' },
      { header: 'Khu vực', width: 1.6, align: 'left' },
      { header: 'Ngày bầu cử', width: 2.6, align: 'center' },
      { header: 'Thời gian', width: 1.3, align: 'center' },
      { header: 'Địa điểm', width: 3, align: 'left' },
    ],
    rows: d.hamlets.map((h, n) => [
      String(n + 1),
      h.hamlet,
      `${weekdayName(h.date)}, ${dateInWords(h.date)}`,
      timeInWords(h.time),
      h.place,
    ]),
  };
  return decision(d, subject, [
    { text: `Công bố ngày bầu cử ${d.position}, nhiệm kỳ ${d.term} như sau:`, after: [table] },
    { text: [b('Thành phần tham gia bầu cử: '), d.electorate] },
    { text: [b('Hình thức bầu cử: '), d.method] },
    { text: d.executors },
  ]);
}

export function sampleElectionDayDecision(): ElectionDayData {
  return {
    issue: {
      ...ubndIssue(112, 'QĐ-UBND', '2024-10-25'),
      recipients: withArchive(['- Như Điều 4;', '- TT Đảng ủy, HĐND phường;', '- UBMTTQVN phường;']),
    },
    authority: `ỦY BAN NHÂN DÂN ${COMMUNE}`,
    legalBases: [
      ...LEGAL_BASES_ND59,
      `Căn cứ Kế hoạch số 85/KH-UBND ngày 24/7/2024 của UBND ${COMMUNE} về tổ chức bầu Khu phố trưởng các khu phố, nhiệm kỳ 2024-2027;`,
      'Theo đề nghị của công chức Văn phòng - Thống kê.',
    ],
    position: 'Khu phố trưởng',
    term: '2024-2027',
    hamlets: [1, 2, 3, 4, 5].map((n) => ({
      hamlet: `Khu phố ${n}`,
      date: ELECTION_DATE,
      time: n % 2 === 1 ? '07:30' : '14:00',
      place: `Nhà văn hóa khu phố ${n}`,
    })),
    electorate:
      'Đại diện hộ gia đình có tên trong danh sách cử tri đại diện hộ gia đình đã được niêm yết tại khu phố.',
    method:
      'Tại cuộc họp của cộng đồng dân cư theo quy định tại Điều 3 Nghị định số 59/2023/NĐ-CP; Tổ bầu cử triệu tập và chủ trì cuộc họp.',
    executors:
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND phường, Tổ bầu cử các khu phố, Ban công tác Mặt trận các khu phố và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
  };
}
