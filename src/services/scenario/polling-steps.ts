/**
 * Scenario steps of polling day and the count (docs/scenarios.md): posting the roll, attendance by
 * roll numbers or card codes, interruptions, closing the poll, ballots and sealing, the community
 * meeting's agenda votes and show of hands, paper counts with double entry (planted differences and
 * their resolutions), and the count record with the result report. Additive to the preparation
 * format: the runner adds `pollingStepSchemas` to its step union and hands these steps to
 * `performPollingStep`, which calls the same services as the pages, with the clock at the step's
 * time in Vietnam.
 */
import { vietnamInstant } from '../../domain/calendar';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { positionSchema } from '../../domain/rules';
import { paperOfKey } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { createContext } from '../common';
import { closeBatch, enterPaper, openBatch, resolveDifference } from '../count';
import { issueCountRecord, issueResultReport } from '../count';
import { officialCandidates, openCount } from '../count';
import { closeCount, getCount, listElectionCounts } from '../count';
import type { CountView } from '../count';
import { failures } from '../common';
import { checkIn, getTurnout, voterCardCode } from '../polling';
import { getBallots, recordBallots, sealUnusedBallots } from '../polling';
import { postedRoll, recordCountWitnesses } from '../polling';
import { recordMeetingVote } from '../meeting';
import { recordMeetingHands } from '../meeting';
import { nominateAtMeeting, switchToHouseholdBallots } from '../meeting';
import { issueMeetingMinutes } from '../meeting';
import { closePolling, recordInterruption, resumePolling } from '../polling';
import { buildRoll } from '../roll';
import { documents as docsRepo } from '../../store';
import { postRoll } from '../roll';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const expectation = z.object({ refused: z.string().min(1).optional() }).optional();
const position = positionSchema.optional();
/** The residents' self-managed group (by name) whose election the step acts on; none: the hamlet's. */
const group = z.string().min(1).optional();
/** Roll numbers as ranges: "1-120, 125, 130-140". */
const numbers = z.string().regex(/^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/);
/** Paper keys as on the entry page, with repeats: "1*120 2*80 0 3 .2" (see docs/scenarios.md). */
const papers = z.string().min(1);
const keyed = z.record(z.string().regex(/^\d+$/), z.string().min(1));

