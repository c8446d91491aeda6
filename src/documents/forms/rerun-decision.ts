/** Decision ordering a re-election (QĐ 01/2016 Quảng Trị Điều 15 k3; Tây Ninh Điều 7 k3). */
import { b, type DocumentModel } from '../model';
import { dateInWords, timeInWords, weekdayName } from '../words';
import { decision, electionPhrase, type DecisionParts, type ElectionRef, withArchive } from './common';
import { COMMUNE, ELECTION_DATE, LEGAL_BASES_ND59, election, ubndIssue } from './sample-data';

export interface RerunData extends DecisionParts {
  readonly election: ElectionRef;
  readonly firstDate: string;
  readonly reason: string;
  readonly rerunDate: string;
  readonly time: string;
  readonly place: string;
  readonly arrangements: string;
  readonly executors: string;
}

export function buildRerunDecision(d: RerunData): DocumentModel {
  const subject = `Về việc tổ chức bầu cử lại ${electionPhrase(d.election)}`;
  return decision(d, subject, [
    {
      text: `Tổ chức bầu cử lại ${electionPhrase(d.election)} vào hồi ${timeInWords(d.time)}, ${weekdayName(d.rerunDate)}, ${dateInWords(d.rerunDate)}, tại ${d.place}.`,
    },
    { text: [b('Lý do bầu cử lại: '), `Cuộc bầu cử tổ chức ${dateInWords(d.firstDate)} ${d.reason}`] },
    { text: d.arrangements },
    { text: d.executors },
  ]);
}

export function sampleRerunDecision(): RerunData {
  return {
    issue: {
      ...ubndIssue(133, 'QĐ-UBND', '2024-11-22'),
      recipients: withArchive(['- Như Điều 4;', '- UBMTTQVN phường;']),
    },
    authority: `ỦY BAN NHÂN DÂN ${COMMUNE}`,
    legalBases: [...LEGAL_BASES_ND59, 'Xét Báo cáo số 01/BC-TBC ngày 17/11/2024 của Tổ bầu cử khu phố 3.'],
    election: election('Khu phố 3'),
    firstDate: ELECTION_DATE,
    reason:
      'không có người ứng cử nào đạt trên 50% số phiếu bầu hợp lệ so với tổng số đại diện hộ gia đình trong danh sách.',
    rerunDate: '2024-12-01',
    time: '07:30',
    place: 'Nhà văn hóa khu phố 3',
    arrangements:
      'Tổ bầu cử khu phố 3 (đã được thành lập theo Quyết định số 120/QĐ-UBND) tiếp tục thực hiện nhiệm vụ, tổ chức bầu cử lại theo đúng quy trình.',
    executors:
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND phường, Tổ bầu cử khu phố 3 và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
  };
}
