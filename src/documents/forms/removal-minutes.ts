/**
 * Minutes of the community meeting on relieving the head (ND59 Điều 9 with Điều 3; Tây Ninh Điều 9
 * and 10): convened and chaired by the Front work committee head; guests may speak but not vote.
 */
import type { DocumentModel } from '../model';
import { dateInWords, padNumber, percent, timeInWords } from '../words';
import { type MinutesHead, type Person, personText } from './common';
import { buildMinutesCore, chairAndSecretary } from './minutes-core';
import { hamletBody, PLACE } from './sample-data';

export interface RemovalMinutesData {
  readonly head: MinutesHead;
  readonly hamlet: string;
  readonly position: string;
  readonly person: string;
  readonly removalKind: string;
  readonly date: string;
  readonly time: string;
  readonly venue: string;
  readonly chair: Person & { readonly position: string };
  readonly secretary: Person;
  readonly totalHouseholds: number;
  readonly present: number;
  readonly quorumStatement: string;
  readonly guests: string;
  readonly proceedings: readonly string[];
  readonly method: string;
  readonly countingTeam: readonly string[];
  readonly agree: number;
  readonly disagree: number;
  readonly ratioLabel: string;
  readonly outcome: string;
  readonly endTime: string;
}

export function buildRemovalMinutes(d: RemovalMinutesData): DocumentModel {
  return buildMinutesCore({
    head: d.head,
    title: 'BIÊN BẢN CUỘC HỌP CỘNG ĐỒNG DÂN CƯ',
    subject: `Về việc ${d.removalKind} ${d.position} ${d.hamlet}`,
    opening: `Vào hồi ${timeInWords(d.time)}, ${dateInWords(d.date)}, tại ${d.venue}, cộng đồng dân cư ${d.hamlet} tổ chức cuộc họp xem xét việc ${d.removalKind} ${d.position} đối với ${d.person}.`,
    sections: [
      {
        heading: 'Thành phần',
        lines: [
          `- Chủ trì: ${personText(d.chair)}, ${d.chair.position}.`,
          `- Thư ký: ${personText(d.secretary)}.`,
          `- Tổng số hộ gia đình trong ${d.hamlet}: ${padNumber(d.totalHouseholds)} hộ; số đại diện hộ gia đình có mặt: ${padNumber(d.present)} người (bằng ${percent(d.present, d.totalHouseholds)}). ${d.quorumStatement}`,
          `- Khách mời (được phát biểu ý kiến, không biểu quyết): ${d.guests}`,
        ],
      },
      { heading: 'Diễn biến cuộc họp', lines: d.proceedings.map((x) => `- ${x}`) },
      {
        heading: 'Biểu quyết',
        lines: [
          `- Hình thức biểu quyết: ${d.method}.`,
          ...(d.countingTeam.length > 0 ? [`- Tổ kiểm phiếu gồm: ${d.countingTeam.join('; ')}.`] : []),
          `- Số ý kiến tán thành việc ${d.removalKind}: ${padNumber(d.agree)}, bằng ${percent(d.agree, d.totalHouseholds)} so với ${d.ratioLabel}.`,
          `- Số ý kiến không tán thành: ${padNumber(d.disagree)}, bằng ${percent(d.disagree, d.totalHouseholds)} so với ${d.ratioLabel}.`,
        ],
      },
      { heading: 'Kết luận', lines: [d.outcome] },
    ],
    closing: `Cuộc họp kết thúc vào hồi ${timeInWords(d.endTime)} cùng ngày. Biên bản được lập thành 03 bản có giá trị như nhau.`,
    signatures: chairAndSecretary(d.secretary.name, d.chair.name),
  });
}

export function sampleRemovalMinutes(): RemovalMinutesData {
  return {
    head: { body: hamletBody('Khu phố 2'), place: PLACE, date: '2025-03-09', year: 2025 },
    hamlet: 'khu phố 2',
    position: 'Khu phố trưởng',
    person: 'ông Bùi Văn Thắng',
    removalKind: 'cho thôi làm',
    date: '2025-03-09',
    time: '08:00',
    venue: 'Nhà văn hóa khu phố 2',
    chair: { honorific: 'Ông', name: 'Châu Văn Long', position: 'Trưởng ban công tác Mặt trận khu phố 2' },
    secretary: { honorific: 'Bà', name: 'Vũ Thị Kim Oanh' },
    totalHouseholds: 298,
    present: 236,
    quorumStatement: 'Cuộc họp đủ điều kiện tiến hành.',
    guests: 'Đại diện UBND Phường 2 và UBMTTQVN Phường 2.',
    proceedings: [
      'Trưởng ban công tác Mặt trận khu phố nêu lý do, mục đích, yêu cầu của cuộc họp.',
      'Ông Bùi Văn Thắng trình bày bản tự kiểm điểm.',
      'Cuộc họp thảo luận, đóng góp ý kiến.',
    ],
    method: 'bỏ phiếu kín',
    countingTeam: ['Ông Lý Văn Nam - Tổ trưởng', 'Bà Đỗ Thị Hằng', 'Ông Phan Hữu Quang'],
    agree: 201,
    disagree: 31,
    ratioLabel: 'tổng số hộ gia đình trong khu phố',
    outcome:
      'Cuộc họp tán thành việc cho thôi làm Khu phố trưởng đối với ông Bùi Văn Thắng. Đề nghị Ủy ban nhân dân phường xem xét, quyết định công nhận.',
    endTime: '10:15',
  };
}
