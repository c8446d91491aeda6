/**
 * Minutes or resolution of the community meeting (ND59 Mẫu 03; Điều 3 and 7): the decision the
 * community votes through, which starts the recognition period. Fields of Mẫu 03 were not
 * retrieved (DOMAIN §3 item 14), so the content follows ND59 Điều 3 k5 as summarised there.
 */
import type { DocumentModel } from '../model';
import { dateInWords, padNumber, percent, timeInWords } from '../words';
import { type MinutesHead, type Person, personText } from './common';
import { buildMinutesCore, chairAndSecretary, votesTable } from './minutes-core';
import { CANDIDATES, ELECTION_DATE, hamletBody, PLACE, TEAM } from './sample-data';

export interface CommunityMeetingData {
  readonly head: MinutesHead;
  /** 'minutes' prints BIÊN BẢN; 'resolution' prints NGHỊ QUYẾT and "quyết nghị". */
  readonly kind: 'minutes' | 'resolution';
  /** What the meeting is called: "cuộc họp cộng đồng dân cư" (ND59), "hội nghị ấp" (Tây Ninh Điều 7). */
  readonly meetingName?: string;
  /** True for ND59's community meeting (the community holds it); false for a hội nghị of the hamlet. */
  readonly community?: boolean;
  readonly hamlet: string;
  readonly position: string;
  readonly term: string;
  readonly date: string;
  readonly time: string;
  readonly venue: string;
  readonly chair: Person & { readonly position: string };
  readonly secretary: Person;
  readonly totalHouseholds: number;
  readonly present: number;
  /** Statement of the quorum rule and whether it was met, from the rules engine. */
  readonly quorumStatement: string;
  readonly guests: string;
  /** "bỏ phiếu kín" or "giơ tay", as the meeting decided. */
  readonly method: string;
  readonly countingTeam: readonly string[];
  readonly results: readonly { readonly name: string; readonly agree: number }[];
  readonly ratioBase: number;
  readonly ratioLabel: string;
  readonly outcome: string;
  readonly endTime: string;
  /** The agenda votes as recorded (secretary, voting form, counting team), one line each. */
  readonly agenda?: readonly string[];
}

export function buildCommunityMeeting(d: CommunityMeetingData): DocumentModel {
  const resolution = d.kind === 'resolution';
  const meeting = d.meetingName ?? 'cuộc họp cộng đồng dân cư';
  const community = d.community ?? true;
  /** The meeting named in running text after its first mention. */
  const assembly = community ? 'cuộc họp' : 'hội nghị';
  const Assembly = community ? 'Cuộc họp' : 'Hội nghị';
  return buildMinutesCore({
    // Data issued before the profile named the meeting carried no name: ND59's Mẫu 03, as then.
    head: d.meetingName === undefined ? { ...d.head, formLabel: d.head.formLabel ?? 'Mẫu số 03' } : d.head,
    title: `${resolution ? 'NGHỊ QUYẾT' : 'BIÊN BẢN'} ${meeting.toUpperCase()}`,
    subject: `Về việc bầu ${d.position} ${d.hamlet}, nhiệm kỳ ${d.term}`,
    opening: `Vào hồi ${timeInWords(d.time)}, ${dateInWords(d.date)}, tại ${d.venue}, ${community ? `cộng đồng dân cư ${d.hamlet} tổ chức cuộc họp` : `${d.hamlet} tổ chức ${meeting}`} bầu ${d.position} nhiệm kỳ ${d.term}.`,
    sections: [
      {
        heading: 'Thành phần',
        lines: [
          `- Chủ trì: ${personText(d.chair)}, ${d.chair.position}.`,
          `- Thư ký: ${personText(d.secretary)}.`,
          `- Tổng số hộ gia đình trong ${d.hamlet}: ${padNumber(d.totalHouseholds)} hộ; số đại diện hộ gia đình có mặt: ${padNumber(d.present)} người (bằng ${percent(d.present, d.totalHouseholds)}). ${d.quorumStatement}`,
          `- Khách mời: ${d.guests}`,
        ],
      },
      {
        heading: 'Nội dung và hình thức biểu quyết',
        lines: [
          `- Tổ trưởng Tổ bầu cử công bố quyết định thành lập Tổ bầu cử, danh sách những người ứng cử; ${assembly} thảo luận về những người ứng cử.`,
          `- ${Assembly} thống nhất hình thức biểu quyết: ${d.method}.`,
          ...(d.agenda ?? []).map((x) => `- ${x}`),
          ...(d.countingTeam.length > 0 ? [`- Tổ kiểm phiếu gồm: ${d.countingTeam.join('; ')}.`] : []),
        ],
      },
      {
        heading: 'Kết quả biểu quyết',
        lines: [],
        after: [votesTable(d.results, d.ratioLabel, (n) => percent(n, d.ratioBase))],
      },
      { heading: resolution ? 'Cộng đồng dân cư quyết nghị' : 'Kết luận', lines: [d.outcome] },
    ],
    closing: `${Assembly} kết thúc vào hồi ${timeInWords(d.endTime)} cùng ngày. ${resolution ? 'Nghị quyết' : 'Biên bản'} đã được thông qua tại ${assembly} và lập thành 03 bản có giá trị như nhau.`,
    signatures: chairAndSecretary(d.secretary.name, d.chair.name),
  });
}

export function sampleCommunityMeeting(): CommunityMeetingData {
  const [leader, secretary] = TEAM;
  return {
    head: { body: hamletBody('Khu phố 1'), place: PLACE, date: ELECTION_DATE },
    kind: 'minutes',
    hamlet: 'khu phố 1',
    position: 'Khu phố trưởng',
    term: '2024-2027',
    date: ELECTION_DATE,
    time: '07:30',
    venue: 'Nhà văn hóa khu phố 1',
    chair: { honorific: leader.honorific, name: leader.name, position: 'Tổ trưởng Tổ bầu cử' },
    secretary: { honorific: secretary.honorific, name: secretary.name },
    totalHouseholds: 312,
    present: 251,
    quorumStatement: 'Cuộc họp đủ điều kiện tiến hành (trên 50% đại diện hộ gia đình tham dự).',
    guests: 'Đại diện Đảng ủy, UBND, UBMTTQVN Phường 2.',
    method: 'bỏ phiếu kín',
    countingTeam: ['Ông Võ Minh Tâm - Tổ trưởng', 'Ông Hồ Văn Lực', 'Bà Đặng Thị Lan'],
    results: [
      { name: CANDIDATES[0].name, agree: 187 },
      { name: CANDIDATES[1].name, agree: 58 },
    ],
    ratioBase: 312,
    ratioLabel: 'tổng số hộ gia đình',
    outcome: `Ông ${CANDIDATES[0].name} được trên 50% đại diện hộ gia đình trong khu phố tán thành, trúng cử Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027. Đề nghị Ủy ban nhân dân phường xem xét, công nhận.`,
    endTime: '11:45',
  };
}
