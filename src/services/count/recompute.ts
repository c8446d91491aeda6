/**
 * The one recomputation of a count's result: from the records (entries minus voids, with
 * resolutions and corrections, closed batches; for a show of hands the last reading per candidate)
 * through the rules engine, compared field by field with the copy stored when the count closed.
 *
 * Everything that shows or acts on a result (the count page, the count record and the result report,
 * recognition and its inbox, the meeting's minutes, the oversight figures) takes it from here, so a
 * stored result changed in the database file is never shown as the truth: the recomputed result is,
 * and the difference is an alarm that blocks recognition. Nothing is cached here; the dashboards'
 * memo (services/oversight/cache.ts) is dropped whenever a change was made outside the application.
 */
import { hamletInText } from '../../domain/territory';
import { electionPlace, titleBeforePlace } from '../../domain/election';
import { compareResults, parseStoredResult, tally, tallyPaperOf } from '../../domain/count';
import type { CountedPaper, ResultDifference, TallyResult } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { OUTCOME_REASON_VI, positionTitle, ratioBaseText } from '../../domain/count/labels';
import { pollingCounts as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor, ServiceContext } from '../common';
import { failures } from '../common';
import type { CandidateRecord } from './open';
import { loadCount, sheetOf, sheetsOf } from './entry';
import type { LoadedCount } from './entry';
import type { BatchSheet } from './sheet';

export interface CountResult extends TallyResult {
  readonly conclusion: string;
  readonly reasonLabels: string[];
}

/** What the conclusion names: the position's title in its hamlet and term. */
export interface ConclusionPlace {
  readonly hamletKind: string;
  readonly hamletName: string;
  readonly termLabel: string;
  /** A residents' self-managed group's election names the group with its hamlet. */
  readonly groupName?: string | null;
}

/** The records a count's result is computed from. */
export interface CountSources {
  readonly count: repo.CountRow;
  readonly candidates: readonly CandidateRecord[];
  readonly profile: RuleProfile;
  readonly batches: readonly BatchSheet[];
  /** Show of hands: the last reading per candidate id. */
  readonly hands: Readonly<Record<string, number>>;
}

/** The stored result against the papers; null when they agree. */
export interface ResultMismatch {
  readonly differences: ResultDifference[];
  /** Why the records no longer give a result (empty when they do). */
  readonly problems: string[];
  /** The stored conclusion, as printed from the stored copy. */
  readonly storedConclusion: string | null;
}

export interface ResultCheck {
  /** Recomputed from the records; null when they no longer give a result. */
  readonly result: CountResult | null;
  /** Papers corrected after their batch closed, counted from the correction records. */
  readonly corrections: number;
  readonly mismatch: ResultMismatch | null;
}

export function latestHands(rows: readonly repo.HandsRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.candidate_id] = r.votes;
  return out;
}

function papersProblems(count: repo.CountRow, batches: readonly BatchSheet[]): string[] {
  const problems: string[] = [];
  if (batches.length === 0) problems.push('Chưa nhập tập phiếu nào.');
  for (const b of batches)
    if (!b.closed) problems.push(`Tập ${b.number} chưa khóa: ${b.problems.join(' ') || 'hãy khóa tập.'}`);
  const entered = batches.filter((b) => b.closed).reduce((s, b) => s + b.papers.length, 0);
  if (entered !== count.received) {
    const gap = count.received - entered;
    problems.push(
      `Các tập đã khóa có ${entered} phiếu, số phiếu thu vào là ${count.received}: ${gap > 0 ? `còn thiếu ${gap}` : `thừa ${-gap}`} phiếu.`,
    );
  }
  return problems;
}

function handsProblems(
  candidates: readonly CandidateRecord[],
  hands: Readonly<Record<string, number>>,
): string[] {
  const missing = candidates.filter((c) => hands[c.id] === undefined);
  return missing.map((c) => `Chưa ghi số người giơ tay cho ${c.name}.`);
}

/** What keeps the records from giving a result: the same checks that refuse closing the count. */
export function resultProblems(src: CountSources): string[] {
  return src.count.method === 'hands'
    ? handsProblems(src.candidates, src.hands)
    : papersProblems(src.count, src.batches);
}

/** The rules engine over the records; call once `resultProblems` is empty. */
export function tallyOf(src: CountSources): Result<TallyResult> {
  const { count, candidates, profile } = src;
  const ids = candidates.map((c) => c.id);
  const base = {
    position: count.position as TallyResult['position'],
    seats: count.seats,
    round: count.round,
    registered: count.registered,
    voted: count.voted,
    issued: count.issued,
    received: count.received,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })),
    form: count.form as TallyResult['form'],
  };
  if (count.method === 'hands') return tally(profile, { ...base, hands: src.hands });
  const papers: CountedPaper[] = src.batches.flatMap((b) => b.papers);
  return tally(profile, { ...base, papers: papers.map((p) => tallyPaperOf(p, ids)) });
}

