/**
 * Tây Ninh, Quy trình bầu cử, miễn nhiệm, bãi nhiệm Trưởng ấp 2019 (seed 003, read in full). The copy
 * is unsigned (number and date blank), has two chapters numbered IV and contradicts itself in places;
 * each contradiction is noted on the value it affects. Legacy: it rests on the repealed NQLT 09/2008.
 */
import type { RuleProfile } from './schema';
import { tayNinhEstablishment } from './establishment-values';
import { SOURCES as S, atLeastHalf, cite, overHalf, secondary, unverified, verified } from './build';

const TN = S.TN;

const timeline: RuleProfile['timeline'] = [
  verified(
    {
      id: 'announce',
      offsetDays: -20,
      unit: 'calendar',
      title: 'Quyết định công bố ngày bầu cử Trưởng ấp; kế hoạch, hướng dẫn nghiệp vụ',
      actor: 'UBND cấp xã, phối hợp Ban Thường trực UBMTTQ cấp xã',
      document: 'Quyết định công bố ngày bầu cử; Kế hoạch',
    },
    cite(TN, 'Điều 5', 'khoản 1'),
    'Điều 4: thông báo để Nhân dân biết chậm nhất 20 ngày trước ngày bầu cử.',
  ),
  verified(
    {
      id: 'draft-candidates',
      offsetDays: -15,
      unit: 'calendar',
      title:
        'Hội nghị Ban công tác Mặt trận dự kiến danh sách người ứng cử (01–02 người), thống nhất với Chi ủy',
      actor: 'Trưởng ban công tác Mặt trận ấp',
      document: 'Biên bản họp Ban công tác Mặt trận',
    },
    cite(TN, 'Điều 5', 'khoản 2'),
    'Điều 11 lại ghi cuộc họp dự kiến danh sách chậm nhất 12 ngày trước ngày bầu cử (mâu thuẫn trong văn bản).',
  ),
  verified(
    {
      id: 'candidate-dossiers',
      offsetDays: -15,
      unit: 'calendar',
      title:
        'Người ứng cử nộp hồ sơ (đơn ứng cử hoặc công văn đề cử; sơ yếu lý lịch có xác nhận) đến UBND xã',
      actor: 'Người ứng cử; tổ chức giới thiệu',
      document: 'Hồ sơ người ứng cử',
    },
    cite(TN, 'Điều 13'),
  ),
  verified(
    {
      id: 'consultation',
      offsetDays: -12,
      unit: 'calendar',
      title: 'Ban công tác Mặt trận họp hiệp thương dự kiến giới thiệu người ra ứng cử',
      actor: 'Trưởng ban công tác Mặt trận; Bí thư Chi bộ, Trưởng ấp, đại diện các đoàn thể',
      document: 'Biên bản họp Ban công tác Mặt trận',
    },
    cite(TN, 'Điều 11'),
  ),
  verified(
    {
      id: 'voter-conference',
      offsetDays: -10,
      unit: 'calendar',
      title:
        'Lấy ý kiến cử tri đại diện hộ ở từng Tổ dân cư tự quản về người ứng cử (trên 50% đại diện hộ tham dự)',
      actor: 'Tổ trưởng Tổ dân cư tự quản',
      document: 'Biên bản hội nghị lấy ý kiến cử tri',
    },
    cite(TN, 'Điều 12'),
  ),
  verified(
    {
      id: 'official-candidates',
      offsetDays: -10,
      unit: 'calendar',
      title: 'Hội nghị liên tịch ấn định danh sách chính thức người ứng cử (ít nhất 02 người)',
      actor: 'UBMTTQ cấp xã (chủ tọa), đại diện UBND cấp xã',
      document: 'Biên bản hội nghị liên tịch',
    },
    cite(TN, 'Điều 14'),
  ),
  verified(
    {
      id: 'form-team',
      offsetDays: -10,
      unit: 'calendar',
      title: 'Quyết định thành lập Tổ bầu cử, nhiệm vụ, quyền hạn và thành phần cử tri',
      actor: 'Chủ tịch UBND cấp xã',
      document: 'Quyết định thành lập Tổ bầu cử',
    },
    cite(TN, 'Điều 5', 'khoản 3'),
  ),
  verified(
    {
      id: 'post-candidates',
      offsetDays: -8,
      unit: 'calendar',
      title: 'Công bố danh sách ứng cử viên để niêm yết',
      actor: 'Chủ tịch UBND cấp xã thống nhất với Chủ tịch UBMTTQ cấp xã',
      document: 'Danh sách ứng cử viên (niêm yết)',
    },
    cite(TN, 'Điều 15', 'khoản 1'),
  ),
  verified(
    {
      id: 'notify-decisions',
      offsetDays: -7,
      unit: 'calendar',
      title: 'Thông báo các quyết định đến Nhân dân ở ấp',
      actor: 'UBND cấp xã, Tổ bầu cử',
      document: 'Thông báo',
    },
    cite(TN, 'Điều 5', 'khoản 3'),
  ),
  verified(
    {
      id: 'candidate-complaints',
      offsetDays: -6,
      unit: 'calendar',
      title: 'Kết thúc giải quyết khiếu nại, tố cáo về ứng cử viên',
      actor: 'UBMTTQ cấp xã phối hợp UBND cấp xã',
      document: 'Văn bản giải quyết khiếu nại',
    },
    cite(TN, 'Điều 15', 'khoản 2'),
  ),
  verified(
    {
      id: 'post-voters',
      offsetDays: -5,
      unit: 'calendar',
      title: 'Niêm yết danh sách cử tri đại diện hộ',
      actor: 'Tổ bầu cử',
      document: 'Danh sách cử tri đại diện hộ (niêm yết)',
    },
    cite(TN, 'Điều 15', 'khoản 3'),
  ),
  verified(
    {
      id: 'voter-complaints',
      offsetDays: -2,
      unit: 'calendar',
      title: 'Kết thúc giải quyết khiếu nại, tố cáo về danh sách cử tri',
      actor: 'UBMTTQ cấp xã phối hợp UBND cấp xã',
      document: 'Văn bản giải quyết khiếu nại',
    },
    cite(TN, 'Điều 15', 'khoản 4'),
    'Khiếu nại sau thời hạn được giải quyết sau bầu cử (khoản 5).',
  ),
  verified(
    {
      id: 'election',
      offsetDays: 0,
      unit: 'calendar',
      title:
        'Ngày bầu cử (thứ Bảy hoặc Chủ nhật; sáng từ 07 giờ 30, chiều từ 13 giờ 30, kết thúc trước 19 giờ)',
      actor: 'Tổ bầu cử',
      document: 'Phiếu bầu; Biên bản niêm phong phiếu không sử dụng; Biên bản kiểm phiếu (03 bản)',
    },
    cite(TN, 'Điều 16', 'khoản 3 điểm f'),
  ),
  verified(
    {
      id: 'report-result',
      offsetDays: 3,
      unit: 'calendar',
      title: 'Công bố kết quả, gửi biên bản tổng hợp kết quả đến UBND xã',
      actor: 'Tổ trưởng Tổ bầu cử',
      document: 'Biên bản tổng hợp kết quả bầu cử',
    },
    cite(TN, 'Điều 16', 'khoản 3 điểm e'),
  ),
];

