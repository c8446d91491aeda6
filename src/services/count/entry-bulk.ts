/**
 * Entering several papers in one request: what a phone sends when papers have queued up (a fast
 * counter, or a phone that was offline for a moment). Each paper keeps its own idempotency key and
 * gets its own acknowledgement; the request is all or nothing: one transaction stores every new paper
 * with one audit event that lists each of them (entry id, batch, lane, place, names kept, defect), so
 * the audit trail holds the same facts as one event per paper (docs/benchmarks.md, "Count API").
 */
import { randomUUID } from 'node:crypto';
import { isIdempotencyKey, PAPER_LIMITS } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { lockAuditChain, pollingCounts as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { BatchOverflow, ackOf, checkPaper, keyLength, loadCount, openBatchOf } from './entry';
import type { EntryAck, EntryInput, LoadedCount } from './entry';
import { failures } from '../common';
import { checkOwnLane, OtherLaneTaken, otherLaneFailure } from './lanes';

/** At most this many papers per request (the domain's limit, named for the callers). */
export const MAX_PAPERS_PER_REQUEST = PAPER_LIMITS.perRequestMax;

type NewPaper = Omit<repo.EntryRow, 'seq' | 'voided'>;

const at = (i: number, message: string) => `Phiếu thứ ${i + 1} trong lần gửi: ${message}`;

function checkKeys(papers: readonly EntryInput[]): Result<string[]> {
  if (!Array.isArray(papers) || papers.length < 1 || papers.length > MAX_PAPERS_PER_REQUEST)
    return err(failures.invalid('papers', `Mỗi lần gửi từ 1 đến ${MAX_PAPERS_PER_REQUEST} phiếu.`));
  const keys = (papers as readonly EntryInput[]).map((p) => p.key);
  for (const [i, key] of keys.entries()) {
    if (!isIdempotencyKey(key))
      return err(failures.invalid(`papers.${i}.key`, at(i, `thiếu mã chống ghi trùng (${keyLength}).`)));
  }
  if (new Set(keys).size !== keys.length)
    return err(failures.invalid('papers', 'Hai phiếu trong cùng lần gửi có cùng mã chống ghi trùng.'));
  return ok(keys);
}

/** Checks every paper not yet recorded, as `enterPaper` does; the first bad one refuses the request. */
async function checkNewPapers(
  ctx: ServiceContext,
  actor: Actor,
  lc: LoadedCount,
  papers: readonly (readonly [number, EntryInput])[],
): Promise<Result<{ papers: NewPaper[]; batches: Map<string, repo.BatchRow> }>> {
  const batches = new Map<string, Result<repo.BatchRow>>();
  const open = new Map<string, repo.BatchRow>();
  const out: NewPaper[] = [];
  for (const [i, p] of papers) {
    if (p.lane !== 1 && p.lane !== 2)
      return err(failures.invalid(`papers.${i}.lane`, at(i, 'lượt nhập phải là 1 hoặc 2.')));
    if (p.lane === 2 && lc.count.double_entry !== 1)
      return err(failures.invalid(`papers.${i}.lane`, at(i, 'cuộc kiểm phiếu này chỉ nhập một lượt.')));
    if (!batches.has(p.batchId)) batches.set(p.batchId, await openBatchOf(ctx, lc.count.id, p.batchId));
    const batch = batches.get(p.batchId)!;
    if (!batch.ok) return err({ ...batch.error, message: at(i, batch.error.message) });
    open.set(p.batchId, batch.value);
    const paper = checkPaper(p, lc.candidates, lc.pe.profile);
    if (!paper.ok) return err({ ...paper.error, message: at(i, paper.error.message) });
    out.push({
      id: randomUUID(),
      count_id: lc.count.id,
      batch_id: p.batchId,
      lane: p.lane,
      kept: JSON.stringify(paper.value.kept),
      defect: paper.value.defect,
      idempotency_key: p.key,
      entered_by: actor.userId,
      entered_at: ctx.now().toISOString(),
    });
  }
  return ok({ papers: out, batches: open });
}

/** Stores the new papers in request order after the last live paper of each lane, with one audit event. */
async function store(
  ctx: ServiceContext,
  actor: Actor,
  lc: LoadedCount,
  papers: readonly NewPaper[],
  batches: ReadonlyMap<string, repo.BatchRow>,
) {
  return writeWithAudit(ctx, actor, async (trx) => {
    // Serialise writers of one count on PostgreSQL so two papers never get the same place.
    await lockAuditChain(trx, ctx.store.kind);
    const next = new Map<string, number>();
    const rows: repo.EntryRow[] = [];
    for (const p of papers) {
      const lane = `${p.batch_id}/${p.lane}`;
      if (!next.has(lane)) {
        const earlier = [1, 2].filter((l) => next.has(`${p.batch_id}/${l}`));
        await checkOwnLane(
          trx,
          actor,
          batches.get(p.batch_id)!,
          p.lane,
          lc.count.double_entry === 1,
          earlier,
        );
      }
      const seq = (next.get(lane) ?? (await repo.lastLiveSeq(trx, p.batch_id, p.lane))) + 1;
      const batch = batches.get(p.batch_id)!;
      if (seq > batch.size)
        throw new BatchOverflow(`Tập ${batch.number} chỉ có ${batch.size} phiếu: lượt nhập ${p.lane} đã đủ.`);
      next.set(lane, seq);
      rows.push({ ...p, seq, voided: 0 });
    }
    await repo.insertEntries(
      trx,
      rows.map(({ voided: _voided, ...r }) => r),
    );
    const listed = rows.map((r) => ({
      entryId: r.id,
      batch: batches.get(r.batch_id)!.number,
      lane: r.lane,
      seq: r.seq,
      kept: JSON.parse(r.kept) as string[],
      defect: r.defect,
    }));
    return {
      value: rows,
      audit: { action: 'count.papers', entity: 'count', entityId: lc.count.id, data: { papers: listed } },
    };
  });
}

/** The acknowledgements in request order, from what is stored under each key. */
function acksInOrder(keys: readonly string[], stored: readonly repo.EntryRow[], fresh: ReadonlySet<string>) {
  const byKey = new Map(stored.map((e) => [e.idempotency_key, e]));
  return keys.map((k) => ackOf(byKey.get(k)!, !fresh.has(k)));
}

export async function enterPapers(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
  input: { readonly papers: readonly EntryInput[] },
): Promise<Result<{ acks: EntryAck[] }>> {
  const keys = checkKeys(input.papers);
  if (!keys.ok) return keys;
  const loaded = await loadCount(ctx, actor, countId, 'write');
  if (!loaded.ok) return loaded;
  const seen = await repo.entriesByKeys(ctx.store.db, keys.value);
  if (seen.some((e) => e.count_id !== countId))
    return err(failures.conflict('key', 'Mã chống ghi trùng đã dùng cho cuộc kiểm phiếu khác.'));
  const seenKeys = new Set(seen.map((e) => e.idempotency_key));
  const todo = input.papers.map((p, i) => [i, p] as const).filter(([, p]) => !seenKeys.has(p.key));
  if (todo.length === 0) return ok({ acks: acksInOrder(keys.value, seen, new Set()) });
  const checked = await checkNewPapers(ctx, actor, loaded.value, todo);
  if (!checked.ok) return checked;
  try {
    const rows = await store(ctx, actor, loaded.value, checked.value.papers, checked.value.batches);
    const fresh = new Set(rows.map((r) => r.idempotency_key));
    return ok({ acks: acksInOrder(keys.value, [...seen, ...rows], fresh) });
  } catch (e) {
    if (e instanceof BatchOverflow) return err(failures.conflict('seq', e.message));
    if (e instanceof OtherLaneTaken) return otherLaneFailure(e);
    // A concurrent retry of the same papers won the race: answer with what it stored.
    const again = await repo.entriesByKeys(ctx.store.db, keys.value);
    if (again.length === keys.value.length) return ok({ acks: acksInOrder(keys.value, again, new Set()) });
    throw e;
  }
}