/**
 * The conclusion's words, made from the result and the profile whenever it is shown: closing stores
 * a copy, which recomputation never compares (compare.ts reads figures only), so a count closed under
 * an earlier wording still verifies and prints today's.
 */
export function conclusionOf(
  count: repo.CountRow,
  place: ConclusionPlace,
  candidates: readonly CandidateRecord[],
  r: TallyResult,
  profile: RuleProfile,
): string {
  const base = ratioBaseText(profile, count.form);
  const title = `${titleBeforePlace(count.position, positionTitle(count.position, place.hamletKind), place.groupName)} ${hamletInText(electionPlace(place.hamletName, place.groupName))}, nhiệm kỳ ${place.termLabel}`;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  if (r.outcome === 'elected') {
    const names = r.elected.map((id) => {
      const c = r.candidates.find((x) => x.id === id);
      return `${byId.get(id)?.name ?? id} (${c?.votes ?? 0} phiếu, đạt ${(c?.percentOfRegistered ?? '0.00').replace('.', ',')}% so với ${base})`;
    });
    const tie = r.reasons.includes('tie-broken-by-age')
      ? ` Có người ứng cử bằng phiếu nhau: ${OUTCOME_REASON_VI['tie-broken-by-age']}.`
      : '';
    return `${names.join(', ')} trúng cử ${title}.${tie}`;
  }
  const why = r.reasons.map((x) => OUTCOME_REASON_VI[x]).join('; ');
  if (r.outcome === 'interim')
    return `Không có người trúng cử ${title} (${why}). Đây là lần bầu thứ ${r.round}: Chủ tịch Ủy ban nhân dân cấp xã cử người tạm thời đảm nhiệm theo quy định.`;
  return `Không có người trúng cử ${title} (${why}). Đề nghị Ủy ban nhân dân cấp xã quyết định tổ chức bầu cử lại theo quy định.`;
}

export function withConclusion(
  count: repo.CountRow,
  place: ConclusionPlace,
  candidates: readonly CandidateRecord[],
  r: TallyResult,
  profile: RuleProfile,
): CountResult {
  return {
    ...r,
    conclusion: conclusionOf(count, place, candidates, r, profile),
    reasonLabels: r.reasons.map((x) => OUTCOME_REASON_VI[x]),
  };
}

/** What closing the count stored: the result's JSON and the number of corrections. */
export interface StoredClosure {
  readonly result: string;
  readonly corrections: number;
}

/** The recomputed result and how the stored copy differs from it, without the conclusion's words. */
export function checkStored(
  src: CountSources,
  closure: StoredClosure,
): { tally: TallyResult | null; corrections: number; mismatch: ResultMismatch | null } {
  const problems = resultProblems(src);
  const t = problems.length === 0 ? tallyOf(src) : null;
  if (t && !t.ok) problems.push(t.error.message);
  const recomputed = t?.ok ? t.value : null;
  const stored = parseStoredResult(closure.result);
  const names = new Map(src.candidates.map((c) => [c.id, c.name]));
  const differences = compareResults(stored ?? {}, recomputed, names);
  if (stored === null)
    differences.unshift({
      field: 'result',
      label: 'Kết quả đã lưu',
      kind: 'text',
      stored: 'Không đọc được',
      recomputed: recomputed ? 'Tính lại được từ phiếu' : null,
    });
  const corrections = src.batches.reduce((n, b) => n + b.corrections, 0);
  if (closure.corrections !== corrections)
    differences.push({
      field: 'corrections',
      label: 'Số phiếu được đính chính sau khi khóa tập',
      kind: 'number',
      stored: String(closure.corrections),
      recomputed: String(corrections),
    });
  const c = stored?.['conclusion'];
  const storedConclusion = typeof c === 'string' ? c : null;
  const mismatch =
    differences.length > 0 || problems.length > 0 ? { differences, problems, storedConclusion } : null;
  return { tally: recomputed, corrections, mismatch };
}

/** The records of one count as the rules engine reads them. */
export async function sourcesOf(
  db: Db,
  count: repo.CountRow,
  candidates: readonly CandidateRecord[],
  profile: RuleProfile,
): Promise<CountSources> {
  const [batches, hands] = await Promise.all([
    count.method === 'hands' ? Promise.resolve([]) : sheetOf(db, count),
    repo.listHands(db, count.id),
  ]);
  return { count, candidates, profile, batches, hands: latestHands(hands) };
}

/**
 * A count's result recomputed and checked against its closure (null while the count is open), with
 * its conclusion worded for `place`.
 */
export async function checkCount(
  db: Db,
  count: repo.CountRow,
  profile: RuleProfile,
  place: ConclusionPlace,
  src?: CountSources,
): Promise<ResultCheck | null> {
  const closure = await repo.getClosure(db, count.id);
  if (!closure) return null;
  const candidates = JSON.parse(count.candidates) as CandidateRecord[];
  const sources = src ?? (await sourcesOf(db, count, candidates, profile));
  const { tally: t, corrections, mismatch } = checkStored(sources, closure);
  return {
    result: t ? withConclusion(count, place, sources.candidates, t, profile) : null,
    corrections,
    mismatch,
  };
}