export const pollingStepSchemas = [
  z.object({ do: z.literal('roll'), on: date, position, group, expect: expectation }),
  z.object({
    do: z.literal('attendance'),
    on: date,
    time,
    numbers: numbers.optional(),
    /** Roll numbers whose printed card code the team types. */
    cards: numbers.optional(),
    names: z.array(z.string().min(1)).optional(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    do: z.literal('interruption'),
    on: date,
    time,
    reason: z.string(),
    boxSealed: z.boolean(),
    position,
    group,
    expect: expectation,
  }),
  z.object({ do: z.literal('resume'), on: date, time, position, group, expect: expectation }),
  z.object({ do: z.literal('closePoll'), on: date, time, position, group, expect: expectation }),
  z.object({
    do: z.literal('ballots'),
    on: date,
    time,
    received: z.number().int().nonnegative(),
    spoiled: z.number().int().nonnegative().optional(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    do: z.literal('seal'),
    on: date,
    time,
    /** Typed names: printed on the sealing record only. */
    witnesses: z.array(z.string()).optional(),
    /** Roll numbers of the voters who witness the sealing and the count: recorded for the count. */
    witnessRolls: numbers.optional(),
    /** The unused ballots counted by hand; default: what the records leave. */
    unused: z.number().int().nonnegative().optional(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    /** The voters who witness the count, by roll number (when the unused ballots were not sealed here). */
    do: z.literal('witnesses'),
    on: date,
    time,
    rolls: numbers,
    position,
    group,
    expect: expectation,
  }),
  z.object({
    do: z.literal('agenda'),
    on: date,
    time,
    step: z.enum(['opening', 'secretary', 'candidateList', 'votingForm', 'countingTeam']),
    present: z.number().int().nonnegative().optional(),
    name: z.string().optional(),
    method: z.string().optional(),
    members: z.array(z.string()).optional(),
    for: z.number().int().nonnegative().optional(),
    against: z.number().int().nonnegative().optional(),
    abstained: z.number().int().nonnegative().optional(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    // The meeting had no quorum: the same election turns to household opinion ballots (Mẫu 04).
    do: z.literal('householdBallots'),
    on: date,
    time,
    /** When the households return the ballots, as printed on each. */
    returnBy: z.string().optional(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    // A nomination from the floor of the meeting (ND59 Điều 3 k5; Tây Ninh Điều 7 k2 d–đ).
    do: z.literal('floorNomination'),
    on: date,
    time,
    person: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Who nominates; absent when the person stands themselves. */
    nominatedBy: z.string().optional(),
    consent: z.boolean(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    do: z.literal('hands'),
    on: date,
    time,
    /** Hands raised per candidate, in ballot order. */
    votes: z.array(z.number().int().nonnegative()),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    do: z.literal('count'),
    on: date,
    time,
    voted: z.number().int().nonnegative().optional(),
    issued: z.number().int().nonnegative().optional(),
    received: z.number().int().nonnegative().optional(),
    doubleEntry: z.boolean().optional(),
    batches: z.array(
      z.object({
        papers,
        /** Second lane's reading where it differs: paper number in the batch (from 1) → key. */
        second: keyed.optional(),
        /** The team's resolution of a difference: paper number → key. */
        resolve: keyed.optional(),
      }),
    ),
    /** Close the count after the batches (default true). */
    close: z.boolean().optional(),
    position,
    group,
    expect: expectation,
  }),
  z.object({ do: z.literal('countRecord'), on: date, position, group, expect: expectation }),
  z.object({
    do: z.literal('minutes'),
    on: date,
    kind: z.enum(['minutes', 'resolution']).optional(),
    guests: z.string().optional(),
    position,
    group,
    expect: expectation,
  }),
] as const;

export type PollingStep = z.infer<(typeof pollingStepSchemas)[number]>;
export const POLLING_STEPS: readonly string[] = pollingStepSchemas.map((s) => s.shape.do.value);

export interface PollingStepOutcome {
  readonly result: Result<unknown>;
  readonly documents: { id: string; form_id: string }[];
}

/** "1-3, 7" → [1, 2, 3, 7]. */
export function parseNumbers(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const [from = 0, to] = part.split('-').map((x) => Number(x.trim()));
    for (let n = from; n <= (to ?? from); n++) out.push(n);
  }
  return out;
}

/** "1*3 20 .2" → ['1', '1', '1', '2', '0', '.2']: a defect key takes the digit after the dot. */
export function parseKeys(text: string): string[] {
  const keys: string[] = [];
  for (const token of text.trim().split(/\s+/)) {
    const [body, times] = token.split('*');
    const repeat = times === undefined ? 1 : Number(times);
    const one: string[] = [];
    for (let i = 0; i < (body ?? '').length; i++) {
      const c = (body as string)[i] as string;
      if (c === '.') {
        one.push(`.${(body as string)[i + 1] ?? ''}`);
        i++;
      } else one.push(c);
    }
    for (let r = 0; r < repeat; r++) keys.push(...one);
  }
  return keys;
}

type Env = {
  readonly electionId: (position: string | undefined, group?: string) => string;
  /** Resolves a person as the runner names them ({ adult: n }, { young: n }, { name }). */
  readonly person?: (ref: Record<string, string | number>) => string;
};

const ctxAt = (ctx: ServiceContext, on: string, hhmm: string): ServiceContext =>
  createContext(ctx.store, () => vietnamInstant(on, hhmm));

async function countIdOf(ctx: ServiceContext, actor: Actor, electionId: string, position: string) {
  const list = await listElectionCounts(ctx, actor, electionId);
  if (!list.ok) return list;
  const c = list.value.positions.find((p) => p.position === position)?.countId;
  return c ? ok(c) : err(failures.notFound('cuộc kiểm phiếu của chức danh này'));
}

async function attendance(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  step: Extract<PollingStep, { do: 'attendance' }>,
): Promise<Result<unknown>> {
  const inputs = [
    ...(step.numbers ? parseNumbers(step.numbers) : []).map((rollNumber) => ({ rollNumber })),
    ...(step.cards ? parseNumbers(step.cards) : []).map((n) => ({ cardCode: voterCardCode(electionId, n) })),
    ...(step.names ?? []).map((name) => ({ name })),
  ];
  for (const input of inputs) {
    const r = await checkIn(ctx, actor, electionId, input);
    if (!r.ok) return r;
  }
  return ok({ checkedIn: inputs.length });
}

async function count(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  step: Extract<PollingStep, { do: 'count' }>,
): Promise<Result<unknown>> {
  const pos = step.position ?? 'head';
  const ballots = await getBallots(ctx, actor, electionId);
  if (!ballots.ok) return ballots;
  const b = ballots.value.positions.find((p) => p.position === pos);
  const turnout = await getTurnout(ctx, actor, electionId);
  if (!turnout.ok) return turnout;
  const keys = step.batches.map((x) => parseKeys(x.papers));
  const opened = await openCount(ctx, actor, electionId, {
    position: pos,
    voted: step.voted ?? turnout.value.voted,
    issued: step.issued ?? b?.issued ?? 0,
    received: step.received ?? keys.reduce((s, k) => s + k.length, 0),
    doubleEntry: step.doubleEntry !== false,
  });
  if (!opened.ok) return opened;
  const countId = opened.value.id;
  const view = await getCount(ctx, actor, countId);
  if (!view.ok) return view;
  for (const [i, batch] of step.batches.entries()) {
    const done = await countBatch(ctx, actor, view.value, batch, keys[i] as string[]);
    if (!done.ok) return done;
  }
  if (step.close === false) return ok({ countId });
  const closed = await closeCount(ctx, actor, countId);
  return closed.ok ? ok({ countId, result: closed.value.view.result }) : closed;
}

/** The team member who reads the second lane of a double entry in a scenario. */
const secondReader = (actor: Actor): Actor => ({
  ...actor,
  userId: `${actor.userId}:luot-2`,
  username: `${actor.username}-luot-2`,
  displayName: `${actor.displayName} (người đọc lượt 2)`,
});

async function countBatch(
  ctx: ServiceContext,
  actor: Actor,
  v: CountView,
  batch: Extract<PollingStep, { do: 'count' }>['batches'][number],
  keys: string[],
): Promise<Result<unknown>> {
  const opened = await openBatch(ctx, actor, v.id, { size: keys.length });
  if (!opened.ok) return opened;
  const batchId = opened.value.id;
  const lanes = v.doubleEntry ? [1, 2] : [1];
  for (const lane of lanes) {
    // Double entry needs two readers with their own accounts: the second lane is another member's.
    const reader = lane === 2 ? secondReader(actor) : actor;
    for (const [i, k] of keys.entries()) {
      const key = lane === 2 ? (batch.second?.[String(i + 1)] ?? k) : k;
      const paper = paperOfKey(key, v);
      if (!paper)
        return err(failures.invalid('papers', `Phím "${key}" không ứng với phiếu nào của lá phiếu này.`));
      const r = await enterPaper(ctx, reader, v.id, { ...paper, batchId, lane, key: randomUUID() });
      if (!r.ok) return r;
    }
  }
  for (const [seq, key] of Object.entries(batch.resolve ?? {})) {
    const paper = paperOfKey(key, v);
    if (!paper)
      return err(failures.invalid('resolve', `Phím "${key}" không ứng với phiếu nào của lá phiếu này.`));
    const r = await resolveDifference(ctx, actor, v.id, batchId, { ...paper, seq: Number(seq), note: null });
    if (!r.ok) return r;
  }
  return closeBatch(ctx, actor, v.id, batchId);
}

async function countRecord(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  position: string,
): Promise<PollingStepOutcome> {
  const id = await countIdOf(ctx, actor, electionId, position);
  if (!id.ok) return { result: id, documents: [] };
  const record = await issueCountRecord(ctx, actor, id.value);
  if (!record.ok) return { result: record, documents: [] };
  const report = await issueResultReport(ctx, actor, id.value);
  if (!report.ok) return { result: report, documents: [record.value] };
  return { result: ok(null), documents: [record.value, report.value] };
}

/** Runs one polling-day or count step through the same services as the pages. */
export async function performPollingStep(
  base: ServiceContext,
  actor: Actor,
  step: PollingStep,
  env: Env,
): Promise<PollingStepOutcome> {
  const electionId = env.electionId(step.position, step.group);
  const ctx = 'time' in step ? ctxAt(base, step.on, step.time) : base;
  const pos = step.position ?? 'head';
  const done = (result: Result<unknown>): PollingStepOutcome => ({ result, documents: [] });
  switch (step.do) {
    case 'roll': {
      const built = await buildRoll(ctx, actor, electionId, {});
      return done(built.ok ? await postRoll(ctx, actor, electionId, { postedOn: step.on }) : built);
    }
    case 'attendance':
      return done(await attendance(ctx, actor, electionId, step));
    case 'interruption':
      return done(await recordInterruption(ctx, actor, electionId, step));
    case 'resume':
      return done(await resumePolling(ctx, actor, electionId));
    case 'closePoll':
      return done(await closePolling(ctx, actor, electionId));
    case 'ballots': {
      const r = await recordBallots(ctx, actor, electionId, {
        position: pos,
        kind: 'received',
        quantity: step.received,
      });
      if (!r.ok || !step.spoiled) return done(r);
      return done(
        await recordBallots(ctx, actor, electionId, {
          position: pos,
          kind: 'spoiledReplaced',
          quantity: step.spoiled,
        }),
      );
    }
    case 'seal': {
      const b = await getBallots(ctx, actor, electionId);
      if (!b.ok) return done(b);
      const unused = step.unused ?? b.value.positions.find((p) => p.position === pos)?.unused ?? 0;
      const ids = step.witnessRolls ? await residentsByRoll(ctx, electionId, step.witnessRolls) : null;
      if (ids && !ids.ok) return done(ids);
      return done(
        await sealUnusedBallots(ctx, actor, electionId, {
          position: pos,
          ...(step.witnesses ? { witnesses: step.witnesses } : {}),
          ...(ids ? { witnessIds: ids.value } : {}),
          unusedCounted: unused,
        }),
      );
    }
    case 'witnesses': {
      const ids = await residentsByRoll(ctx, electionId, step.rolls);
      if (!ids.ok) return done(ids);
      return done(
        await recordCountWitnesses(ctx, actor, electionId, { position: pos, witnessIds: ids.value }),
      );
    }
    case 'agenda':
      return done(
        await recordMeetingVote(ctx, actor, electionId, {
          step: step.step,
          ...(step.present !== undefined ? { present: step.present } : {}),
          ...(step.name !== undefined ? { name: step.name } : {}),
          ...(step.method !== undefined ? { method: step.method } : {}),
          ...(step.members !== undefined ? { members: step.members } : {}),
          votesFor: step.for ?? 0,
          against: step.against ?? 0,
          abstained: step.abstained ?? 0,
        }),
      );
    case 'householdBallots': {
      const r = await switchToHouseholdBallots(
        ctx,
        actor,
        electionId,
        step.returnBy ? { returnBy: step.returnBy } : {},
      );
      // The ballots the switch issued are this step's documents.
      const ids = r.ok ? (r.value.householdBallots?.documents ?? []).map((d) => d.id) : [];
      const infos = await Promise.all(ids.map((id) => docsRepo.getDocumentInfo(ctx.store.db, id)));
      return { result: r, documents: infos.flatMap((d) => (d ? [d] : [])) };
    }
    case 'floorNomination': {
      if (!env.person) return done(err(failures.invalid('person', 'Kịch bản không xác định được người.')));
      return done(
        await nominateAtMeeting(ctx, actor, electionId, {
          residentId: env.person(step.person),
          ...(step.position ? { position: step.position } : {}),
          nominatedBy: step.nominatedBy ?? null,
          consent: step.consent,
        }),
      );
    }
    case 'hands':
      return done(await handsStep(ctx, actor, electionId, pos, step.votes));
    case 'count':
      return done(await count(ctx, actor, electionId, step));
    case 'countRecord':
      return countRecord(ctx, actor, electionId, pos);
    case 'minutes': {
      const r = await issueMeetingMinutes(ctx, actor, electionId, {
        position: pos,
        ...(step.kind ? { kind: step.kind } : {}),
        ...(step.guests ? { guests: step.guests } : {}),
      });
      return { result: r, documents: r.ok ? [r.value] : [] };
    }
  }
}

/** The residents of the posted roll under the given roll numbers ("5, 9"), as the team reads them. */
async function residentsByRoll(
  ctx: ServiceContext,
  electionId: string,
  rolls: string,
): Promise<Result<string[]>> {
  const roll = await postedRoll(ctx.store.db, electionId);
  if (!roll) return err(failures.invalid('roll', 'Danh sách cử tri chưa được niêm yết.'));
  const out: string[] = [];
  for (const n of parseNumbers(rolls)) {
    const e = roll.entries.find((x) => x.rollNumber === n);
    if (!e) return err(failures.invalid('rolls', `Không có số thứ tự ${n} trong danh sách cử tri.`));
    out.push(e.residentId);
  }
  return ok(out);
}

async function handsStep(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  position: string,
  votes: readonly number[],
): Promise<Result<unknown>> {
  const candidates = await officialCandidates(ctx.store.db, electionId, position);
  if (votes.length !== candidates.length)
    return err(
      failures.invalid(
        'votes',
        `Chức danh này có ${candidates.length} người ứng cử, kịch bản ghi ${votes.length} số.`,
      ),
    );
  return recordMeetingHands(ctx, actor, electionId, {
    position,
    votes: Object.fromEntries(candidates.map((c, i) => [c.id, votes[i] as number])),
  });
}
