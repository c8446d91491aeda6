/**
 * The poll of one election on polling day: loading it with its posted roll, whether ballots may be
 * cast now (the election day, the profile's hours, not interrupted, not closed), interruptions,
 * resumption and closing (early close only when everyone on the roll has voted).
 */
import type * as contract from '../../contract/polling';
import { randomUUID } from 'node:crypto';
import { formatVietnamese } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Failure, Result } from '../../domain/result';
import { formatCitation } from '../../domain/rules';
import { pollingDay as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { PollingElection } from './access';
import { loadPollingElection } from './access';
import { describeSessions, pollingWindow, vnInstant } from './clock';
import { describeChosenSessions, sessionAt } from '../../domain/election';
import type { PostedRoll } from './roll-entries';
import { postedRoll } from './roll-entries';
import { ruleFailure } from '../common';
import { recordStep } from '../plan';

export interface LoadedPoll {
  readonly pe: PollingElection;
  readonly roll: PostedRoll;
  readonly round: number;
}

export async function loadPoll(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  mode: 'read' | 'write',
): Promise<Result<LoadedPoll>> {
  const pe = await loadPollingElection(ctx, actor, electionId, mode);
  if (!pe.ok) return pe;
  const roll = await postedRoll(ctx.store.db, electionId);
  if (!roll) {
    return err(failures.invalid('roll', 'Danh sách cử tri chưa được niêm yết: chưa thể tổ chức bỏ phiếu.'));
  }
  return ok({ pe: pe.value, roll, round: pe.value.election.round });
}

export type PollStatus = 'notOpen' | 'open' | 'interrupted' | 'closed';

export function statusOf(events: readonly repo.EventRow[]): PollStatus {
  let status: PollStatus = 'notOpen';
  for (const e of events) {
    if (e.kind === 'open' || e.kind === 'resume') status = 'open';
    if (e.kind === 'interruption') status = 'interrupted';
    if (e.kind === 'close') return 'closed';
  }
  return status;
}

function hoursFailure(lp: LoadedPoll, time: string): Failure | null {
  const w = pollingWindow(lp.pe.profile, lp.pe.election.startTime, lp.pe.election.pollingSessions);
  if (!w) return null;
  const c = lp.pe.profile.pollingHours.citation;
  const h = lp.pe.profile.pollingHours.value;
  if (h && w.chosen.length > 0 && !sessionAt(w.chosen, time)) {
    // The sessions the commune fixed: between two of them the box is closed.
    return ruleFailure(
      'outside-polling-hours',
      'pollingHours',
      c,
      `Ngoài giờ bỏ phiếu (bây giờ là ${time}, giờ Việt Nam): UBND xã quy định bỏ phiếu ${describeChosenSessions(w.chosen)}; quy định cho bỏ phiếu ${describeSessions(w)} và kết thúc trước ${h.end} (${formatCitation(c)}).`,
    );
  }
  if (h && h.earliestStart === null && h.sessionStarts.length > 1 && (time < w.opens || time > w.latest)) {
    // Tây Ninh: the commune picks the session; the message names the sessions of the rule.
    return ruleFailure(
      'outside-polling-hours',
      'pollingHours',
      c,
      `Ngoài giờ bỏ phiếu (bây giờ là ${time}, giờ Việt Nam): cuộc bầu cử này bỏ phiếu từ ${w.opens} đến ${w.latest}; quy định cho bỏ phiếu ${describeSessions(w)} và kết thúc trước ${h.end} (${formatCitation(c)}).`,
    );
  }
  if (time < w.opens || time > w.latest) {
    return ruleFailure(
      'outside-polling-hours',
      'pollingHours',
      c,
      `Ngoài giờ bỏ phiếu (bây giờ là ${time}, giờ Việt Nam): chỉ bỏ phiếu từ ${w.opens} đến ${w.latest} (${formatCitation(c)}).`,
    );
  }
  return null;
}

/** Why a ballot cannot be cast now, or null. */
export async function castingFailure(ctx: ServiceContext, lp: LoadedPoll): Promise<Failure | null> {
  const e = lp.pe.election;
  const rerunStarted = e.state === 'rerunOrdered' && e.round > 1;
  if (!['rollPosted', 'polling'].includes(e.state) && !rerunStarted) {
    return failures.conflict('state', 'Cuộc bầu cử không ở giai đoạn bỏ phiếu.');
  }
  const now = vnInstant(ctx.now());
  if (e.electionDate && now.date !== e.electionDate) {
    return failures.invalid(
      'date',
      `Hôm nay (${formatVietnamese(now.date)}) không phải ngày bầu cử (${formatVietnamese(e.electionDate)}).`,
    );
  }
  const hours = hoursFailure(lp, now.time);
  if (hours) return hours;
  const status = statusOf(await repo.listEvents(ctx.store.db, e.id, lp.round));
  if (status === 'closed') return failures.conflict('state', 'Cuộc bỏ phiếu đã kết thúc.');
  if (status === 'interrupted') {
    return failures.conflict('state', 'Cuộc bỏ phiếu đang tạm dừng: hãy ghi tiếp tục bỏ phiếu trước.');
  }
  return null;
}

async function nextSeq(db: Db, electionId: string, round: number): Promise<number> {
  const events = await repo.listEvents(db, electionId, round);
  return (events.at(-1)?.seq ?? 0) + 1;
}

/** Opens the poll when the first ballot is cast: the "polling" step and an "open" event. */
export async function ensureOpen(ctx: ServiceContext, actor: Actor, lp: LoadedPoll): Promise<Result<void>> {
  const e = lp.pe.election;
  if (e.state === 'rollPosted' || e.state === 'rerunOrdered') {
    const step = await recordStep(ctx, actor, e.id, { to: 'polling', on: vnInstant(ctx.now()).date });
    if (!step.ok) return step;
  }
  const events = await repo.listEvents(ctx.store.db, e.id, lp.round);
  if (statusOf(events) !== 'notOpen') return ok(undefined);
  await appendEvent(ctx, actor, lp, { kind: 'open' });
  return ok(undefined);
}

interface EventInput {
  readonly kind: 'open' | 'interruption' | 'resume' | 'close' | 'boxReturned';
  readonly reason?: string | null;
  readonly boxSealed?: boolean | null;
  readonly data?: unknown;
}

/** Thrown inside the write so that the check and the event are one transaction. */
class Refused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/**
 * Appends a polling event; `refuse` looks at the events already written, inside the same transaction,
 * so two team members tapping at once cannot both get past it.
 */
async function appendEvent(
  ctx: ServiceContext,
  actor: Actor,
  lp: LoadedPoll,
  input: EventInput,
  refuse?: (events: readonly repo.EventRow[]) => Failure | undefined,
): Promise<Result<undefined>> {
  const e = lp.pe.election;
  const at = ctx.now().toISOString();
  try {
    await write();
  } catch (x) {
    if (x instanceof Refused) return err(x.failure);
    throw x;
  }
  return ok(undefined);

  async function write() {
    await writeWithAudit(ctx, actor, async (db) => {
      const refused = refuse?.(await repo.listEvents(db, e.id, lp.round));
      if (refused) throw new Refused(refused);
      const row = {
        id: randomUUID(),
        election_id: e.id,
        round: lp.round,
        seq: await nextSeq(db, e.id, lp.round),
        kind: input.kind,
        at,
        reason: input.reason?.normalize('NFC').trim() || null,
        box_sealed:
          input.boxSealed === undefined || input.boxSealed === null ? null : input.boxSealed ? 1 : 0,
        data: input.data === undefined ? null : JSON.stringify(input.data),
        recorded_by: actor.userId,
      };
      await repo.insertEvent(db, row);
      return {
        value: undefined,
        audit: { action: `polling.${input.kind}`, entity: 'election', entityId: e.id, data: row },
      };
    });
  }
}

export type InterruptionInput = contract.InterruptionInput;

/** An interruption (storm, power cut, disorder): its time, reason, and whether the box was sealed. */
export async function recordInterruption(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: InterruptionInput,
): Promise<Result<PollView>> {
  const lp = await loadPoll(ctx, actor, electionId, 'write');
  if (!lp.ok) return lp;
  if (!input.reason?.trim() || input.reason.trim().length < 5)
    return err(failures.invalid('reason', 'Hãy ghi rõ lý do tạm dừng (ít nhất 5 ký tự).'));
  if (typeof input.boxSealed !== 'boolean')
    return err(failures.invalid('boxSealed', 'Hãy ghi hòm phiếu đã được niêm phong hay chưa.'));
  const status = statusOf(await repo.listEvents(ctx.store.db, electionId, lp.value.round));
  if (status !== 'open') return err(failures.conflict('state', 'Chỉ tạm dừng khi đang bỏ phiếu.'));
  await appendEvent(ctx, actor, lp.value, {
    kind: 'interruption',
    reason: input.reason,
    boxSealed: input.boxSealed,
  });
  return getPoll(ctx, actor, electionId);
}

export async function resumePolling(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  note?: string | null,
): Promise<Result<PollView>> {
  const lp = await loadPoll(ctx, actor, electionId, 'write');
  if (!lp.ok) return lp;
  const status = statusOf(await repo.listEvents(ctx.store.db, electionId, lp.value.round));
  if (status !== 'interrupted')
    return err(failures.conflict('state', 'Cuộc bỏ phiếu không ở trạng thái tạm dừng.'));
  await appendEvent(ctx, actor, lp.value, { kind: 'resume', reason: note ?? null });
  return getPoll(ctx, actor, electionId);
}

/** Closes the poll: at or after the announced end, or earlier only when everyone on the roll voted. */
export async function closePolling(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<PollView>> {
  const lp = await loadPoll(ctx, actor, electionId, 'write');
  if (!lp.ok) return lp;
  const db = ctx.store.db;
  const status = statusOf(await repo.listEvents(db, electionId, lp.value.round));
  if (status === 'closed') return err(failures.conflict('state', 'Cuộc bỏ phiếu đã kết thúc.'));
  if (status === 'notOpen') return err(failures.conflict('state', 'Cuộc bỏ phiếu chưa bắt đầu.'));
  const voted = (await repo.listAttendance(db, electionId, lp.value.round)).length;
  const registered = lp.value.roll.registered;
  const now = vnInstant(ctx.now());
  const w = pollingWindow(
    lp.value.pe.profile,
    lp.value.pe.election.startTime,
    lp.value.pe.election.pollingSessions,
  );
  const onDay = lp.value.pe.election.electionDate === now.date;
  const rule = lp.value.pe.profile.pollingHours;
  const c = rule.citation;
  if (rule.value?.earlyClose === 'none') {
    // No early close in the source: the poll runs to the end of the sessions the commune fixed;
    // without recorded sessions the commune's own time is not known, so only the day bounds it.
    if (w && w.chosen.length > 0 && onDay && now.time < w.ends) {
      return err(
        ruleFailure(
          'early-close',
          'pollingHours',
          c,
          `Chưa hết giờ bỏ phiếu UBND xã đã quy định (${describeChosenSessions(w.chosen)}): kết thúc bỏ phiếu từ ${w.ends} (${formatCitation(c)}).`,
        ),
      );
    }
  }
  const early = w !== null && onDay && now.time < w.ends;
  if (rule.value?.earlyClose === 'allVoted' && early && voted < registered) {
    return err(
      ruleFailure(
        'early-close',
        'pollingHours',
        c,
        `Chưa đến giờ kết thúc bỏ phiếu (${w.ends}): chỉ kết thúc sớm khi 100% cử tri trong danh sách đã bỏ phiếu (mới ${voted}/${registered}) (${formatCitation(c)}).`,
      ),
    );
  }
  await appendEvent(ctx, actor, lp.value, {
    kind: 'close',
    data: { early, voted, registered, time: now.time },
  });
  return getPoll(ctx, actor, electionId);
}

export interface PollEventView {
  readonly seq: number;
  readonly kind: string;
  readonly at: string;
  readonly time: string;
  readonly reason: string | null;
  readonly boxSealed: boolean | null;
}

export interface PollView {
  readonly electionId: string;
  readonly status: PollStatus;
  readonly window: {
    opens: string;
    ends: string;
    latest: string;
    citation: string;
    chosen: readonly { start: string; end: string }[];
  } | null;
  readonly electionDate: string | null;
  readonly events: PollEventView[];
}

export async function getPoll(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<PollView>> {
  const lp = await loadPoll(ctx, actor, electionId, 'read');
  if (!lp.ok) return lp;
  const events = await repo.listEvents(ctx.store.db, electionId, lp.value.round);
  const w = pollingWindow(
    lp.value.pe.profile,
    lp.value.pe.election.startTime,
    lp.value.pe.election.pollingSessions,
  );
  return ok({
    electionId,
    status: statusOf(events),
    electionDate: lp.value.pe.election.electionDate,
    window: w ? { ...w, citation: formatCitation(lp.value.pe.profile.pollingHours.citation) } : null,
    events: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      at: e.at,
      time: vnInstant(new Date(e.at)).time,
      reason: e.reason,
      boxSealed: e.box_sealed === null ? null : e.box_sealed === 1,
    })),
  });
}

