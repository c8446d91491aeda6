/**
 * The count as the team sees it (batches, differences, running tally, what does not add up) and
 * closing it: the result comes from the rules engine over the recorded papers, never from a stored
 * total, and a count that does not add up cannot be closed.
 */
import { countPapers, paperRulesOf, tally, tallyPaperOf } from '../../domain/count';
import type { CountedPaper, PaperDefect, TallyResult } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { InvalidReason } from '../../domain/rules';
import { formatPercent } from '../../domain/rules';
import { pollingCounts as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { INVALID_REASON_VI, OUTCOME_REASON_VI, positionTitle } from '../../domain/count/labels';
import type { LoadedCount } from './entry';
import { defectsOf, loadCount, loadSheet } from './entry';
import type { CandidateRecord } from './open';
import { minDate, officialCandidates } from './open';
import type { BatchSheet } from './sheet';
import { loadPollingElection } from '../polling';
import { advanceLifecycle } from '../plan';
import { vnToday } from '../common';

export interface Tallied {
  readonly papers: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidReasons: { code: InvalidReason; label: string; count: number }[];
  readonly candidates: { id: string; name: string; votes: number; percentOfRegistered: string }[];
}

export interface CountResult extends TallyResult {
  readonly conclusion: string;
  readonly reasonLabels: string[];
}

export interface CountView {
  readonly id: string;
  readonly electionId: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly position: string;
  readonly positionTitle: string;
  readonly round: number;
  readonly seats: number;
  readonly form: string;
  readonly method: string;
  readonly ballotForm: string;
  readonly doubleEntry: boolean;
  readonly profileId: string;
  readonly candidates: { id: string; name: string; birthDate: string; order: number }[];
  readonly registered: number;
  readonly voted: number;
  readonly issued: number;
  readonly received: number;
  readonly defects: { code: PaperDefect; label: string }[];
  readonly batches: BatchSheet[];
  readonly hands: Record<string, number>;
  readonly running: Tallied;
  readonly problems: string[];
  readonly corrections: number;
  readonly closed: boolean;
  readonly closedAt: string | null;
  readonly result: CountResult | null;
  readonly canWrite: boolean;
}

function runningTally(lc: LoadedCount, papers: readonly CountedPaper[]): Tallied {
  const ids = lc.candidates.map((c) => c.id);
  const profile = lc.pe.profile;
  const counted = countPapers(
    papers.map((p) => tallyPaperOf(p, ids)),
    ids,
    paperRulesOf(profile, lc.count.seats),
  );
  const v = counted.ok
    ? counted.value
    : { valid: 0, invalid: 0, invalidReasons: {}, votes: ids.map(() => 0) };
  return {
    papers: papers.length,
    valid: v.valid,
    invalid: v.invalid,
    invalidReasons: profile.invalidReasons.value.map((code) => ({
      code,
      label: INVALID_REASON_VI[code],
      count: v.invalidReasons[code] ?? 0,
    })),
    candidates: lc.candidates.map((c, i) => ({
      id: c.id,
      name: c.name,
      votes: v.votes[i] ?? 0,
      percentOfRegistered: formatPercent(v.votes[i] ?? 0, lc.count.registered),
    })),
  };
}

function latestHands(rows: readonly repo.HandsRow[]): Record<string, number> {
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

function handsProblems(lc: LoadedCount, hands: Record<string, number>): string[] {
  const missing = lc.candidates.filter((c) => hands[c.id] === undefined);
  return missing.map((c) => `Chưa ghi số người giơ tay cho ${c.name}.`);
}

function conclusionOf(lc: LoadedCount, r: TallyResult): string {
  const title = `${positionTitle(lc.count.position, lc.pe.election.hamletKind)} ${lc.pe.election.hamletName.toLowerCase()}, nhiệm kỳ ${lc.pe.election.termLabel}`;
  const byId = new Map(lc.candidates.map((c) => [c.id, c]));
  if (r.outcome === 'elected') {
    const names = r.elected.map((id) => {
      const c = r.candidates.find((x) => x.id === id);
      return `${byId.get(id)?.name ?? id} (${c?.votes ?? 0} phiếu, đạt ${(c?.percentOfRegistered ?? '0.00').replace('.', ',')}% so với tổng số cử tri trong danh sách)`;
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

function finalTally(
  lc: LoadedCount,
  papers: readonly CountedPaper[],
  hands: Record<string, number>,
): Result<TallyResult> {
  const ids = lc.candidates.map((c) => c.id);
  const base = {
    position: lc.count.position as TallyResult['position'],
    seats: lc.count.seats,
    round: lc.count.round,
    registered: lc.count.registered,
    voted: lc.count.voted,
    issued: lc.count.issued,
    received: lc.count.received,
    candidates: lc.candidates.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })),
    form: lc.count.form as TallyResult['form'],
  };
  if (lc.count.method === 'hands') return tally(lc.pe.profile, { ...base, hands });
  return tally(lc.pe.profile, { ...base, papers: papers.map((p) => tallyPaperOf(p, ids)) });
}

async function viewOf(ctx: ServiceContext, lc: LoadedCount): Promise<CountView> {
  const db = ctx.store.db;
  const batches = await loadSheet(ctx, lc.count);
  const hands = latestHands(await repo.listHands(db, lc.count.id));
  const papers = batches.flatMap((b) => b.papers);
  const closure = await repo.getClosure(db, lc.count.id);
  const problems = closure
    ? []
    : lc.count.method === 'hands'
      ? handsProblems(lc, hands)
      : papersProblems(lc.count, batches);
  const stored = closure ? (JSON.parse(closure.result) as CountResult) : null;
  const { count, pe } = lc;
  return {
    id: count.id,
    electionId: count.election_id,
    hamletId: pe.election.hamletId,
    hamletName: pe.election.hamletName,
    position: count.position,
    positionTitle: positionTitle(count.position, pe.election.hamletKind),
    round: count.round,
    seats: count.seats,
    form: count.form,
    method: count.method,
    ballotForm: count.ballot_form,
    doubleEntry: count.double_entry === 1,
    profileId: pe.profile.id,
    candidates: lc.candidates.map((c) => ({
      id: c.id,
      name: c.name,
      birthDate: c.birthDate,
      order: c.order,
    })),
    registered: count.registered,
    voted: count.voted,
    issued: count.issued,
    received: count.received,
    defects: defectsOf(pe.profile).map((code) => ({ code, label: INVALID_REASON_VI[code] })),
    batches,
    hands,
    running: runningTally(lc, papers),
    problems,
    corrections: batches.reduce((s, b) => s + b.corrections, 0),
    closed: closure !== undefined,
    closedAt: closure?.closed_at ?? null,
    result: stored,
    canWrite: pe.canWrite && closure === undefined,
  };
}

export async function getCount(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
): Promise<Result<CountView>> {
  const lc = await loadCount(ctx, actor, countId, 'read');
  if (!lc.ok) return lc;
  return ok(await viewOf(ctx, lc.value));
}

export interface CountSummary {
  readonly id: string;
  readonly position: string;
  readonly positionTitle: string;
  readonly round: number;
  readonly closed: boolean;
  readonly received: number;
}

export interface ElectionCounts {
  readonly electionId: string;
  readonly hamletName: string;
  readonly state: string;
  readonly round: number;
  readonly canWrite: boolean;
  /** Positions with an official list, and whether each has a count this round. */
  readonly positions: { position: string; title: string; candidates: number; countId: string | null }[];
  readonly counts: CountSummary[];
}

export async function listElectionCounts(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<ElectionCounts>> {
  const pe = await loadPollingElection(ctx, actor, electionId, 'read');
  if (!pe.ok) return pe;
  const db = ctx.store.db;
  const { election, profile } = pe.value;
  const counts = await repo.listCounts(db, electionId);
  const closures = await Promise.all(counts.map((c) => repo.getClosure(db, c.id)));
  const positions = [];
  for (const position of profile.positions.value) {
    const candidates = await officialCandidates(db, electionId, position);
    if (candidates.length === 0) continue;
    const c = counts.find((x) => x.position === position && x.round === election.round);
    positions.push({
      position,
      title: positionTitle(position, election.hamletKind),
      candidates: candidates.length,
      countId: c?.id ?? null,
    });
  }
  return ok({
    electionId,
    hamletName: election.hamletName,
    state: election.state,
    round: election.round,
    canWrite: pe.value.canWrite,
    positions,
    counts: counts.map((c, i) => ({
      id: c.id,
      position: c.position,
      positionTitle: positionTitle(c.position, election.hamletKind),
      round: c.round,
      closed: closures[i] !== undefined,
      received: c.received,
    })),
  });
}

export interface CloseOutcome {
  readonly view: CountView;
  /** Set when every position of the round is closed and the election moved to "counted". */
  readonly electionState: string | null;
  /** Why the election's step could not be recorded (the count itself is closed). */
  readonly stepFailure: string | null;
}

export async function closeCount(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
): Promise<Result<CloseOutcome>> {
  const lc = await loadCount(ctx, actor, countId, 'write');
  if (!lc.ok) return lc;
  const view = await viewOf(ctx, lc.value);
  if (view.problems.length > 0) {
    return err({
      code: 'count-not-reconciled',
      field: 'count',
      message: `Chưa kết thúc được kiểm phiếu vì số liệu chưa khớp: ${view.problems.join(' ')}`,
      details: { problems: view.problems },
    });
  }
  const papers = view.batches.flatMap((b) => b.papers);
  const t = finalTally(lc.value, papers, view.hands);
  if (!t.ok) return t;
  const result: CountResult = {
    ...t.value,
    conclusion: conclusionOf(lc.value, t.value),
    reasonLabels: t.value.reasons.map((r) => OUTCOME_REASON_VI[r]),
  };
  await writeWithAudit(ctx, actor, async (db) => {
    const row = {
      count_id: countId,
      result: JSON.stringify(result),
      corrections: view.corrections,
      closed_by: actor.userId,
      closed_at: ctx.now().toISOString(),
    };
    await repo.insertClosure(db, row);
    return {
      value: undefined,
      audit: {
        action: 'count.close',
        entity: 'count',
        entityId: countId,
        data: { result, corrections: view.corrections },
      },
    };
  });
  const step = await markCountedWhenDone(ctx, actor, lc.value);
  const after = await loadCount(ctx, actor, countId, 'read');
  if (!after.ok) return after;
  return ok({ view: await viewOf(ctx, after.value), ...step });
}

/** Every position with an official list closed this round: the election is "counted". */
async function markCountedWhenDone(
  ctx: ServiceContext,
  actor: Actor,
  lc: LoadedCount,
): Promise<{ electionState: string | null; stepFailure: string | null }> {
  const list = await listElectionCounts(ctx, actor, lc.count.election_id);
  if (!list.ok) return { electionState: null, stepFailure: list.error.message };
  const open = list.value.positions.filter((p) => {
    const c = list.value.counts.find((x) => x.id === p.countId);
    return !c?.closed;
  });
  if (open.length > 0 || list.value.state !== 'polling') return { electionState: null, stepFailure: null };
  const on = minDate(vnToday(ctx), lc.pe.election.electionDate);
  const step = await advanceLifecycle(ctx, actor, lc.count.election_id, {
    to: 'counted',
    on,
  });
  return step.ok
    ? { electionState: step.value.state, stepFailure: null }
    : { electionState: null, stepFailure: step.error.message };
}

export type { CandidateRecord };
