/**
 * Each rule-profile value as a Vietnamese sentence an official reads on the rules page and in
 * docs/rules.md: "Cử tri từ đủ 18 tuổi; phải thường trú tại thôn, tổ dân phố", never
 * `{"minAge":18,"permanentResidence":true}`. The citation and confidence stand beside it.
 */
import type { Threshold } from './schema';
import { describeThreshold } from './threshold';

const POSITION: Readonly<Record<string, string>> = {
  head: 'Trưởng thôn, Tổ trưởng tổ dân phố',
  deputyHead: 'Phó Trưởng thôn, Tổ phó tổ dân phố',
  groupLeader: 'Tổ trưởng Tổ nhân dân tự quản',
  groupDeputy: 'Tổ phó Tổ nhân dân tự quản',
  groupSecretary: 'Thư ký Tổ nhân dân tự quản',
};

const FORM: Readonly<Record<string, string>> = {
  meeting: 'biểu quyết tại cuộc họp cộng đồng dân cư',
  separateBallot: 'bỏ phiếu kín tại khu vực bỏ phiếu riêng',
  householdBallots: 'phát phiếu lấy ý kiến đến từng hộ gia đình',
};

const FORM_SHORT: Readonly<Record<string, string>> = {
  meeting: 'Tại cuộc họp',
  separateBallot: 'Bỏ phiếu riêng',
  householdBallots: 'Phiếu lấy ý kiến hộ gia đình',
};

const AUTHORITY: Readonly<Record<string, string>> = {
  peoplesCommittee: 'UBND cấp xã',
  chair: 'Chủ tịch UBND cấp xã',
};

const ELECTORATE: Readonly<Record<string, string>> = {
  householdRepresentatives: 'Cử tri là đại diện hộ gia đình',
  allVoters: 'Toàn thể cử tri',
  allVotersOrHouseholdRepresentatives: 'Toàn thể cử tri hoặc cử tri đại diện hộ gia đình (xã quyết định)',
};

const EXCLUSION: Readonly<Record<string, string>> = {
  prisonUnsuspended: 'đang chấp hành hình phạt tù không được hưởng án treo',
  lostLegalCapacity: 'mất năng lực hành vi dân sự',
  mentalIllness: 'bị bệnh tâm thần',
  underProbation: 'đang bị quản chế',
  courtDeprived: 'bị Tòa án tước quyền bầu cử',
};

const INVALID: Readonly<Record<string, string>> = {
  'unofficial-form': 'phiếu không theo mẫu do Tổ bầu cử phát ra',
  unstamped: 'phiếu không có dấu của UBND cấp xã',
  'too-many-kept': 'phiếu bầu nhiều hơn số người được bầu',
  'all-struck': 'phiếu gạch tên tất cả người ứng cử',
  'extra-name': 'phiếu ghi thêm tên người ngoài danh sách hoặc ghi thêm nội dung khác',
  'both-columns': 'phiếu đánh dấu cả hai cột đồng ý và không đồng ý',
};

const WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  defaultPaperForm: FORM_SHORT,
  ballotForm: {
    strikeOut: 'Gạch tên người không đồng ý',
    agreeColumns: 'Đánh dấu vào cột đồng ý hoặc không đồng ý',
    strikeOutOrAgreeColumns: 'Gạch tên, hoặc đánh dấu vào cột đồng ý / không đồng ý',
  },
  tieBreak: {
    olderWins: 'Người nhiều tuổi hơn trúng cử',
    none: 'Không có cách phân định: bầu lại',
  },
  allStruckOut: {
    invalid: 'Phiếu không hợp lệ',
    validBlank: 'Phiếu hợp lệ, không tính phiếu đồng ý cho ai',
  },
  recognitionCounting: {
    fromDayAfterReceipt: 'Tính từ ngày làm việc sau ngày nhận hồ sơ',
    includingDayOfReceipt: 'Tính cả ngày nhận hồ sơ',
  },
  signingAuthority: AUTHORITY,
  electorateDecidedBy: AUTHORITY,
  electorate: ELECTORATE,
};

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function isThreshold(x: unknown): x is Threshold {
  return typeof x === 'object' && x !== null && 'numerator' in x && 'denominator' in x && 'base' in x;
}

