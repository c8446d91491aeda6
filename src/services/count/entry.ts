/**
 * Entering papers: batches (stacks of papers counted by hand), one entry per paper in each of the
 * two lanes, undo as a void record, the team's resolution of a difference, closing a reconciled
 * batch, corrections after closing (a new record with its reason) and show-of-hands readings.
 */
import { randomUUID } from 'node:crypto';
import { PAPER_DEFECTS, checkCountedPaper, isIdempotencyKey, PAPER_LIMITS } from '../../domain/count';
import type { CountedPaper, PaperDefect, PaperEntry } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { formatCitation } from '../../domain/rules';
import { lockAuditChain, pollingCounts as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { CandidateRecord } from './open';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { buildSheet, digestOf, type BatchSheet } from './sheet';
import { checkOwnLane, OtherLaneTaken, otherLaneFailure } from './lanes';
import { failures } from '../common';
import type { PollingElection } from '../polling';
import { loadPollingElection } from '../polling';
import { ruleFailure } from '../common';

export interface LoadedCount {
  readonly count: repo.CountRow;
  readonly candidates: readonly CandidateRecord[];
  readonly pe: PollingElection;
  readonly closed: boolean;
}

export async function loadCount(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  mode: 'read' | 'write',
): Promise<Result<LoadedCount>> {
  const count = await repo.getCount(ctx.store.db, countId);
  if (!count) return err(failures.notFound('cuộc kiểm phiếu này'));
  const pe = await loadPollingElection(ctx, actor, count.election_id, mode);
  if (!pe.ok) return pe;
  const closed = (await repo.getClosure(ctx.store.db, countId)) !== undefined;
  if (mode === 'write' && closed)
    return err(failures.conflict('count', 'Cuộc kiểm phiếu đã kết thúc: không ghi thêm được.'));
  const candidates = JSON.parse(count.candidates) as CandidateRecord[];
  return ok({ count, candidates, pe: pe.value, closed });
}

/** One batch of the count's sheet, recomputed from the records (undefined for a batch of another count). */
async function batchSheet(
  ctx: ServiceContext,
  count: repo.CountRow,
  batchId: string,
): Promise<BatchSheet | undefined> {
  return (await loadSheet(ctx, count)).find((b) => b.id === batchId);
}

/** The sheet after a write to a batch known to exist (checked before the write). */
async function batchSheetAfter(
  ctx: ServiceContext,
  count: repo.CountRow,
  batchId: string,
): Promise<Result<BatchSheet>> {
  const sheet = await batchSheet(ctx, count, batchId);
  return sheet ? ok(sheet) : err(failures.notFound('tập phiếu này'));
}

export async function loadSheet(ctx: ServiceContext, count: repo.CountRow): Promise<BatchSheet[]> {
  return sheetOf(ctx.store.db, count);
}

/** The sheet from a database handle, for readers that hold no service context (the oversight figures). */
export async function sheetOf(db: Db, count: repo.CountRow): Promise<BatchSheet[]> {
  return (await sheetsOf(db, [count])).get(count.id) ?? [];
}

/** The sheets of several counts from a few reads for all of them, by count id. */
export async function sheetsOf(db: Db, counts: readonly repo.CountRow[]): Promise<Map<string, BatchSheet[]>> {
  const rows = await repo.sheetRowsOfCounts(
    db,
    counts.map((c) => c.id),
  );
  const countOfBatch = new Map(rows.batches.map((b) => [b.id, b.count_id]));
  const byCount = <T>(list: readonly T[], countId: (r: T) => string | undefined) => {
    const out = new Map<string, T[]>();
    for (const r of list) {
      const id = countId(r);
      if (id === undefined) continue;
      const list = out.get(id);
      if (list) list.push(r);
      else out.set(id, [r]);
    }
    return out;
  };
  const batches = byCount(rows.batches, (b) => b.count_id);
  const entries = byCount(rows.entries, (e) => e.count_id);
  const resolutions = byCount(rows.resolutions, (r) => countOfBatch.get(r.batch_id));
  const closures = byCount(rows.closures, (c) => countOfBatch.get(c.batch_id));
  const corrections = byCount(rows.corrections, (c) => countOfBatch.get(c.batch_id));
  return new Map(
    counts.map((c) => [
      c.id,
      buildSheet({
        doubleEntry: c.double_entry === 1,
        batches: batches.get(c.id) ?? [],
        entries: entries.get(c.id) ?? [],
        resolutions: resolutions.get(c.id) ?? [],
        closures: closures.get(c.id) ?? [],
        corrections: corrections.get(c.id) ?? [],
      }),
    ]),
  );
}

/** The defects a counter may set a paper aside for: the profile's invalid reasons a person sees. */
export function defectsOf(profile: RuleProfile): PaperDefect[] {
  return PAPER_DEFECTS.filter((d) => profile.invalidReasons.value.includes(d));
}

/** The one check of a paper against its count (the contract has checked its shape and sizes). */
export function checkPaper(
  paper: PaperEntry,
  candidates: readonly CandidateRecord[],
  profile: RuleProfile,
): Result<CountedPaper> {
  const checked = checkCountedPaper(
    paper,
    candidates.map((c) => c.id),
    defectsOf(profile),
  );
  if (checked.ok || checked.error.code !== 'invalid-reason') return checked;
  return err(
    ruleFailure(
      'invalid-reason',
      'invalidReasons',
      profile.invalidReasons.citation,
      `Lỗi phiếu "${String(paper.defect)}" không có trong các trường hợp phiếu không hợp lệ của bộ quy tắc ${profile.id} (${formatCitation(profile.invalidReasons.citation)}).`,
      'defect',
    ),
  );
}

export async function openBatch(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  input: { size: number },
): Promise<Result<{ id: string; number: number }>> {
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const { count } = loaded.value;
  if (count.method !== 'papers')
    return err(failures.conflict('method', 'Cuộc kiểm phiếu này là biểu quyết giơ tay.'));
  if (!Number.isInteger(input.size) || input.size < 1 || input.size > 1000)
    return err(failures.invalid('size', 'Số phiếu của tập phải từ 1 đến 1000.'));
  const id = randomUUID();
  const number = await writeWithAudit(ctx, actor, async (db) => {
    await lockAuditChain(db, ctx.store.kind);
    const batches = await repo.listBatches(db, countId);
    const total = batches.reduce((s, b) => s + b.size, 0) + input.size;
    if (total > count.received) {
      throw new BatchOverflow(
        `Tổng số phiếu của các tập (${total}) vượt số phiếu thu vào (${count.received}). Hãy đếm lại tập phiếu.`,
      );
    }
    const n = (batches[batches.length - 1]?.number ?? 0) + 1;
    await repo.insertBatch(db, {
      id,
      count_id: countId,
      number: n,
      size: input.size,
      opened_at: ctx.now().toISOString(),
      opened_by: actor.userId,
    });
    return {
      value: n,
      audit: {
        action: 'count.batch.open',
        entity: 'count',
        entityId: countId,
        data: { batchId: id, number: n, size: input.size },
      },
    };
  }).catch((e: unknown) => {
    if (e instanceof BatchOverflow) return e;
    throw e;
  });
  if (number instanceof BatchOverflow) return err(failures.invalid('size', number.message));
  return ok({ id, number });
}

export class BatchOverflow extends Error {}

/** How long an idempotency key is, for the messages. */
export const keyLength = `${PAPER_LIMITS.keyMin} đến ${PAPER_LIMITS.keyMax} ký tự`;

export async function openBatchOf(
  ctx: ServiceContext,
  countId: string,
  batchId: string,
): Promise<Result<repo.BatchRow>> {
  const batch = await repo.getBatch(ctx.store.db, batchId);
  if (!batch || batch.count_id !== countId) return err(failures.notFound('tập phiếu này'));
  if (await repo.isBatchClosed(ctx.store.db, batchId))
    return err(
      failures.conflict('batch', `Tập ${batch.number} đã khóa: sửa phiếu bằng một bản đính chính có lý do.`),
    );
  return ok(batch);
}

export interface EntryAck {
  readonly entryId: string;
  readonly batchId: string;
  readonly lane: number;
  readonly seq: number;
  readonly kept: readonly string[];
  readonly defect: PaperDefect | null;
  /** True when the same idempotency key had already been recorded: nothing was added. */
  readonly replay: boolean;
}

export interface EntryInput extends PaperEntry {
  readonly batchId: string;
  readonly lane: number;
  /** Generated by the client for each paper; a retried request with the same key is not counted twice. */
  readonly key: string;
}

export const ackOf = (e: repo.EntryRow, replay: boolean): EntryAck => ({
  entryId: e.id,
  batchId: e.batch_id,
  lane: e.lane,
  seq: e.seq,
  kept: JSON.parse(e.kept) as string[],
  defect: e.defect as PaperDefect | null,
  replay,
});

export async function enterPaper(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  input: EntryInput,
): Promise<Result<EntryAck>> {
  if (!isIdempotencyKey(input.key))
    return err(failures.invalid('key', `Thiếu mã chống ghi trùng của phiếu (${keyLength}).`));
  const db = ctx.store.db;
  // Permission first: a replay answers with the stored paper, so it must be someone who may write it.
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const seen = await repo.entryByKey(db, input.key);
  if (seen)
    return seen.count_id === countId
      ? ok(ackOf(seen, true))
      : err(failures.conflict('key', 'Mã chống ghi trùng đã dùng cho cuộc kiểm phiếu khác.'));
  const { count, candidates, pe } = loaded.value;
  if (input.lane !== 1 && input.lane !== 2)
    return err(failures.invalid('lane', 'Lượt nhập phải là 1 hoặc 2.'));
  if (input.lane === 2 && count.double_entry !== 1)
    return err(failures.invalid('lane', 'Cuộc kiểm phiếu này chỉ nhập một lượt.'));
  const batch = await openBatchOf(ctx, countId, input.batchId);
  if (!batch.ok) return batch;
  const paper = checkPaper(input, candidates, pe.profile);
  if (!paper.ok) return paper;
  try {
    const ack = await writeWithAudit(ctx, actor, async (trx) => {
      // Serialise writers of one count on PostgreSQL so two papers never get the same place.
      await lockAuditChain(trx, ctx.store.kind);
      await checkOwnLane(trx, actor, batch.value, input.lane, count.double_entry === 1);
      const seq = (await repo.lastLiveSeq(trx, batch.value.id, input.lane)) + 1;
      if (seq > batch.value.size)
        throw new BatchOverflow(
          `Tập ${batch.value.number} chỉ có ${batch.value.size} phiếu: lượt nhập ${input.lane} đã đủ.`,
        );
      const row = {
        id: randomUUID(),
        count_id: countId,
        batch_id: batch.value.id,
        lane: input.lane,
        seq,
        kept: JSON.stringify(paper.value.kept),
        defect: paper.value.defect,
        idempotency_key: input.key,
        entered_by: actor.userId,
        entered_at: ctx.now().toISOString(),
      };
      await repo.insertEntry(trx, row);
      return {
        value: ackOf({ ...row, voided: 0 }, false),
        audit: {
          action: 'count.paper',
          entity: 'count',
          entityId: countId,
          data: {
            entryId: row.id,
            batch: batch.value.number,
            lane: row.lane,
            seq,
            kept: paper.value.kept,
            defect: row.defect,
          },
        },
      };
    });
    return ok(ack);
  } catch (e) {
    if (e instanceof BatchOverflow) return err(failures.conflict('seq', e.message));
    if (e instanceof OtherLaneTaken) return otherLaneFailure(e);
    // A concurrent retry with the same key won the race: answer with what it stored.
    const again = await repo.entryByKey(db, input.key);
    if (again) return ok(ackOf(again, true));
    throw e;
  }
}

/** Undo of one entry (normally the last): a void record; the paper is entered again afterwards. */
export async function undoEntry(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  entryId: string,
): Promise<Result<{ voided: string }>> {
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const entries = await repo.listEntries(ctx.store.db, countId);
  const entry = entries.find((e) => e.id === entryId);
  if (!entry) return err(failures.notFound('phiếu đã nhập này'));
  if (entry.voided === 1) return ok({ voided: entryId });
  const batch = await openBatchOf(ctx, countId, entry.batch_id);
  if (!batch.ok) return batch;
  const last = entries
    .filter((e) => e.batch_id === entry.batch_id && e.lane === entry.lane && e.voided === 0)
    .pop();
  if (last?.id !== entryId)
    return err(
      failures.conflict(
        'entryId',
        'Chỉ hoàn tác được phiếu nhập sau cùng của lượt nhập; phiếu khác được Tổ thống nhất khi đối chiếu.',
      ),
    );
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.insertVoid(db, {
      id: randomUUID(),
      entry_id: entryId,
      reason: 'Hoàn tác lần nhập sau cùng',
      voided_by: actor.userId,
      voided_at: ctx.now().toISOString(),
    });
    return {
      value: undefined,
      audit: { action: 'count.paper.undo', entity: 'count', entityId: countId, data: { entryId } },
    };
  });
  return ok({ voided: entryId });
}

