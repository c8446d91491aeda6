/**
 * Biên bản kiểm phiếu (ND59 Mẫu 02 header; contents per DOMAIN row 26: QĐ 01/2016 Quảng Trị Điều 15
 * k2d, Tây Ninh Điều 7 and 16đ, NQLT 09/2008 Điều 8): totals, ballots issued, received, valid and
 * invalid with reasons, votes and ratio per candidate, the person elected, three originals.
 */
import type { DocumentModel, SignatureBlock } from '../model';
import { dateInWords, timeInWords } from '../words';
import { electionPhrase, type ElectionRef, type MinutesHead } from './common';
import { buildCountCore, figure } from './count-core';
import { CANDIDATES, ELECTION_DATE, TEAM, election, hamletBody, PLACE } from './sample-data';

export interface CountRecordData {
  readonly head: MinutesHead;
  readonly election: ElectionRef;
  readonly venue: string | null;
  readonly startTime: string | null;
  readonly countDate: string | null;
  /** Who counted, as the profile says: "Ban kiểm phiếu gồm:" (elected by the meeting) or "Tổ bầu cử gồm:". */
  readonly teamLabel: string;
  readonly team: readonly ({ readonly name: string; readonly role: string } | null)[];
  /** "Đại diện hộ gia đình chứng kiến việc kiểm phiếu:" or "Cử tri chứng kiến việc kiểm phiếu:". */
  readonly witnessLabel: string;
  readonly witnesses: readonly (string | null)[];
  /** "cử tri đại diện hộ gia đình" or "cử tri", as the profile's electorate. */
  readonly electorateLabel: string;
  readonly totalOnRoll: number | null;
  readonly participated: number | null;
  readonly issued: number | null;
  readonly received: number | null;
  readonly valid: number | null;
  readonly invalid: number | null;
  readonly invalidReasons: readonly { readonly reason: string; readonly count: number | null }[];
  readonly candidates: readonly { readonly name: string; readonly votes: number | null }[];
  /** Base of the ratio (the profile decides: total on the roll, voters who took part, ...). */
  readonly ratioBase: number | null;
  readonly ratioLabel: string;
  /** "Ông Nguyễn Văn An trúng cử ..." or why nobody was elected; null leaves it blank. */
  /** Interruptions of polling day (time, reason, box sealed); absent on the blank record. */
  readonly interruptions?: readonly string[];
  readonly conclusion: string | null;
  readonly endTime: string | null;
  readonly copies: string;
  readonly signatures: readonly SignatureBlock[];
}

export function buildCountRecord(d: CountRecordData): DocumentModel {
  const when =
    d.startTime && d.countDate
      ? `${timeInWords(d.startTime)}, ${dateInWords(d.countDate)}`
      : '…… giờ …… phút, ngày …… tháng …… năm ……';
  return buildCountCore({
    // The label is the profile's: ND59's "Mẫu số 02"; none where the province's text has no form.
    head: d.head,
    title: 'BIÊN BẢN KIỂM PHIẾU',
    subject: `Về việc bầu ${electionPhrase(d.election)}`,
    opening: `Vào hồi ${when}, tại ${d.venue ?? '……………………………………'}, ${d.election.hamlet} tiến hành kiểm phiếu bầu ${electionPhrase(d.election)}.`,
    teamLabel: d.teamLabel,
    team: d.team,
    witnessLabel: d.witnessLabel,
    witnesses: d.witnesses,
    figures: [
      figure(`Tổng số ${d.electorateLabel} trong danh sách`, d.totalOnRoll),
      figure(`Số ${d.electorateLabel} tham gia bỏ phiếu`, d.participated),
      figure('Số phiếu phát ra', d.issued),
      figure('Số phiếu thu vào', d.received),
      figure('Số phiếu hợp lệ', d.valid),
      figure('Số phiếu không hợp lệ', d.invalid),
    ],
    invalidReasons: d.invalidReasons.map((r) => figure(r.reason, r.count)),
    votesHeader: 'Số phiếu bầu',
    rows: d.candidates,
    ratioBase: d.ratioBase,
    ratioLabel: d.ratioLabel,
    ...(d.interruptions ? { interruptions: d.interruptions } : {}),
    conclusion: d.conclusion,
    endTime: d.endTime ? timeInWords(d.endTime) : null,
    copies: d.copies,
    signatures: d.signatures,
  });
}

