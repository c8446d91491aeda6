/**
 * A stored count result against the result recomputed from the papers, field by field. The stored
 * copy is what closing the count wrote; the recomputation is the rules engine over the records as
 * they are now. Any difference means the record was changed after closing (nothing in the
 * application changes a closed count), so every differing figure is listed for the official to see
 * side by side, in Vietnamese.
 */
import { INVALID_REASON_VI, OUTCOME_REASON_VI } from './labels';
import type { OutcomeKind, TallyResult } from './types';
import type { InvalidReason } from '../rules/schema';

export interface ResultDifference {
  /** A stable path of the differing field: `valid`, `candidates.<id>.votes`, `invalidReasons.<code>`, ... */
  readonly field: string;
  readonly label: string;
  /** `number` values are digits, for the reader's own formatting; `text` is shown as it is. */
  readonly kind: 'number' | 'text';
  /** Null when the stored copy lacks the field (or cannot be read). */
  readonly stored: string | null;
  /** Null when the papers no longer give a result. */
  readonly recomputed: string | null;
}

export const OUTCOME_VI: Readonly<Record<OutcomeKind, string>> = {
  elected: 'Có người trúng cử',
  rerun: 'Không có người trúng cử: bầu cử lại',
  interim: 'Không có người trúng cử: cử người tạm thời đảm nhiệm',
};

type Figure = 'registered' | 'voted' | 'issued' | 'received' | 'valid' | 'invalid' | 'seats' | 'round';
type Text = 'position' | 'form' | 'method';

const FIGURES: readonly (readonly [Figure, string])[] = [
  ['registered', 'Tổng số cử tri trong danh sách'],
  ['voted', 'Số cử tri tham gia bỏ phiếu'],
  ['issued', 'Số phiếu phát ra'],
  ['received', 'Số phiếu thu vào'],
  ['valid', 'Số phiếu hợp lệ'],
  ['invalid', 'Số phiếu không hợp lệ'],
  ['seats', 'Số người được bầu'],
  ['round', 'Lần bầu'],
];

const TEXTS: readonly (readonly [Text, string])[] = [
  ['position', 'Chức danh'],
  ['form', 'Hình thức bầu'],
  ['method', 'Cách biểu quyết'],
];

/** A stored result as read back: any field may be missing or of the wrong type after an edit. */
export type StoredResult = Readonly<Record<string, unknown>>;

const asNumber = (v: unknown): string | null =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);

interface StoredCandidate {
  readonly votes: string | null;
  readonly percent: string | null;
}

function storedCandidates(stored: StoredResult): Map<string, StoredCandidate> {
  const out = new Map<string, StoredCandidate>();
  const list = Array.isArray(stored['candidates']) ? (stored['candidates'] as unknown[]) : [];
  for (const c of list) {
    if (typeof c !== 'object' || c === null) continue;
    const r = c as Record<string, unknown>;
    if (typeof r['id'] !== 'string') continue;
    out.set(r['id'], { votes: asNumber(r['votes']), percent: asText(r['percentOfRegistered']) });
  }
  return out;
}

const stringList = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;

const sameSet = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  a !== null && b !== null && a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

const sameList = (a: unknown, b: readonly string[]): boolean =>
  Array.isArray(a) && a.length === b.length && b.every((x, i) => a[i] === x);

/**
 * The stored copy as closing wrote it, read without building anything: the case of every closed
 * count that nobody touched, which the national figures check by the tens of thousands.
 */
function unchanged(stored: StoredResult, r: TallyResult): boolean {
  for (const [f] of FIGURES) if (stored[f] !== r[f]) return false;
  for (const [f] of TEXTS) if (stored[f] !== r[f]) return false;
  if (stored['outcome'] !== r.outcome) return false;
  if (!sameList(stored['elected'], r.elected) || !sameList(stored['reasons'], r.reasons)) return false;
  const reasons = stored['invalidReasons'];
  if (typeof reasons !== 'object' || reasons === null) return false;
  const storedCodes = Object.keys(reasons);
  const codes = Object.keys(r.invalidReasons) as InvalidReason[];
  if (storedCodes.length !== codes.length) return false;
  for (const c of codes) if ((reasons as Record<string, unknown>)[c] !== r.invalidReasons[c]) return false;
  const cands = stored['candidates'];
  if (!Array.isArray(cands) || cands.length !== r.candidates.length) return false;
  return r.candidates.every((c, i) => {
    const s = cands[i] as Record<string, unknown> | null;
    return s?.['id'] === c.id && s['votes'] === c.votes && s['percentOfRegistered'] === c.percentOfRegistered;
  });
}