type Rec = Record<string, unknown>;
/** A number or text of a profile value as written; anything else (never expected) as nothing. */
const str = (x: unknown): string => (typeof x === 'number' || typeof x === 'string' ? String(x) : '');
const word = (table: Readonly<Record<string, string>>, code: unknown) => table[String(code)] ?? String(code);
const list = (xs: unknown, table: Readonly<Record<string, string>>) =>
  (Array.isArray(xs) ? xs : []).map((x) => word(table, x)).join('; ');
const sentence = (parts: readonly (string | false | null | undefined)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join('; ') + '.';
const threshold = (t: unknown) => (isThreshold(t) ? describeThreshold(t) : String(t));
const yes = (b: unknown, text: string) => (b === true ? text : null);
const size = (min: unknown, max: unknown) =>
  min !== null && max !== null
    ? `từ ${str(min)} đến ${str(max)} người`
    : min !== null
      ? `ít nhất ${str(min)} người`
      : max !== null
        ? `nhiều nhất ${str(max)} người`
        : 'số người không quy định';
const byArea = (x: unknown) => {
  const v = x as { rural: number; urban: number };
  return `${v.rural} hộ ở thôn, ${v.urban} hộ ở tổ dân phố`;
};

function perForm(value: unknown, each: (v: unknown) => string): string {
  const v = value as Rec;
  const parts = Object.entries(v)
    .filter(([, x]) => x !== null)
    .map(([form, x]) => `${word(FORM_SHORT, form)}: ${each(x)}`);
  return parts.length === 0 ? 'Không quy định.' : sentence(parts);
}

const OBJECT_TEXT: Readonly<Record<string, (v: Rec) => string>> = {
  effective: (v) => `Từ ${vnDate(v['from'])}${v['to'] ? ` đến ${vnDate(v['to'])}` : ''}.`,
  deputies: (v) => {
    if (v['mode'] === 'none') return 'Không có Phó Trưởng thôn.';
    const how =
      v['mode'] === 'appointedByHead'
        ? `${str(v['base'])} Phó Trưởng thôn do Trưởng thôn chọn`
        : `${str(v['base'])} Phó Trưởng thôn bầu cùng Trưởng thôn`;
    return sentence([
      how,
      v['secondAbove'] ? `thêm 1 Phó khi có trên ${byArea(v['secondAbove'])}` : null,
      v['noneBelow'] ? `không có Phó khi dưới ${byArea(v['noneBelow'])}` : null,
    ]);
  },
  term: (v) => {
    const options = (v['options'] as number[]).filter((m) => m !== v['months']);
    return sentence([
      `${str(v['months'])} tháng`,
      options.length > 0 ? `tỉnh có thể chọn ${options.join(' hoặc ')} tháng` : null,
    ]);
  },
  residentGroup: (v) =>
    sentence([`Bầu ${list(v['positions'], POSITION)}`, `nhiệm kỳ ${str(v['termMonths'])} tháng`]),
  voter: (v) =>
    sentence([
      v['minAge'] === null ? 'Không quy định tuổi riêng' : `Từ đủ ${str(v['minAge'])} tuổi vào ngày bầu cử`,
      v['permanentResidence'] ? 'phải thường trú tại thôn, tổ dân phố' : 'không đòi hỏi thường trú',
      (v['exclusions'] as unknown[]).length > 0
        ? `không được bầu nếu ${list(v['exclusions'], EXCLUSION)}`
        : null,
      yes(v['inPersonOnly'], 'phải tự đi bầu, không bầu thay'),
      yes(v['mobileBox'], 'có hòm phiếu phụ cho người ốm, già yếu'),
    ]),
  householdRepresentative: (v) =>
    sentence([
      `${str(v['perHousehold'])} người đại diện mỗi hộ`,
      yes(v['requiresFullLegalCapacity'], 'có năng lực hành vi dân sự đầy đủ'),
      v['minAge'] !== null ? `từ đủ ${str(v['minAge'])} tuổi` : null,
      yes(v['fallbackNominated'], 'hộ không có người như vậy thì cử người được các thành viên ủy nhiệm'),
    ]),
  candidate: (v) =>
    sentence([
      `Từ đủ ${str(v['minAge'])} tuổi vào ngày bầu cử`,
      yes(v['permanentResidence'], 'thường trú'),
      yes(v['regularResidence'], 'cư trú thường xuyên tại thôn, tổ dân phố'),
      (v['standards'] as string[]).length > 0
        ? `tiêu chuẩn: ${(v['standards'] as string[]).map((s) => s.charAt(0).toLowerCase() + s.slice(1)).join('; ')}`
        : null,
    ]),
  candidateCount: (v) =>
    sentence([
      `Danh sách dự kiến: ${v['draftMax'] === null ? `ít nhất ${str(v['draftMin'])} người` : `từ ${str(v['draftMin'])} đến ${str(v['draftMax'])} người`}`,
      `danh sách chính thức: ít nhất ${str(v['officialMin'])} người`,
    ]),
  ballotMethod: (v) => {
    const options = (v['options'] as string[]).map((o) => (o === 'hands' ? 'giơ tay' : 'bỏ phiếu kín'));
    return options.length > 1
      ? `${capital(options.join(' hoặc '))}; cuộc họp chọn cách biểu quyết.`
      : `${capital(options.join(''))}.`;
  },
  winner: (v) =>
    perForm(v, (x) => {
      const r = x as Rec;
      return `${threshold(r['threshold'])}${r['requireHighest'] ? ', lấy người nhiều phiếu nhất' : ''}`;
    }),
  turnoutMinimum: (v) => perForm(v, threshold),
  pollingHours: (v) =>
    sentence([
      `Bắt đầu lúc ${(v['sessionStarts'] as string[]).join(' và ')}, kết thúc lúc ${str(v['end'])}`,
      v['earliestStart'] ? `sớm nhất ${str(v['earliestStart'])}` : null,
      v['latestEnd'] ? `muộn nhất ${str(v['latestEnd'])}` : null,
    ]),
  electionTeam: (v) =>
    sentence([
      `Do ${word(AUTHORITY, v['formedBy'])} quyết định thành lập, ${size(v['minSize'], v['maxSize'])}`,
      v['leader'] === 'frontCommitteeHead'
        ? 'Tổ trưởng là Trưởng ban công tác Mặt trận'
        : 'Tổ trưởng là đại diện Ban công tác Mặt trận',
      yes(v['secretary'], 'có Thư ký'),
      yes(v['excludesCandidates'], 'người ứng cử không tham gia'),
    ]),
  countingTeam: (v) =>
    sentence([
      v['counter'] === 'electionTeam'
        ? 'Tổ bầu cử kiểm phiếu'
        : `Tổ kiểm phiếu ${size(v['minSize'], v['maxSize'])}`,
      v['approval'] ? `được cuộc họp biểu quyết ${threshold(v['approval'])}` : null,
      yes(v['excludesCandidates'], 'người ứng cử không tham gia'),
    ]),
  witnesses: (v) =>
    sentence([
      `${str(v['count'])} người chứng kiến`,
      yes(v['excludesCandidates'], 'không phải người ứng cử'),
    ]),
  resultReport: (v) =>
    v['withinDays'] === 0 ? 'Ngay trong ngày bầu cử.' : `Trong ${str(v['withinDays'])} ngày sau ngày bầu cử.`,
  recognition: (v) =>
    sentence([
      `${word(AUTHORITY, v['authority'])} công nhận trong ${str(v['workingDays'])} ngày làm việc`,
      typeof v['from'] === 'string' ? `kể từ ${v['from']}` : null,
    ]),
  rerun: (v) => `${word(AUTHORITY, v['decidedBy'])} quyết định bầu lại trong ${str(v['withinDays'])} ngày.`,
  interim: (v) =>
    sentence([
      `Sau ${str(v['afterFailedRounds'])} lần bầu không có người trúng cử, ${word(AUTHORITY, v['appointedBy'])} cử Trưởng thôn lâm thời`,
      v['fromCandidates'] ? 'chọn trong số người ứng cử' : null,
      v['maxMonths'] !== null ? `tối đa ${str(v['maxMonths'])} tháng` : null,
      v['newElectionWithinMonths'] !== null
        ? `bầu lại trong ${str(v['newElectionWithinMonths'])} tháng`
        : null,
    ]),
  countRecord: (v) =>
    sentence([
      `Lập ${str(v['originals'])} bản`,
      `người ký: ${(v['signatories'] as string[]).join(', ')}`,
      (v['distribution'] as string[]).length > 0 ? `gửi ${(v['distribution'] as string[]).join(', ')}` : null,
      v['ratioAgainstRegistered']
        ? 'tỷ lệ tính trên tổng số cử tri trong danh sách'
        : 'tỷ lệ tính trên số cử tri tham gia bỏ phiếu',
    ]),
  meetingMinutes: (v) =>
    sentence([
      v['meeting'] === 'communityMeeting'
        ? 'Biên bản cuộc họp cộng đồng dân cư'
        : 'Biên bản hội nghị của thôn, ấp, khu phố',
      v['formLabel'] ? `theo ${str(v['formLabel'])}` : 'không có mẫu quy định',
    ]),
  establishment: (v) => {
    const m = v['minHouseholds'] as Record<
      'rural' | 'urban',
      Record<'plain' | 'mountainBorder' | 'island', number>
    >;
    const area = (a: Record<'plain' | 'mountainBorder' | 'island', number>) =>
      `${a.plain} hộ ở đồng bằng, ${a.mountainBorder} hộ ở miền núi, biên giới, ${a.island} hộ ở hải đảo`;
    const lower = (v['lowerAllowedFor'] as { label: string }[]).map((x) => x.label.toLowerCase());
    return sentence([
      `Thôn mới ít nhất ${area(m.rural)}`,
      `tổ dân phố mới ít nhất ${area(m.urban)}`,
      lower.length > 0 ? `được thấp hơn khi ${lower.join('; ')}` : null,
      `quyết định: ${str(v['decidedBy'])}`,
    ]);
  },
  floorNominations: (v) =>
    v['allowed'] === true
      ? `Người có mặt được tự ứng cử hoặc giới thiệu người ứng cử, đến trước bước ${v['until'] === 'candidateList' ? 'biểu quyết danh sách người ứng cử' : 'biểu quyết hình thức bầu'}.`
      : 'Không giới thiệu người ứng cử tại cuộc họp: danh sách chính thức được lập trước ngày bầu.',
  newElection: (v) =>
    v['mode'] === 'held'
      ? `Bầu Trưởng thôn mới trong ${str(v['withinDays'])} ngày.`
      : `Quyết định tổ chức bầu Trưởng thôn mới trong ${str(v['withinDays'])} ngày.`,
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function vnDate(iso: unknown): string {
  const [y, m, d] = str(iso).split('-');
  return `${d}/${m}/${y}`;
}

/** Every removal trigger: "Đơn xin thôi làm ... (cần đơn)". */
function triggersText(xs: readonly Rec[]): string {
  return sentence(xs.map((t) => `${str(t['label'])}${t['letterRequired'] ? ' (cần có đơn)' : ''}`));
}

/** A profile value in words: thresholds, codes, lists and records alike. */
export function valueText(key: string, value: unknown): string {
  if (value === null) return 'Không quy định.';
  if (isThreshold(value)) return `${capital(describeThreshold(value))}.`;
  const words = WORDS[key];
  if (words && typeof value === 'string') return `${word(words, value)}.`;
  if (key === 'pollingDays' && Array.isArray(value))
    return `${value.map((d) => WEEKDAYS[d as number] ?? String(d)).join(', ')}.`;
  if (key === 'positions') return `${list(value, POSITION)}.`;
  if (key === 'electionForms') return `${capital(list(value, FORM))}.`;
  if (key === 'invalidReasons') return `${capital(list(value, INVALID))}.`;
  if (key === 'triggers' && Array.isArray(value)) return triggersText(value as Rec[]);
  if (key === 'countingTeam' && typeof value === 'object' && !('counter' in value)) {
    const v = value as Rec;
    return `Ban kiểm phiếu ${size(v['minSize'], v['maxSize'])}.`;
  }
  const text = OBJECT_TEXT[key];
  if (text && typeof value === 'object' && !Array.isArray(value)) return text(value as Rec);
  if (key === 'civilMajorityAge' && typeof value === 'number') return `Đủ ${value} tuổi.`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Có.' : 'Không.';
  // A shape this module does not know yet: its parts in words, never raw JSON.
  const part = (x: unknown) => valueText('', x).replace(/\.$/, '');
  if (Array.isArray(value)) return sentence(value.map(part));
  return sentence(Object.values(value as Rec).map(part));
}
