/**
 * Đơn xin thôi làm (resignation letter template; ND59 Điều 9 k1a, Tây Ninh Điều 9 k2a): addressed to
 * the commune chairperson, with the reasons. Blank fields print lines to fill in by hand.
 */
import { b, p, type Block, type DocumentModel } from '../model';
import { placeDateLine } from '../words';
import { fillLine, meta } from './common';

export interface ResignationLetterData {
  readonly addressee: string;
  readonly position: string;
  readonly hamlet: string;
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly residence: string | null;
  readonly since: string | null;
  readonly reasons: readonly string[];
  readonly place: string;
  readonly date: string | null;
  readonly year?: number;
}

const dmy = (d: string): string => d.split('-').reverse().join('/');

export function buildResignationLetter(d: ResignationLetterData): DocumentModel {
  const line = (label: string, value: string | null): Block =>
    value ? p([label, b(value)], { indent: true, align: 'left' }) : fillLine(`      ${label}`);
  const blocks: Block[] = [
    { kind: 'header', issuingBody: [], nationalOnly: true },
    { kind: 'title', text: `ĐƠN XIN THÔI LÀM ${d.position.toUpperCase()}` },
    p([b('Kính gửi: '), d.addressee], { align: 'center', indent: false }),
    line('Tôi tên là: ', d.name),
    line('Sinh ngày: ', d.birthDate ? dmy(d.birthDate) : null),
    line('Nơi cư trú: ', d.residence),
    p(`Hiện đang giữ chức ${d.position} ${d.hamlet}${d.since ? ` từ ngày ${dmy(d.since)}` : ''}.`),
    p(`Nay tôi làm đơn này xin thôi làm ${d.position} ${d.hamlet} với lý do:`),
    ...(d.reasons.length > 0
      ? d.reasons.map((r) => p(`- ${r}`))
      : [fillLine('-'), fillLine('-'), fillLine('-')]),
    p(
      `Kính đề nghị Chủ tịch Ủy ban nhân dân xem xét, giải quyết cho tôi được thôi làm ${d.position} ${d.hamlet} theo quy định.`,
    ),
    p('Tôi xin chân thành cảm ơn./.'),
    p([{ text: placeDateLine(d.place, d.date, d.year), italic: true }], {
      align: 'right',
      indent: false,
      spaceBefore: 6,
    }),
    {
      kind: 'signatures',
      blocks: [{ title: 'NGƯỜI LÀM ĐƠN', note: '(Ký, ghi rõ họ tên)', name: d.name ?? undefined }],
    },
  ];
  return { meta: meta(`Đơn xin thôi làm ${d.position} ${d.hamlet}`, d.date, d.year), blocks };
}

export function sampleResignationLetter(): ResignationLetterData {
  return {
    addressee: 'Chủ tịch Ủy ban nhân dân Phường 2',
    position: 'Khu phố trưởng',
    hamlet: 'khu phố 2',
    name: 'Bùi Văn Thắng',
    birthDate: '1961-04-12',
    residence: 'Tổ 3, Khu phố 2, Phường 2',
    since: '2024-11-21',
    reasons: [
      'Sức khỏe không bảo đảm để tiếp tục thực hiện nhiệm vụ (có giấy xác nhận của cơ sở y tế kèm theo).',
    ],
    place: 'Phường 2',
    date: '2025-02-17',
  };
}

/** The blank template handed to a head who wants to resign. */
export function blankResignationLetter(): ResignationLetterData {
  return {
    ...sampleResignationLetter(),
    name: null,
    birthDate: null,
    residence: null,
    since: null,
    reasons: [],
    date: null,
    year: 2025,
  };
}
