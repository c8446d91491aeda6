/**
 * Count record of the secret-ballot vote on relieving the head (Tây Ninh Điều 9-10: Tổ kiểm phiếu of
 * 3-5 people). Ratios are measured against the base the profile names.
 */
import type { DocumentModel, SignatureBlock } from '../model';
import { dateInWords, timeInWords } from '../words';
import type { MinutesHead } from './common';
import { buildCountCore, figure } from './count-core';
import { teamSignatures } from './count-record';
import { hamletBody, PLACE } from './sample-data';

export interface RemovalCountData {
  readonly head: MinutesHead;
  readonly subject: string;
  readonly hamlet: string;
  readonly person: string;
  readonly removalKind: string;
  readonly time: string;
  readonly date: string;
  readonly venue: string;
  readonly team: readonly { readonly name: string; readonly role: string }[];
  readonly witnesses: readonly string[];
  readonly totalHouseholds: number;
  readonly present: number;
  readonly issued: number;
  readonly received: number;
  readonly valid: number;
  readonly invalid: number;
  readonly agree: number;
  readonly disagree: number;
  readonly ratioLabel: string;
  readonly conclusion: string;
  readonly endTime: string;
  readonly signatures: readonly SignatureBlock[];
}

export function buildRemovalCount(d: RemovalCountData): DocumentModel {
  return buildCountCore({
    head: d.head,
    title: 'BIÊN BẢN KIỂM PHIẾU',
    subject: d.subject,
    opening: `Vào hồi ${timeInWords(d.time)}, ${dateInWords(d.date)}, tại ${d.venue}, Tổ kiểm phiếu do cuộc họp cộng đồng dân cư ${d.hamlet} bầu ra tiến hành kiểm phiếu biểu quyết việc ${d.removalKind} đối với ${d.person}.`,
    teamLabel: 'Tổ kiểm phiếu gồm:',
    team: d.team,
    witnessLabel: 'Đại diện hộ gia đình chứng kiến việc kiểm phiếu:',
    witnesses: d.witnesses,
    figures: [
      figure(`Tổng số hộ gia đình trong ${d.hamlet}`, d.totalHouseholds),
      figure('Số đại diện hộ gia đình có mặt', d.present),
      figure('Số phiếu phát ra', d.issued),
      figure('Số phiếu thu vào', d.received),
      figure('Số phiếu hợp lệ', d.valid),
      figure('Số phiếu không hợp lệ', d.invalid),
    ],
    votesHeader: 'Số phiếu',
    rows: [
      { name: `Tán thành ${d.removalKind}`, votes: d.agree },
      { name: `Không tán thành ${d.removalKind}`, votes: d.disagree },
    ],
    ratioBase: d.totalHouseholds,
    ratioLabel: d.ratioLabel,
    conclusion: d.conclusion,
    endTime: timeInWords(d.endTime),
    copies: '03 bản có giá trị như nhau.',
    signatures: d.signatures,
  });
}

export function sampleRemovalCount(): RemovalCountData {
  const team = [
    { name: 'Lý Văn Nam', role: 'Tổ trưởng' },
    { name: 'Đỗ Thị Hằng', role: 'Thành viên' },
    { name: 'Phan Hữu Quang', role: 'Thành viên' },
  ];
  const witnesses = ['Ngô Văn Hải', 'Dương Thị Châu'];
  return {
    head: { body: hamletBody('Khu phố 2'), place: PLACE, date: '2025-03-09', year: 2025 },
    subject: 'Về việc cho thôi làm Khu phố trưởng khu phố 2',
    hamlet: 'khu phố 2',
    person: 'ông Bùi Văn Thắng',
    removalKind: 'cho thôi làm',
    time: '09:30',
    date: '2025-03-09',
    venue: 'Nhà văn hóa khu phố 2',
    team,
    witnesses,
    totalHouseholds: 298,
    present: 236,
    issued: 236,
    received: 235,
    valid: 232,
    invalid: 3,
    agree: 201,
    disagree: 31,
    ratioLabel: 'tổng số hộ gia đình',
    conclusion:
      'Số phiếu tán thành việc cho thôi làm Khu phố trưởng đối với ông Bùi Văn Thắng là 201 phiếu, bằng 67,45% tổng số hộ gia đình trong khu phố.',
    endTime: '10:00',
    signatures: teamSignatures(team, witnesses),
  };
}
