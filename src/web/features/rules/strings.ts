/** The rules page's Vietnamese text. */
export const rulesText = {
  title: 'Quy tắc áp dụng',
  intro:
    'Mọi giá trị phần mềm áp dụng (thời hạn, tỷ lệ, điều kiện) đều lấy từ bộ quy tắc dưới đây, kèm điều khoản nguồn và độ tin cậy. Giá trị "chưa xác minh" cần được cán bộ kiểm tra với văn bản gốc và ghi đè nếu khác.',
  effective: (from: string, to: string | null) =>
    to ? `Hiệu lực từ ${from} đến ${to}` : `Hiệu lực từ ${from}`,
  current: 'đang áp dụng',
  legacy: 'quy định cũ của tỉnh',
  unverifiedWarning: (n: number) =>
    `${n} tham số chưa xác minh được với văn bản gốc. Hãy kiểm tra trước khi dựa vào.`,
  params: 'Tham số',
  param: 'Tham số',
  value: 'Giá trị',
  citation: 'Trích dẫn',
  basis: 'Căn cứ',
  confidence: 'Độ tin cậy',
  note: 'Ghi chú',
  timeline: 'Mốc thời gian (D = ngày bầu cử)',
  due: 'Hạn',
  step: 'Việc',
  actor: 'Người thực hiện',
  document: 'Văn bản',
};
