/** Decision forming the election team, with its members and duties (ND59 Điều 6 k1b; QĐ 01/2016 Quảng Trị Điều 15 k1đ; Tây Ninh Điều 5 k3). */
import { b, type Block, type DocumentModel } from '../model';
import {
  decision,
  electionPhrase,
  personText,
  type DecisionParts,
  type ElectionRef,
  type Person,
  withArchive,
} from './common';
import { COMMUNE, LEGAL_BASES_ND59, TEAM, election, ubndIssue } from './sample-data';

export interface TeamMember extends Person {
  /** The body the member represents. */
  readonly represents: string;
  /** "Tổ trưởng", "Thư ký", "Thành viên". */
  readonly role: string;
}

export interface ElectionTeamData extends DecisionParts {
  readonly election: ElectionRef;
  readonly members: readonly TeamMember[];
  /** Duties and powers of the team (QĐ 01/2016 Quảng Trị Điều 15 k1đ; ND59 Điều 6). */
  readonly duties: readonly string[];
  /** Who votes: "toàn thể cử tri" or "cử tri đại diện hộ gia đình". */
  readonly electorate?: string;
  readonly dissolution: string;
  readonly executors: string;
}

export function buildElectionTeamDecision(d: ElectionTeamData): DocumentModel {
  const subject = `Về việc thành lập Tổ bầu cử ${electionPhrase(d.election)}`;
  const table: Block = {
    kind: 'table',
    size: 12,
    columns: [
      { header: 'STT', width: 0.6, align: 'center' },
      { header: 'Họ và tên', width: 2.6, align: 'left' },
      { header: 'Đơn vị, tổ chức đại diện', width: 3.4, align: 'left' },
      { header: 'Chức danh trong Tổ bầu cử', width: 1.8, align: 'center' },
    ],
    rows: d.members.map((m, n) => [String(n + 1), personText(m), m.represents, m.role]),
  };
  const articles = [
    {
      text: `Thành lập Tổ bầu cử ${electionPhrase(d.election)}, gồm ${d.members.length} thành viên có tên sau:`,
      after: [table],
    },
    { text: 'Nhiệm vụ, quyền hạn của Tổ bầu cử:', items: d.duties.map((x) => `- ${x}`) },
    ...(d.electorate ? [{ text: [b('Thành phần cử tri tham gia bầu cử: '), d.electorate] }] : []),
    { text: d.dissolution },
    { text: d.executors },
  ];
  return decision(d, subject, articles);
}

export const QT_TEAM_DUTIES = [
  'Lập và niêm yết danh sách cử tri tham gia bầu cử, danh sách những người ứng cử;',
  'Lập thẻ cử tri để phát cho cử tri tham gia bầu cử;',
  'Nhận tài liệu và phiếu bầu (có đóng dấu của UBND cấp xã ở góc trái phía trên của phiếu bầu) từ UBND cấp xã để phát cho cử tri trong ngày bầu cử;',
  'Thường xuyên thông báo cho cử tri biết ngày bầu cử, nơi bỏ phiếu, danh sách những người ứng cử, thời gian bỏ phiếu trong thời hạn 5 ngày trước ngày bầu cử;',
  'Bố trí, trang trí phòng bỏ phiếu và chuẩn bị hòm phiếu;',
  'Tổ chức ngày bầu cử theo đúng quy định;',
  'Tổ chức việc kiểm phiếu và lập biên bản kết quả kiểm phiếu;',
  'Báo cáo kết quả bầu cử và gửi kèm biên bản kết quả kiểm phiếu đến Ủy ban nhân dân và Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã; nộp các tài liệu bầu cử cho Ủy ban nhân dân cấp xã.',
];

export function sampleElectionTeamDecision(): ElectionTeamData {
  return {
    issue: {
      ...ubndIssue(118, 'QĐ-UBND', '2024-10-07', 'chair'),
      recipients: withArchive(['- Như Điều 5;', '- UBMTTQVN phường;']),
    },
    authority: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${COMMUNE}`,
    legalBases: [...LEGAL_BASES_ND59, 'Xét đề nghị của Trưởng ban công tác Mặt trận khu phố 1.'],
    election: election('Khu phố 1'),
    members: TEAM,
    duties: QT_TEAM_DUTIES,
    electorate: 'Cử tri đại diện hộ gia đình trong khu phố 1.',
    dissolution: 'Tổ bầu cử tự giải thể sau khi hoàn thành nhiệm vụ.',
    executors:
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND phường, Trưởng ban công tác Mặt trận khu phố 1 và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
  };
}
