/**
 * Đơn kiến nghị (petition of households to relieve the head; ND59 Điều 9 k1b, Tây Ninh Điều 10)
 * with a signatures table. The share needed is the profile's; the form only prints the counts.
 */
import { b, p, type Block, type Cell, type DocumentModel } from '../model';
import { count, fillLine, meta } from './common';
import { placeDateLine } from '../words';
import { demoVoters } from './sample-data';

export interface RemovalPetitionData {
  readonly addressee: string;
  readonly subject: string;
  readonly hamlet: string;
  readonly person: string;
  readonly position: string;
  readonly reasons: readonly string[];
  readonly totalHouseholds: number;
  /** Signers in order; extra blank rows are added up to `rows`. */
  readonly signers: readonly { readonly name: string; readonly address: string }[];
  readonly rows: number;
  readonly place: string;
  readonly date: string | null;
  readonly year?: number;
}

export function buildRemovalPetition(d: RemovalPetitionData): DocumentModel {
  const rows: Cell[][] = Array.from({ length: Math.max(d.rows, d.signers.length) }, (_, n) => {
    const s = d.signers[n];
    return [String(n + 1), s?.name ?? '', s?.address ?? '', ''];
  });
  const blocks: Block[] = [
    { kind: 'header', issuingBody: [], nationalOnly: true },
    { kind: 'title', text: 'ĐƠN KIẾN NGHỊ', subtitle: [d.subject] },
    p([b('Kính gửi: '), d.addressee], { align: 'center', indent: false }),
    p(
      `Chúng tôi là đại diện các hộ gia đình trong ${d.hamlet}, có tên và chữ ký dưới đây, kiến nghị cho ${d.person} thôi làm ${d.position} ${d.hamlet} vì những lý do sau:`,
    ),
    ...(d.reasons.length > 0
      ? d.reasons.map((r, n) => p(`${n + 1}. ${r}`))
      : [fillLine('1.'), fillLine('2.')]),
    p(
      `Tổng số hộ gia đình trong ${d.hamlet}: ${count(d.totalHouseholds)} hộ. Số đại diện hộ gia đình ký tên kiến nghị: ${d.signers.length > 0 ? count(d.signers.length) : '…………'} người.`,
    ),
    p([{ text: placeDateLine(d.place, d.date, d.year), italic: true }], { align: 'right', indent: false }),
    p([b('DANH SÁCH ĐẠI DIỆN HỘ GIA ĐÌNH KÝ TÊN')], { align: 'center', indent: false }),
    {
      kind: 'table',
      size: 12,
      minRowHeight: 9,
      columns: [
        { header: 'STT', width: 0.6, align: 'center' },
        { header: 'Họ và tên đại diện hộ gia đình', width: 3, align: 'left' },
        { header: 'Địa chỉ', width: 3, align: 'left' },
        { header: 'Chữ ký', width: 1.8, align: 'center' },
      ],
      rows,
    },
  ];
  return { meta: meta(`Đơn kiến nghị ${d.subject}`, d.date, d.year), blocks };
}

export function sampleRemovalPetition(): RemovalPetitionData {
  return {
    addressee: 'Chủ tịch Ủy ban nhân dân Phường 2; Ban công tác Mặt trận khu phố 2',
    subject: 'Về việc cho thôi làm Khu phố trưởng khu phố 2',
    hamlet: 'khu phố 2',
    person: 'ông Bùi Văn Thắng',
    position: 'Khu phố trưởng',
    reasons: [
      'Không thông báo kịp thời các chủ trương, chính sách đến Nhân dân trong khu phố.',
      'Không tổ chức họp khu phố định kỳ trong năm 2024.',
    ],
    totalHouseholds: 298,
    signers: demoVoters('Khu phố 2', 2, 8).map((v) => ({
      name: v.name,
      address: `${v.address}, ${v.group}`,
    })),
    rows: 24,
    place: 'Phường 2',
    date: '2025-02-20',
  };
}
