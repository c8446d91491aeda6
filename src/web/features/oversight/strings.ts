/** The commune dashboard's and the search page's Vietnamese text (the shared counts are `to`). */
export const oversightText = {
  communeTitle: (name: string) => `Tiến độ bầu cử: ${name}`,
  filters: { all: 'Tất cả', late: 'Chậm tiến độ', rerun: 'Bầu lại', interim: 'Lâm thời' } as Record<
    string,
    string
  >,
  filterLabel: 'Lọc thôn, tổ dân phố',
  hamlet: 'Thôn, tổ dân phố',
  state: 'Trạng thái',
  electionDate: 'Ngày bầu',
  nextDeadline: 'Hạn tiếp theo',
  late: 'Chậm',
  onTime: 'Đúng hạn',
  overdue: (n: number) => `${n} việc quá hạn`,
  office: 'Người đảm nhiệm',
  termEnd: 'hết nhiệm kỳ',
  noData: 'chưa có dữ liệu',
  noHamlets: 'Không có thôn, tổ dân phố nào khớp bộ lọc.',
  communeXlsx: 'Kết quả (XLSX)',
  communePdf: 'Báo cáo tổng hợp (PDF, bản nháp)',
  issueSummary: 'Ban hành báo cáo tổng hợp',
  issued: (title: string) => `Đã ban hành: ${title}. Xem và tải ở trang Văn bản.`,
  search: {
    title: 'Tìm kiếm',
    placeholder: 'Tên thôn, tên người (không cần dấu), số văn bản…',
    button: 'Tìm',
    none: 'Không tìm thấy kết quả nào.',
    kinds: { commune: 'Xã, phường', hamlet: 'Thôn, TDP', person: 'Người', document: 'Văn bản' } as Record<
      string,
      string
    >,
  },
};