/**
 * Every field of the stored result that differs from the recomputed one; empty when they agree.
 * `recomputed` is null when the papers no longer add up to a result: every stored figure differs.
 * `names` turns candidate ids into the names shown.
 */
export function compareResults(
  stored: StoredResult,
  recomputed: TallyResult | null,
  names: ReadonlyMap<string, string>,
): ResultDifference[] {
  if (recomputed && unchanged(stored, recomputed)) return [];
  const out: ResultDifference[] = [];
  const add = (field: string, label: string, kind: 'number' | 'text', s: string | null, r: string | null) => {
    if (s !== r) out.push({ field, label, kind, stored: s, recomputed: r });
  };
  const nameOf = (id: string) => names.get(id) ?? id;
  for (const [f, label] of FIGURES)
    add(f, label, 'number', asNumber(stored[f]), recomputed ? String(recomputed[f]) : null);
  for (const [f, label] of TEXTS)
    add(f, label, 'text', asText(stored[f]), recomputed ? String(recomputed[f]) : null);

  const reasons = new Set<InvalidReason>([
    ...(Object.keys(recomputed?.invalidReasons ?? {}) as InvalidReason[]),
    ...(typeof stored['invalidReasons'] === 'object' && stored['invalidReasons'] !== null
      ? (Object.keys(stored['invalidReasons']) as InvalidReason[])
      : []),
  ]);
  const storedReasons = (stored['invalidReasons'] ?? {}) as Record<string, unknown>;
  for (const code of reasons) {
    const label = `Phiếu không hợp lệ: ${(INVALID_REASON_VI[code] ?? code).toLowerCase()}`;
    const r = recomputed ? String(recomputed.invalidReasons[code] ?? 0) : null;
    const s = Object.hasOwn(storedReasons, code) ? asNumber(storedReasons[code]) : '0';
    add(`invalidReasons.${code}`, label, 'number', s, r);
  }

  const sc = storedCandidates(stored);
  const ids = [...new Set([...(recomputed?.candidates.map((c) => c.id) ?? []), ...sc.keys()])];
  for (const id of ids) {
    const r = recomputed?.candidates.find((c) => c.id === id);
    const s = sc.get(id);
    add(
      `candidates.${id}.votes`,
      `Số phiếu của ${nameOf(id)}`,
      'number',
      s?.votes ?? null,
      r ? String(r.votes) : null,
    );
    add(
      `candidates.${id}.percentOfRegistered`,
      `Tỷ lệ của ${nameOf(id)} so với tổng số cử tri (%)`,
      'text',
      s?.percent ?? null,
      r?.percentOfRegistered ?? null,
    );
  }

  const so = asText(stored['outcome']);
  add(
    'outcome',
    'Kết quả',
    'text',
    so && so in OUTCOME_VI ? OUTCOME_VI[so as OutcomeKind] : so,
    recomputed ? OUTCOME_VI[recomputed.outcome] : null,
  );
  const se = stringList(stored['elected']);
  const re = recomputed ? [...recomputed.elected] : null;
  if (!sameSet(se, re))
    out.push({
      field: 'elected',
      label: 'Người trúng cử',
      kind: 'text',
      stored: se ? se.map(nameOf).join(', ') || 'Không có' : null,
      recomputed: re ? re.map(nameOf).join(', ') || 'Không có' : null,
    });
  const sr = stringList(stored['reasons']);
  const rr = recomputed ? [...recomputed.reasons] : null;
  if (!sameSet(sr, rr)) {
    const text = (l: readonly string[] | null) =>
      l
        ? l.map((x) => OUTCOME_REASON_VI[x as keyof typeof OUTCOME_REASON_VI] ?? x).join('; ') || 'Không có'
        : null;
    out.push({ field: 'reasons', label: 'Lý do', kind: 'text', stored: text(sr), recomputed: text(rr) });
  }
  return out;
}

/** A stored result's JSON, or null when it is not an object any more (edited into something else). */
export function parseStoredResult(json: string): StoredResult | null {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as StoredResult) : null;
  } catch {
    return null;
  }
}
