/**
 * Current national rules: Luật 10/2022/QH15, Nghị định 59/2023/NĐ-CP (Điều 3, 6–9), Thông tư 04/2012
 * as amended. The full text of ND59 was not available (DOMAIN.md §0): values read only in press
 * summaries are 'secondary', values not retrieved at all are 'unverified' and meant to be checked and
 * overridden.
 */
import type { RuleProfile } from './schema';
import { nationalEstablishment } from './establishment-values';
import { SOURCES as S, atLeastHalf, cite, overHalf, secondary, unverified, verified } from './build';

const D = 'Ngày họp cộng đồng dân cư bầu Trưởng thôn (ngày bầu cử)';

export const nd59Timeline: RuleProfile['timeline'] = [
  secondary(
    {
      id: 'announce',
      offsetDays: -20,
      unit: 'calendar',
      title: 'Quyết định tổ chức bầu Trưởng thôn, Tổ trưởng tổ dân phố; kế hoạch, hướng dẫn nghiệp vụ',
      actor: 'Chủ tịch UBND cấp xã, thống nhất với Ban Thường trực UBMTTQ cấp xã',
      document: 'Quyết định tổ chức bầu; Kế hoạch; Hướng dẫn nghiệp vụ',
    },
    cite(S.ND59, 'Điều 6', 'khoản 1 điểm a'),
  ),
  unverified(
    {
      id: 'draft-candidates',
      offsetDays: -15,
      unit: 'calendar',
      title: 'Họp Ban công tác Mặt trận dự kiến danh sách người ứng cử, xin ý kiến chi ủy chi bộ',
      actor: 'Trưởng ban công tác Mặt trận thôn, tổ dân phố',
      document: 'Biên bản cuộc họp dự kiến danh sách người ứng cử (Mẫu số 05)',
    },
    cite(S.ND59, 'Điều 6', 'khoản 1'),
    'Không có hạn riêng; phải xong trước khi gửi danh sách (D-15). Kế hoạch Phường 2: gửi biên bản về UBND 03 ngày sau cuộc họp.',
  ),
  secondary(
    {
      id: 'official-candidates',
      offsetDays: -15,
      unit: 'calendar',
      title: 'Gửi danh sách người ứng cử đến UBND cấp xã',
      actor: 'Ban công tác Mặt trận thôn, tổ dân phố',
      document: 'Danh sách người ứng cử (trích ngang)',
    },
    cite(S.ND59, 'Điều 6', 'khoản 1'),
    'Theo tóm tắt của báo chí (nld.com.vn); cần đối chiếu văn bản.',
  ),
  secondary(
    {
      id: 'form-team',
      offsetDays: -10,
      unit: 'calendar',
      title: 'Quyết định thành lập Tổ bầu cử',
      actor: 'Chủ tịch UBND cấp xã, sau khi thống nhất với UBMTTQ cấp xã',
      document: 'Quyết định thành lập Tổ bầu cử',
    },
    cite(S.ND59, 'Điều 6', 'khoản 1 điểm b'),
    'Báo chí ghi người ký là "UBND xã" (dantri) hoặc "Chủ tịch UBND xã" (laodong, Phường 2).',
  ),
  secondary(
    {
      id: 'notify-decisions',
      offsetDays: -7,
      unit: 'calendar',
      title: 'Thông báo, niêm yết các quyết định tại nhà văn hóa; thông báo trên loa truyền thanh',
      actor: 'UBND cấp xã, Tổ bầu cử',
      document: 'Thông báo; niêm yết',
    },
    cite(S.ND59, 'Điều 6', 'khoản 1'),
  ),
  secondary(
    {
      id: 'post-candidates',
      offsetDays: -7,
      unit: 'calendar',
      title: 'Niêm yết danh sách người ứng cử cùng các quyết định',
      actor: 'Tổ bầu cử',
      document: 'Danh sách người ứng cử (niêm yết)',
    },
    cite(S.ND59, 'Điều 6', 'khoản 1'),
    'Kế hoạch Phường 2 (mục 3.8) niêm yết quyết định và danh sách người ứng cử cùng một lần.',
  ),
  unverified(
    {
      id: 'election',
      offsetDays: 0,
      unit: 'calendar',
      title: 'Cuộc họp cộng đồng dân cư bầu Trưởng thôn, Tổ trưởng tổ dân phố',
      actor: 'Tổ bầu cử (triệu tập và chủ trì)',
      document: 'Giấy mời (Mẫu 01); Biên bản kiểm phiếu (Mẫu 02); Biên bản cuộc họp (Mẫu 03)',
    },
    cite(S.ND59, 'Điều 7'),
    D,
  ),
  unverified(
    {
      id: 'report-result',
      offsetDays: 0,
      unit: 'calendar',
      title: 'Báo cáo kết quả kèm biên bản đến UBND và UBMTTQ cấp xã',
      actor: 'Tổ trưởng Tổ bầu cử',
      document: 'Báo cáo kết quả bầu cử; biên bản',
    },
    cite(S.ND59, 'Điều 7'),
    'Hạn gửi không tìm thấy trong văn bản; QĐ Quảng Trị và Tây Ninh ghi "gửi ngay".',
  ),
];

