/**
 * Minutes of the voters' (household representatives') conference that discusses and introduces the
 * candidates (QĐ 01/2016 Quảng Trị Điều 15 k1c; Tây Ninh Điều 12). The approval threshold is the
 * profile's and arrives as text with the computed outcome.
 */
import type { DocumentModel } from '../model';
import { dateInWords, padNumber, percent, timeInWords } from '../words';
import { type MinutesHead, type Person, personText } from './common';
import { buildMinutesCore, chairAndSecretary, votesTable } from './minutes-core';
import { CANDIDATES, hamletBody, PLACE } from './sample-data';

export interface VotersConferenceData {
  readonly head: MinutesHead;
  readonly hamlet: string;
  readonly position: string;
  readonly term: string;
  readonly date: string;
  readonly time: string;
  readonly venue: string;
  readonly chair: Person & { readonly position: string };
  readonly secretary: Person;
  /** "cử tri đại diện hộ gia đình". */
  readonly electorateLabel: string;
  readonly invited: number;
  readonly present: number;
  readonly guests: string;
  readonly proceedings: readonly string[];
  readonly nominations: readonly { readonly name: string; readonly agree: number }[];
  /** "được trên 50% tổng số cử tri tham dự hội nghị biểu quyết tán thành (Điều 15 k1c ...)". */
  readonly approvalRule: string;
  readonly introduced: readonly string[];
  readonly endTime: string;
}

export function buildVotersConference(d: VotersConferenceData): DocumentModel {
  return buildMinutesCore({
    head: d.head,
    title: `BIÊN BẢN HỘI NGHỊ ${d.electorateLabel.toUpperCase()}`,
    subject: `Thảo luận, giới thiệu người ứng cử ${d.position} ${d.hamlet}, nhiệm kỳ ${d.term}`,
    opening: `Hôm nay, vào hồi ${timeInWords(d.time)}, ${dateInWords(d.date)}, tại ${d.venue}, ${d.hamlet} tổ chức hội nghị ${d.electorateLabel} để thảo luận, giới thiệu người ứng cử ${d.position} nhiệm kỳ ${d.term}.`,
    sections: [
      {
        heading: 'Thành phần hội nghị',
        lines: [
          `- Chủ trì: ${personText(d.chair)}, ${d.chair.position}.`,
          `- Thư ký: ${personText(d.secretary)}.`,
          `- Tổng số ${d.electorateLabel} được triệu tập: ${padNumber(d.invited)} người; có mặt: ${padNumber(d.present)} người (bằng ${percent(d.present, d.invited)}).`,
          `- Khách mời: ${d.guests}`,
        ],
      },
      { heading: 'Nội dung hội nghị', lines: d.proceedings.map((x) => `- ${x}`) },
      {
        heading: 'Kết quả biểu quyết giới thiệu người ứng cử',
        lines: [
          `Hội nghị biểu quyết bằng hình thức giơ tay; người được giới thiệu ứng cử phải ${d.approvalRule}. Kết quả:`,
        ],
        after: [votesTable(d.nominations, 'số người có mặt', (n) => percent(n, d.present))],
      },
      {
        heading: 'Kết luận',
        lines: [
          `Hội nghị thống nhất giới thiệu ${padNumber(d.introduced.length)} người ứng cử ${d.position} ${d.hamlet}, nhiệm kỳ ${d.term}:`,
          ...d.introduced.map((n, k) => `${k + 1}. ${n}`),
        ],
      },
    ],
    closing: `Hội nghị kết thúc vào hồi ${timeInWords(d.endTime)} cùng ngày. Biên bản đã được thông qua trước hội nghị.`,
    signatures: chairAndSecretary(d.secretary.name, d.chair.name),
  });
}

export function sampleVotersConference(): VotersConferenceData {
  return {
    head: { body: hamletBody('Khu phố 1'), place: PLACE, date: '2024-10-27' },
    hamlet: 'khu phố 1',
    position: 'Khu phố trưởng',
    term: '2024-2027',
    date: '2024-10-27',
    time: '08:00',
    venue: 'Nhà văn hóa khu phố 1',
    chair: { honorific: 'Ông', name: 'Đỗ Công Sơn', position: 'Khu phố trưởng khu phố 1' },
    secretary: { honorific: 'Bà', name: 'Lê Thị Thu Hà' },
    electorateLabel: 'cử tri đại diện hộ gia đình',
    invited: 312,
    present: 204,
    guests: 'Đại diện Thường trực Đảng ủy, UBND và UBMTTQVN Phường 2.',
    proceedings: [
      'Khu phố trưởng công bố quyết định của Ủy ban nhân dân phường về ngày tổ chức bầu cử; phổ biến kế hoạch tổ chức bầu cử.',
      'Trưởng ban công tác Mặt trận khu phố phổ biến điều kiện, tiêu chuẩn Khu phố trưởng và báo cáo danh sách những người dự kiến giới thiệu ra ứng cử.',
      'Hội nghị thảo luận; không có người tự ứng cử hoặc được giới thiệu thêm tại hội nghị.',
    ],
    nominations: [
      { name: CANDIDATES[0].name, agree: 176 },
      { name: CANDIDATES[1].name, agree: 139 },
    ],
    approvalRule: 'được trên 50% tổng số cử tri tham dự hội nghị biểu quyết tán thành',
    introduced: [CANDIDATES[0].name, CANDIDATES[1].name],
    endTime: '10:30',
  };
}
