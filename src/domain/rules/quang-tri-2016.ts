/**
 * Quảng Trị, Quyết định 01/2016/QĐ-UBND (seed 002, read in full). A legacy provincial profile: it rests
 * on the repealed Pháp lệnh 34/2007 and NQLT 09/2008. Head and deputy are elected together; the
 * separate election is a secret ballot on a Sunday (Điều 13–16).
 */
import type { RuleProfile } from './schema';
import { quangTriEstablishment } from './establishment-values';
import { SOURCES as S, cite, overHalf, secondary, unverified, verified } from './build';

const QT = S.QT;
const k1 = (point: string) => cite(QT, 'Điều 15', `khoản 1 điểm ${point}`);

const timeline: RuleProfile['timeline'] = [
  verified(
    {
      id: 'announce',
      offsetDays: -20,
      unit: 'calendar',
      title: 'Quyết định công bố ngày bầu cử; xây dựng kế hoạch, hướng dẫn nghiệp vụ',
      actor: 'UBND cấp xã, phối hợp Ban Thường trực UBMTTQ cấp xã',
      document: 'Quyết định công bố ngày bầu cử; Kế hoạch',
    },
    k1('a'),
  ),
  verified(
    {
      id: 'draft-candidates',
      offsetDays: -18,
      unit: 'calendar',
      title: 'Hội nghị dự kiến danh sách người ứng cử Trưởng thôn, Phó Trưởng thôn; báo cáo Chi ủy Chi bộ',
      actor: 'Trưởng ban công tác Mặt trận phối hợp Trưởng thôn',
      document: 'Biên bản hội nghị dự kiến danh sách người ứng cử',
    },
    k1('b'),
  ),
  verified(
    {
      id: 'voter-conference',
      offsetDays: -15,
      unit: 'calendar',
      title:
        'Hội nghị cử tri đại diện hộ gia đình thảo luận, giới thiệu người ứng cử (mỗi chức danh 01–02 người)',
      actor: 'Trưởng thôn phối hợp Trưởng ban công tác Mặt trận',
      document: 'Biên bản hội nghị cử tri',
    },
    k1('c'),
  ),
  verified(
    {
      id: 'official-candidates',
      offsetDays: -12,
      unit: 'calendar',
      title: 'Hội nghị ấn định danh sách chính thức người ứng cử',
      actor: 'Trưởng ban công tác Mặt trận (chủ trì)',
      document: 'Danh sách chính thức người ứng cử',
    },
    k1('d'),
  ),
  verified(
    {
      id: 'form-team',
      offsetDays: -10,
      unit: 'calendar',
      title: 'Quyết định thành lập Tổ bầu cử (05–07 người) và quyết định thành phần cử tri',
      actor: 'Chủ tịch UBND cấp xã',
      document: 'Quyết định thành lập Tổ bầu cử; Quyết định thành phần cử tri',
    },
    k1('đ'),
  ),
  verified(
    {
      id: 'notify-decisions',
      offsetDays: -7,
      unit: 'calendar',
      title: 'Thông báo các quyết định đến Nhân dân trong thôn, khu phố',
      actor: 'UBND cấp xã, Tổ bầu cử',
      document: 'Thông báo',
    },
    k1('đ'),
  ),
  verified(
    {
      id: 'post-candidates',
      offsetDays: -5,
      unit: 'calendar',
      title: 'Niêm yết danh sách người ứng cử tại nơi bỏ phiếu và nơi công cộng',
      actor: 'Tổ bầu cử',
      document: 'Danh sách người ứng cử (niêm yết)',
    },
    k1('g'),
  ),
  verified(
    {
      id: 'post-voters',
      offsetDays: -5,
      unit: 'calendar',
      title: 'Niêm yết danh sách cử tri (đã được UBND cấp xã phê duyệt)',
      actor: 'Tổ bầu cử',
      document: 'Danh sách cử tri (niêm yết)',
    },
    k1('g'),
  ),
  verified(
    {
      id: 'amend-lists',
      offsetDays: -1,
      unit: 'calendar',
      title: 'Hạn bổ sung, sửa đổi sai sót trong danh sách người ứng cử và danh sách cử tri',
      actor: 'Tổ bầu cử; Chủ tịch UBND cấp xã phê duyệt',
      document: 'Quyết định phê duyệt sửa đổi danh sách',
    },
    k1('h'),
    '"Chậm nhất 24 giờ trước ngày bầu cử": hiểu là trong ngày trước ngày bầu cử.',
  ),
  verified(
    {
      id: 'election',
      offsetDays: 0,
      unit: 'calendar',
      title: 'Ngày bầu cử (Chủ nhật, 07 giờ đến 12 giờ)',
      actor: 'Tổ bầu cử',
      document: 'Phiếu bầu; Thẻ cử tri; Biên bản kiểm phiếu (03 bản)',
    },
    cite(QT, 'Điều 15', 'khoản 2'),
  ),
  verified(
    {
      id: 'report-result',
      offsetDays: 0,
      unit: 'calendar',
      title: 'Báo cáo kết quả kèm biên bản kiểm phiếu gửi ngay UBND, UBMTTQ cấp xã',
      actor: 'Tổ trưởng Tổ bầu cử',
      document: 'Báo cáo kết quả bầu cử',
    },
    cite(QT, 'Điều 15', 'khoản 2 điểm d'),
  ),
];

