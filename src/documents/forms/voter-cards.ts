/**
 * Thẻ cử tri (voter cards), eight to an A4 page to cut out. QĐ 01/2016 Quảng Trị Điều 15 k1đ: the
 * card is signed and stamped by the commune; Điều 14 k3: the team stamps "Đã bỏ phiếu" on it.
 */
import { b, type Card, type DocumentModel } from '../model';
import { shortDate, weekdayName } from '../words';
import { meta } from './common';
import { demoVoters, ELECTION_DATE } from './sample-data';

export interface VoterCardsData {
  /** "UBND PHƯỜNG 2". */
  readonly issuer: string;
  /** "Bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027". */
  readonly election: string;
  /** "Khu phố 1". */
  readonly hamlet: string;
  readonly electionDate: string;
  readonly place: string;
  readonly voters: readonly {
    readonly rollNumber: number;
    readonly name: string;
    readonly group?: string;
    /** The check-in code of polling day, printed large so it can be read out or typed. */
    readonly code?: string;
  }[];
  /** Signing authority printed above the stamp space. */
  readonly signerTitle: readonly string[];
}

export function voterCard(d: VoterCardsData, v: VoterCardsData['voters'][number]): Card {
  return {
    items: [
      { kind: 'text', runs: [b(d.issuer.toUpperCase())], align: 'center', size: 10 },
      { kind: 'text', runs: [b('THẺ CỬ TRI')], align: 'center', size: 14 },
      { kind: 'text', runs: [d.election], align: 'center', size: 10 },
      { kind: 'space', mm: 1 },
      { kind: 'text', runs: ['Họ và tên: ', b(v.name)] },
      { kind: 'text', runs: ['Số thứ tự trong danh sách cử tri: ', b(String(v.rollNumber))] },
      ...(v.code ? [{ kind: 'text' as const, runs: ['Mã thẻ: ', b(v.code)], size: 14 }] : []),
      { kind: 'text', runs: [`Nơi cư trú: ${v.group ? `${v.group}, ` : ''}${d.hamlet}`] },
      { kind: 'text', runs: [`Ngày bầu cử: ${weekdayName(d.electionDate)}, ${shortDate(d.electionDate)}`] },
      { kind: 'text', runs: [`Nơi bỏ phiếu: ${d.place}`] },
      {
        kind: 'columns',
        columns: [
          {
            width: 1,
            items: [
              { kind: 'box', label: 'Đã bỏ phiếu', width: 30, height: 13, align: 'left', dashed: true },
            ],
          },
          {
            width: 1.2,
            items: [
              ...d.signerTitle.map((t) => ({
                kind: 'text' as const,
                runs: [b(t.toUpperCase())],
                align: 'center' as const,
                size: 9,
              })),
              {
                kind: 'text',
                runs: [{ text: '(Ký tên, đóng dấu)', italic: true }],
                align: 'center',
                size: 9,
              },
            ],
          },
        ],
      },
    ],
  };
}

export function buildVoterCards(d: VoterCardsData): DocumentModel {
  return {
    meta: meta(`Thẻ cử tri ${d.election}`, d.electionDate),
    pageNumbers: false,
    blocks: [{ kind: 'cards', columns: 2, rows: 4, size: 10, cards: d.voters.map((v) => voterCard(d, v)) }],
  };
}

export function sampleVoterCards(): VoterCardsData {
  return {
    issuer: 'UBND Phường 2',
    election: 'Bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    hamlet: 'Khu phố 1',
    electionDate: ELECTION_DATE,
    place: 'Nhà văn hóa khu phố 1',
    voters: demoVoters('Khu phố 1', 3, 14)
      .slice(0, 12)
      .map((v) => ({ ...v, code: `4F0C2A-${v.rollNumber}` })),
    signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  };
}
