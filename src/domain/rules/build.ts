/** Small builders so that profile files read like the articles they cite. */
import type { Citation, Confidence } from './schema';

export interface Built<T> {
  value: T;
  citation: Citation;
  confidence: Confidence;
  note?: string;
}

export function cite(source: string, article: string, clause?: string): Citation {
  return clause === undefined ? { source, article } : { source, article, clause };
}

function make<T>(confidence: Confidence, value: T, citation: Citation, note?: string): Built<T> {
  return note === undefined ? { value, citation, confidence } : { value, citation, confidence, note };
}

export const verified = <T>(value: T, citation: Citation, note?: string): Built<T> =>
  make('verified', value, citation, note);
export const secondary = <T>(value: T, citation: Citation, note?: string): Built<T> =>
  make('secondary', value, citation, note);
export const unverified = <T>(value: T, citation: Citation, note?: string): Built<T> =>
  make('unverified', value, citation, note);

/** "trên 50%" of a base. */
export const overHalf = <B extends 'registered' | 'participated' | 'present' | 'valid'>(base: B) => ({
  numerator: 1,
  denominator: 2,
  strict: true,
  base,
});

/** "từ 50% trở lên" / "ít nhất 50%" of a base. */
export const atLeastHalf = <B extends 'registered' | 'participated' | 'present' | 'valid'>(base: B) => ({
  numerator: 1,
  denominator: 2,
  strict: false,
  base,
});

export const SOURCES = {
  L22: 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15',
  ND59: 'Nghị định 59/2023/NĐ-CP',
  TT04: 'Thông tư 04/2012/TT-BNV (sửa đổi bởi TT 09/2017, TT 14/2018, TT 05/2022; 08/VBHN-BNV)',
  TT14: 'Thông tư 14/2018/TT-BNV',
  NQLT: 'Nghị quyết liên tịch 09/2008/NQLT-CP-UBTWMTTQVN',
  QT: 'Quyết định 01/2016/QĐ-UBND tỉnh Quảng Trị (Quy chế)',
  TN: 'Quy trình bầu cử, miễn nhiệm, bãi nhiệm Trưởng ấp tỉnh Tây Ninh 2019 (bản chưa ký)',
  P2: 'Kế hoạch bầu Khu phố trưởng UBND Phường 2, 24/7/2024',
  VT: 'Kế hoạch 65/KH-UBND huyện Vĩnh Thuận (Kiên Giang), 03/4/2024',
  KG1564: 'Quyết định 1564/QĐ-UBND tỉnh Kiên Giang ngày 01/7/2008 (chưa có văn bản)',
  BLDS: 'Bộ luật Dân sự 2015',
} as const;
