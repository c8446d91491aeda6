/**
 * Written reply with reasons (công văn) when the commune neither recognises the result nor orders a
 * re-election (QĐ 01/2016 Quảng Trị Điều 16; Tây Ninh Điều 8; ND59 Điều 9 k3 for removals).
 */
import { b, p, type Block, type DocumentModel } from '../model';
import { issueHeader, meta, signerBlock, type Issue } from './common';
import { COMMUNE, ubndIssue } from './sample-data';

export interface ReplyLetterData {
  readonly issue: Issue;
  /** "V/v trả lời kết quả bầu Khu phố trưởng khu phố 4". */
  readonly summary: string;
  readonly addressees: readonly string[];
  readonly reference: string;
  readonly reasons: readonly string[];
  readonly request: string;
}

export function buildReplyLetter(d: ReplyLetterData): DocumentModel {
  const blocks: Block[] = [
    issueHeader(d.issue, { summary: d.summary }),
    { kind: 'space', points: 8 },
    p([b('Kính gửi: ')], { align: 'center', indent: false }),
    ...d.addressees.map((a) => p(`- ${a}`, { align: 'center', indent: false })),
    { kind: 'space', points: 6 },
    p(d.reference),
    p('Lý do:'),
    ...d.reasons.map((r, n) => p(`${n + 1}. ${r}`)),
    p(d.request),
    { kind: 'signatures', recipients: d.issue.recipients, blocks: [signerBlock(d.issue.signer)] },
  ];
  return { meta: meta(d.summary, d.issue.date, d.issue.year), blocks };
}

export function sampleReplyLetter(): ReplyLetterData {
  return {
    issue: {
      ...ubndIssue(245, 'UBND-VP', '2024-11-22', 'vice'),
      recipients: ['- Như trên;', '- Chủ tịch UBND phường (b/c);', '- Lưu: VT, VP.'],
    },
    summary: 'V/v trả lời kết quả bầu Khu phố trưởng khu phố 4',
    addressees: ['Tổ bầu cử khu phố 4;', 'Ban công tác Mặt trận khu phố 4.'],
    reference: `Ủy ban nhân dân ${COMMUNE} nhận được Báo cáo số 01/BC-TBC ngày 17/11/2024 của Tổ bầu cử khu phố 4 về kết quả bầu Khu phố trưởng khu phố 4, nhiệm kỳ 2024-2027. Sau khi xem xét hồ sơ, Ủy ban nhân dân phường chưa ra quyết định công nhận người trúng cử, cũng chưa quyết định bầu cử lại.`,
    reasons: [
      'Biên bản kiểm phiếu chưa có đủ chữ ký của các thành viên Tổ bầu cử và hai đại diện hộ gia đình chứng kiến việc kiểm phiếu.',
      'Số phiếu thu vào (203) lớn hơn số phiếu phát ra (201); Tổ bầu cử chưa giải trình chênh lệch.',
    ],
    request:
      'Đề nghị Tổ bầu cử khu phố 4 kiểm tra, bổ sung hồ sơ và báo cáo Ủy ban nhân dân phường trước ngày 26/11/2024 để xem xét theo quy định./.',
  };
}
