/**
 * Biên bản niêm phong phiếu bầu không sử dụng (Tây Ninh Điều 16 3d): before the box is opened the
 * team counts the unused ballots and seals them, with two voters who are not candidates watching.
 */
import { b, p, type DocumentModel } from '../model';
import { dateInWords, timeInWords } from '../words';
import { count, fillLine, meta, minutesHeader, type MinutesHead } from './common';
import { teamSignatures } from './count-record';
import { ELECTION_DATE, hamletBody, PLACE, TEAM } from './sample-data';

export interface UnusedBallotsData {
  readonly head: MinutesHead;
  readonly election: string;
  readonly time: string | null;
  readonly date: string | null;
  readonly venue: string;
  readonly team: readonly { readonly name: string; readonly role: string }[];
  readonly witnesses: readonly (string | null)[];
  readonly received: number | null;
  readonly issued: number | null;
  readonly spoiltExchanged: number | null;
  readonly unused: number | null;
}

export function buildUnusedBallots(d: UnusedBallotsData): DocumentModel {
  const when =
    d.time && d.date
      ? `${timeInWords(d.time)}, ${dateInWords(d.date)}`
      : '…… giờ …… phút, ngày …… tháng …… năm ……';
  const fig = (label: string, v: number | null) =>
    v === null
      ? fillLine(`- ${label}:`)
      : p([`- ${label}: `, b(count(v)), ' phiếu.'], { align: 'left', indent: true });
  return {
    meta: meta(`Biên bản niêm phong phiếu bầu không sử dụng ${d.election}`, d.head.date, d.head.year),
    blocks: [
      minutesHeader(d.head),
      { kind: 'title', text: 'BIÊN BẢN', subtitle: ['Niêm phong phiếu bầu không sử dụng', d.election] },
      p(
        `Vào hồi ${when}, tại ${d.venue}, sau khi kết thúc việc bỏ phiếu và trước khi mở hòm phiếu, Tổ bầu cử gồm:`,
      ),
      ...d.team.map((m, n) => p(`${n + 1}. ${m.name} - ${m.role}`, { align: 'left', indent: true })),
      p([b('Với sự chứng kiến của hai cử tri không phải là người ứng cử:')]),
      ...d.witnesses.map((w, n) =>
        w ? p(`${n + 1}. ${w}`, { align: 'left', indent: true }) : fillLine(`${n + 1}.`),
      ),
      p('Đã thống kê số phiếu bầu như sau:'),
      fig('Số phiếu bầu Tổ bầu cử nhận từ Ủy ban nhân dân phường', d.received),
      fig('Số phiếu bầu đã phát ra cho cử tri', d.issued),
      fig('Số phiếu cử tri gạch hỏng đã đổi', d.spoiltExchanged),
      fig('Số phiếu bầu không sử dụng', d.unused),
      p(
        'Toàn bộ số phiếu bầu không sử dụng nêu trên đã được cho vào phong bì, niêm phong, có chữ ký của Tổ trưởng, Thư ký Tổ bầu cử và hai cử tri chứng kiến trên mép niêm phong.',
      ),
      p(
        'Biên bản được lập thành 03 bản có giá trị như nhau, kèm theo hồ sơ bầu cử gửi Ủy ban nhân dân phường.',
      ),
      {
        kind: 'signatures',
        blocks: teamSignatures(
          d.team.filter((m) => m.role !== 'Thành viên'),
          d.witnesses.map((w) => w ?? ''),
        ).map((s) => (s.name === '' ? { ...s, name: undefined } : s)),
        perRow: 2,
      },
    ],
  };
}

export function sampleUnusedBallots(): UnusedBallotsData {
  return {
    head: { body: hamletBody('Khu phố 1'), place: PLACE, date: ELECTION_DATE },
    election: 'Bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    time: '10:05',
    date: ELECTION_DATE,
    venue: 'Nhà văn hóa khu phố 1',
    team: TEAM.map((m) => ({ name: m.name, role: m.role })),
    witnesses: ['Dương Hữu Phước', 'Ngô Thị Mỹ Uyên'],
    received: 330,
    issued: 251,
    spoiltExchanged: 2,
    unused: 77,
  };
}