/** Records a mobile box's return (its voters stay linked to it through their check-ins). */
function returnedBox(e: repo.EventRow): string | null {
  try {
    return (JSON.parse(e.data ?? 'null') as { boxId?: string } | null)?.boxId ?? null;
  } catch {
    return null;
  }
}

export async function recordBoxReturned(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  boxId: string,
): Promise<Result<PollView>> {
  const lp = await loadPoll(ctx, actor, electionId, 'write');
  if (!lp.ok) return lp;
  const boxes = await repo.listMobileBoxes(ctx.store.db, electionId, lp.value.round);
  const box = boxes.find((b) => b.id === boxId);
  if (!box) return err(failures.notFound('hòm phiếu phụ này'));
  const written = await appendEvent(
    ctx,
    actor,
    lp.value,
    { kind: 'boxReturned', data: { boxId } },
    (events) => {
      if (statusOf(events) === 'closed')
        return failures.conflict(
          'state',
          `Cuộc bỏ phiếu đã kết thúc: hòm phiếu phụ số ${box.number} phải được mang về trước khi kết thúc bỏ phiếu.`,
        );
      if (events.some((x) => x.kind === 'boxReturned' && returnedBox(x) === boxId))
        return failures.conflict('boxId', `Hòm phiếu phụ số ${box.number} đã được ghi nhận mang về.`);
      return undefined;
    },
  );
  if (!written.ok) return written;
  return getPoll(ctx, actor, electionId);
}
