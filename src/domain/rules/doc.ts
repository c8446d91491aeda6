/**
 * docs/rules.md, generated from the profiles: every parameter with its citation and confidence, so an
 * official can audit what the software enforces. Pure: the CLI writes the file.
 */
import { CONFIDENCE_VI, formatCitation } from './citation';
import type { Param, RuleProfile } from './schema';
import { valueText } from './value-text';

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
  civilMajorityAge: 'Tuổi thành niên (năng lực hành vi dân sự đầy đủ)',
  candidate: 'Tiêu chuẩn người ứng cử',
  candidateCount: 'Số người ứng cử',
  nomineeApproval: 'Biểu quyết giới thiệu người ứng cử',
  electionForms: 'Hình thức bầu',
  defaultPaperForm: 'Hình thức mặc định khi kiểm phiếu',
  ballotMethod: 'Cách biểu quyết',
  ballotForm: 'Cách ghi phiếu',
  floorNominations: 'Giới thiệu người ứng cử tại cuộc họp',
  candidateListVote: 'Biểu quyết số lượng và danh sách người ứng cử tại cuộc họp',
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
  meetingMinutes: 'Biên bản bầu tại hội nghị',
  signingAuthority: 'Thẩm quyền ký',
  triggers: 'Căn cứ đề nghị',
  petition: 'Ngưỡng kiến nghị',
  convenor: 'Người triệu tập',
  quorum: 'Điều kiện tiến hành hội nghị',
  passRule: 'Điều kiện thông qua',
  interimAppointedBy: 'Cử người lâm thời',
  newElection: 'Bầu Trưởng thôn mới',
};

/** A value as an official reads it: a Vietnamese sentence (value-text.ts), never raw JSON. */
export function renderValue(key: string, value: unknown): string {
  return valueText(key, value);
}

/**
 * A note as officials read it: the references to the project's own source files ("(seed 002)",
 * "DOMAIN.md §4.12") are for the developers who keep the profiles, not for a commune officer.
 */
export function officialNote(text: string): string {
  return text
    .replace(/\s*\((?:seed \d{3}|DOMAIN\.md §[\d.]+)\)/g, '')
    .replace(/\s+trong seed \d{3}/g, '')
    .replace(/,?\s*DOMAIN\.md §[\d.]+/g, '')
    .replace(/\bseed \d{3}\b/g, 'văn bản gốc')
    .trim();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One parameter as an official reads it: label, value, source and how far to trust it. */
export interface ParamRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly citation: string;
  readonly confidence: Param<unknown>['confidence'];
  readonly confidenceLabel: string;
  readonly overrides: number;
  readonly note: string;
}

export interface StepRow {
  readonly id: string;
  readonly offset: string;
  readonly title: string;
  readonly actor: string;
  readonly document: string;
  readonly citation: string;
  readonly confidence: Param<unknown>['confidence'];
  readonly confidenceLabel: string;
  readonly note: string;
}

/** A profile laid out as tables: the same content feeds docs/rules.md and the rules page of the UI. */
export interface ProfileTables {
  readonly id: string;
  readonly title: string;
  readonly status: RuleProfile['status'];
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly sources: RuleProfile['sources'];
  readonly params: readonly ParamRow[];
  readonly timeline: readonly StepRow[];
  readonly removal: ReadonlyArray<{
    readonly kind: string;
    readonly title: string;
    readonly params: readonly ParamRow[];
  }>;
}

function isParamLike(x: unknown): x is Param<unknown> {
  return typeof x === 'object' && x !== null && 'value' in x && 'citation' in x && 'confidence' in x;
}

function paramRow(key: string, p: Param<unknown>): ParamRow {
  return {
    key,
    label: PARAM_LABELS_VI[key] ?? key,
    value: renderValue(key, p.value),
    citation: formatCitation(p.citation),
    confidence: p.confidence,
    confidenceLabel: CONFIDENCE_VI[p.confidence],
    overrides: p.overrides?.length ?? 0,
    note: officialNote(p.note ?? ''),
  };
}

function paramRows(record: object, skip: readonly string[] = []): ParamRow[] {
  return Object.entries(record)
    .filter(([key, value]) => !skip.includes(key) && isParamLike(value))
    .map(([key, value]) => paramRow(key, value as Param<unknown>));
}

function offsetText(v: RuleProfile['timeline'][number]['value']): string {
  if (v.offsetDays === 0) return 'D';
  return `D${v.offsetDays > 0 ? '+' : ''}${v.offsetDays}${v.unit === 'working' ? ' ngày làm việc' : ''}`;
}

export function profileTables(p: RuleProfile): ProfileTables {
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    effectiveFrom: p.effective.value.from,
    effectiveTo: p.effective.value.to,
    sources: p.sources.map((s) => (s.note === undefined ? s : { ...s, note: officialNote(s.note) })),
    params: paramRows(p, ['timeline', 'removal']),
    timeline: p.timeline.map((s) => ({
      id: s.value.id,
      offset: offsetText(s.value),
      title: s.value.title,
      actor: s.value.actor,
      document: s.value.document,
      citation: formatCitation(s.citation),
      confidence: s.confidence,
      confidenceLabel: CONFIDENCE_VI[s.confidence],
      note: officialNote(s.note ?? ''),
    })),
    removal: p.removal.map((r) => ({ kind: r.kind, title: r.title, params: paramRows(r) })),
  };
}

function markdownRow(r: ParamRow): string {
  const overridden = r.overrides ? ` (ghi đè ${r.overrides} lần)` : '';
  return `| ${cell(r.label)} (\`${r.key}\`) | ${cell(r.value)} | ${cell(r.citation)} | ${r.confidenceLabel}${overridden} | ${cell(r.note)} |`;
}

const HEADER = ['| Tham số | Giá trị | Trích dẫn | Độ tin cậy | Ghi chú |', '|---|---|---|---|---|'];

export function renderProfileMarkdown(p: RuleProfile): string {
  const t = profileTables(p);
  const out: string[] = [
    `## ${t.title}`,
    '',
    `- Mã: \`${t.id}\``,
    `- Tình trạng: ${t.status === 'current' ? 'đang áp dụng' : 'quy định cũ (cấp tỉnh)'}`,
    `- Hiệu lực từ: ${t.effectiveFrom}${t.effectiveTo ? ` đến ${t.effectiveTo}` : ''}`,
    '- Nguồn:',
  ];
  for (const s of t.sources) out.push(`  - ${s.tag}: ${s.title}${s.note ? ` (${s.note})` : ''}`);
  out.push('', '### Tham số', '', ...HEADER, ...t.params.map(markdownRow));
  out.push(
    '',
    '### Mốc thời gian (D = ngày bầu cử)',
    '',
    '| Bước | Hạn | Việc | Người thực hiện | Văn bản | Trích dẫn | Độ tin cậy | Ghi chú |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const s of t.timeline) {
    out.push(
      `| \`${s.id}\` | ${s.offset} | ${cell(s.title)} | ${cell(s.actor)} | ${cell(s.document)} | ${cell(s.citation)} | ${s.confidenceLabel} | ${cell(s.note)} |`,
    );
  }
  for (const r of t.removal)
    out.push('', `### ${r.title} (\`${r.kind}\`)`, '', ...HEADER, ...r.params.map(markdownRow));
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