export async function resolveDifference(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  batchId: string,
  input: PaperEntry & { seq: number; note?: string | null },
): Promise<Result<BatchSheet>> {
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const batch = await openBatchOf(ctx, countId, batchId);
  if (!batch.ok) return batch;
  const sheet = await batchSheet(ctx, loaded.value.count, batchId);
  if (!sheet?.differences.some((d) => d.seq === input.seq))
    return err(
      failures.invalid('seq', `Phiếu số ${input.seq} của tập không có khác biệt giữa hai lượt nhập.`),
    );
  const paper = checkPaper(input, loaded.value.candidates, loaded.value.pe.profile);
  if (!paper.ok) return paper;
  await writeWithAudit(ctx, actor, async (db) => {
    const row = {
      id: randomUUID(),
      batch_id: batchId,
      seq: input.seq,
      kept: JSON.stringify(paper.value.kept),
      defect: paper.value.defect,
      note: input.note?.normalize('NFC').trim() || null,
      resolved_by: actor.userId,
      resolved_at: ctx.now().toISOString(),
    };
    await repo.insertResolution(db, row);
    return {
      value: undefined,
      audit: { action: 'count.resolve', entity: 'count', entityId: countId, data: row },
    };
  });
  return batchSheetAfter(ctx, loaded.value.count, batchId);
}

