/** The public verification page: words a resident reads, plain and short. */
import { vnNumber } from '../../shared/format';
export const verifyText = {
  title: 'Kiểm tra văn bản',
  intro:
    'Nhập mã kiểm tra in ở cuối mỗi trang văn bản (12 chữ và số), hoặc quét mã QR bên cạnh mã bằng điện thoại.',
  codeLabel: 'Mã kiểm tra',
  codePlaceholder: 'Ví dụ: 7K3M-Q9XA-2B4C',
  check: 'Kiểm tra',
  checking: 'Đang kiểm tra...',
  matches: 'Văn bản khớp với hồ sơ',
  matchesDetail:
    'Văn bản mang mã này được lưu trong hồ sơ đúng như khi ban hành và chưa bị sửa. Hãy đối chiếu tên, số và ngày dưới đây với tờ giấy bạn đang xem.',
  mismatch: 'Văn bản KHÔNG khớp với hồ sơ',
  mismatchDetail: 'Hồ sơ của văn bản này đã bị thay đổi sau khi ban hành:',
  mismatchAdvice: 'Hãy báo ngay cho Ủy ban nhân dân xã, phường và mang theo tờ giấy này.',
  replaced: 'Văn bản này đã được thay thế bằng một phiên bản mới hơn: hãy hỏi bản đang có hiệu lực.',
  notFound: 'Không tìm thấy văn bản',
  documentTitle: 'Tên văn bản',
  number: 'Số văn bản',
  noNumber: 'Không đánh số',
  date: 'Ngày văn bản',
  place: 'Nơi ban hành',
  hash: 'Mã băm (SHA-256)',
  chain: 'Vị trí trong nhật ký',
  chainSeq: (n: number) => `Sự kiện số ${vnNumber(n)}`,
  checks: {
    bytes: 'Tệp văn bản lưu trữ',
    record: 'Thông tin văn bản trong hồ sơ',
    chain: 'Sự kiện ban hành trong nhật ký',
    witness: 'Nhật ký không bị cắt hay viết lại',
  },
  ok: 'đúng',
  bad: 'không đúng',
  codeWrong: 'Mã kiểm tra gồm 12 chữ và số. Hãy nhập lại.',
} as const;
