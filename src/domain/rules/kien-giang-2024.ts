/**
 * Kiên Giang 2024 (seed 001, Vĩnh Thuận plan 65/KH-UBND): heads under the national rules (ND59
 * Điều 6–8), plus Tổ trưởng, Tổ phó and Thư ký of the Tổ nhân dân tự quản under Kiên Giang
 * QĐ 1564/QĐ-UBND (2008) Chương III, which is not available: those values are unverified parameters.
 */
import type { RuleProfile } from './schema';
import { SOURCES as S, cite, unverified, verified } from './build';
import { nd59 } from './nd59-2023';

export const kienGiang2024: RuleProfile = {
  ...nd59,
  id: 'kien-giang-2024',
  title: 'Kiên Giang 2024: Trưởng ấp, Trưởng khu phố (NĐ 59/2023) và Tổ nhân dân tự quản (QĐ 1564/2008)',
  status: 'current',
  effective: verified(
    { from: '2024-03-11', to: null },
    cite(S.VT, 'phần căn cứ'),
    'Kế hoạch 74/KH-UBND ngày 11/3/2024 của UBND tỉnh Kiên Giang.',
  ),
  sources: [
    ...nd59.sources,
    { tag: 'VT', title: S.VT, note: 'Đọc toàn văn (seed 001); chỉ là kế hoạch.' },
    {
      tag: 'KG1564',
      title: S.KG1564,
      note: 'Không có văn bản: mọi giá trị về Tổ nhân dân tự quản là tham số chưa xác minh.',
    },
  ],
  positions: verified(['head', 'groupLeader', 'groupDeputy', 'groupSecretary'], cite(S.VT, 'tên Kế hoạch')),
  term: verified(
    { months: 60, options: [30, 60] },
    cite(S.VT, 'tên Kế hoạch'),
    'Nhiệm kỳ Trưởng ấp, Trưởng khu phố 2024–2029.',
  ),
  residentGroup: unverified(
    { positions: ['groupLeader', 'groupDeputy', 'groupSecretary'], termMonths: 24 },
    cite(S.KG1564, 'Chương III'),
    'Kế hoạch Vĩnh Thuận (mục II.1.6) ghi nhiệm kỳ Tổ nhân dân tự quản 2024–2026 và giao việc bầu cho QĐ 1564/2008 Chương III, nhưng QĐ này chưa có văn bản: các chức danh, nhiệm kỳ 24 tháng và việc bầu theo cùng trình tự, ngưỡng trúng cử với Trưởng ấp (NĐ 59/2023) đều chưa xác minh.',
  ),
  electorate: verified(
    'householdRepresentatives',
    cite(S.VT, 'mục II.1.7'),
    'Kế hoạch ghi "công dân cư trú tại ấp, khu phố" tham gia bầu; việc bầu Trưởng ấp theo NĐ 59 (đại diện hộ).',
  ),
};