export async function closeBatch(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  batchId: string,
): Promise<Result<BatchSheet>> {
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const batch = await openBatchOf(ctx, countId, batchId);
  if (!batch.ok) return batch;
  const sheet = await batchSheet(ctx, loaded.value.count, batchId);
  if (!sheet) return err(failures.notFound('tập phiếu này'));
  if (sheet.problems.length > 0) {
    return err({
      code: 'batch-not-reconciled',
      field: 'batch',
      message: `Chưa khóa được tập ${sheet.number}: ${sheet.problems.join(' ')}`,
      details: { problems: sheet.problems },
    });
  }
  await writeWithAudit(ctx, actor, async (db) => {
    const row = {
      batch_id: batchId,
      papers: sheet.papers.length,
      digest: digestOf(sheet.papers),
      closed_by: actor.userId,
      closed_at: ctx.now().toISOString(),
    };
    await repo.insertBatchClosure(db, row);
    return {
      value: undefined,
      audit: { action: 'count.batch.close', entity: 'count', entityId: countId, data: row },
    };
  });
  return batchSheetAfter(ctx, loaded.value.count, batchId);
}

export async function correctPaper(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  batchId: string,
  input: PaperEntry & { seq: number; reason: string },
): Promise<Result<BatchSheet>> {
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const sheet = await batchSheet(ctx, loaded.value.count, batchId);
  if (!sheet) return err(failures.notFound('tập phiếu này'));
  if (!sheet.closed)
    return err(failures.conflict('batch', 'Tập chưa khóa: hãy sửa bằng hoàn tác hoặc thống nhất khác biệt.'));
  if (!Number.isInteger(input.seq) || input.seq < 1 || input.seq > sheet.papers.length)
    return err(failures.invalid('seq', `Tập ${sheet.number} có ${sheet.papers.length} phiếu.`));
  const reason = (input.reason ?? '').normalize('NFC').trim();
  if (reason.length < 5)
    return err(failures.invalid('reason', 'Hãy ghi rõ lý do đính chính (ít nhất 5 ký tự).'));
  const paper = checkPaper(input, loaded.value.candidates, loaded.value.pe.profile);
  if (!paper.ok) return paper;
  await writeWithAudit(ctx, actor, async (db) => {
    const row = {
      id: randomUUID(),
      batch_id: batchId,
      seq: input.seq,
      kept: JSON.stringify(paper.value.kept),
      defect: paper.value.defect,
      reason,
      corrected_by: actor.userId,
      corrected_at: ctx.now().toISOString(),
    };
    await repo.insertCorrection(db, row);
    return {
      value: undefined,
      audit: { action: 'count.correct', entity: 'count', entityId: countId, data: row },
    };
  });
  return batchSheetAfter(ctx, loaded.value.count, batchId);
}

