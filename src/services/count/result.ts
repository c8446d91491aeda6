/**
 * The count as the team sees it (batches, differences, running tally, what does not add up) and
 * closing it: the result comes from the rules engine over the recorded papers, never from a stored
 * total, and a count that does not add up cannot be closed. Once closed, the page shows the result
 * recomputed from the papers (recompute.ts) and the stored copy only where it differs.
 */
import { countPapers, paperRulesOf, tallyPaperOf } from '../../domain/count';
import type { CountedPaper, PaperDefect } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { InvalidReason } from '../../domain/rules';
import { describeThreshold, formatCitation, formatPercent } from '../../domain/rules';
import { closureSummaryOf, pollingCounts as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { INVALID_REASON_VI, positionTitle } from '../../domain/count/labels';
import type { LoadedCount } from './entry';
import { defectsOf, loadCount } from './entry';
import type { CandidateRecord } from './open';
import { minDate, officialCandidates } from './open';
import type { BatchSheet } from './sheet';
import type { CountResult, ResultMismatch } from './recompute';
import { checkLoadedCount, resultProblems, sourcesOf, tallyOf, withConclusion } from './recompute';
import { loadPollingElection, missingWitnessesFailure } from '../polling';
import { advanceLifecycle } from '../plan';
import { failures, ruleFailure, vnToday } from '../common';
import { meetingCandidateList, meetingCountingTeam } from './counting-team';

export interface Tallied {
  readonly papers: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidReasons: { code: InvalidReason; label: string; count: number }[];
  readonly candidates: { id: string; name: string; votes: number; percentOfRegistered: string }[];
}

export type { CountResult, ResultMismatch };

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
  /** Recomputed from the papers once closed; null while open or when the papers no longer give one. */
  readonly result: CountResult | null;
  /** How the result stored at closing differs from the papers; null when it does not. */
  readonly mismatch: ResultMismatch | null;
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

async function viewOf(ctx: ServiceContext, lc: LoadedCount): Promise<CountView> {
  const src = await sourcesOf(ctx.store.db, lc.count, lc.candidates, lc.pe.profile);
  const { batches, hands } = src;
  const papers = batches.flatMap((b) => b.papers);
  const check = await checkLoadedCount(ctx, lc, src);
  const closure = check ? await repo.getClosure(ctx.store.db, lc.count.id) : undefined;
  const problems = check ? [] : resultProblems(src);
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
    batches: [...batches],
    hands: { ...hands },
    running: runningTally(lc, papers),
    problems,
    corrections: batches.reduce((s, b) => s + b.corrections, 0),
    closed: closure !== undefined,
    closedAt: closure?.closed_at ?? null,
    result: check?.result ?? null,
    mismatch: check?.mismatch ?? null,
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
  const record = await recordFailure(ctx, lc.value, view.registered);
  if (record) return err(record);
  const t = tallyOf({
    count: lc.value.count,
    candidates: lc.value.candidates,
    profile: lc.value.pe.profile,
    batches: view.batches,
    hands: view.hands,
  });
  if (!t.ok) return t;
  const result = withConclusion(
    lc.value.count,
    lc.value.pe.election,
    lc.value.candidates,
    t.value,
    lc.value.pe.profile,
  );
  await writeWithAudit(ctx, actor, async (db) => {
    const row = {
      count_id: countId,
      result: JSON.stringify(result),
      ...closureSummaryOf(result),
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

/**
 * What the count record needs before the count closes: the place it was held, and for a paper
 * count the voters who witnessed it (a show of hands is counted before the whole meeting).
 */
async function recordFailure(ctx: ServiceContext, lc: LoadedCount, registered: number) {
  if (!lc.pe.election.venue?.trim())
    return failures.invalid(
      'venue',
      'Chưa kết thúc được kiểm phiếu: kế hoạch chưa ghi địa điểm bầu cử, biên bản kiểm phiếu không được để trống địa điểm. Hãy ghi địa điểm trong kế hoạch.',
    );
  const atMeeting = (lc.pe.election.form ?? lc.pe.profile.defaultPaperForm.value) === 'meeting';
  const agenda = atMeeting ? await missingMeetingVote(ctx, lc, registered) : null;
  if (agenda) return agenda;
  if (lc.count.method === 'hands') return null;
  return missingWitnessesFailure(ctx.store.db, { pe: lc.pe, round: lc.count.round }, lc.count.position);
}

/**
 * The agenda votes a count held at the meeting needs before it closes: the list of candidates where
 * the profile has that vote (Tây Ninh Điều 7 k2đ), and for a paper count the counting team where the
 * meeting elects one (ND59 Điều 3 k5 i); each refusal names its rule.
 */
async function missingMeetingVote(ctx: ServiceContext, lc: LoadedCount, registered: number) {
  const { election: e, profile } = lc.pe;
  const list = profile.candidateListVote;
  const team = profile.countingTeam;
  const needs = [
    list.value && {
      found: () => meetingCandidateList(ctx, e.id, lc.count.round, registered),
      code: 'candidate-list-vote-missing' as const,
      rule: 'candidateListVote',
      citation: list.citation,
      text: `hội nghị chưa biểu quyết thông qua số lượng và danh sách người ứng cử (${describeThreshold(list.value)}; ${formatCitation(list.citation)}). Hãy ghi biểu quyết đó ở trang Cuộc họp.`,
    },
    lc.count.method !== 'hands' &&
      team.value.counter === 'countingTeam' && {
        found: () => meetingCountingTeam(ctx, e.id, lc.count.round, registered),
        code: 'counting-team-missing' as const,
        rule: 'countingTeam',
        citation: team.citation,
        text: `cuộc họp chưa biểu quyết thông qua Tổ kiểm phiếu (từ ${team.value.minSize ?? 1} đến ${team.value.maxSize ?? '…'} người) để kiểm phiếu kín (${formatCitation(team.citation)}).`,
      },
  ];
  for (const n of needs)
    if (n && !(await n.found()))
      return ruleFailure(n.code, n.rule, n.citation, `Chưa kết thúc được kiểm phiếu: ${n.text}`, n.rule);
  return null;
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
