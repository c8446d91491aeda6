/** Danh sách trích ngang người ứng cử (short-form candidate list attached to Mẫu 05). */
import type { Block, DocumentModel } from '../model';
import { issueHeaderless, meta, signerBlock, type IssuingBody, type Signer } from './common';
import { CANDIDATES, frontCommitteeBody, PLACE } from './sample-data';

export interface CandidateEntry {
  readonly name: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly residence: string;
  readonly education: string;
  readonly occupation: string;
  /** Printed in a column only when the list says so (some localities do not publish it). */
  readonly partyMember?: boolean;
}

export interface CandidateListData {
  readonly body: IssuingBody;
  readonly place: string;
  readonly date: string | null;
  readonly year?: number;
  readonly hamlet: string;
  readonly position: string;
  readonly term: string;
  readonly candidates: readonly CandidateEntry[];
  readonly showPartyMembership: boolean;
  readonly signer: Signer;
}

const dmy = (d: string): string => d.split('-').reverse().join('/');

export function buildCandidateList(d: CandidateListData): DocumentModel {
  const columns = [
    { header: 'STT', width: 0.5, align: 'center' as const },
    { header: 'Họ và tên', width: 2.2, align: 'left' as const },
    { header: 'Ngày sinh', width: 1.2, align: 'center' as const },
    { header: 'Giới tính', width: 0.8, align: 'center' as const },
    { header: 'Nơi cư trú', width: 2.4, align: 'left' as const },
    { header: 'Trình độ học vấn, chuyên môn', width: 2.2, align: 'left' as const },
    { header: 'Nghề nghiệp, chức vụ', width: 2.4, align: 'left' as const },
    ...(d.showPartyMembership ? [{ header: 'Đảng viên', width: 0.9, align: 'center' as const }] : []),
  ];
  const rows = d.candidates.map((c, n) => [
    String(n + 1),
    c.name,
    dmy(c.birthDate),
    c.sex,
    c.residence,
    c.education,
    c.occupation,
    ...(d.showPartyMembership ? [c.partyMember ? 'x' : ''] : []),
  ]);
  const blocks: Block[] = [
    issueHeaderless(d.body, d.place, d.date, d.year),
    {
      kind: 'title',
      text: 'DANH SÁCH TRÍCH NGANG',
      subtitle: [`Người ứng cử ${d.position} ${d.hamlet}, nhiệm kỳ ${d.term}`],
    },
    { kind: 'table', size: 12, columns, rows },
    { kind: 'signatures', blocks: [signerBlock(d.signer)] },
  ];
  return {
    meta: meta(`Danh sách trích ngang người ứng cử ${d.hamlet}`, d.date, d.year),
    orientation: 'landscape',
    blocks,
  };
}

export function sampleCandidateList(): CandidateListData {
  return {
    body: frontCommitteeBody('Khu phố 1'),
    place: PLACE,
    date: '2024-09-16',
    hamlet: 'khu phố 1',
    position: 'Khu phố trưởng',
    term: '2024-2027',
    candidates: CANDIDATES,
    showPartyMembership: true,
    signer: { authority: ['TM. BAN CÔNG TÁC MẶT TRẬN'], title: 'TRƯỞNG BAN', name: 'Phạm Văn Hùng' },
  };
}