const removalNote =
  'Điều 17 dẫn chiếu NQLT 09/2008 Điều 10, 11; văn bản không có trong nguồn: tạm theo quy trình tương tự của Tây Ninh.';
const removalCite = cite(QT, 'Điều 17');

function legacyRemoval(kind: 'dismissal' | 'recall'): RuleProfile['removal'][number] {
  return {
    kind,
    title:
      kind === 'dismissal'
        ? 'Miễn nhiệm Trưởng thôn, Khu phố trưởng'
        : 'Bãi nhiệm Trưởng thôn, Khu phố trưởng',
    triggers: unverified(
      kind === 'dismissal'
        ? [
            { code: 'resignation', label: 'Có đơn xin miễn nhiệm nêu rõ lý do', letterRequired: true },
            { code: 'transfer', label: 'Được điều động làm công tác khác', letterRequired: false },
          ]
        : [
            { code: 'communeChairProposal', label: 'Chủ tịch UBND cấp xã đề nghị', letterRequired: false },
            { code: 'frontChairProposal', label: 'Chủ tịch UBMTTQ cấp xã đề nghị', letterRequired: false },
            {
              code: 'householdPetition',
              label: 'Ít nhất 1/3 tổng số cử tri đại diện hộ kiến nghị',
              letterRequired: false,
            },
          ],
      removalCite,
      removalNote,
    ),
    petition: unverified(
      kind === 'recall' ? { numerator: 1, denominator: 3, strict: false, base: 'registered' } : null,
      removalCite,
      removalNote,
    ),
    convenor: unverified('Trưởng ban công tác Mặt trận thôn, khu phố', removalCite, removalNote),
    quorum: unverified(overHalf('registered'), removalCite, removalNote),
    passRule: unverified(overHalf('registered'), removalCite, removalNote),
    countingTeam: unverified({ minSize: 3, maxSize: 5 }, removalCite, removalNote),
    recognition: unverified({ workingDays: 5, authority: 'peoplesCommittee' }, removalCite, removalNote),
    interimAppointedBy: verified(
      'Chủ tịch UBND cấp xã chỉ định Trưởng thôn lâm thời',
      cite(QT, 'Điều 4', 'khoản 4 điểm a'),
    ),
    newElection: unverified({ withinDays: 20, mode: 'held' }, removalCite, removalNote),
  };
}

