/**
 * Biên bản hội nghị liên tịch (Tây Ninh Điều 14 k3): composition, number convened, number present,
 * content, proceedings and the final agreement, the official candidate list.
 */
import type { DocumentModel } from '../model';
import { dateInWords, padNumber, timeInWords } from '../words';
import type { MinutesHead, Person } from './common';
import { personText } from './common';
import { buildMinutesCore, chairAndSecretary } from './minutes-core';
import { CANDIDATES, FRONT, FRONT_CHAIR, PLACE } from './sample-data';

export interface JointConferenceData {
  readonly head: MinutesHead;
  readonly hamlet: string;
  readonly position: string;
  readonly term: string;
  readonly date: string;
  readonly time: string;
  readonly venue: string;
  readonly chair: Person & { readonly position: string };
  readonly secretary: Person;
  readonly composition: readonly string[];
  readonly convened: number;
  readonly present: number;
  readonly content: readonly string[];
  readonly proceedings: readonly string[];
  readonly candidates: readonly {
    readonly name: string;
    readonly birthDate: string;
    readonly residence: string;
  }[];
  readonly endTime: string;
}

export function buildJointConference(d: JointConferenceData): DocumentModel {
  return buildMinutesCore({
    head: d.head,
    title: 'BIÊN BẢN HỘI NGHỊ LIÊN TỊCH',
    subject: `Ấn định danh sách chính thức những người ứng cử ${d.position} ${d.hamlet}, nhiệm kỳ ${d.term}`,
    opening: `Vào hồi ${timeInWords(d.time)}, ${dateInWords(d.date)}, tại ${d.venue}, Ủy ban Mặt trận Tổ quốc Việt Nam phường tổ chức hội nghị liên tịch để ấn định danh sách chính thức những người ứng cử ${d.position} ${d.hamlet}.`,
    sections: [
      {
        heading: 'Thành phần hội nghị',
        lines: [
          `- Chủ trì: ${personText(d.chair)}, ${d.chair.position}.`,
          `- Thư ký: ${personText(d.secretary)}.`,
          ...d.composition.map((x) => `- ${x}`),
          `- Tổng số người được triệu tập: ${padNumber(d.convened)} người; có mặt: ${padNumber(d.present)} người.`,
        ],
      },
      { heading: 'Nội dung hội nghị', lines: d.content.map((x) => `- ${x}`) },
      { heading: 'Diễn biến hội nghị', lines: d.proceedings.map((x) => `- ${x}`) },
      {
        heading: 'Thỏa thuận cuối cùng của hội nghị',
        lines: [
          `Hội nghị thống nhất lập danh sách chính thức gồm ${padNumber(d.candidates.length)} người ứng cử ${d.position} ${d.hamlet}, nhiệm kỳ ${d.term}:`,
        ],
        after: [
          {
            kind: 'table',
            size: 12,
            columns: [
              { header: 'STT', width: 0.6, align: 'center' },
              { header: 'Họ và tên', width: 2.6, align: 'left' },
              { header: 'Ngày sinh', width: 1.4, align: 'center' },
              { header: 'Nơi cư trú', width: 3, align: 'left' },
            ],
            rows: d.candidates.map((c, n) => [
              String(n + 1),
              c.name,
              c.birthDate.split('-').reverse().join('/'),
              c.residence,
            ]),
          },
        ],
      },
    ],
    closing: `Hội nghị kết thúc vào hồi ${timeInWords(d.endTime)} cùng ngày. Biên bản được lập thành 03 bản, đã thông qua trước hội nghị và các đại biểu thống nhất.`,
    signatures: chairAndSecretary(d.secretary.name, d.chair.name),
  });
}

export function sampleJointConference(): JointConferenceData {
  return {
    head: { body: FRONT, place: PLACE, date: '2024-11-05' },
    hamlet: 'khu phố 1',
    position: 'Khu phố trưởng',
    term: '2024-2027',
    date: '2024-11-05',
    time: '14:00',
    venue: 'Hội trường UBND Phường 2',
    chair: { ...FRONT_CHAIR, position: 'Chủ tịch Ủy ban MTTQVN phường' },
    secretary: { honorific: 'Bà', name: 'Lê Thị Vũ Ngọc' },
    composition: [
      'Đại diện lãnh đạo Ủy ban nhân dân phường: ông Nguyễn Thuận, Phó Chủ tịch UBND phường.',
      'Đại diện Chi bộ, các đoàn thể chính trị - xã hội khu phố 1 và Tổ trưởng các tổ dân cư tự quản.',
    ],
    convened: 15,
    present: 14,
    content: ['Căn cứ tiêu chuẩn Khu phố trưởng để thảo luận và ấn định số người ứng cử Khu phố trưởng.'],
    proceedings: [
      'Chủ tịch UBMTTQVN phường nêu mục đích hội nghị, giới thiệu đại biểu và đọc danh sách những người được Ban công tác Mặt trận và cử tri giới thiệu.',
      'Các đại biểu thảo luận, nhận xét về từng người được giới thiệu; hồ sơ của người ứng cử đã được UBND phường thẩm định.',
    ],
    candidates: CANDIDATES.map((c) => ({ name: c.name, birthDate: c.birthDate, residence: c.residence })),
    endTime: '16:00',
  };
}
