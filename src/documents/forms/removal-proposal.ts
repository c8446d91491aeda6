/**
 * Proposal of the Front work committee head to the commune chairperson to relieve the hamlet head
 * (cho thôi làm, ND59 Điều 9 k1b). Grounds and the legal basis come in the data.
 */
import { b, p, type Block, type DocumentModel } from '../model';
import { issueHeader, meta, signerBlock, type Issue } from './common';
import { frontCommitteeBody, PLACE } from './sample-data';

export interface RemovalProposalData {
  readonly issue: Issue;
  readonly subject: string;
  readonly addressee: string;
  readonly basis: string;
  readonly person: string;
  readonly position: string;
  readonly hamlet: string;
  readonly grounds: readonly string[];
  readonly request: string;
}

export function buildRemovalProposal(d: RemovalProposalData): DocumentModel {
  const blocks: Block[] = [
    issueHeader(d.issue),
    { kind: 'title', text: 'TỜ TRÌNH', subtitle: [d.subject] },
    p([b('Kính gửi: '), d.addressee], { align: 'center', indent: false }),
    p(d.basis),
    p(
      `Ban công tác Mặt trận ${d.hamlet} đề nghị cho ${d.person} thôi làm ${d.position} ${d.hamlet} vì những lý do sau:`,
    ),
    ...d.grounds.map((g, n) => p(`${n + 1}. ${g}`)),
    p(d.request),
    { kind: 'signatures', recipients: d.issue.recipients, blocks: [signerBlock(d.issue.signer)] },
  ];
  return { meta: meta(`Tờ trình ${d.subject}`, d.issue.date, d.issue.year), blocks };
}

export function sampleRemovalProposal(): RemovalProposalData {
  return {
    issue: {
      body: frontCommitteeBody('Khu phố 2'),
      number: 2,
      symbol: 'TTr-BCTMT',
      place: PLACE,
      date: '2025-02-24',
      year: 2025,
      recipients: ['- Như trên;', '- UBMTTQVN phường;', '- Lưu: BCTMT.'],
      signer: { authority: ['TM. BAN CÔNG TÁC MẶT TRẬN'], title: 'TRƯỞNG BAN', name: 'Châu Văn Long' },
    },
    subject: 'Về việc đề nghị cho thôi làm Khu phố trưởng khu phố 2',
    addressee: 'Chủ tịch Ủy ban nhân dân Phường 2',
    basis:
      'Căn cứ khoản 1 Điều 9 Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;',
    person: 'ông Bùi Văn Thắng',
    position: 'Khu phố trưởng',
    hamlet: 'khu phố 2',
    grounds: [
      'Không hoàn thành nhiệm vụ được giao trong năm 2024; nhiều lần không triển khai các văn bản của Ủy ban nhân dân phường đến Nhân dân.',
      'Đơn kiến nghị của đại diện hộ gia đình trong khu phố (kèm theo danh sách chữ ký).',
    ],
    request:
      'Kính đề nghị Chủ tịch Ủy ban nhân dân phường xem xét, cho tổ chức cuộc họp cộng đồng dân cư khu phố 2 để xem xét việc cho thôi làm Khu phố trưởng theo quy định./.',
  };
}
