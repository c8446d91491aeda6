/** Decision recognising the removal of the head (cho thôi làm, ND59 Điều 9 k3; miễn nhiệm / bãi nhiệm in legacy profiles). */
import { b, type Block, type DocumentModel } from '../model';
import { dateInWords } from '../words';
import { decision, personText, ratio, type DecisionParts, type Person, withArchive } from './common';
import { COMMUNE, LEGAL_BASES_ND59, ubndIssue } from './sample-data';

export interface RemovalRecognitionData extends DecisionParts {
  readonly hamlet: string;
  readonly position: string;
  readonly person: Person;
  /** "cho thôi làm" (ND59 Đ9) or "miễn nhiệm" / "bãi nhiệm" in legacy profiles. */
  readonly removalKind: string;
  readonly effectiveFrom: string;
  readonly result?: { readonly agree: number; readonly of: number; readonly ofLabel: string };
  /** What follows: interim head, new election within the profile's period. */
  readonly followUp: string;
  readonly executors: string;
}

export function buildRemovalRecognitionDecision(d: RemovalRecognitionData): DocumentModel {
  const subject = `Về việc công nhận kết quả ${d.removalKind} ${d.position} ${d.hamlet}`;
  const result = d.result
    ? ` với ${d.result.agree} ý kiến tán thành, bằng ${ratio(d.result.agree, d.result.of)} so với ${d.result.ofLabel}`
    : '';
  const blocks: Block[] = [];
  return decision(d, subject, [
    {
      text: [
        `Công nhận kết quả ${d.removalKind} `,
        b(personText(d.person)),
        `, ${d.position} ${d.hamlet}${result}, kể từ ${dateInWords(d.effectiveFrom)}.`,
      ],
      after: blocks,
    },
    { text: d.followUp },
    { text: d.executors },
  ]);
}

export function sampleRemovalRecognitionDecision(): RemovalRecognitionData {
  return {
    issue: {
      ...ubndIssue(21, 'QĐ-UBND', '2025-03-14'),
      year: 2025,
      recipients: withArchive(['- Như Điều 3;', '- TT Đảng ủy phường;', '- UBMTTQVN phường;']),
    },
    authority: `ỦY BAN NHÂN DÂN ${COMMUNE}`,
    legalBases: [
      ...LEGAL_BASES_ND59,
      'Xét Báo cáo của Trưởng ban công tác Mặt trận khu phố 2 về kết quả cuộc họp cộng đồng dân cư ngày 09/3/2025.',
    ],
    hamlet: 'khu phố 2',
    position: 'Khu phố trưởng',
    person: { honorific: 'Ông', name: 'Bùi Văn Thắng' },
    removalKind: 'cho thôi làm',
    effectiveFrom: '2025-03-14',
    result: { agree: 201, of: 298, ofLabel: 'tổng số hộ gia đình trong khu phố' },
    followUp:
      'Giao Ban công tác Mặt trận khu phố 2 phối hợp với công chức Văn phòng - Thống kê chuẩn bị tổ chức bầu Khu phố trưởng mới trong thời hạn 60 ngày kể từ ngày ký Quyết định này; trong thời gian chưa bầu được Khu phố trưởng mới, Chủ tịch UBND phường cử Khu phố trưởng lâm thời.',
    executors: `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND phường, Trưởng ban công tác Mặt trận khu phố 2 và ông Bùi Văn Thắng chịu trách nhiệm thi hành Quyết định này./.`,
  };
}
