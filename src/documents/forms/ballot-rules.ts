/**
 * The sheet of valid and invalid ballot rules posted in the voting area (QĐ 01/2016 Quảng Trị
 * Điều 15 k1i). The reasons come from the rule profile with their citation.
 */
import { b, p, type Block, type DocumentModel } from '../model';
import { issueHeaderless, meta, signerBlock, type IssuingBody, type Signer } from './common';
import { ELECTION_DATE, PLACE, teamBody } from './sample-data';

export interface BallotRulesData {
  readonly body: IssuingBody;
  readonly place: string;
  readonly date: string;
  readonly election: string;
  readonly howToVote: readonly string[];
  readonly invalidReasons: readonly string[];
  /** "Theo Điều 15 khoản 1 điểm i Quy chế ban hành kèm theo Quyết định số 01/2016/QĐ-UBND ...". */
  readonly citation: string;
  readonly signer: Signer;
}

export function buildBallotRules(d: BallotRulesData): DocumentModel {
  const size = 15;
  const blocks: Block[] = [
    issueHeaderless(d.body, d.place, d.date),
    { kind: 'title', text: 'QUY ĐỊNH VỀ PHIẾU BẦU HỢP LỆ VÀ PHIẾU BẦU KHÔNG HỢP LỆ', subtitle: [d.election] },
    p([{ text: d.citation, italic: true }], { size }),
    p([b('I. CÁCH GHI PHIẾU BẦU')], { size, indent: false }),
    ...d.howToVote.map((x) => p(`- ${x}`, { size })),
    p([b('II. NHỮNG PHIẾU BẦU SAU ĐÂY LÀ PHIẾU KHÔNG HỢP LỆ')], { size, indent: false }),
    ...d.invalidReasons.map((x, n) => p(`${n + 1}. ${x}`, { size })),
    p([b('III. PHIẾU BẦU HỢP LỆ')], { size, indent: false }),
    p('Phiếu bầu không thuộc một trong các trường hợp nêu tại mục II là phiếu bầu hợp lệ.', { size }),
    { kind: 'signatures', blocks: [signerBlock(d.signer)] },
  ];
  return { meta: meta(`Quy định về phiếu bầu hợp lệ ${d.election}`, d.date), blocks };
}

export function sampleBallotRules(): BallotRulesData {
  return {
    body: teamBody('Khu phố 1'),
    place: PLACE,
    date: ELECTION_DATE,
    election: 'Bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    howToVote: [
      'Mỗi cử tri chỉ bỏ một phiếu bầu cho mỗi chức danh; phải tự mình đi bầu, không được nhờ người khác bầu thay.',
      'Cử tri không đồng ý người nào thì gạch ngang giữa họ và tên người đó; chỉ được để lại tên 01 người.',
      'Trường hợp viết hỏng, cử tri đề nghị Tổ bầu cử đổi phiếu khác.',
    ],
    invalidReasons: [
      'Phiếu không phải là phiếu theo mẫu quy định do Tổ bầu cử phát;',
      'Phiếu không đóng dấu của Ủy ban nhân dân phường;',
      'Phiếu bầu cho 02 người trở lên;',
      'Phiếu ghi thêm tên người khác ngoài danh sách ứng cử.',
    ],
    citation:
      'Theo Điều 15 khoản 1 điểm i Quy chế tổ chức và hoạt động của thôn, khu phố ban hành kèm theo Quyết định số 01/2016/QĐ-UBND ngày 01/02/2016 của UBND tỉnh Quảng Trị.',
    signer: { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', name: 'Phạm Văn Hùng' },
  };
}
