/**
 * The establishment conditions of each profile (see establishment-schema.ts). The household minimums
 * are not in any seed nor in DOMAIN.md: they come from TT04 Điều 7, whose text is not in the sources,
 * so they are unverified parameters to check against the text in force and override.
 */
import { SOURCES as S, cite, unverified } from './build';
import type { EstablishmentRule } from './establishment-schema';

const QT_EXCEPTIONS: EstablishmentRule['lowerAllowedFor'] = [
  { code: 'clearance', label: 'Nằm trong quy hoạch giải phóng mặt bằng được cấp có thẩm quyền phê duyệt' },
  {
    code: 'resettlement',
    label: 'Nằm trong quy hoạch dãn dân, tái định cư được cấp có thẩm quyền phê duyệt',
  },
  { code: 'boundaryChange', label: 'Điều chỉnh địa giới hành chính được cấp có thẩm quyền phê duyệt' },
  {
    code: 'remoteMigration',
    label:
      'Di dân hình thành cụm dân cư mới ở vùng núi cao, biên giới, hải đảo, vùng sâu, vùng xa, địa hình chia cắt, địa bàn rộng, giao thông khó khăn',
  },
];

/** TT04 Điều 7 as amended by TT 14/2018 (values recalled, not read): the current national minimums. */
export const nationalEstablishment = unverified<EstablishmentRule>(
  {
    minHouseholds: {
      rural: { plain: 500, mountainBorder: 350, island: 200 },
      urban: { plain: 700, mountainBorder: 500, island: 200 },
    },
    lowerAllowedFor: QT_EXCEPTIONS,
    decidedBy: 'HĐND cấp tỉnh (trên cơ sở đề án của UBND cấp xã và thẩm định của Sở Nội vụ)',
  },
  cite(S.TT04, 'Điều 7'),
  'NĐ 59/2023 không quy định việc thành lập thôn, tổ dân phố. Số hộ tối thiểu và các trường hợp được thấp hơn theo TT04 Điều 7 (sửa đổi bởi TT 14/2018), văn bản không có trong bộ nguồn: phải đối chiếu trước khi dùng.',
);

/** Quảng Trị 2016: Điều 9 k1 refers to TT04 Điều 7 (2012 text, not in the sources); k2 lists the exceptions. */
export const quangTriEstablishment = unverified<EstablishmentRule>(
  {
    minHouseholds: {
      rural: { plain: 200, mountainBorder: 100, island: 100 },
      urban: { plain: 250, mountainBorder: 150, island: 150 },
    },
    lowerAllowedFor: QT_EXCEPTIONS,
    decidedBy: 'UBND tỉnh cho chủ trương (qua Sở Nội vụ thẩm định), theo TT04 Điều 8',
  },
  cite(S.QT, 'Điều 9', 'khoản 1–2; Điều 10'),
  'Đã đọc trong seed 002: các trường hợp ngoại lệ (khoản 2) và trình tự xin chủ trương (Điều 10 khoản 1). Số hộ tối thiểu theo TT04 Điều 7 bản 2012: KHÔNG có trong nguồn, chưa xác minh.',
);

/** Tây Ninh 2019 does not regulate establishment: the national rule of its time applies. */
export const tayNinhEstablishment = unverified<EstablishmentRule>(
  { ...nationalEstablishment.value },
  cite(S.TT04, 'Điều 7'),
  'Quy trình Tây Ninh 2019 không quy định thành lập ấp, khu phố; áp dụng TT04 Điều 7 (sửa đổi bởi TT 14/2018). Chưa xác minh.',
);
