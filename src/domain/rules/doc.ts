/**
 * docs/rules.md, generated from the profiles: every parameter with its citation and confidence, so an
 * official can audit what the software enforces. Pure: the CLI writes the file.
 */
import { CONFIDENCE_VI, formatCitation } from './citation';
import type { Param, RuleProfile, Threshold } from './schema';
import { describeThreshold } from './threshold';

export const PARAM_LABELS_VI: Readonly<Record<string, string>> = {
  effective: 'Hiệu lực',
  positions: 'Chức danh được bầu',
  deputies: 'Số Phó Trưởng thôn',
  term: 'Nhiệm kỳ (tháng)',
  residentGroup: 'Tổ nhân dân tự quản',
  electorate: 'Thành phần cử tri',
  electorateDecidedBy: 'Người quyết định thành phần cử tri',
  voter: 'Điều kiện cử tri',
  householdRepresentative: 'Đại diện hộ gia đình',
  candidate: 'Tiêu chuẩn người ứng cử',
  candidateCount: 'Số người ứng cử',
  nomineeApproval: 'Biểu quyết giới thiệu người ứng cử',
  electionForms: 'Hình thức bầu',
  defaultPaperForm: 'Hình thức mặc định khi kiểm phiếu',
  ballotMethod: 'Cách biểu quyết',
  ballotForm: 'Cách ghi phiếu',
  meetingQuorum: 'Điều kiện tiến hành cuộc họp',
  proceduralVote: 'Biểu quyết thủ tục tại cuộc họp',
  winner: 'Điều kiện trúng cử',
  turnoutMinimum: 'Tỷ lệ cử tri đi bầu tối thiểu',
  tieBreak: 'Khi bằng phiếu',
  invalidReasons: 'Phiếu không hợp lệ',
  allStruckOut: 'Phiếu gạch hết tên',
  pollingDays: 'Ngày bỏ phiếu',
  pollingHours: 'Giờ bỏ phiếu',
  electionTeam: 'Tổ bầu cử',
  countingTeam: 'Kiểm phiếu',
  witnesses: 'Người chứng kiến kiểm phiếu',
  resultReport: 'Báo cáo kết quả (ngày sau bầu cử)',
  recognition: 'Công nhận kết quả',
  recognitionCounting: 'Cách tính thời hạn ngày làm việc',
  rerun: 'Bầu cử lại',
  interim: 'Trưởng thôn lâm thời',
  countRecord: 'Biên bản kiểm phiếu',
  signingAuthority: 'Thẩm quyền ký',
  triggers: 'Căn cứ đề nghị',
  petition: 'Ngưỡng kiến nghị',
  convenor: 'Người triệu tập',
  quorum: 'Điều kiện tiến hành hội nghị',
  passRule: 'Điều kiện thông qua',
  interimAppointedBy: 'Cử người lâm thời',
  newElection: 'Bầu Trưởng thôn mới',
};

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function isThreshold(x: unknown): x is Threshold {
  return typeof x === 'object' && x !== null && 'numerator' in x && 'denominator' in x && 'base' in x;
}

/** Thresholds read as Vietnamese; everything else as compact JSON, which an auditor can still follow. */
export function renderValue(key: string, value: unknown): string {
  if (value === null) return '—';
  if (isThreshold(value)) return describeThreshold(value);
  if (key === 'pollingDays' && Array.isArray(value))
    return value.map((d) => WEEKDAYS[d as number] ?? String(d)).join(', ');
  if (typeof value === 'object') {
    const json = JSON.stringify(value, (_k, v: unknown) => (isThreshold(v) ? describeThreshold(v) : v));
    return json;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(key: string, p: Param<unknown>): string {
  const label = PARAM_LABELS_VI[key] ?? key;
  const overridden = p.overrides?.length ? ` (ghi đè ${p.overrides.length} lần)` : '';
  return `| ${cell(label)} (\`${key}\`) | ${cell(renderValue(key, p.value))} | ${cell(formatCitation(p.citation))} | ${CONFIDENCE_VI[p.confidence]}${overridden} | ${cell(p.note ?? '')} |`;
}

const HEADER = ['| Tham số | Giá trị | Trích dẫn | Độ tin cậy | Ghi chú |', '|---|---|---|---|---|'];

function isParamLike(x: unknown): x is Param<unknown> {
  return typeof x === 'object' && x !== null && 'value' in x && 'citation' in x && 'confidence' in x;
}

export function renderProfileMarkdown(p: RuleProfile): string {
  const out: string[] = [
    `## ${p.title}`,
    '',
    `- Mã: \`${p.id}\``,
    `- Tình trạng: ${p.status === 'current' ? 'đang áp dụng' : 'quy định cũ (cấp tỉnh)'}`,
  ];
  out.push(
    `- Hiệu lực từ: ${p.effective.value.from}${p.effective.value.to ? ` đến ${p.effective.value.to}` : ''}`,
  );
  out.push('- Nguồn:');
  for (const s of p.sources) out.push(`  - ${s.tag}: ${s.title}${s.note ? ` (${s.note})` : ''}`);
  out.push('', '### Tham số', '', ...HEADER);
  for (const [key, value] of Object.entries(p)) {
    if (key === 'timeline' || key === 'removal') continue;
    if (isParamLike(value)) out.push(row(key, value));
  }
  out.push(
    '',
    '### Mốc thời gian (D = ngày bầu cử)',
    '',
    '| Bước | Hạn | Việc | Người thực hiện | Văn bản | Trích dẫn | Độ tin cậy | Ghi chú |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const s of p.timeline) {
    const v = s.value;
    const offset =
      v.offsetDays === 0
        ? 'D'
        : `D${v.offsetDays > 0 ? '+' : ''}${v.offsetDays}${v.unit === 'working' ? ' ngày làm việc' : ''}`;
    out.push(
      `| \`${v.id}\` | ${offset} | ${cell(v.title)} | ${cell(v.actor)} | ${cell(v.document)} | ${cell(formatCitation(s.citation))} | ${CONFIDENCE_VI[s.confidence]} | ${cell(s.note ?? '')} |`,
    );
  }
  for (const r of p.removal) {
    out.push('', `### ${r.title} (\`${r.kind}\`)`, '', ...HEADER);
    for (const [key, value] of Object.entries(r)) if (isParamLike(value)) out.push(row(key, value));
  }
  return out.join('\n');
}

export function renderRulesMarkdown(profiles: readonly RuleProfile[]): string {
  const intro = [
    '# Quy tắc bầu cử Trưởng thôn, Tổ trưởng tổ dân phố (rule profiles)',
    '',
    '<!-- Generated by `baucoso rules-doc --out docs/rules.md` from src/domain/rules. Do not edit by hand. -->',
    '',
    'Mỗi giá trị phần mềm áp dụng đều có trích dẫn và độ tin cậy: **đã xác minh** (đọc trong văn bản),',
    '**nguồn thứ cấp** (báo chí, hỏi đáp pháp luật), **chưa xác minh** (chưa tra được văn bản: cần kiểm tra',
    'và ghi đè nếu khác). Ngưỡng "trên 50%" được tính bằng số nguyên: `2 × số phiếu > mẫu số`.',
    '',
  ];
  return [...intro, ...profiles.map(renderProfileMarkdown)].join('\n') + '\n';
}
