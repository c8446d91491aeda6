/**
 * Phiếu lấy ý kiến hộ gia đình (ND59 Mẫu 04 path): when the community meeting is not quorate,
 * opinion ballots go to each household. Two to an A4 page. Mẫu 04's own wording was not retrieved
 * (DOMAIN §3 item 15), so the content follows the count record's fields.
 */
import { b, type Card, type DocumentModel } from '../model';
import { meta } from './common';
import { CANDIDATES, demoVoters } from './sample-data';

export interface HouseholdBallotData {
  readonly issuer: string;
  readonly subject: string;
  readonly question: string;
  readonly candidates: readonly string[];
  readonly date: string;
  /** One ballot per household; a null name leaves a line to write on. */
  readonly households: readonly { readonly representative: string | null; readonly address: string | null }[];
  /** When the ballot goes back to the team; null when the team announces it. */
  readonly returnBy: string | null;
}

function ballot(d: HouseholdBallotData, h: HouseholdBallotData['households'][number]): Card {
  return {
    items: [
      {
        kind: 'columns',
        columns: [
          {
            width: 1,
            items: [{ kind: 'text', runs: [b(d.issuer.toUpperCase())], align: 'center', size: 11 }],
          },
          {
            width: 1.6,
            items: [
              { kind: 'text', runs: [b('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')], align: 'center', size: 10 },
              { kind: 'text', runs: [b('Độc lập - Tự do - Hạnh phúc')], align: 'center', size: 11 },
            ],
          },
        ],
      },
      { kind: 'space', mm: 2 },
      { kind: 'text', runs: [b('PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH')], align: 'center', size: 14 },
      { kind: 'text', runs: [b(d.subject)], align: 'center', size: 12 },
      { kind: 'space', mm: 2 },
      h.representative
        ? { kind: 'text', runs: ['Họ và tên đại diện hộ gia đình: ', b(h.representative)] }
        : { kind: 'text', runs: ['Họ và tên đại diện hộ gia đình:'], fill: true },
      h.address
        ? { kind: 'text', runs: [`Địa chỉ: ${h.address}`] }
        : { kind: 'text', runs: ['Địa chỉ:'], fill: true },
      { kind: 'text', runs: [d.question], align: 'justify' },
      {
        kind: 'table',
        size: 12,
        rowHeight: 9,
        columns: [
          { header: 'STT', width: 0.6, align: 'center' },
          { header: 'Họ và tên người ứng cử', width: 3.4, align: 'left' },
          { header: 'Đồng ý', width: 1, align: 'center' },
          { header: 'Không đồng ý', width: 1.2, align: 'center' },
        ],
        rows: d.candidates.map((c, n) => [String(n + 1), c, '', '']),
      },
      {
        kind: 'text',
        runs: [
          {
            text: `Đánh dấu "X" vào ô lựa chọn. Phiếu gửi lại Tổ bầu cử${d.returnBy ? ` trước ${d.returnBy}` : ' theo thời gian Tổ bầu cử thông báo'}.`,
            italic: true,
          },
        ],
        size: 11,
      },
      {
        kind: 'columns',
        columns: [
          { width: 1, items: [] },
          {
            width: 1,
            items: [
              { kind: 'text', runs: [b('ĐẠI DIỆN HỘ GIA ĐÌNH')], align: 'center', size: 11 },
              {
                kind: 'text',
                runs: [{ text: '(Ký, ghi rõ họ tên)', italic: true }],
                align: 'center',
                size: 10,
              },
            ],
          },
        ],
      },
    ],
  };
}

export function buildHouseholdBallots(d: HouseholdBallotData): DocumentModel {
  return {
    meta: meta(`Phiếu lấy ý kiến hộ gia đình ${d.subject}`, d.date),
    pageNumbers: false,
    blocks: [{ kind: 'cards', columns: 1, rows: 2, size: 12, cards: d.households.map((h) => ballot(d, h)) }],
  };
}

export function sampleHouseholdBallots(): HouseholdBallotData {
  return {
    issuer: 'Tổ bầu cử khu phố 1',
    subject: 'Về việc bầu Khu phố trưởng khu phố 1, nhiệm kỳ 2024-2027',
    question:
      'Do cuộc họp cộng đồng dân cư không đủ số đại diện hộ gia đình tham dự, Tổ bầu cử xin ý kiến của hộ gia đình về những người ứng cử sau:',
    candidates: CANDIDATES.map((c) => c.name),
    date: '2024-11-18',
    households: [
      ...demoVoters('Khu phố 1', 1, 3).map((v) => ({
        representative: v.name,
        address: `${v.address}, ${v.group}`,
      })),
      { representative: null, address: null },
    ],
    returnBy: '17 giờ ngày 20/11/2024',
  };
}
