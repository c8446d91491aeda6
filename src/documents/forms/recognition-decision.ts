/** Decision recognising the person elected (ND59 Điều 8; QĐ 01/2016 Quảng Trị Điều 16; Tây Ninh Điều 8). */
import { b, type DocumentModel } from '../model';
import { dateInWords } from '../words';
import {
  decision,
  electionPhrase,
  personText,
  ratio,
  type Article,
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
  /** Deputies elected with the head and recognised in the same decision (Quảng Trị Điều 13, 16). */
  readonly alsoElected?: readonly {
    readonly election: ElectionRef;
    readonly elected: Person & { readonly birthDate?: string; readonly residence?: string };
    readonly votes?: { readonly count: number; readonly of: number; readonly ofLabel: string };
  }[];
  readonly duties: string;
  readonly executors: string;
}

type Elected = RecognitionData['elected'];
type Votes = RecognitionData['votes'];

function recognitionArticle(election: ElectionRef, elected: Elected, votes: Votes): Article {
  const who = [
    personText(elected),
    elected.birthDate ? `, sinh ${dateInWords(elected.birthDate)}` : '',
    elected.residence ? `, nơi cư trú: ${elected.residence}` : '',
  ].join('');
  const counted = votes
    ? ` (đạt ${votes.count} phiếu, bằng ${ratio(votes.count, votes.of)} so với ${votes.ofLabel})`
    : '';
  return { text: [`Công nhận `, b(who), `, trúng cử ${electionPhrase(election)}${counted}.`] };
}

export function buildRecognitionDecision(d: RecognitionData): DocumentModel {
  const also = d.alsoElected ?? [];
  const all = [d.election, ...also.map((x) => x.election)];
  const same = all.every((e) => e.hamlet === d.election.hamlet && e.term === d.election.term);
  const phrase = same
    ? electionPhrase({ ...d.election, position: all.map((e) => e.position).join(' và ') })
    : all.map(electionPhrase).join('; ');
  const subject = `Về việc công nhận người trúng cử ${phrase}`;
  return decision(d, subject, [
    recognitionArticle(d.election, d.elected, d.votes),
    ...also.map((x) => recognitionArticle(x.election, x.elected, x.votes)),
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