/** A loaded count's result recomputed and checked against its closure (null while the count is open). */
export async function checkLoadedCount(
  ctx: ServiceContext,
  lc: LoadedCount,
  src?: CountSources,
): Promise<ResultCheck | null> {
  return checkCount(ctx.store.db, lc.count, lc.pe.profile, lc.pe.election, src);
}

/** The failure of an action that needs the result when the stored copy differs from the papers. */
export function mismatchFailure(m: ResultMismatch, action: string) {
  const figures = m.differences
    .slice(0, 4)
    .map(
      (d) => `${d.label}: đã lưu ${d.stored ?? 'không có'}, tính lại từ phiếu ${d.recomputed ?? 'không có'}`,
    );
  const why =
    m.problems.length > 0 ? ` Các phiếu đã ghi không còn cho ra kết quả: ${m.problems.join(' ')}` : '';
  return {
    code: 'count-result-mismatch' as const,
    field: 'result',
    message: `Kết quả kiểm phiếu đã lưu khác với kết quả tính lại từ các phiếu đã ghi (${figures.join('; ')}).${why} Không thể ${action}. Hãy báo ngay cho Ủy ban nhân dân cấp xã, đối chiếu với biên bản kiểm phiếu bản giấy và kiểm tra nhật ký (baucoso audit verify).`,
    details: { differences: m.differences, problems: m.problems },
  };
}

/** The closed count's recomputed result for a document, or the failure when there is none. */
export async function recomputedOrFailure(
  ctx: ServiceContext,
  lc: LoadedCount,
  action: string,
): Promise<Result<{ result: CountResult; check: ResultCheck }>> {
  const check = await checkLoadedCount(ctx, lc);
  if (!check) return err(failures.conflict('count', 'Chưa kết thúc kiểm phiếu: chưa lập được biên bản.'));
  if (!check.result) return err(mismatchFailure(check.mismatch!, action));
  return ok({ result: check.result, check });
}

/** A closed count's recomputed result, read with the actor's rights; the failure when there is none. */
export async function recomputedResultOf(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  action: string,
): Promise<Result<CountResult>> {
  const lc = await loadCount(ctx, actor, countId, 'read');
  if (!lc.ok) return lc;
  const r = await recomputedOrFailure(ctx, lc.value, action);
  return r.ok ? ok(r.value.result) : r;
}

/** One closed head count as the oversight figures need it. */
export interface CheckedHeadCount {
  readonly electionId: string;
  readonly round: number;
  readonly registered: number;
  readonly voted: number;
  /** Recomputed from the records; null when they no longer give a result. */
  readonly result: TallyResult | null;
  readonly candidates: readonly CandidateRecord[];
  /** The stored copy differs from the records. */
  readonly suspect: boolean;
}

/**
 * Closed counts, each recomputed from its records and checked against its stored result, read in a
 * few queries for all of them (hands, and the papers' sheets), so a province's dashboard does not
 * read count by count.
 */
export async function checkClosedCounts(
  db: Db,
  rows: readonly { count: repo.CountRow; closure: StoredClosure }[],
  profileOfElection: (electionId: string) => RuleProfile | null,
): Promise<CheckedHeadCount[]> {
  const hands = new Map<string, repo.HandsRow[]>();
  const handCounts = rows.filter((r) => r.count.method === 'hands').map((r) => r.count.id);
  for (const h of await repo.handsOfCounts(db, handCounts)) {
    const list = hands.get(h.count_id);
    if (list) list.push(h);
    else hands.set(h.count_id, [h]);
  }
  const sheets = await sheetsOf(
    db,
    rows.filter((r) => r.count.method !== 'hands').map((r) => r.count),
  );
  return rows.map((r): CheckedHeadCount => {
    const candidates = JSON.parse(r.count.candidates) as CandidateRecord[];
    const profile = profileOfElection(r.count.election_id);
    const base = {
      electionId: r.count.election_id,
      round: r.count.round,
      registered: r.count.registered,
      voted: r.count.voted,
      candidates,
    };
    if (!profile) return { ...base, result: null, suspect: true };
    const src = {
      count: r.count,
      candidates,
      profile,
      batches: sheets.get(r.count.id) ?? [],
      hands: latestHands(hands.get(r.count.id) ?? []),
    };
    const { tally: t, mismatch } = checkStored(src, r.closure);
    return { ...base, result: t, suspect: mismatch !== null };
  });
}

/** The closed head counts of the elections, each recomputed from its records and checked. */
export async function checkedHeadCounts(
  db: Db,
  electionIds: readonly string[],
  profileOfElection: (electionId: string) => RuleProfile | null,
): Promise<CheckedHeadCount[]> {
  const rows = (await repo.headCountsOfElections(db, electionIds)).filter(
    (r): r is { count: repo.CountRow; closure: StoredClosure } => r.closure !== null,
  );
  return checkClosedCounts(db, rows, profileOfElection);
}
