/**
 * Mẫu số 05 (ND59): minutes of the Front work committee meeting that drafts the candidate list,
 * reproduced from the Phường 2 plan (seed 000). Every field may be left blank: the form then prints
 * dotted lines to fill in by hand, as the seed's template does.
 */
import { p, type Block, type DocumentModel } from '../model';
import { dateInWords, orBlank, padNumber, timeInWords } from '../words';
import {
  fillLine,
  meta,
  minutesHeader,
  personText,
  secretaryAndChair,
  type IssuingBody,
  type Person,
} from './common';
import { frontCommitteeBody, PLACE, POSITION, TERM } from './sample-data';

export interface Mau05Data {
  readonly body: IssuingBody;
  readonly place: string;
  readonly date: string | null;
  readonly year?: number;
  /** "khu phố 1". */
  readonly hamlet: string;
  readonly position: string;
  readonly term: string;
  readonly startTime: string | null;
  readonly venue: string | null;
  readonly chair: (Person & { readonly position: string }) | null;
  readonly participants: string | null;
  readonly present: number | null;
  readonly absentWithReason: number | null;
  /** The regulation of the hamlet the candidates are measured against. */
  readonly regulation: string | null;
  /** Draft candidate list in order; two blank lines when empty. */
  readonly candidates: readonly string[];
  readonly endTime: string | null;
  readonly endDate: string | null;
  readonly copies: number;
  readonly secretary?: string;
  readonly chairName?: string;
}

export function buildMau05(d: Mau05Data): DocumentModel {
  const when =
    d.startTime && d.date
      ? `${timeInWords(d.startTime)}, ${dateInWords(d.date)}`
      : '…… giờ …… phút, ngày …… tháng …… năm ……';
  const phrase = `${d.position} nhiệm kỳ ${d.term}`;
  const candidates = d.candidates.length > 0 ? d.candidates : [null, null];
  const blocks: Block[] = [
    minutesHeader({ body: d.body, place: d.place, date: d.date, year: d.year, formLabel: 'Mẫu số 05' }),
    {
      kind: 'title',
      text: 'BIÊN BẢN CUỘC HỌP',
      subtitle: [`Dự kiến danh sách người ứng cử ${d.position}, nhiệm kỳ ${d.term}`],
    },
    p(
      `Hôm nay, vào hồi ${when}, tại ${orBlank(d.venue, 40)}, Ban công tác Mặt trận ở ${d.hamlet} tiến hành cuộc họp dự kiến danh sách người ứng cử ${d.position} để đưa ra cuộc họp của cộng đồng dân cư bầu ${phrase}.`,
    ),
    p([{ text: '1. Thành phần cuộc họp', bold: true }]),
    d.chair
      ? p(`- Chủ trì: ${personText(d.chair)}, chức vụ: ${d.chair.position}.`)
      : fillLine('- Chủ trì: Ông (bà) …………………………………… Chức vụ:'),
    d.participants ? p(`- Thành phần tham dự: ${d.participants}`) : fillLine('- Thành phần tham dự:'),
    p(
      `- Số người có mặt: ${d.present === null ? '………' : padNumber(d.present)} người, vắng ${d.absentWithReason === null ? '………' : padNumber(d.absentWithReason)} có lý do.`,
    ),
    p([{ text: '2. Nội dung cuộc họp', bold: true }]),
    p(
      `- Ông (bà) Trưởng Ban công tác Mặt trận ở ${d.hamlet} công bố danh sách những người được Ban công tác Mặt trận ${d.hamlet} và đại diện hộ gia đình giới thiệu, người tự ứng cử (nếu có) ${phrase}.`,
    ),
    p(
      `- Căn cứ tiêu chuẩn Trưởng thôn, Tổ trưởng tổ dân phố và điều kiện ứng cử theo quy định, quy chế tổ chức và hoạt động của thôn, tổ dân phố ${orBlank(d.regulation, 20)}; cuộc họp thảo luận, nhận xét và ấn định danh sách dự kiến những người ứng cử ${d.position} để hộ gia đình của ${d.hamlet} bầu (có danh sách trích ngang kèm theo).`,
    ),
    ...candidates.map((c, n) => (c ? p(`${n + 1}. Ông (bà) ${c}`) : fillLine(`${n + 1}. Ông (bà)`))),
    p(
      `Cuộc họp kết thúc vào lúc ${d.endTime ? timeInWords(d.endTime) : '…… giờ'} ${d.endDate ? dateInWords(d.endDate) : 'ngày …… tháng …… năm ……'}, nội dung cuộc họp đã được lập thành ${padNumber(d.copies)} bản có giá trị pháp lý như nhau.`,
    ),
    secretaryAndChair(d.secretary, d.chairName),
  ];
  return {
    meta: meta(`Biên bản cuộc họp dự kiến danh sách người ứng cử ${d.hamlet}`, d.date, d.year),
    blocks,
  };
}

export function sampleMau05(): Mau05Data {
  return {
    body: frontCommitteeBody('Khu phố 1'),
    place: PLACE,
    date: '2024-09-16',
    hamlet: 'khu phố 1',
    position: POSITION,
    term: TERM,
    startTime: '19:30',
    venue: 'Nhà văn hóa khu phố 1',
    chair: { honorific: 'Ông', name: 'Phạm Văn Hùng', position: 'Trưởng ban công tác Mặt trận khu phố 1' },
    participants:
      'Bí thư Chi bộ, Khu phố trưởng, các thành viên Ban công tác Mặt trận và đại diện các chi hội đoàn thể khu phố 1.',
    present: 11,
    absentWithReason: 1,
    regulation: 'khu phố 1',
    candidates: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'],
    endTime: '21:00',
    endDate: '2024-09-16',
    copies: 3,
    secretary: 'Lê Thị Thu Hà',
    chairName: 'Phạm Văn Hùng',
  };
}

/** The blank template, as in seed 000. */
export function blankMau05(): Mau05Data {
  return {
    body: frontCommitteeBody('Khu phố ……'),
    place: PLACE,
    date: null,
    hamlet: 'khu phố ……',
    position: POSITION,
    term: TERM,
    startTime: null,
    venue: null,
    chair: null,
    participants: null,
    present: null,
    absentWithReason: null,
    regulation: null,
    candidates: [],
    endTime: null,
    endDate: null,
    copies: 3,
  };
}