export const nd59Removal: RuleProfile['removal'] = [
  {
    kind: 'release',
    title: 'Cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố',
    triggers: secondary(
      [
        {
          code: 'resignation',
          label:
            'Trưởng thôn có đơn xin thôi làm (sức khỏe, hoàn cảnh gia đình hoặc lý do khác) gửi Chủ tịch UBND cấp xã',
          letterRequired: true,
        },
        {
          code: 'frontCommitteeProposal',
          label:
            'Trưởng ban công tác Mặt trận đề nghị: không còn được tín nhiệm, không hoàn thành nhiệm vụ, vi phạm quyền làm chủ của Nhân dân, tham nhũng, lãng phí, không phục tùng, vi phạm pháp luật chưa đến mức truy cứu trách nhiệm hình sự',
          letterRequired: false,
        },
        {
          code: 'householdPetition',
          label: 'Từ 50% trở lên tổng số hộ gia đình hoặc đại diện hộ gia đình kiến nghị',
          letterRequired: false,
        },
      ],
      cite(S.ND59, 'Điều 9', 'khoản 1'),
    ),
    petition: secondary(atLeastHalf('registered'), cite(S.ND59, 'Điều 9', 'khoản 1')),
    convenor: secondary(
      'Trưởng ban công tác Mặt trận; nếu Trưởng ban đồng thời là Trưởng thôn thì Chủ tịch UBND cấp xã triệu tập sau khi thống nhất với Chủ tịch UBMTTQ cấp xã',
      cite(S.ND59, 'Điều 3', 'khoản 1'),
    ),
    quorum: unverified(
      overHalf('registered'),
      cite(S.ND59, 'Điều 3', 'khoản 5'),
      'Điều kiện hợp lệ của cuộc họp chưa tra được.',
    ),
    passRule: unverified(
      overHalf('registered'),
      cite(S.ND59, 'Điều 9', 'khoản 2'),
      'Tỷ lệ thông qua chưa tra được; tạm theo quy định cũ (trên 50% tổng số đại diện hộ).',
    ),
    countingTeam: secondary({ minSize: 3, maxSize: 5 }, cite(S.ND59, 'Điều 3', 'khoản 5')),
    recognition: secondary(
      { workingDays: 5, authority: 'peoplesCommittee' },
      cite(S.ND59, 'Điều 9', 'khoản 3'),
    ),
    interimAppointedBy: secondary(
      'UBND cấp xã cử người tạm thời đảm nhiệm sau khi thống nhất với UBMTTQ cấp xã',
      cite(S.ND59, 'Điều 9', 'khoản 3'),
    ),
    newElection: secondary({ withinDays: 60, mode: 'decided' }, cite(S.ND59, 'Điều 9', 'khoản 3')),
  },
];

