/**
 * Checks a count file (the `tally` CLI contract) against the profile before anything is counted; each
 * failure names the field. The papers themselves are checked inside the tally loop, for speed.
 */
import { z } from 'zod';
import { parseCivilDate } from '../calendar/civil-date';
import type { Result } from '../result';
import { err, ok } from '../result';
import { formatCitation } from '../rules/citation';
import type { RuleProfile } from '../rules/schema';
import { electionFormSchema, positionSchema } from '../rules/schema';
import type { CountInput, Paper } from './types';

const nonNegative = z.number().int().nonnegative();

const inputSchema = z.object({
  position: positionSchema,
  seats: z.number().int().positive(),
  round: z.number().int().positive(),
  registered: z.number().int().positive(),
  voted: nonNegative,
  issued: nonNegative.optional(),
  received: nonNegative.optional(),
  candidates: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().optional(),
        birthDate: z.string().optional(),
      }),
    )
    .min(1),
  papers: z.array(z.unknown()).optional(),
  hands: z.record(z.string(), nonNegative).optional(),
  form: electionFormSchema.optional(),
});

function fail(field: string, message: string) {
  return err({ code: 'invalid-count-input', field, message: `${field}: ${message}` });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.minimum === 0) return 'không được là số âm.';
  if (issue.code === 'too_small') return `phải ít nhất là ${String(issue.minimum)}.`;
  if (issue.code === 'invalid_type') return `sai kiểu dữ liệu (cần ${issue.expected}).`;
  if (issue.code === 'invalid_value')
    return `giá trị không hợp lệ (chỉ nhận ${issue.values.map(String).join(', ')}).`;
  return issue.message;
}

function fieldName(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('') ||
    'input'
  );
}

export function parseCountInput(raw: unknown, profile: RuleProfile): Result<CountInput> {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    return fail(fieldName(issue.path), describeIssue(issue));
  }
  const d = parsed.data;
  if (!profile.positions.value.includes(d.position)) {
    return fail(
      'position',
      `bộ quy tắc ${profile.id} không bầu chức danh "${d.position}" (${formatCitation(profile.positions.citation)}).`,
    );
  }
  if ((d.papers === undefined) === (d.hands === undefined)) {
    return fail('papers', 'cần đúng một trong hai: "papers" (bỏ phiếu kín) hoặc "hands" (giơ tay).');
  }
  const ids = new Set<string>();
  for (const [i, c] of d.candidates.entries()) {
    if (ids.has(c.id)) return fail(`candidates[${i}].id`, `mã "${c.id}" bị trùng.`);
    ids.add(c.id);
    if (c.birthDate !== undefined && !parseCivilDate(c.birthDate).ok) {
      return fail(`candidates[${i}].birthDate`, 'ngày sinh phải có dạng YYYY-MM-DD.');
    }
  }
  if (d.voted > d.registered)
    return fail(
      'voted',
      `số cử tri tham gia (${d.voted}) lớn hơn tổng số trong danh sách (${d.registered}).`,
    );
  const form = d.form ?? (d.hands ? 'meeting' : profile.defaultPaperForm.value);
  if (!profile.electionForms.value.includes(form)) {
    return fail(
      'form',
      `bộ quy tắc ${profile.id} không có hình thức "${form}" (${formatCitation(profile.electionForms.citation)}).`,
    );
  }
  if (d.hands) return checkHands(d, form, profile, ids);
  const issued = d.issued ?? d.voted;
  const received = d.received ?? (d.papers as unknown[]).length;
  if (received > issued)
    return fail('received', `số phiếu thu vào (${received}) lớn hơn số phiếu phát ra (${issued}).`);
  if ((d.papers as unknown[]).length !== received) {
    return fail(
      'papers',
      `có ${(d.papers as unknown[]).length} phiếu nhưng số phiếu thu vào là ${received}.`,
    );
  }
  const input: CountInput = { ...d, form, issued, received, papers: d.papers as Paper[] };
  return ok(input);
}

function checkHands(
  d: z.infer<typeof inputSchema>,
  form: CountInput['form'],
  profile: RuleProfile,
  ids: ReadonlySet<string>,
): Result<CountInput> {
  const method = profile.ballotMethod.value;
  if (form !== 'meeting' || !method.options.includes('hands')) {
    return fail(
      'hands',
      `bộ quy tắc ${profile.id} không cho biểu quyết giơ tay ở hình thức này (${formatCitation(profile.ballotMethod.citation)}).`,
    );
  }
  const hands = d.hands as Record<string, number>;
  let total = 0;
  for (const [id, n] of Object.entries(hands)) {
    if (!ids.has(id)) return fail(`hands.${id}`, `không có người ứng cử mã "${id}".`);
    if (n > d.voted)
      return fail(`hands.${id}`, `số người giơ tay (${n}) lớn hơn số người tham gia (${d.voted}).`);
    total += n;
  }
  if (total > d.voted * d.seats)
    return fail('hands', `tổng số biểu quyết (${total}) vượt quá số người tham gia.`);
  const issued = d.issued ?? d.voted;
  const received = d.received ?? issued;
  if (received > issued)
    return fail('received', `số phiếu thu vào (${received}) lớn hơn số phiếu phát ra (${issued}).`);
  return ok({ ...d, form, issued, received, hands } as CountInput);
}
