/**
 * Memoises the oversight roll-ups for as long as nothing has changed. Every write of the application
 * appends an event to the hash-chained audit trail in the same transaction (`writeWithAudit`), so the
 * chain's head (sequence and hash) names the state of the whole database: a roll-up computed at one
 * head is exact for as long as the head is the same, in every process that shares the database (one
 * indexed read checks it). A province viewer reloading the dashboard, or many viewers at once, then
 * cost one computation per change instead of one per request. Bounded; values are never mutated.
 *
 * A change made in the database file without the application does not move the head, so nothing is
 * memoised or served from the memo while such a change is pending (the record's triggers note it in
 * `record_changes`, and no later write of the application seals it: it stays for verify to report):
 * the results in the roll-ups are recomputed from the papers, and a stored result edited outside is
 * seen at once.
 */
import { audit, oversight as repo } from '../../store';
import type { ServiceContext } from '../common';

const MAX_ENTRIES = 64;
const entries = new Map<string, { head: string; value: unknown }>();

export async function memoUntilChange<T>(
  ctx: ServiceContext,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  // The store is part of the key: tests and benches open several databases in one process.
  const storeKey = `${key}|${storeIds.get(ctx.store) ?? remember(ctx.store)}`;
  if (await repo.recordChangedOutside(ctx.store.db)) {
    entries.delete(storeKey);
    return compute();
  }
  const head = await audit.auditHead(ctx.store.db);
  const hit = entries.get(storeKey);
  if (hit && hit.head === head) return hit.value as T;
  const value = await compute();
  // Only keep it if nothing was written meanwhile; otherwise the next reader recomputes.
  if ((await audit.auditHead(ctx.store.db)) === head) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(storeKey, { head, value });
  }
  return value;
}

const storeIds = new WeakMap<object, number>();
let nextStoreId = 1;
function remember(store: object): number {
  storeIds.set(store, nextStoreId);
  return nextStoreId++;
}

/** Forgets every memoised roll-up (benchmarks measure the computation itself with it). */
export function forgetOversightMemo(): void {
  entries.clear();
}