const dismissalCite = cite(TN, 'Điều 9');

export const tayNinh2019: RuleProfile = {
  id: 'tay-ninh-2019',
  title: 'Tây Ninh: Quy trình bầu cử, miễn nhiệm, bãi nhiệm Trưởng ấp, Trưởng khu phố (2019)',
  status: 'legacy',
  effective: unverified(
    { from: '2019-01-01', to: null },
    cite(TN, 'Điều 19'),
    'Bản trong nguồn chưa ký: số và ngày để trống; hiệu lực sau 10 ngày kể từ ngày ký. Ngày 01/01/2019 là giá trị tạm.',
  ),
  sources: [
    {
      tag: 'TN',
      title: TN,
      note: 'Đọc toàn văn (seed 003); hai chương cùng đánh số IV; trích sai "Thông tư 04/2012/QĐ-BNV".',
    },
  ],
  positions: verified(['head'], cite(TN, 'Điều 1')),
  deputies: verified({ mode: 'none', base: 0, secondAbove: null, noneBelow: null }, cite(TN, 'Điều 1')),
  term: unverified(
    { months: 30, options: [30] },
    cite(S.NQLT, 'Điều 8'),
    'Quy trình không ghi nhiệm kỳ; tạm theo quy định cũ (2,5 năm).',
  ),
  residentGroup: verified(null, cite(TN, 'Điều 12')),
  electorate: verified(
    'householdRepresentatives',
    cite(TN, 'Điều 3'),
    'Mâu thuẫn: Điều 5 k3 cho Chủ tịch UBND xã chọn toàn thể cử tri hoặc cử tri đại diện hộ; Điều 16 k1: chủ hộ hoặc cử tri đại diện hộ.',
  ),
  electorateDecidedBy: verified('chair', cite(TN, 'Điều 5', 'khoản 3')),
  voter: verified(
    {
      minAge: 18,
      permanentResidence: false,
      exclusions: ['mentalIllness', 'underProbation', 'courtDeprived'],
      inPersonOnly: false,
      mobileBox: true,
    },
    cite(TN, 'Điều 3'),
    'Không phân biệt thời hạn cư trú; thùng phiếu phụ cho người ốm đau, già yếu, tàn tật (Điều 16 k3c).',
  ),
  householdRepresentative: verified(
    { perHousehold: 1, requiresFullLegalCapacity: false, minAge: 18, fallbackNominated: false },
    cite(TN, 'Điều 3'),
  ),
  civilMajorityAge: secondary(
    18,
    cite(S.BLDS, 'Điều 20', 'khoản 1'),
    'Người thành niên là người từ đủ 18 tuổi trở lên; chưa đủ 18 tuổi thì chưa có năng lực hành vi dân sự đầy đủ (Điều 20 k2, Điều 21). Văn bản luật chưa có trong nguồn đã lưu: theo các trang hỏi đáp pháp luật.',
  ),
  candidate: verified(
    {
      minAge: 21,
      permanentResidence: true,
      regularResidence: true,
      standards: ['Tiêu chuẩn Trưởng ấp theo Điều 11 Thông tư 04/2012/TT-BNV'],
    },
    cite(TN, 'Điều 11'),
    'Dẫn chiếu TT04 Điều 11 (đủ 21 tuổi). Hồ sơ nộp chậm nhất 15 ngày trước ngày bầu cử (Điều 13).',
  ),
  candidateCount: verified(
    { draftMin: 1, draftMax: 2, officialMin: 2 },
    cite(TN, 'Điều 14', 'khoản 2 điểm a'),
    'Mâu thuẫn: Điều 5 k2 dự kiến 01–02 người, Điều 14 k2a danh sách chính thức ít nhất 02 người.',
  ),
  nomineeApproval: verified(overHalf('present'), cite(TN, 'Điều 7', 'khoản 2 điểm đ')),
  electionForms: verified(['separateBallot', 'meeting'], cite(TN, 'Điều 6')),
  defaultPaperForm: verified('separateBallot', cite(TN, 'Điều 16', 'khoản 2')),
  ballotMethod: verified(
    { options: ['hands', 'secret'] },
    cite(TN, 'Điều 7', 'khoản 2 điểm e'),
    'Bầu riêng thì bỏ phiếu kín (Điều 16 k2).',
  ),
  floorNominations: verified(
    { allowed: true, until: 'candidateList' },
    cite(TN, 'Điều 7', 'khoản 2 điểm d, đ'),
    'Tại hội nghị ấp, cử tri có thể tự ứng cử hoặc giới thiệu người ứng cử (điểm d); sau khi thảo luận, Tổ bầu cử ấn định danh sách để hội nghị biểu quyết (điểm đ): danh sách đã biểu quyết thì không giới thiệu thêm.',
  ),
  candidateListVote: verified(
    overHalf('present'),
    cite(TN, 'Điều 7', 'khoản 2 điểm đ'),
    '"Việc biểu quyết số lượng và danh sách những người ứng cử được thực hiện bằng hình thức giơ tay và có giá trị khi có trên 50% số cử tri tham dự hội nghị tán thành", trước khi tiến hành bầu (điểm e).',
  ),
  ballotForm: verified(
    'strikeOut',
    cite(TN, 'Điều 16', 'khoản 3 điểm b'),
    'Cử tri gạch ngang họ tên người không đồng ý; điểm d còn nhắc cột đồng ý / không đồng ý.',
  ),
  meetingQuorum: verified(overHalf('registered'), cite(TN, 'Điều 7', 'khoản 1')),
  proceduralVote: verified(overHalf('present'), cite(TN, 'Điều 7', 'khoản 2 điểm đ')),
  winner: verified(
    {
      meeting: { threshold: overHalf('registered'), requireHighest: true },
      separateBallot: { threshold: overHalf('participated'), requireHighest: true },
      householdBallots: null,
    },
    cite(TN, 'Điều 16', 'khoản 3 điểm e'),
    'Bầu riêng: trên 50% so với tổng số cử tri đại diện hộ "tham gia bỏ phiếu" (Điều 16e, câu chữ không rõ); tại hội nghị: so với tổng số cử tri toàn ấp (Điều 7 k2e). Điều 2: người đạt số phiếu tín nhiệm cao nhất.',
  ),
  turnoutMinimum: verified(
    { meeting: null, separateBallot: atLeastHalf('registered'), householdBallots: null },
    cite(TN, 'Điều 16', 'khoản 3 điểm e'),
    'Ít nhất 50% số cử tri đại diện hộ trong danh sách tham gia bỏ phiếu: đúng 50% là đạt.',
  ),
  tieBreak: verified(
    'olderWins',
    cite(TN, 'Điều 16', 'khoản 3 điểm e'),
    'Người nhiều tuổi hơn trúng cử; cần ngày sinh đầy đủ.',
  ),
  invalidReasons: verified(
    ['unofficial-form', 'unstamped', 'too-many-kept', 'all-struck', 'extra-name', 'both-columns'],
    cite(TN, 'Điều 16', 'khoản 3 điểm d'),
  ),
  allStruckOut: verified('invalid', cite(TN, 'Điều 16', 'khoản 3 điểm d')),
  pollingDays: verified([6, 0], cite(TN, 'Điều 16', 'khoản 3 điểm f')),
  pollingHours: verified(
    {
      sessionStarts: ['07:30', '13:30'],
      end: '19:00',
      earliestStart: null,
      latestEnd: '19:00',
      earlyClose: 'none',
    },
    cite(TN, 'Điều 16', 'khoản 3 điểm f'),
    'UBND xã quy định cụ thể các buổi: sáng (từ 7 giờ 30), chiều (từ 13 giờ 30); kết thúc trước 19 giờ cùng ngày. Quy trình không quy định kết thúc sớm khi mọi cử tri đã bỏ phiếu: bỏ phiếu đến hết các buổi UBND xã đã quy định.',
  ),
  electionTeam: unverified(
    {
      minSize: null,
      maxSize: null,
      leader: 'frontCommitteeHead',
      secretary: true,
      excludesCandidates: true,
      formedBy: 'chair',
    },
    cite(TN, 'Điều 5', 'khoản 3'),
    'Quy trình không ghi số người và không nêu việc loại trừ người ứng cử (theo các nguồn khác).',
  ),
  countingTeam: verified(
    { counter: 'electionTeam', minSize: null, maxSize: null, approval: null, excludesCandidates: true },
    cite(TN, 'Điều 16', 'khoản 3 điểm d'),
    'Trước khi mở thùng phiếu phải lập biên bản niêm phong số phiếu không sử dụng.',
  ),
  witnesses: verified({ count: 2, excludesCandidates: true }, cite(TN, 'Điều 16', 'khoản 3 điểm d')),
  timeline,
  resultReport: verified({ withinDays: 3 }, cite(TN, 'Điều 16', 'khoản 3 điểm e')),
  recognition: verified(
    { workingDays: 5, authority: 'peoplesCommittee', from: 'ngày nhận được báo cáo của Tổ trưởng Tổ bầu cử' },
    cite(TN, 'Điều 8'),
    'Điều 16e: Chủ tịch UBND xã ra quyết định công nhận.',
  ),
  recognitionCounting: unverified('fromDayAfterReceipt', cite(S.BLDS, 'Điều 147')),
  rerun: verified(
    { withinDays: 15, decidedBy: 'chair' },
    cite(TN, 'Điều 16', 'khoản 3 điểm e'),
    'Điều 7 k3: ngày bầu lại do UBND cấp xã quyết định.',
  ),
  interim: verified(
    {
      afterFailedRounds: 2,
      appointedBy: 'chair',
      fromCandidates: true,
      maxMonths: null,
      newElectionWithinMonths: 6,
    },
    cite(TN, 'Điều 16', 'khoản 3 điểm e'),
    'Trưởng ấp lâm thời chọn trong số những người ứng cử chính thức.',
  ),
  countRecord: verified(
    {
      originals: 3,
      signatories: ['Tổ trưởng Tổ bầu cử', 'Thư ký', '02 cử tri chứng kiến việc kiểm phiếu'],
      distribution: ['UBMTTQ cấp xã', 'UBND cấp xã', 'Tổ trưởng Tổ bầu cử'],
      ratioAgainstRegistered: false,
      formLabel: null,
    },
    cite(TN, 'Điều 16', 'khoản 3 điểm đ'),
    'Bầu tại hội nghị (Điều 7): 03 bản, chữ ký các thành viên Tổ bầu cử, có tỷ lệ so với tổng số cử tri.',
  ),
  meetingMinutes: verified(
    { meeting: 'hamletConference', formLabel: null },
    cite(TN, 'Điều 7'),
    'Bầu Trưởng ấp tại hội nghị ấp (Điều 7); Quy chế không ban hành mẫu biên bản hội nghị.',
  ),
  signingAuthority: verified('chair', cite(TN, 'Điều 16', 'khoản 3 điểm e')),
  establishment: tayNinhEstablishment,
  removal: [
    {
      kind: 'dismissal',
      title: 'Miễn nhiệm Trưởng ấp',
      triggers: verified(
        [
          {
            code: 'resignation',
            label:
              'Đơn xin miễn nhiệm nêu rõ lý do (sức khỏe, hoàn cảnh gia đình, lý do khác) gửi Chủ tịch UBND cấp xã',
            letterRequired: true,
          },
          {
            code: 'transfer',
            label: 'Được điều động làm công tác khác (không cần đơn)',
            letterRequired: false,
          },
        ],
        dismissalCite,
      ),
      petition: verified(null, dismissalCite),
      convenor: verified('Trưởng ban công tác Mặt trận ấp', cite(TN, 'Điều 9', 'khoản 2 điểm b')),
      quorum: verified(overHalf('registered'), cite(TN, 'Điều 9', 'khoản 2 điểm b')),
      passRule: verified(overHalf('registered'), cite(TN, 'Điều 9', 'khoản 2 điểm c')),
      countingTeam: verified({ minSize: 3, maxSize: 5 }, cite(TN, 'Điều 9', 'khoản 2 điểm c')),
      recognition: verified(
        { workingDays: 5, authority: 'peoplesCommittee' },
        cite(TN, 'Điều 9', 'khoản 2 điểm d'),
      ),
      interimAppointedBy: verified(
        'Chủ tịch UBND cấp xã quyết định cử Trưởng ấp lâm thời',
        cite(TN, 'Điều 9', 'khoản 2 điểm d'),
      ),
      newElection: verified({ withinDays: 20, mode: 'held' }, cite(TN, 'Điều 9', 'khoản 2 điểm d')),
    },
    {
      kind: 'recall',
      title: 'Bãi nhiệm Trưởng ấp',
      triggers: verified(
        [
          { code: 'communeChairProposal', label: 'Chủ tịch UBND cấp xã đề nghị', letterRequired: false },
          { code: 'frontChairProposal', label: 'Chủ tịch UBMTTQ cấp xã đề nghị', letterRequired: false },
          {
            code: 'householdPetition',
            label: 'Ít nhất một phần ba tổng số cử tri đại diện hộ gia đình trong ấp kiến nghị',
            letterRequired: false,
          },
        ],
        cite(TN, 'Điều 10', 'khoản 1'),
      ),
      petition: verified(
        { numerator: 1, denominator: 3, strict: false, base: 'registered' },
        cite(TN, 'Điều 10', 'khoản 1'),
      ),
      convenor: verified(
        'UBND cấp xã quyết định tổ chức hội nghị; Trưởng ban công tác Mặt trận ấp chủ trì',
        cite(TN, 'Điều 10', 'khoản 1'),
      ),
      quorum: verified(
        overHalf('registered'),
        cite(TN, 'Điều 10', 'khoản 1'),
        'Khách mời được phát biểu nhưng không biểu quyết.',
      ),
      passRule: verified(overHalf('registered'), cite(TN, 'Điều 10', 'khoản 2 điểm d')),
      countingTeam: verified({ minSize: 3, maxSize: 5 }, cite(TN, 'Điều 10', 'khoản 2 điểm d')),
      recognition: verified(
        { workingDays: 5, authority: 'peoplesCommittee' },
        cite(TN, 'Điều 10', 'khoản 2 điểm đ'),
      ),
      interimAppointedBy: verified(
        'Chủ tịch UBND cấp xã quyết định cử Trưởng ấp lâm thời',
        cite(TN, 'Điều 10', 'khoản 2 điểm đ'),
      ),
      newElection: verified({ withinDays: 20, mode: 'held' }, cite(TN, 'Điều 10', 'khoản 2 điểm đ')),
    },
  ],
};
