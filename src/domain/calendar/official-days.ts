/**
 * The government's yearly decisions on days off and make-up working days for public offices
 * (cơ quan hành chính). Edit this table each year from the Prime Minister's notice: for a year that
 * appears here, the table replaces the computed default (holidays.ts) for weekday days off.
 * Sources: DOMAIN.md §5, from the yearly notices as reported in the press.
 */
import type { CivilDate } from './civil-date';

export type DayConfidence = 'verified' | 'secondary' | 'unverified';

export type OfficialDayEntry =
  | {
      readonly kind: 'dayOff';
      readonly year: number;
      /** First and last day off, inclusive; weekends inside the range are harmless. */
      readonly from: CivilDate;
      readonly to: CivilDate;
      readonly name: string;
      readonly source: string;
      readonly confidence: DayConfidence;
    }
  | {
      readonly kind: 'makeUpWorkday';
      readonly year: number;
      readonly date: CivilDate;
      readonly name: string;
      readonly source: string;
      readonly confidence: DayConfidence;
    };

const PRESS = 'Thông báo nghỉ lễ, Tết của Thủ tướng / Bộ LĐTBXH (qua báo chí), DOMAIN.md §5';

export const OFFICIAL_DAYS: readonly OfficialDayEntry[] = [
  // 2024
  {
    kind: 'dayOff',
    year: 2024,
    from: '2024-01-01',
    to: '2024-01-01',
    name: 'Tết Dương lịch',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2024,
    from: '2024-02-08',
    to: '2024-02-14',
    name: 'Tết Nguyên đán Giáp Thìn',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2024,
    from: '2024-04-18',
    to: '2024-04-18',
    name: 'Giỗ Tổ Hùng Vương',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2024,
    from: '2024-04-27',
    to: '2024-05-01',
    name: 'Ngày Chiến thắng và Quốc tế lao động (hoán đổi thứ Hai 29/4)',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'makeUpWorkday',
    year: 2024,
    date: '2024-05-04',
    name: 'Làm bù cho thứ Hai 29/4/2024',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2024,
    from: '2024-08-31',
    to: '2024-09-03',
    name: 'Quốc khánh',
    source: PRESS,
    confidence: 'secondary',
  },
  // 2025
  {
    kind: 'dayOff',
    year: 2025,
    from: '2025-01-01',
    to: '2025-01-01',
    name: 'Tết Dương lịch',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2025,
    from: '2025-01-25',
    to: '2025-02-02',
    name: 'Tết Nguyên đán Ất Tỵ (hoán đổi thứ Hai 27/1)',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'makeUpWorkday',
    year: 2025,
    date: '2025-02-15',
    name: 'Làm bù cho thứ Hai 27/1/2025',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2025,
    from: '2025-04-07',
    to: '2025-04-07',
    name: 'Giỗ Tổ Hùng Vương',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2025,
    from: '2025-04-30',
    to: '2025-05-04',
    name: 'Ngày Chiến thắng và Quốc tế lao động (hoán đổi thứ Sáu 2/5)',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'makeUpWorkday',
    year: 2025,
    date: '2025-04-26',
    name: 'Làm bù cho thứ Sáu 2/5/2025',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2025,
    from: '2025-08-30',
    to: '2025-09-02',
    name: 'Quốc khánh',
    source: PRESS,
    confidence: 'secondary',
  },
  // 2026
  {
    kind: 'dayOff',
    year: 2026,
    from: '2026-01-01',
    to: '2026-01-01',
    name: 'Tết Dương lịch (chưa xác minh việc hoán đổi thứ Sáu 2/1)',
    source: PRESS,
    confidence: 'unverified',
  },
  {
    kind: 'dayOff',
    year: 2026,
    from: '2026-02-14',
    to: '2026-02-22',
    name: 'Tết Nguyên đán Bính Ngọ',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2026,
    from: '2026-04-27',
    to: '2026-04-27',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4)',
    source: 'Bộ luật Lao động 2019, Điều 111 k3 (nghỉ bù); chưa xác minh thông báo năm 2026',
    confidence: 'unverified',
  },
  {
    kind: 'dayOff',
    year: 2026,
    from: '2026-04-30',
    to: '2026-05-01',
    name: 'Ngày Chiến thắng và Quốc tế lao động',
    source: PRESS,
    confidence: 'secondary',
  },
  {
    kind: 'dayOff',
    year: 2026,
    from: '2026-09-01',
    to: '2026-09-02',
    name: 'Quốc khánh (ngày liền kề 1/9 chưa xác minh)',
    source: 'Bộ luật Lao động 2019, Điều 112 k1đ; ngày liền kề do Thủ tướng quyết định, chưa xác minh',
    confidence: 'unverified',
  },
];

/** Years whose days off are fully described by a table. */
export function coveredYears(entries: readonly OfficialDayEntry[]): ReadonlySet<number> {
  return new Set(entries.map((e) => e.year));
}
