/** Every Vietnamese string of the web app, in one place (DESIGN.md: src/web). */
export const t = {
  appName: 'baucoso',
  appTagline: 'Bầu Trưởng thôn, Tổ trưởng tổ dân phố',
  logout: 'Đăng xuất',
  loading: 'Đang tải...',
  datePlaceholder: 'ngày/tháng/năm, ví dụ 05/09/1980',
  dateInvalid: 'Ngày không hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 05/09/1980.',
  errorTitle: 'Có lỗi',
  retry: 'Thử lại',
  nav: {
    label: 'Điều hướng chính',
    breadcrumbs: 'Vị trí trang',
    home: 'Trang chính',
    users: 'Người dùng',
    rules: 'Quy tắc',
    search: 'Tìm kiếm',
    guide: 'Hướng dẫn',
    apiDocs: 'Tài liệu API',
  },
  paging: {
    first: 'Trang đầu',
    previous: 'Trang trước',
    next: 'Trang sau',
    last: 'Trang cuối',
    page: (n: number) => `Trang ${n}`,
  },
  crumbs: {
    country: 'Cả nước',
    election: 'Cuộc bầu cử',
    electionOn: (day: string) => `Cuộc bầu cử ngày ${day}`,
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
  /** A resident's relation to the head of household (people pages and the audit trail). */
  relations: {
    head: 'Chủ hộ',
    spouse: 'Vợ/chồng',
    child: 'Con',
    parent: 'Cha/mẹ',
    grandchild: 'Cháu',
    sibling: 'Anh/chị/em',
    other: 'Khác',
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
  /** Links to a hamlet's residents from other pages (the people pages' own text is in features/people). */
  people: { openResidents: 'Danh sách nhân khẩu', openImport: 'Nhập từ tệp' },
  documents: {
    title: 'Văn bản',
    link: 'Văn bản, biểu mẫu',
    communePack: 'In tài liệu ngày bầu cử của cả xã, phường (PDF)',
    electionPack: 'Tài liệu ngày bầu cử (PDF)',
    packHelp:
      'Danh sách cử tri, thẻ cử tri, phiếu bầu (mỗi cử tri một phiếu và phiếu dự phòng), quy định phiếu hợp lệ, biên bản kiểm phiếu để trống: cho mọi thôn, tổ dân phố đã niêm yết danh sách cử tri và có danh sách chính thức người ứng cử.',
    issued: 'Văn bản đã ban hành',
    noneIssued: 'Chưa có văn bản nào được ban hành.',
    forms: 'Biểu mẫu',
    formsHelp:
      'Mỗi biểu mẫu có bản xem thử điền dữ liệu mẫu (Phường 2). Xã, phường có thể thay lời văn bằng tệp Word (.docx) của mình, dùng các trường {{...}} của biểu mẫu; tệp PDF vẫn theo mẫu chuẩn.',
    number: 'Số, ký hiệu',
    name: 'Tên văn bản',
    version: 'Phiên bản',
    reissue: (v: number) => `${v} (thay thế bản trước)`,
    issuedAt: 'Ngày ban hành',
    download: 'Tải về',
    sample: 'Xem thử',
    wording: 'Lời văn',
    builtIn: 'Mẫu chuẩn',
    ownTemplate: (name: string) => `Mẫu riêng: ${name}`,
    uploadTemplate: 'Tải lên mẫu riêng',
    useBuiltIn: 'Dùng lại mẫu chuẩn',
    templateSaved: (name: string) => `Đã lưu mẫu riêng "${name}".`,
    templateRemoved: 'Đã quay lại mẫu chuẩn.',
    fieldsHint: (fields: string[]) => `Các trường dùng được: ${fields.map((f) => `{{${f}}}`).join(', ')}`,
  },
  pager: (from: number, to: number, total: number) => `${from}–${to} trên ${total}`,
  previous: 'Trang trước',
  next: 'Trang sau',
};

/** The link to an election's voter roll from other pages (the roll page's own text is in features/roll). */
export const tr = {
  openFor: (term: string) => `Danh sách cử tri (nhiệm kỳ ${term})`,
};

/** Oversight: what the commune dashboard and the province page both show (counts, charts, reports). */
export const to = {
  provinceTitle: (name: string) => `Tiến độ và kết quả bầu cử: ${name}`,
  dashboardLink: 'Tiến độ bầu cử',
  dashboardOf: (code: string) => `Tiến độ bầu cử của xã, phường mã ${code}`,
  today: (d: string) => `Số liệu đến ngày ${d}`,
  deadline: (d: string) => `Hạn hoàn thành theo kế hoạch: ${d}`,
  commune: 'Xã, phường',
  turnout: 'Tham gia',
  outcome: 'Kết quả',
  notCounted: 'chưa kiểm phiếu',
  outcomes: {
    elected: 'Trúng cử',
    rerun: 'Không có người trúng cử: bầu lại',
    interim: 'Không có người trúng cử: cử người tạm thời',
  } as Record<string, string>,
  hamlets: 'Số thôn, TDP',
  done: 'Đã xong',
  lateHamlets: 'Chậm tiến độ',
  lateItems: 'Việc quá hạn',
  reruns: 'Bầu lại',
  interimHeads: 'Lâm thời',
  communesShown: (n: number, all: number) => `${n} xã, phường có dữ liệu (trên ${all})`,
  showAll: 'Hiện cả xã, phường chưa có dữ liệu',
  downloads: 'Tải báo cáo',
  provinceXlsx: 'Tổng hợp toàn tỉnh (XLSX)',
  provincePdf: 'Tổng hợp toàn tỉnh (PDF)',
  totals: 'Tổng cộng',
  sortBy: (label: string) => `Sắp xếp theo ${label}`,
  charts: {
    progress: 'Tiến độ hoàn thành theo thời gian',
    progressNote: (done: number, total: number) => `${done}/${total} thôn, tổ dân phố đã hoàn thành`,
    deadline: 'Hạn kế hoạch',
    turnout: 'Phân bố tỷ lệ tham gia',
    turnoutNote: (n: number) => `${n} thôn, tổ dân phố đã kiểm phiếu`,
    outcomes: 'Kết quả theo xã, phường',
    states: 'Thôn, tổ dân phố theo trạng thái',
    noData: 'Chưa có số liệu để vẽ.',
  },
};

/** The link to polling day from other pages (the polling page's own text is in features/polling). */
export const tpd = {
  link: 'Bỏ phiếu',
};

/** The link to a place's audit trail, shown by many pages (the page's own text: features/audit). */
export const ta = {
  link: 'Nhật ký thay đổi',
};

/** The link to a commune's hamlet register from other pages (its own text is in features/register). */
export const treg = { link: 'Lịch sử thôn, tổ dân phố' };

/** The commune's former communes, shown on the commune page (hamlet facts' own text is in features/hamlet-facts). */
export const tfacts = {
  lineage: {
    title: 'Đơn vị hành chính cũ (trước sắp xếp 2025)',
    row: (name: string, district: string | null, from: string) =>
      `${name}${district ? `, ${district}` : ''}: nhập vào từ ngày ${from}`,
  },
};

/** The national roll-up on /tinh and paging of long tables (issue 11). */
export const tScale = {
  nationalTitle: 'Tiến độ bầu cử cả nước',
  asOf: (date: string) => `Số liệu đến ngày ${date}; tổng hợp theo tỉnh, thành phố.`,
  communes: 'Số xã, phường có dữ liệu',
  lateNote:
    'Ở bảng cả nước, thôn chậm tiến độ là thôn có việc quá hạn trong kế hoạch; hạn theo quy định của từng bước được tính ở trang của tỉnh.',
  total: 'Cả nước',
  noData: 'Chưa có dữ liệu thôn, tổ dân phố.',
  page: (from: number, to: number, all: number) => `Dòng ${from}–${to} trên ${all}`,
  chartsOfPage: (n: number, page: number, pages: number) =>
    pages > 1 ? `${n} xã, phường của trang ${page}/${pages} của bảng trên.` : `${n} xã, phường có dữ liệu.`,
};

/** The alarm shown wherever a count's stored result differs from the papers (count page, recognition). */
export const tMismatch = {
  title: 'Cảnh báo: kết quả đã lưu khác với các phiếu đã ghi',
  intro:
    'Kết quả kiểm phiếu lưu lúc kết thúc kiểm phiếu không khớp với kết quả tính lại từ các phiếu đã ghi. Trang này, biên bản và báo cáo dùng kết quả tính lại từ phiếu; không thể công nhận người trúng cử cho đến khi làm rõ.',
  field: 'Nội dung',
  stored: 'Đã lưu',
  recomputed: 'Tính lại từ phiếu',
  none: 'Không có',
  noResult: 'Các phiếu đã ghi không còn cho ra kết quả:',
  storedConclusion: 'Kết luận đã lưu:',
  whatToDo: 'Cần làm ngay',
  steps: [
    'Báo cho Chủ tịch Ủy ban nhân dân cấp xã và Tổ trưởng Tổ bầu cử.',
    'Đối chiếu với biên bản kiểm phiếu bản giấy đã ký và các phiếu bầu đã niêm phong.',
    'Đề nghị quản trị hệ thống kiểm tra nhật ký (baucoso audit verify) để tìm nơi dữ liệu bị sửa.',
  ],
  badge: 'Kết quả đã lưu khác phiếu',
  suspect: 'Kết quả nghi bị sửa',
};

/** The banner of a page that queues its writes while the network is away (OfflineBanner). */
export const tOffline = {
  offline: (n: number, what: string) => `Đang ngoại tuyến — ${n} ${what} chờ gửi`,
  offlineNone: 'Đang ngoại tuyến — không có gì chờ gửi',
  kept: 'Đã lưu trên máy này: sẽ tự gửi khi có mạng, kể cả khi tải lại trang hoặc mở lại ứng dụng.',
  sending: (n: number, what: string) => `Đã có mạng: đang gửi ${n} ${what} chờ...`,
  sent: (n: number, what: string, time: string) => `Đã có mạng: đã gửi xong ${n} ${what} chờ lúc ${time}.`,
};
