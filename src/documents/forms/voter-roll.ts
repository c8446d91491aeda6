/**
 * Voter roll for posting (danh sách cử tri niêm yết): grouped by residents' group, numbered through,
 * landscape. The roll number printed here is the one on the voter card.
 */
import { b, p, type Block, type Cell, type DocumentModel } from '../model';
import { numberToWords } from '../words';
import { issueHeaderless, meta, signerBlock, type IssuingBody, type Signer } from './common';
import { demoVoters, PLACE, teamBody } from './sample-data';

export interface RollEntry {
  readonly rollNumber: number;
  readonly name: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly address: string;
  /** Residents' group ("Tổ 1"); rows are grouped under it in the given order. */
  readonly group: string;
  readonly note?: string;
}

export interface VoterRollData {
  readonly body: IssuingBody;
  readonly place: string;
  readonly date: string | null;
  readonly year?: number;
  /** "DANH SÁCH CỬ TRI ĐẠI DIỆN HỘ GIA ĐÌNH". */
  readonly title: string;
  readonly subject: string;
  /** "đại diện hộ gia đình" for the total line. */
  readonly unitLabel: string;
  readonly entries: readonly RollEntry[];
  readonly signers: readonly Signer[];
}

const dmy = (d: string): string => d.split('-').reverse().join('/');

export function rollRows(entries: readonly RollEntry[]): Cell[][] {
  const rows: Cell[][] = [];
  let group: string | undefined;
  for (const e of entries) {
    if (e.group !== group) {
      group = e.group;
      rows.push([{ runs: [b(e.group)], colSpan: 6, align: 'left' }]);
    }
    rows.push([String(e.rollNumber), e.name, dmy(e.birthDate), e.sex, e.address, e.note ?? '']);
  }
  return rows;
}

export function buildVoterRoll(d: VoterRollData): DocumentModel {
  const blocks: Block[] = [
    issueHeaderless(d.body, d.place, d.date, d.year),
    { kind: 'title', text: d.title, subtitle: [d.subject] },
    {
      kind: 'table',
      size: 12,
      columns: [
        { header: 'Số thứ tự', width: 0.8, align: 'center' },
        { header: 'Họ và tên', width: 2.6, align: 'left' },
        { header: 'Ngày sinh', width: 1.2, align: 'center' },
        { header: 'Giới tính', width: 0.8, align: 'center' },
        { header: 'Địa chỉ', width: 3.2, align: 'left' },
        { header: 'Ghi chú', width: 1.4, align: 'left' },
      ],
      rows: rollRows(d.entries),
    },
    p([
      `Danh sách này có `,
      b(String(d.entries.length)),
      ` ${d.unitLabel} (bằng chữ: ${numberToWords(d.entries.length)}).`,
    ]),
    { kind: 'signatures', blocks: d.signers.map(signerBlock) },
  ];
  return { meta: meta(`${d.title} ${d.subject}`, d.date, d.year), orientation: 'landscape', blocks };
}

export function sampleVoterRoll(): VoterRollData {
  return {
    body: teamBody('Khu phố 1'),
    place: PLACE,
    date: '2024-11-08',
    title: 'DANH SÁCH CỬ TRI ĐẠI DIỆN HỘ GIA ĐÌNH',
    subject: 'Tham gia bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    unitLabel: 'đại diện hộ gia đình',
    entries: demoVoters('Khu phố 1', 3, 14),
    signers: [
      { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', name: 'Phạm Văn Hùng' },
      { authority: ['DUYỆT', 'TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Lê Thanh Bình' },
    ],
  };
}
