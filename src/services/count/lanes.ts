/**
 * Double entry by two people: each lane of a batch is read from the stack by its own account, so an
 * account that entered papers in one lane of a batch is refused in the other (the two readings are
 * only independent when two people make them). The entry page asks who holds which lane, and the
 * rule the standing is measured against.
 */
import { paperRulesOf } from '../../domain/count';
import type { PaperRules } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { CONFIDENCE_VI, describeThreshold, formatCitation } from '../../domain/rules';
import type { Threshold } from '../../domain/rules';
import type { ElectionForm } from '../../domain/rules';
import { pollingCounts as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor, ServiceContext } from '../common';
import { failures } from '../common';
import { loadCount } from './entry';

/** Thrown inside the entry transaction: the actor already holds the other lane of the batch. */
export class OtherLaneTaken extends Error {}

/**
 * Refuses an entry in `lane` when the same account has entered papers in the other lane of the batch.
 * Runs inside the write transaction, after the count's lock, so two requests of one account on the
 * two lanes cannot both pass.
 */
export async function checkOwnLane(
  db: Db,
  actor: Actor,
  batch: { readonly id: string; readonly number: number },
  lane: number,
  doubleEntry: boolean,
  /** Lanes of this batch the same request has already entered papers in. */
  inRequest: readonly number[] = [],
): Promise<void> {
  if (!doubleEntry) return;
  const mine = [...inRequest, ...(await repo.lanesOfEntrant(db, batch.id, actor.userId))];
  const other = mine.find((l) => l !== lane);
  if (other !== undefined)
    throw new OtherLaneTaken(
      `Bạn đã nhập lượt ${other} của tập ${batch.number}. Nhập kép cần hai người đọc phiếu độc lập: lượt nhập ${lane} phải do một thành viên khác của Tổ bầu cử nhập bằng tài khoản của mình.`,
    );
}

export interface LaneHolder {
  readonly batchId: string;
  readonly lane: 1 | 2;
  readonly names: string[];
  readonly mine: boolean;
}

export interface WinnerRuleView {
  readonly threshold: Threshold;
  readonly requireHighest: boolean;
  /** The threshold and its source as an official reads them. */
  readonly text: string;
  readonly citation: string;
  readonly confidence: string;
}

export interface EntryContext {
  readonly countId: string;
  readonly doubleEntry: boolean;
  readonly lanes: LaneHolder[];
  /** The lane of each batch the actor may still enter (null: both are free to them). */
  readonly yourLanes: { readonly batchId: string; readonly lane: 1 | 2 | null }[];
  readonly winner: WinnerRuleView | null;
  /** The profile's paper rules, so the page counts the papers just typed as the server will. */
  readonly paperRules: PaperRules;
}

/** Who holds each lane of each batch, the actor's own lanes, and the winner rule of the count's form. */
export async function getEntryContext(
  ctx: ServiceContext,
  actor: Actor,
  countId: string,
): Promise<Result<EntryContext>> {
  const loaded = await loadCount(ctx, actor, countId, 'read');
  if (!loaded.ok) return loaded;
  const { count, pe } = loaded.value;
  const db = ctx.store.db;
  const [rows, batches] = await Promise.all([repo.laneEntrants(db, countId), repo.listBatches(db, countId)]);
  const lanes: LaneHolder[] = [];
  for (const b of batches) {
    for (const lane of [1, 2] as const) {
      const here = rows.filter((r) => r.batch_id === b.id && r.lane === lane);
      if (here.length === 0) continue;
      lanes.push({
        batchId: b.id,
        lane,
        // Papers carried in an offline package have no account of this server.
        names: here.map((r) => r.display_name ?? (r.entered_by ? 'Tài khoản không còn' : 'Nhập từ máy khác')),
        mine: here.some((r) => r.entered_by === actor.userId),
      });
    }
  }
  const doubleEntry = count.double_entry === 1;
  const yourLanes = batches.map((b) => {
    const own = lanes.find((l) => l.batchId === b.id && l.mine);
    return { batchId: b.id, lane: own ? own.lane : doubleEntry ? null : (1 as const) };
  });
  const rule = pe.profile.winner.value[count.form as ElectionForm];
  const winner = rule
    ? {
        threshold: rule.threshold,
        requireHighest: rule.requireHighest,
        text: winnerText(rule.threshold, rule.requireHighest),
        citation: formatCitation(pe.profile.winner.citation),
        confidence: CONFIDENCE_VI[pe.profile.winner.confidence],
      }
    : null;
  return ok({
    countId,
    doubleEntry,
    lanes,
    yourLanes,
    winner,
    paperRules: paperRulesOf(pe.profile, count.seats),
  });
}

function winnerText(t: Threshold, requireHighest: boolean): string {
  return requireHighest
    ? `Trúng cử: đạt số phiếu cao nhất và ${describeThreshold(t)}`
    : `Trúng cử: đạt ${describeThreshold(t)}`;
}

export const otherLaneFailure = (e: OtherLaneTaken) => err(failures.conflict('lane', e.message));
