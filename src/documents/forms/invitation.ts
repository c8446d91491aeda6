/**
 * Giấy mời (ND59 Mẫu 01): header "UBND XÃ/PHƯỜNG … / THÔN, TỔ DÂN PHỐ …"; invitee; subject; 1. time
 * and place; 2. attendees; 3. content; 4. contact person; 5. documents; request to attend.
 */
import { b, p, type Block, type DocumentModel } from '../model';
import { dateInWords, timeInWords, weekdayName } from '../words';
import { fillLine, issueHeader, meta, signerBlock, type Issue } from './common';
import { ELECTION_DATE, PLACE, TEAM } from './sample-data';

export interface InvitationData {
  readonly issue: Issue;
  /** "Ông (bà) Nguyễn Văn A, đại diện hộ gia đình ..."; null leaves a line to write on. */
  readonly invitee: string | null;
  readonly subject: string;
  readonly date: string;
  readonly time: string;
  readonly venue: string;
  readonly chair: string;
  readonly attendees: string;
  readonly content: readonly string[];
  readonly contact: string;
  readonly documents: string | null;
}

export function buildInvitation(d: InvitationData): DocumentModel {
  const blocks: Block[] = [
    issueHeader(d.issue, { formLabel: 'Mẫu số 01' }),
    { kind: 'title', text: 'GIẤY MỜI', subtitle: [d.subject] },
    d.invitee
      ? p([b('Kính gửi: '), d.invitee], { indent: false, align: 'center' })
      : fillLine([b('Kính gửi: '), 'Ông (bà)']),
    p(`${d.issue.body.lines.join(' ')} trân trọng kính mời Ông (bà) đến dự cuộc họp, cụ thể như sau:`),
    p([
      b('1. Thời gian, địa điểm: '),
      `Vào hồi ${timeInWords(d.time)}, ${weekdayName(d.date)}, ${dateInWords(d.date)}, tại ${d.venue}.`,
    ]),
    p([b('2. Thành phần tham dự: '), `Chủ trì: ${d.chair}; ${d.attendees}`]),
    p([b('3. Nội dung: ')]),
    ...d.content.map((c) => p(`- ${c}`)),
    p([b('4. Người liên hệ: '), d.contact]),
    p([b('5. Tài liệu: '), d.documents ?? 'Không.']),
    p('Rất mong Ông (bà) đến dự đúng thời gian và địa điểm trên./.'),
    { kind: 'signatures', recipients: d.issue.recipients, blocks: [signerBlock(d.issue.signer)] },
  ];
  return { meta: meta(`Giấy mời ${d.subject}`, d.issue.date, d.issue.year), blocks };
}

export function sampleInvitation(): InvitationData {
  const leader = TEAM[0];
  return {
    issue: {
      body: { parent: ['UBND PHƯỜNG 2'], lines: ['KHU PHỐ 1'] },
      number: 1,
      symbol: 'GM-TBC',
      place: PLACE,
      date: '2024-11-08',
      recipients: ['- Như trên;', '- Lưu: Tổ bầu cử.'],
      signer: { authority: ['TM. TỔ BẦU CỬ'], title: 'TỔ TRƯỞNG', name: leader.name },
    },
    invitee: 'Ông Dương Hữu Phước, đại diện hộ gia đình, Tổ 1, Khu phố 1',
    subject: 'Về việc dự cuộc họp cộng đồng dân cư bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    date: ELECTION_DATE,
    time: '07:30',
    venue: 'Nhà văn hóa khu phố 1',
    chair: `${leader.honorific} ${leader.name}, Tổ trưởng Tổ bầu cử`,
    attendees: 'đại diện các hộ gia đình trong khu phố 1; đại biểu Đảng ủy, UBND, UBMTTQVN Phường 2.',
    content: [
      'Thông qua danh sách những người ứng cử Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027.',
      'Bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027.',
    ],
    contact: `${TEAM[1].honorific} ${TEAM[1].name}, Thư ký Tổ bầu cử, điện thoại 0912 345 678.`,
    documents: null,
  };
}
