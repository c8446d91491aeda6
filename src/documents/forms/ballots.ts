/**
 * Phiếu bầu (ballot papers) for one position, four to an A4 page. The commune's stamp goes at the
 * top left (QĐ 01/2016 Quảng Trị Điều 15 k1đ; Tây Ninh Điều 16 3b). Candidate names are printed in
 * the decided order. With `ballotForm: 'agreeColumns'` each name has agree / disagree columns;
 * with 'strikeOut' the voter strikes through the names rejected (Tây Ninh Điều 16 3b).
 */
import { b, type Card, type CardItem, type DocumentModel } from '../model';
import { meta } from './common';
import { CANDIDATES, ELECTION_DATE } from './sample-data';

export interface BallotsData {
  readonly issuer: string;
  /** "KHU PHỐ TRƯỞNG KHU PHỐ 1". */
  readonly position: string;
  readonly term: string;
  readonly date: string;
  readonly candidates: readonly string[];
  readonly ballotForm: 'strikeOut' | 'agreeColumns';
  /** Instruction printed under the names (from the profile). */
  readonly instruction: string;
  /** How many ballots to print. */
  readonly count: number;
}

export function ballotCard(d: BallotsData): Card {
  const names: CardItem =
    d.ballotForm === 'agreeColumns'
      ? {
          kind: 'table',
          size: 10.5,
          rowHeight: 9,
          columns: [
            { header: 'STT', width: 0.55, align: 'center' },
            { header: 'Họ và tên người ứng cử', width: 3, align: 'left' },
            { header: 'Đồng ý', width: 1.15, align: 'center' },
            { header: 'Không đồng ý', width: 1.4, align: 'center' },
          ],
          rows: d.candidates.map((c, n) => [String(n + 1), { runs: [b(c)] }, '', '']),
        }
      : {
          kind: 'table',
          size: 12,
          rowHeight: 9,
          columns: [
            { header: 'STT', width: 0.6, align: 'center' },
            { header: 'Họ và tên người ứng cử', width: 4, align: 'left' },
          ],
          rows: d.candidates.map((c, n) => [String(n + 1), { runs: [b(c)] }]),
        };
  return {
    items: [
      {
        kind: 'columns',
        columns: [
          {
            // The box is narrower than its column so that a long commune name in the header beside
            // it never touches the stamp.
            width: 1.2,
            items: [
              { kind: 'box', label: `Dấu ${d.issuer}`, width: 24, height: 20, align: 'left', dashed: true },
            ],
          },
          {
            width: 1.9,
            items: [
              { kind: 'text', runs: [b(d.issuer.toUpperCase())], align: 'center', size: 10 },
              { kind: 'text', runs: [b('PHIẾU BẦU')], align: 'center', size: 16 },
              { kind: 'text', runs: [b(d.position.toUpperCase())], align: 'center', size: 10 },
              { kind: 'text', runs: [`Nhiệm kỳ ${d.term}`], align: 'center', size: 11 },
            ],
          },
        ],
      },
      { kind: 'space', mm: 3 },
      names,
      { kind: 'text', runs: [{ text: d.instruction, italic: true }], size: 10, align: 'justify' },
    ],
  };
}

export function buildBallots(d: BallotsData): DocumentModel {
  const card = ballotCard(d);
  return {
    meta: meta(`Phiếu bầu ${d.position}`, d.date),
    pageNumbers: false,
    blocks: [
      { kind: 'cards', columns: 2, rows: 3, size: 11, cards: Array.from({ length: d.count }, () => card) },
    ],
  };
}

export const STRIKE_OUT_INSTRUCTION =
  'Cử tri không đồng ý người nào thì gạch ngang giữa họ và tên người đó. Chỉ được để lại tên 01 người.';
export const AGREE_INSTRUCTION =
  'Đánh dấu "X" vào cột "Đồng ý" hoặc cột "Không đồng ý" ứng với từng người ứng cử. Chỉ được đồng ý 01 người.';

export function sampleBallots(): BallotsData {
  return {
    issuer: 'UBND Phường 2',
    position: 'Khu phố trưởng khu phố 1',
    term: '2024-2027',
    date: ELECTION_DATE,
    candidates: CANDIDATES.map((c) => c.name),
    ballotForm: 'agreeColumns',
    instruction: AGREE_INSTRUCTION,
    count: 4,
  };
}

export function sampleStrikeOutBallots(): BallotsData {
  return { ...sampleBallots(), ballotForm: 'strikeOut', instruction: STRIKE_OUT_INSTRUCTION };
}