export const TN_COPIES =
  '03 bản có giá trị như nhau: 01 bản gửi Ủy ban Mặt trận Tổ quốc Việt Nam phường, 01 bản gửi Ủy ban nhân dân phường, 01 bản do Tổ trưởng Tổ bầu cử giữ.';

export function teamSignatures(
  team: readonly { readonly name: string; readonly role: string }[],
  witnesses: readonly string[] = [],
): SignatureBlock[] {
  return [
    ...team.map((m) => ({ title: m.role.toUpperCase(), note: '(Ký, ghi rõ họ tên)', name: m.name })),
    ...witnesses.map((w) => ({ title: 'NGƯỜI CHỨNG KIẾN', note: '(Ký, ghi rõ họ tên)', name: w })),
  ];
}

export function sampleCountRecord(): CountRecordData {
  const team = TEAM.map((m) => ({ name: `${m.honorific} ${m.name}`, role: m.role }));
  const witnesses = ['Ông Dương Hữu Phước', 'Bà Ngô Thị Mỹ Uyên'];
  return {
    head: { body: hamletBody('Khu phố 1'), place: PLACE, date: ELECTION_DATE, formLabel: 'Mẫu số 02' },
    election: election('Khu phố 1'),
    venue: 'Nhà văn hóa khu phố 1',
    startTime: '10:15',
    countDate: ELECTION_DATE,
    teamLabel: 'Ban kiểm phiếu gồm:',
    team,
    witnessLabel: 'Đại diện hộ gia đình chứng kiến việc kiểm phiếu:',
    witnesses,
    electorateLabel: 'đại diện hộ gia đình',
    totalOnRoll: 312,
    participated: 251,
    issued: 251,
    received: 251,
    valid: 245,
    invalid: 6,
    invalidReasons: [
      { reason: 'Phiếu không có dấu của Ủy ban nhân dân phường', count: 1 },
      { reason: 'Phiếu bầu cho 02 người trở lên', count: 4 },
      { reason: 'Phiếu ghi thêm tên người ngoài danh sách', count: 1 },
    ],
    candidates: [
      { name: CANDIDATES[0].name, votes: 187 },
      { name: CANDIDATES[1].name, votes: 58 },
    ],
    ratioBase: 312,
    ratioLabel: 'tổng số đại diện hộ gia đình trong danh sách',
    conclusion: `Ông ${CANDIDATES[0].name} đạt số phiếu bầu cao nhất và trên 50% số phiếu bầu hợp lệ so với tổng số đại diện hộ gia đình trong danh sách, trúng cử Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027.`,
    endTime: '11:40',
    copies: TN_COPIES,
    signatures: teamSignatures(
      team.map((m) => ({ ...m, name: m.name.replace(/^(Ông|Bà) /, '') })),
      witnesses.map((w) => w.replace(/^(Ông|Bà) /, '')),
    ),
  };
}

/** The blank record for polling day: names printed, every figure left to fill in. */
export function blankCountRecord(base: CountRecordData = sampleCountRecord()): CountRecordData {
  return {
    ...base,
    head: {
      ...base.head,
      date: null,
      year: base.countDate ? Number(base.countDate.slice(0, 4)) : base.head.year,
    },
    startTime: null,
    countDate: null,
    witnesses: [null, null],
    totalOnRoll: base.totalOnRoll,
    participated: null,
    issued: null,
    received: null,
    valid: null,
    invalid: null,
    invalidReasons: base.invalidReasons.map((r) => ({ ...r, count: null })),
    candidates: base.candidates.map((c) => ({ ...c, votes: null })),
    conclusion: null,
    endTime: null,
    signatures: base.signatures.map((s) => (s.title === 'NGƯỜI CHỨNG KIẾN' ? { ...s, name: undefined } : s)),
  };
}