export const quangTri2016: RuleProfile = {
  id: 'quang-tri-2016',
  title: 'Quảng Trị: Quy chế tổ chức và hoạt động của thôn, khu phố (QĐ 01/2016/QĐ-UBND)',
  status: 'legacy',
  effective: verified(
    { from: '2016-02-11', to: null },
    cite(QT, 'Quyết định, Điều 2'),
    'Hiệu lực sau 10 ngày kể từ ngày ký 01/02/2016. Dựa trên Pháp lệnh 34/2007 và NQLT 09/2008 đã hết hiệu lực từ 01/7/2023.',
  ),
  sources: [
    { tag: 'QT', title: QT, note: 'Đọc toàn văn (seed 002).' },
    { tag: 'NQLT', title: S.NQLT, note: 'Dẫn chiếu cho bầu tại hội nghị thôn và miễn nhiệm, bãi nhiệm.' },
  ],
  positions: verified(
    ['head', 'deputyHead'],
    cite(QT, 'Điều 13'),
    'Trưởng thôn và Phó Trưởng thôn được bầu chung một lần, phiếu bầu riêng cho từng chức danh.',
  ),
  deputies: verified(
    {
      mode: 'electedWithHead',
      base: 1,
      secondAbove: { rural: 500, urban: 600 },
      noneBelow: { rural: 50, urban: 60 },
    },
    cite(QT, 'Điều 4', 'khoản 1, 2, 3'),
  ),
  term: verified(
    { months: 30, options: [30] },
    cite(QT, 'Điều 4', 'khoản 4 điểm a'),
    'Phó Trưởng thôn theo nhiệm kỳ của Trưởng thôn (điểm b).',
  ),
  residentGroup: verified(null, cite(QT, 'Điều 4')),
  electorate: verified('allVotersOrHouseholdRepresentatives', cite(QT, 'Điều 14', 'khoản 2')),
  electorateDecidedBy: verified('chair', cite(QT, 'Điều 14', 'khoản 2')),
  voter: verified(
    {
      minAge: 18,
      permanentResidence: true,
      exclusions: ['prisonUnsuspended', 'lostLegalCapacity'],
      inPersonOnly: true,
      mobileBox: true,
    },
    cite(QT, 'Điều 14', 'khoản 2, 3'),
    '"Hộ khẩu thường trú" hiểu là nơi thường trú (Luật Cư trú 2020).',
  ),
  householdRepresentative: unverified(
    { perHousehold: 1, requiresFullLegalCapacity: true, minAge: 18, fallbackNominated: false },
    cite(QT, 'Điều 14', 'khoản 2'),
    'Quy chế không mô tả cách chọn đại diện hộ.',
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
      standards: [
        'Có sức khỏe, nhiệt tình và có tinh thần trách nhiệm trong công tác',
        'Có phẩm chất chính trị và phẩm chất đạo đức tốt, được nhân dân tín nhiệm',
        'Bản thân và gia đình gương mẫu thực hiện đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước',
        'Có trình độ văn hóa, năng lực, kinh nghiệm và phương pháp vận động, tổ chức nhân dân',
      ],
    },
    cite(QT, 'Điều 12'),
    'Ngày tính tuổi không được quy định; dùng ngày bầu cử.',
  ),
  candidateCount: verified(
    { draftMin: 1, draftMax: 2, officialMin: 1 },
    k1('c'),
    'Mỗi chức danh từ 01 đến 02 người.',
  ),
  nomineeApproval: verified(
    overHalf('present'),
    k1('c'),
    'Trên 50% tổng số cử tri tham dự hội nghị biểu quyết tán thành.',
  ),
  electionForms: verified(['separateBallot', 'meeting'], cite(QT, 'Điều 13')),
  defaultPaperForm: verified('separateBallot', cite(QT, 'Điều 14', 'khoản 1')),
  ballotMethod: verified({ options: ['secret'] }, k1('i')),
  floorNominations: unverified(
    { allowed: false, until: 'votingForm' },
    cite(QT, 'Điều 13'),
    'Quy chế lập danh sách chính thức trước ngày bầu (Điều 15 k1 d) và không nói đến việc giới thiệu tại hội nghị; bầu tại hội nghị thôn theo Điều 8 NQLT 09/2008 (chưa có văn bản): chưa xác minh.',
  ),
  candidateListVote: unverified(
    null,
    cite(QT, 'Điều 13'),
    'Danh sách chính thức được lập trước ngày bầu (Điều 15 k1 d); bầu tại hội nghị thôn theo Điều 8 NQLT 09/2008 (chưa có văn bản): chưa xác minh có bước biểu quyết danh sách tại hội nghị hay không.',
  ),
  ballotForm: unverified('strikeOut', k1('i'), 'Quy chế không quy định cách đánh dấu phiếu.'),
  meetingQuorum: secondary(
    overHalf('registered'),
    cite(S.NQLT, 'Điều 8', 'khoản 1'),
    'Chỉ áp dụng khi bầu tại hội nghị thôn (Điều 13 dẫn chiếu NQLT).',
  ),
  proceduralVote: verified(overHalf('present'), k1('c')),
  winner: verified(
    {
      meeting: { threshold: overHalf('registered'), requireHighest: true },
      separateBallot: { threshold: overHalf('registered'), requireHighest: true },
      householdBallots: null,
    },
    cite(QT, 'Điều 15', 'khoản 2 điểm d'),
    'Đạt số phiếu cao nhất và trên 50% số phiếu bầu hợp lệ so với tổng số cử tri trong danh sách niêm yết. Bầu tại hội nghị theo NQLT Điều 8 (nguồn thứ cấp).',
  ),
  turnoutMinimum: verified(
    { meeting: null, separateBallot: overHalf('registered'), householdBallots: null },
    cite(QT, 'Điều 15', 'khoản 3'),
    'Số cử tri đi bỏ phiếu phải quá nửa số cử tri trong danh sách; đúng 50% là chưa đạt.',
  ),
  tieBreak: verified('none', cite(QT, 'Điều 15', 'khoản 2 điểm d'), 'Không quy định trường hợp bằng phiếu.'),
  invalidReasons: verified(['unofficial-form', 'unstamped', 'too-many-kept', 'extra-name'], k1('i')),
  allStruckOut: unverified(
    'validBlank',
    k1('i'),
    'Không nằm trong danh mục phiếu không hợp lệ: coi là phiếu hợp lệ không bầu ai.',
  ),
  pollingDays: verified([0], cite(QT, 'Điều 14', 'khoản 1')),
  pollingHours: verified(
    {
      sessionStarts: ['07:00'],
      end: '12:00',
      earliestStart: '05:00',
      latestEnd: '22:00',
      earlyClose: 'allVoted',
    },
    cite(QT, 'Điều 15', 'khoản 2 điểm a'),
    'Có thể kết thúc sớm khi 100% cử tri trong danh sách đã bỏ phiếu.',
  ),
  electionTeam: verified(
    {
      minSize: 5,
      maxSize: 7,
      leader: 'frontCommitteeHead',
      secretary: true,
      excludesCandidates: true,
      formedBy: 'chair',
    },
    k1('đ'),
  ),
  countingTeam: verified(
    { counter: 'electionTeam', minSize: null, maxSize: null, approval: null, excludesCandidates: true },
    cite(QT, 'Điều 15', 'khoản 2 điểm d'),
  ),
  witnesses: verified({ count: 2, excludesCandidates: true }, cite(QT, 'Điều 15', 'khoản 2 điểm d')),
  timeline,
  resultReport: verified({ withinDays: 0 }, cite(QT, 'Điều 15', 'khoản 2 điểm d'), 'Gửi ngay.'),
  recognition: verified(
    { workingDays: 5, authority: 'peoplesCommittee', from: 'ngày nhận được báo cáo của Tổ trưởng Tổ bầu cử' },
    cite(QT, 'Điều 16'),
    'Công nhận hoặc quyết định bầu cử lại; nếu không thì trả lời bằng văn bản, nêu rõ lý do.',
  ),
  recognitionCounting: unverified('fromDayAfterReceipt', cite(S.BLDS, 'Điều 147')),
  rerun: verified({ withinDays: 15, decidedBy: 'peoplesCommittee' }, cite(QT, 'Điều 15', 'khoản 3')),
  interim: verified(
    {
      afterFailedRounds: 2,
      appointedBy: 'chair',
      fromCandidates: false,
      maxMonths: 6,
      newElectionWithinMonths: 6,
    },
    cite(QT, 'Điều 15', 'khoản 3'),
    'Thời hạn chỉ định lâm thời không quá sáu tháng (Điều 4 khoản 4 điểm a).',
  ),
  countRecord: verified(
    {
      originals: 3,
      signatories: ['Các thành viên Tổ bầu cử'],
      distribution: ['UBND cấp xã', 'UBMTTQ cấp xã'],
      ratioAgainstRegistered: true,
      formLabel: null,
    },
    cite(QT, 'Điều 15', 'khoản 2 điểm d'),
  ),
  meetingMinutes: verified(
    { meeting: 'hamletConference', formLabel: null },
    cite(QT, 'Điều 7'),
    'Hội nghị của thôn, khu phố (Điều 7); Quy chế không ban hành mẫu biên bản hội nghị.',
  ),
  signingAuthority: verified('peoplesCommittee', cite(QT, 'Điều 16')),
  establishment: quangTriEstablishment,
  removal: [legacyRemoval('dismissal'), legacyRemoval('recall')],
};