export const nd59: RuleProfile = {
  id: 'nd59-2023',
  title: 'Quy định toàn quốc: Luật 10/2022/QH15, Nghị định 59/2023/NĐ-CP, Thông tư 04/2012/TT-BNV',
  status: 'current',
  effective: secondary(
    { from: '2023-08-15', to: null },
    cite(S.ND59, 'Điều khoản thi hành'),
    'Nghị định có hiệu lực từ 15/8/2023; số điều chưa tra được.',
  ),
  sources: [
    { tag: 'L22', title: S.L22, note: 'Hiệu lực 01/7/2023; chỉ có tóm tắt thứ cấp.' },
    { tag: 'ND59', title: S.ND59, note: 'Chỉ có trích dẫn báo chí của Điều 3, 6, 7, 9.' },
    { tag: 'TT04', title: S.TT04 },
  ],
  positions: secondary(
    ['head'],
    cite(S.TT14, 'Điều 1', 'khoản 2'),
    'Phó Trưởng thôn không do bầu mà do Trưởng thôn chọn.',
  ),
  deputies: secondary(
    { mode: 'appointedByHead', base: 1, secondAbove: null, noneBelow: null },
    cite(S.TT14, 'Điều 1', 'khoản 2'),
    'Nếu cần, 01 Phó do Trưởng thôn chọn sau khi thống nhất với Trưởng ban CTMT; UBND xã công nhận.',
  ),
  term: secondary(
    { months: 60, options: [30, 60] },
    cite(S.TT04, 'Điều 12', 'khoản 2'),
    'UBND tỉnh quyết định nhiệm kỳ 2,5 năm hoặc 5 năm cho toàn tỉnh; ghi đè theo quyết định của tỉnh.',
  ),
  residentGroup: secondary(null, cite(S.ND59, 'Điều 6')),
  electorate: secondary('householdRepresentatives', cite(S.ND59, 'Điều 3', 'khoản 2')),
  electorateDecidedBy: secondary(null, cite(S.ND59, 'Điều 3', 'khoản 2')),
  voter: unverified(
    { minAge: null, permanentResidence: false, exclusions: [], inPersonOnly: false, mobileBox: false },
    cite(S.L22, 'Điều 18'),
    'Không tìm thấy quy định riêng về tuổi cử tri; cử tri là đại diện hộ gia đình.',
  ),
  householdRepresentative: secondary(
    { perHousehold: 1, requiresFullLegalCapacity: true, minAge: null, fallbackNominated: true },
    cite(S.ND59, 'Điều 3', 'khoản 2'),
    'Người có năng lực hành vi dân sự đầy đủ; nếu hộ không có thì người được các thành viên đề cử hoặc ủy nhiệm (Phường 2 nhắc lại).',
  ),
  civilMajorityAge: secondary(
    18,
    cite(S.BLDS, 'Điều 20', 'khoản 1'),
    'Người thành niên là người từ đủ 18 tuổi trở lên; chưa đủ 18 tuổi thì chưa có năng lực hành vi dân sự đầy đủ (Điều 20 k2, Điều 21). Văn bản luật chưa có trong nguồn đã lưu: theo các trang hỏi đáp pháp luật.',
  ),
  candidate: secondary(
    {
      minAge: 21,
      permanentResidence: true,
      regularResidence: true,
      standards: [
        'Có sức khỏe, nhiệt tình và có tinh thần trách nhiệm trong công tác',
        'Có phẩm chất chính trị và phẩm chất đạo đức tốt, được Nhân dân tín nhiệm',
        'Bản thân và gia đình gương mẫu thực hiện đường lối, chủ trương, chính sách, pháp luật',
        'Có trình độ văn hóa, năng lực, kinh nghiệm và phương pháp vận động, tổ chức Nhân dân',
      ],
    },
    cite(S.TT04, 'Điều 11'),
    'Ngày tính tuổi chưa được quy định; dùng ngày bầu cử (DOMAIN.md §4.12).',
  ),
  candidateCount: unverified(
    { draftMin: 1, draftMax: null, officialMin: 1 },
    cite(S.ND59, 'Điều 6', 'khoản 1'),
    '"Ít nhất 1 người" theo tóm tắt của nld.com.vn; cần xác minh.',
  ),
  nomineeApproval: unverified(null, cite(S.ND59, 'Điều 3', 'khoản 5')),
  electionForms: secondary(
    ['meeting', 'householdBallots'],
    cite(S.ND59, 'Điều 3', 'khoản 1 điểm b'),
    'Phát phiếu lấy ý kiến hộ gia đình (Mẫu 04) khi cuộc họp không đủ điều kiện: căn cứ chưa tra được.',
  ),
  defaultPaperForm: secondary('meeting', cite(S.ND59, 'Điều 7')),
  ballotMethod: secondary({ options: ['hands', 'secret'] }, cite(S.ND59, 'Điều 3', 'khoản 5 điểm g')),
  floorNominations: secondary(
    { allowed: true, until: 'votingForm' },
    cite(S.ND59, 'Điều 3', 'khoản 5'),
    'Sau khi Ban công tác Mặt trận giới thiệu danh sách, đại diện hộ gia đình có mặt có thể tự ứng cử hoặc giới thiệu người khác, trước khi biểu quyết hình thức bầu (Mẫu 05).',
  ),
  ballotForm: unverified('strikeOutOrAgreeColumns', cite(S.ND59, 'Mẫu 02')),
  candidateListVote: unverified(
    null,
    cite(S.ND59, 'Điều 3', 'khoản 5'),
    'Theo tóm tắt của Bộ Nội vụ, chủ trì đề xuất nội dung và hình thức biểu quyết sau khi giới thiệu danh sách và ý kiến tại cuộc họp; chưa tra được một bước biểu quyết riêng về số lượng và danh sách người ứng cử.',
  ),
  meetingQuorum: secondary(
    overHalf('registered'),
    cite(S.ND59, 'Điều 3'),
    'Trên 50% đại diện hộ gia đình tham dự: theo báo chí về các cuộc bầu năm 2024; chưa tra được điều khoản.',
  ),
  proceduralVote: secondary(overHalf('present'), cite(S.ND59, 'Điều 3', 'khoản 5')),
  winner: unverified(
    {
      meeting: { threshold: overHalf('registered'), requireHighest: true },
      separateBallot: null,
      householdBallots: { threshold: overHalf('registered'), requireHighest: true },
    },
    cite(S.ND59, 'Điều 7'),
    'Chưa tra được quy định người trúng cử; báo chí 2024: phải bầu lại khi không ai "đạt trên 50%". Mẫu số chưa rõ: tạm theo tổng số đại diện hộ trong danh sách.',
  ),
  turnoutMinimum: unverified(
    { meeting: null, separateBallot: null, householdBallots: null },
    cite(S.ND59, 'Điều 7'),
    'Không có ngưỡng riêng ngoài điều kiện hợp lệ của cuộc họp.',
  ),
  tieBreak: unverified(
    'none',
    cite(S.ND59, 'Điều 7'),
    'Không tìm thấy quy định khi bằng phiếu: phải bầu lại.',
  ),
  invalidReasons: unverified(
    ['unofficial-form', 'unstamped', 'too-many-kept', 'extra-name'],
    cite(S.ND59, 'Mẫu 02'),
    'Chưa tra được; tạm theo các quy định cấp tỉnh.',
  ),
  allStruckOut: unverified('validBlank', cite(S.ND59, 'Mẫu 02')),
  pollingDays: secondary(
    null,
    cite(S.ND59, 'Điều 3', 'khoản 2'),
    'Thời gian, địa điểm thuận lợi cho người dân; không giới hạn ngày trong tuần.',
  ),
  pollingHours: secondary(null, cite(S.ND59, 'Điều 3', 'khoản 2')),
  electionTeam: secondary(
    {
      minSize: null,
      maxSize: null,
      leader: 'frontCommitteeRepresentative',
      secretary: false,
      excludesCandidates: true,
      formedBy: 'chair',
    },
    cite(S.ND59, 'Điều 6', 'khoản 1 điểm b'),
    'Tổ trưởng là đại diện Ban CTMT; thành viên là đại diện các tổ chức chính trị - xã hội và đại diện hộ gia đình; không gồm người ứng cử. Văn bản không quy định số người.',
  ),
  countingTeam: secondary(
    {
      counter: 'countingTeam',
      minSize: 3,
      maxSize: 5,
      approval: overHalf('present'),
      excludesCandidates: true,
    },
    cite(S.ND59, 'Điều 3', 'khoản 5 điểm i'),
    'Không gồm người ứng cử: chưa xác minh.',
  ),
  witnesses: unverified(
    { count: 2, excludesCandidates: true },
    cite(S.ND59, 'Mẫu 02'),
    '02 đại diện hộ gia đình chứng kiến; việc loại trừ người ứng cử theo các quy định cấp tỉnh.',
  ),
  timeline: nd59Timeline,
  resultReport: unverified({ withinDays: 0 }, cite(S.ND59, 'Điều 7')),
  recognition: secondary(
    {
      workingDays: 5,
      authority: 'peoplesCommittee',
      from: 'ngày nhận được quyết định đã được cộng đồng dân cư biểu quyết thông qua',
    },
    cite(S.ND59, 'Điều 8'),
    'Kế hoạch Phường 2 mục 3.11 diễn đạt lại.',
  ),
  recognitionCounting: unverified(
    'fromDayAfterReceipt',
    cite(S.BLDS, 'Điều 147'),
    'Thời hạn tính từ ngày tiếp theo của ngày nhận được (quy tắc chung; chưa xác minh).',
  ),
  rerun: unverified(
    { withinDays: 15, decidedBy: 'peoplesCommittee' },
    cite(S.ND59, 'Điều 8'),
    'Thời hạn bầu lại chưa tra được; tạm theo quy định cũ (15 ngày).',
  ),
  interim: secondary(
    {
      afterFailedRounds: 2,
      appointedBy: 'chair',
      fromCandidates: false,
      maxMonths: 6,
      newElectionWithinMonths: 6,
    },
    cite(S.TT04, 'Điều 12', 'khoản 2 điểm a'),
    'Thời hạn lâm thời không quá 06 tháng; số lần bầu không thành trước khi cử lâm thời chưa xác minh.',
  ),
  countRecord: unverified(
    {
      originals: 3,
      signatories: [
        'Tổ trưởng Tổ kiểm phiếu',
        'Thành viên Tổ kiểm phiếu',
        '02 đại diện hộ gia đình chứng kiến',
      ],
      distribution: [],
      ratioAgainstRegistered: true,
      formLabel: 'Mẫu số 02',
    },
    cite(S.ND59, 'Mẫu 02'),
  ),
  meetingMinutes: unverified(
    { meeting: 'communityMeeting', formLabel: 'Mẫu số 03' },
    cite(S.ND59, 'Điều 3', 'khoản 5'),
    'Biên bản cuộc họp cộng đồng dân cư theo Mẫu 03 của Nghị định 59; nội dung Mẫu 03 chưa được đối chiếu (nguồn chỉ có Mẫu 05).',
  ),
  signingAuthority: verified(
    'peoplesCommittee',
    cite(S.P2, 'phần ký'),
    '"TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; có thể cấu hình.',
  ),
  establishment: nationalEstablishment,
  removal: nd59Removal,
};
