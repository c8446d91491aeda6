/**
 * A province or commune may override a value (for example the term, or a [U] value once checked) with
 * a recorded reason. The result is validated by the schema, and the history stays on the value so that
 * documents and the rules page can show who changed what and why.
 */
import type { FailureCode } from '../result';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { Confidence, RuleProfile } from './schema';
import { confidenceSchema, ruleProfileSchema } from './schema';

export interface Override {
  /** Dotted path; array items by index, by step id (timeline) or by kind (removal): "timeline.form-team.offsetDays". */
  readonly path: string;
  readonly value: unknown;
  readonly reason: string;
  readonly by: string;
  /** When the decision was taken (ISO date or timestamp), supplied by the caller. */
  readonly at: string;
  /** Set when the override also records that the value has now been checked. */
  readonly confidence?: Confidence;
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isParam(x: unknown): x is Json & { value: unknown } {
  return isObject(x) && 'value' in x && 'citation' in x && 'confidence' in x;
}

const PROTECTED = new Set(['citation', 'confidence', 'overrides', 'note']);

function childKey(container: unknown, segment: string): string | number | undefined {
  if (Array.isArray(container)) {
    if (/^\d+$/.test(segment)) return Number(segment) < container.length ? Number(segment) : undefined;
    const index = container.findIndex(
      (item) =>
        (isParam(item) && isObject(item.value) && item.value.id === segment) ||
        (isObject(item) && item.kind === segment),
    );
    return index >= 0 ? index : undefined;
  }
  return isObject(container) && segment in container ? segment : undefined;
}

function failure(o: Override, code: FailureCode, message: string) {
  return err({ code, field: o.path, message: `${o.path}: ${message}` });
}

function applyOne(profile: RuleProfile, o: Override): Result<RuleProfile> {
  for (const [k, v] of [
    ['reason', o.reason],
    ['by', o.by],
    ['at', o.at],
  ] as const) {
    if (typeof v !== 'string' || v.trim() === '')
      return failure(o, 'override-incomplete', `thiếu ${k} (lý do, người quyết định, thời điểm).`);
  }
  if (o.confidence !== undefined && !confidenceSchema.safeParse(o.confidence).success) {
    return failure(o, 'invalid-override', 'mức độ tin cậy không hợp lệ.');
  }
  const draft = structuredClone(profile) as unknown as Json;
  const segments = o.path.split('.').filter((s) => s !== '');
  let container: unknown = draft;
  let param: (Json & { value: unknown }) | undefined;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (param && container === param && segment !== 'value') {
      if (PROTECTED.has(segment))
        return failure(o, 'protected-path', 'không được ghi đè trích dẫn hay lịch sử.');
      container = param.value;
    }
    const key = childKey(container, segment);
    if (key === undefined) return failure(o, 'unknown-path', 'không có tham số này trong bộ quy tắc.');
    const holder = container as Json & unknown[];
    if (i === segments.length - 1) {
      const target = (holder as unknown as Record<string | number, unknown>)[key];
      const owner = isParam(target) ? target : param;
      if (!owner) return failure(o, 'unknown-path', 'chỉ ghi đè được giá trị của tham số.');
      const previousValue = isParam(target) ? target.value : target;
      if (isParam(target)) target.value = o.value;
      else (holder as unknown as Record<string | number, unknown>)[key] = o.value;
      const history: unknown[] = Array.isArray(owner.overrides) ? (owner.overrides as unknown[]) : [];
      owner.overrides = [...history, { path: o.path, reason: o.reason, by: o.by, at: o.at, previousValue }];
      if (o.confidence) owner.confidence = o.confidence;
      break;
    }
    const next = (holder as unknown as Record<string | number, unknown>)[key];
    if (isParam(next)) param = next;
    container = next;
  }
  const parsed = ruleProfileSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure(
      o,
      'invalid-override',
      `giá trị không hợp lệ (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema'}).`,
    );
  }
  return ok(parsed.data);
}

export function applyOverrides(profile: RuleProfile, overrides: readonly Override[]): Result<RuleProfile> {
  let current = profile;
  for (const o of overrides) {
    const r = applyOne(current, o);
    if (!r.ok) return r;
    current = r.value;
  }
  return ok(current);
}
