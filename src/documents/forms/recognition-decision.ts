/** Decision recognising the person elected (ND59 Điều 8; QĐ 01/2016 Quảng Trị Điều 16; Tây Ninh Điều 8). */
import { b, type DocumentModel } from '../model';
import { dateInWords } from '../words';
import {
  decision,
  electionPhrase,
  personText,
  ratio,
  type DecisionParts,
  type ElectionRef,
  type Person,
  withArchive,
} from './common';
import { CANDIDATES, COMMUNE, LEGAL_BASES_ND59, election, ubndIssue } from './sample-data';

export interface RecognitionData extends DecisionParts {
  readonly election: ElectionRef;
  readonly elected: Person & { readonly birthDate?: string; readonly residence?: string };
  /** Votes and the base they are measured against, printed when given. */
  readonly votes?: { readonly count: number; readonly of: number; readonly ofLabel: string };
  readonly duties: string;
  readonly executors: string;
}

export function buildRecognitionDecision(d: RecognitionData): DocumentModel {
  const subject = `Về việc công nhận người trúng cử ${electionPhrase(d.election)}`;
  const who = [
    personText(d.elected),
    d.elected.birthDate ? `, sinh ${dateInWords(d.elected.birthDate)}` : '',
    d.elected.residence ? `, nơi cư trú: ${d.elected.residence}` : '',
  ].join('');
  const votes = d.votes
    ? ` (đạt ${d.votes.count} phiếu, bằng ${ratio(d.votes.count, d.votes.of)} so với ${d.votes.ofLabel})`
    : '';
  return decision(d, subject, [
    { text: [`Công nhận `, b(who), `, trúng cử ${electionPhrase(d.election)}${votes}.`] },
    { text: d.duties },
    { text: d.executors },
  ]);
}

export function sampleRecognitionDecision(): RecognitionData {
  const c = CANDIDATES[0];
  return {
    issue: {
      ...ubndIssue(131, 'QĐ-UBND', '2024-11-21'),
      recipients: withArchive(['- Như Điều 3;', '- TT Đảng ủy phường;', '- UBMTTQVN phường;']),
    },
    authority: `ỦY BAN NHÂN DÂN ${COMMUNE}`,
    legalBases: [
      ...LEGAL_BASES_ND59,
      'Xét Báo cáo số 01/BC-TBC ngày 17/11/2024 của Tổ bầu cử khu phố 1 về kết quả bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027.',
    ],
    election: election('Khu phố 1'),
    elected: { honorific: 'Ông', name: c.name, birthDate: c.birthDate, residence: c.residence },
    votes: { count: 187, of: 312, ofLabel: 'tổng số đại diện hộ gia đình trong danh sách' },
    duties:
      'Khu phố trưởng khu phố 1 có nhiệm vụ, quyền hạn theo quy định của pháp luật và chịu sự quản lý, chỉ đạo, điều hành trực tiếp của Ủy ban nhân dân phường.',
    executors:
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND phường, Trưởng ban công tác Mặt trận khu phố 1 và ông Nguyễn Văn An chịu trách nhiệm thi hành Quyết định này./.',
  };
}
