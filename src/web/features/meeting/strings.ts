/** The community meeting's agenda and show-of-hands count (MeetingDayPage). */
export const tmeet = {
  link: 'Cuộc họp cộng đồng dân cư',
  householdBallots: {
    switched: (reason: string) =>
      `Cuộc họp không đủ số đại diện hộ gia đình tham dự: cuộc bầu cử này được tiến hành bằng phiếu lấy ý kiến hộ gia đình (Mẫu 04). ${reason}`,
    documents: 'Văn bản đã lập',
    noDocuments: 'Chưa lập văn bản nào.',
    toPolling: 'Ghi phiếu phát ra và thu về',
    toCount: 'Kiểm phiếu lấy ý kiến',
    button: 'Chuyển sang phát phiếu lấy ý kiến hộ gia đình (Mẫu 04)',
    question:
      'Cuộc họp không đủ số người: cùng cuộc bầu cử này sẽ phát phiếu lấy ý kiến đến các hộ trong danh sách, kiểm phiếu theo quy định. Không quay lại cuộc họp được.',
  },
  floor: {
    title: 'Giới thiệu người ứng cử tại cuộc họp',
    rule: (citation: string, confidence: string, untilList: boolean) =>
      `Sau khi giới thiệu danh sách, trước khi biểu quyết ${untilList ? 'danh sách người ứng cử' : 'hình thức bầu'}, người dự họp có thể tự ứng cử hoặc giới thiệu người khác (${citation}; ${confidence}).`,
    notAllowed: (citation: string, confidence: string) =>
      `Bộ quy tắc không cho giới thiệu người ứng cử tại cuộc họp (${citation}; ${confidence}).`,
    closed: 'Đã biểu quyết hình thức bầu: không giới thiệu thêm người ứng cử.',
    listClosed: 'Hội nghị đã biểu quyết thông qua danh sách người ứng cử: không giới thiệu thêm.',
    notYet: 'Mở sau khi khai mạc, đủ số người có mặt.',
    search: 'Tìm người được giới thiệu (họ tên)',
    by: 'Người giới thiệu (để trống nếu tự ứng cử)',
    consent: 'Người được giới thiệu đồng ý ứng cử',
    add: 'Ghi vào danh sách bầu',
    self: 'tự ứng cử',
    byName: (name: string) => `do ${name} giới thiệu`,
  },
  title: (hamlet: string) => `Cuộc họp cộng đồng dân cư: ${hamlet}`,
  notMeeting:
    'Cuộc bầu cử này không tổ chức tại cuộc họp cộng đồng dân cư: không có chương trình biểu quyết.',
  registered: (n: number) => `Số đại diện hộ gia đình trong danh sách đã niêm yết: ${n}`,
  profile: 'Bộ quy tắc',
  history: 'Các biểu quyết đã ghi',
  step: 'Bước',
  proposal: 'Nội dung',
  outcome: 'Kết quả',
  passed: 'Thông qua',
  rejected: 'Không thông qua',
  rule: (description: string, citation: string, confidence: string) =>
    `Ngưỡng: ${description} (${citation}; ${confidence}).`,
  present: 'Số đại diện hộ gia đình có mặt',
  recordOpening: 'Ghi số người có mặt',
  secretary: 'Họ tên thư ký được đề cử',
  method: 'Hình thức bầu được đề xuất',
  methods: { hands: 'Biểu quyết giơ tay', secret: 'Bỏ phiếu kín' } as Record<string, string>,
  list: (n: number) =>
    `Danh sách ${n} người ứng cử Tổ bầu cử ấn định để hội nghị biểu quyết (gồm người được giới thiệu tại hội nghị):`,
  members: 'Thành viên Tổ kiểm phiếu được đề cử (mỗi dòng một người)',
  teamSize: (min: number | null, max: number | null) =>
    `Tổ kiểm phiếu gồm từ ${min ?? 1} đến ${max ?? 'nhiều'} người.`,
  votesFor: 'Số người giơ tay đồng ý',
  against: 'Số người không đồng ý',
  abstained: 'Số người không biểu quyết',
  recordVote: 'Ghi kết quả biểu quyết',
  next: 'Bước tiếp theo',
  handsTitle: (position: string) => `Biểu quyết giơ tay bầu ${position}`,
  handsFor: (name: string) => `Số người giơ tay tán thành ${name}`,
  recordHands: 'Ghi kết quả giơ tay và kết thúc kiểm phiếu',
  handsDone: 'Đã kết thúc kiểm phiếu giơ tay.',
  viewCount: 'Xem kết quả và in biên bản',
  ballot:
    'Cuộc họp đã chọn bỏ phiếu kín và thông qua Tổ kiểm phiếu: tiếp tục ở trang bỏ phiếu và kiểm phiếu.',
  toCount: 'Đến trang kiểm phiếu',
  toPolling: 'Đến trang bỏ phiếu',
  minutes: (position: string) => `Lập biên bản cuộc họp (Mẫu 03): ${position}`,
  minutesPdf: 'Tải biên bản (PDF)',
  steps: {
    opening: 'Khai mạc, kiểm tra số người tham dự',
    secretary: 'Biểu quyết thư ký cuộc họp',
    candidateList: 'Biểu quyết số lượng và danh sách người ứng cử',
    votingForm: 'Biểu quyết hình thức bầu',
    countingTeam: 'Biểu quyết Tổ kiểm phiếu',
  },
};
