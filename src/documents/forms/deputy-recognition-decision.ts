/** Decision recognising the deputy chosen by the head (TT 14/2018 Điều 1 k2; nd59-2023 profile). */
import { b, type DocumentModel } from '../model';
import { dateInWords } from '../words';
import { decision, personText, type DecisionParts, type Person, withArchive } from './common';
import { COMMUNE, LEGAL_BASES_ND59, ubndIssue } from './sample-data';

export interface DeputyRecognitionData extends DecisionParts {
  readonly hamlet: string;
  /** "Khu phố phó", "Phó Trưởng thôn". */
  readonly deputyTitle: string;
  /** The head the deputy assists: "Trưởng thôn", "Khu phố trưởng", "Tổ trưởng tổ dân phố". */
  readonly headTitle: string;
  readonly deputy: Person & { readonly birthDate?: string; readonly residence?: string };
  /** "nhiệm kỳ theo nhiệm kỳ của Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027" (TT04 Đ12 k2). */
  readonly termText: string;
  readonly executors: string;
}

export function buildDeputyRecognitionDecision(d: DeputyRecognitionData): DocumentModel {
  const subject = `Về việc công nhận ${d.deputyTitle} ${d.hamlet}`;
  const who = [
    personText(d.deputy),
    d.deputy.birthDate ? `, sinh ${dateInWords(d.deputy.birthDate)}` : '',
    d.deputy.residence ? `, nơi cư trú: ${d.deputy.residence}` : '',
  ].join('');
  return decision(d, subject, [
    { text: ['Công nhận ', b(who), ` giữ chức ${d.deputyTitle} ${d.hamlet}; ${d.termText}.`] },
    {
      text: `${d.deputyTitle} giúp ${d.headTitle} thực hiện nhiệm vụ theo sự phân công của ${d.headTitle}.`,
    },
    { text: d.executors },
  ]);
}

export function sampleDeputyRecognitionDecision(): DeputyRecognitionData {
  return {
    issue: {
      ...ubndIssue(135, 'QĐ-UBND', '2024-11-28'),
      recipients: withArchive(['- Như Điều 3;', '- UBMTTQVN phường;']),
    },
    authority: `ỦY BAN NHÂN DÂN ${COMMUNE}`,
    legalBases: [
      ...LEGAL_BASES_ND59,
      'Xét đề nghị của Khu phố trưởng khu phố 1 sau khi thống nhất với Trưởng ban công tác Mặt trận khu phố 1.',
    ],
    hamlet: 'khu phố 1',
    deputyTitle: 'Khu phố phó',
    headTitle: 'Khu phố trưởng',
    deputy: {
      honorific: 'Bà',
      name: 'Trần Thị Bích Ngọc',
      birthDate: '1980-09-02',
      residence: 'Tổ 4, Khu phố 1, Phường 2',
    },
    termText: 'nhiệm kỳ theo nhiệm kỳ của Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    executors:
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND phường, Khu phố trưởng khu phố 1 và bà Trần Thị Bích Ngọc chịu trách nhiệm thi hành Quyết định này./.',
  };
}