/** A show-of-hands reading per candidate; a later reading of a candidate supersedes the earlier one. */
export async function recordHands(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  votes: Readonly<Record<string, number>>,
): Promise<Result<{ recorded: number }>> {
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const { count, candidates } = loaded.value;
  if (count.method !== 'hands')
    return err(failures.conflict('method', 'Cuộc kiểm phiếu này kiểm phiếu kín, không phải giơ tay.'));
  const ids = new Set(candidates.map((c) => c.id));
  for (const [id, n] of Object.entries(votes)) {
    if (!ids.has(id)) return err(failures.invalid(`votes.${id}`, `Không có người ứng cử mã "${id}".`));
    if (!Number.isInteger(n) || n < 0 || n > count.voted)
      return err(
        failures.invalid(`votes.${id}`, `Số người giơ tay phải từ 0 đến ${count.voted} (số người tham dự).`),
      );
  }
  const at = ctx.now().toISOString();
  const rows = Object.entries(votes).map(([candidate_id, n]) => ({
    id: randomUUID(),
    count_id: countId,
    candidate_id,
    votes: n,
    recorded_by: actor.userId,
    recorded_at: at,
  }));
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.insertHands(db, rows);
    return {
      value: undefined,
      audit: { action: 'count.hands', entity: 'count', entityId: countId, data: votes },
    };
  });
  return ok({ recorded: rows.length });
}
