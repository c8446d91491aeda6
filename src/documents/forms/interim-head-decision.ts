/** Decision appointing an interim head (TT 04/2012 Điều 12 k2a; ND59 Điều 9 k3; QĐ 01/2016 Quảng Trị Điều 15 k3). */
import { b, type DocumentModel } from '../model';
import { dateInWords } from '../words';
import { decision, personText, type DecisionParts, type Person, withArchive } from './common';
import { COMMUNE, LEGAL_BASES_ND59, ubndIssue } from './sample-data';

export interface InterimHeadData extends DecisionParts {
  readonly hamlet: string;
  readonly position: string;
  readonly appointee: Person & { readonly birthDate?: string; readonly residence?: string };
  readonly from: string;
  /** "cho đến khi bầu được Khu phố trưởng mới, thời hạn không quá 06 tháng" (TT04 Đ12 k2a). */
  readonly until: string;
  readonly executors: string;
}

export function buildInterimHeadDecision(d: InterimHeadData): DocumentModel {
  const subject = `Về việc cử ${d.position} lâm thời ${d.hamlet}`;
  const who = [
    personText(d.appointee),
    d.appointee.birthDate ? `, sinh ${dateInWords(d.appointee.birthDate)}` : '',
    d.appointee.residence ? `, nơi cư trú: ${d.appointee.residence}` : '',
  ].join('');
  return decision(d, subject, [
    {
      text: [
        'Cử ',
        b(who),
        ` giữ chức ${d.position} lâm thời ${d.hamlet} kể từ ${dateInWords(d.from)} ${d.until}.`,
      ],
    },
    { text: `${d.position} lâm thời có nhiệm vụ, quyền hạn như ${d.position} theo quy định của pháp luật.` },
    { text: d.executors },
  ]);
}

export function sampleInterimHeadDecision(): InterimHeadData {
  return {
    issue: {
      ...ubndIssue(140, 'QĐ-UBND', '2024-12-09', 'chair'),
      recipients: withArchive(['- Như Điều 3;', '- UBMTTQVN phường;']),
    },
    authority: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${COMMUNE}`,
    legalBases: [
      ...LEGAL_BASES_ND59,
      'Xét kết quả bầu cử lại Khu phố trưởng khu phố 3 ngày 01/12/2024 không bầu được Khu phố trưởng.',
    ],
    hamlet: 'khu phố 3',
    position: 'Khu phố trưởng',
    appointee: {
      honorific: 'Ông',
      name: 'Huỳnh Quốc Khánh',
      birthDate: '1969-05-20',
      residence: 'Tổ 1, Khu phố 3, Phường 2',
    },
    from: '2024-12-09',
    until: 'cho đến khi bầu được Khu phố trưởng mới, thời hạn không quá 06 tháng',
    executors:
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND phường, Trưởng ban công tác Mặt trận khu phố 3 và ông Huỳnh Quốc Khánh chịu trách nhiệm thi hành Quyết định này./.',
  };
}
