/**
 * Biên bản kiểm phiếu lấy ý kiến hộ gia đình (ND59 Mẫu 04): the count of the opinion ballots handed
 * to households when the meeting was not quorate.
 */
import type { DocumentModel, SignatureBlock } from '../model';
import { dateInWords, timeInWords } from '../words';
import type { MinutesHead } from './common';
import { buildCountCore, figure } from './count-core';
import { teamSignatures } from './count-record';
import { CANDIDATES, hamletBody, PLACE, TEAM } from './sample-data';

export interface HouseholdCountData {
  readonly head: MinutesHead;
  readonly subject: string;
  readonly hamlet: string;
  readonly time: string;
  readonly date: string;
  readonly venue: string;
  /**
   * Why the election went to household ballots: the community meeting that missed its quorum
   * (DOMAIN.md row 7); the record says so before the count.
   */
  readonly reason?: string;
  /** "Tổ bầu cử gồm:" when the election team counts (no meeting elected a counting team). */
  readonly teamLabel?: string;
  readonly team: readonly { readonly name: string; readonly role: string }[];
  readonly witnesses: readonly string[];
  readonly totalHouseholds: number;
  readonly issued: number;
  readonly received: number;
  readonly valid: number;
  readonly invalid: number;
  readonly candidates: readonly { readonly name: string; readonly votes: number }[];
  /** How the ratio's base is named; the households on the roll unless said. */
  readonly ratioLabel?: string;
  readonly conclusion: string;
  readonly endTime: string;
  readonly copies: string;
  readonly signatures: readonly SignatureBlock[];
}

export function buildHouseholdCount(d: HouseholdCountData): DocumentModel {
  return buildCountCore({
    head: { ...d.head, formLabel: d.head.formLabel ?? 'Mẫu số 04' },
    title: 'BIÊN BẢN KIỂM PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH',
    subject: d.subject,
    opening: `${d.reason ? `${d.reason} ` : ''}Vào hồi ${timeInWords(d.time)}, ${dateInWords(d.date)}, tại ${d.venue}, Tổ bầu cử ${d.hamlet} tiến hành kiểm phiếu lấy ý kiến hộ gia đình.`,
    teamLabel: d.teamLabel ?? 'Tổ kiểm phiếu gồm:',
    team: d.team,
    witnessLabel: 'Đại diện hộ gia đình chứng kiến việc kiểm phiếu:',
    witnesses: d.witnesses,
    figures: [
      figure(`Tổng số hộ gia đình trong ${d.hamlet}`, d.totalHouseholds),
      figure('Số phiếu lấy ý kiến phát ra', d.issued),
      figure('Số phiếu thu về', d.received),
      figure('Số phiếu hợp lệ', d.valid),
      figure('Số phiếu không hợp lệ', d.invalid),
    ],
    votesHeader: 'Số phiếu đồng ý',
    rows: d.candidates,
    ratioBase: d.totalHouseholds,
    ratioLabel: d.ratioLabel ?? 'tổng số hộ gia đình',
    conclusion: d.conclusion,
    endTime: timeInWords(d.endTime),
    copies: d.copies,
    signatures: d.signatures,
  });
}

export function sampleHouseholdCount(): HouseholdCountData {
  const team = TEAM.slice(0, 3).map((m) => ({ name: m.name, role: m.role }));
  const witnesses = ['Dương Hữu Phước', 'Ngô Thị Mỹ Uyên'];
  return {
    head: { body: hamletBody('Khu phố 1'), place: PLACE, date: '2024-11-21' },
    subject: 'Về việc bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    hamlet: 'khu phố 1',
    time: '08:00',
    date: '2024-11-21',
    venue: 'Nhà văn hóa khu phố 1',
    reason:
      'Cuộc họp cộng đồng dân cư ngày 17/11/2024 không đủ số đại diện hộ gia đình tham dự theo quy định (có mặt 150/312), nên việc bầu Khu phố trưởng khu phố 1 được tiến hành bằng phiếu lấy ý kiến hộ gia đình.',
    team,
    witnesses,
    totalHouseholds: 312,
    issued: 312,
    received: 268,
    valid: 262,
    invalid: 6,
    candidates: [
      { name: CANDIDATES[0].name, votes: 201 },
      { name: CANDIDATES[1].name, votes: 61 },
    ],
    conclusion: `Ông ${CANDIDATES[0].name} được trên 50% tổng số hộ gia đình trong khu phố đồng ý.`,
    endTime: '10:30',
    copies: '03 bản có giá trị như nhau.',
    signatures: teamSignatures(team, witnesses),
  };
}
