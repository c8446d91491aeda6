/** Every Vietnamese string of the web app, in one place (DESIGN.md: src/web). */
export const t = {
  appName: 'baucoso',
  appTagline: 'Bầu Trưởng thôn, Tổ trưởng tổ dân phố',
  login: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    failed: 'Không đăng nhập được',
  },
  logout: 'Đăng xuất',
  loading: 'Đang tải...',
  errorTitle: 'Có lỗi',
  retry: 'Thử lại',
  nav: {
    home: 'Trang chính',
    users: 'Người dùng',
    apiDocs: 'Tài liệu API',
  },
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
  },
  hamlet: {
    households: 'Số hộ gia đình',
    residents: 'Số nhân khẩu',
    groups: 'Tổ tự quản',
    noGroups: 'Chưa có tổ tự quản.',
    elections: 'Các cuộc bầu cử',
    noElections: 'Chưa có cuộc bầu cử nào.',
    householdList: 'Danh sách hộ gia đình',
    code: 'Mã hộ',
    head: 'Chủ hộ',
    address: 'Địa chỉ',
    group: 'Tổ',
    members: 'Số người',
    addGroup: 'Thêm tổ tự quản',
    groupName: 'Tên tổ',
  },
  election: {
    position: 'Chức danh',
    term: 'Nhiệm kỳ',
    date: 'Ngày bầu cử',
    state: 'Trạng thái',
    round: 'Lần bầu',
  },
  positions: {
    head: 'Trưởng thôn/tổ dân phố',
    deputyHead: 'Phó trưởng thôn/tổ dân phố',
    groupLeader: 'Tổ trưởng tổ tự quản',
    groupDeputy: 'Tổ phó tổ tự quản',
    groupSecretary: 'Thư ký tổ tự quản',
  } as Record<string, string>,
  states: {
    planned: 'Đã lên kế hoạch',
    candidatesDrafted: 'Đã dự kiến người ứng cử',
    listOfficial: 'Đã chốt danh sách ứng cử',
    teamFormed: 'Đã thành lập Tổ bầu cử',
    rollPosted: 'Đã niêm yết danh sách cử tri',
    polling: 'Đang bỏ phiếu',
    counted: 'Đã kiểm phiếu',
    reported: 'Đã báo cáo kết quả',
    recognised: 'Đã công nhận',
    rerunOrdered: 'Phải bầu lại',
    interim: 'Cử Trưởng thôn lâm thời',
  } as Record<string, string>,
  users: {
    title: 'Người dùng',
    username: 'Tên đăng nhập',
    displayName: 'Họ và tên',
    role: 'Vai trò',
    scope: 'Phạm vi',
    scopeHelp: 'Mã xã/phường, mã tỉnh hoặc mã cuộc bầu cử, tùy vai trò',
    password: 'Mật khẩu (ít nhất 8 ký tự, có chữ và số)',
    create: 'Tạo tài khoản',
    created: (u: string) => `Đã tạo tài khoản ${u}.`,
  },
  pager: (from: number, to: number, total: number) => `${from}–${to} trên ${total}`,
  previous: 'Trang trước',
  next: 'Trang sau',
};

export function formatDate(civil: string | null): string {
  if (!civil) return '—';
  const [y, m, d] = civil.split('-');
  return `${d}/${m}/${y}`;
}

export const numberFormat = new Intl.NumberFormat('vi-VN');
