/** The province, commune and hamlet pages' Vietnamese text. */
export const territoryText = {
  province: {
    all: 'Tỉnh, thành phố',
    communes: 'Xã, phường, đặc khu',
    code: 'Mã',
    name: 'Tên',
    hamlets: 'Số thôn, tổ dân phố',
    communesCount: (n: number) => `${n} xã, phường, đặc khu`,
  },
  commune: {
    hamlets: 'Thôn, tổ dân phố',
    noHamlets: 'Xã/phường chưa có thôn, tổ dân phố nào. Hãy thêm bằng biểu mẫu bên dưới.',
    addHamlet: 'Thêm thôn, tổ dân phố',
    hamletName: 'Tên',
    hamletKind: 'Loại',
    groupsField: 'Các tổ tự quản (mỗi dòng một tổ, có thể để trống)',
    create: 'Thêm',
    created: (name: string) => `Đã thêm ${name}.`,
    /** The commune's sections, as [path under /xa/:id/, label]. */
    sections: [
      ['tien-do', 'Tiến độ'],
      ['ke-hoach', 'Kế hoạch bầu cử'],
      ['cong-nhan', 'Công nhận kết quả'],
      ['nguoi-giu-chuc', 'Người giữ chức danh'],
      ['cho-thoi-lam', 'Cho thôi làm'],
      ['van-ban', 'Văn bản, biểu mẫu'],
    ] as const,
  },
  importHamlets: {
    title: 'Nhập danh sách thôn, tổ dân phố từ tệp',
    help: 'Tệp XLSX hoặc CSV có các cột: Tên, Loại (Thôn, Ấp, Khu phố, Tổ dân phố...; có thể bỏ trống nếu tên đã cho biết), Tổ tự quản (các tổ cách nhau bằng dấu phẩy). Chưa có gì được ghi cho đến khi bạn xác nhận.',
    file: 'Chọn tệp',
    converted: (enc: string) => `Tệp dùng bảng mã cũ (${enc}); đã chuyển sang Unicode.`,
    summary: (rows: number, add: number, existing: number, rejected: number) =>
      `${rows} dòng: ${add} sẽ được thêm, ${existing} đã có, ${rejected} bị từ chối.`,
    rejectedTitle: 'Các dòng bị từ chối',
    confirm: (n: number) => `Xác nhận thêm ${n} thôn, tổ dân phố`,
    done: (n: number) => `Đã thêm ${n} thôn, tổ dân phố.`,
  },
};
