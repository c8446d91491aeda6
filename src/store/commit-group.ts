/**
 * Group commit for SQLite: audited writes that are waiting for the database at the same moment run
 * one after the other inside one transaction and share its commit, the costliest statement of a
 * small write (bench/count-api.bench.ts). Each write keeps everything it had alone:
 *
 * - its own savepoint: a write that fails is rolled back to it and changes nothing, the others go on;
 * - its own audit event and seals (the caller appends them inside `run`), in the order the writes
 *   ran, so the chain is the one the same writes would make one transaction each;
 * - its answer only after the commit: a write is acknowledged when it is durable, and if the
 *   commit fails, every write of the group fails and none is acknowledged.
 *
 * Nothing waits to form a group: the first write starts a transaction at once, and the writes that
 * arrive while it waits for the connection or runs join it (up to MAX_GROUP). SQLite runs one
 * transaction at a time on its one connection anyway, so writes were already serial; they now
 * share the commit. PostgreSQL is not grouped (callers run their own transaction there).
 */
import { sql } from 'kysely';
import type { Db } from './database';
import { changesMadeOutside } from './record-seals';

/** Bounds how long the first write of a group waits for its commit behind the others. */
const MAX_GROUP = 64;

interface Member {
  readonly run: (trx: Db, outside: ReadonlySet<string>) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Group {
  readonly queue: Member[];
  running: boolean;
}

const groups = new WeakMap<Db, Group>();

/**
 * Runs `run` in the current commit group of `db` (a SQLite store's handle) and answers once the
 * group has committed. `outside` is the set of record changes pending before the group's
 * transaction began (recordSeals.changesMadeOutside): made outside the application, never sealed.
 */
export function inCommitGroup<T>(
  db: Db,
  run: (trx: Db, outside: ReadonlySet<string>) => Promise<T>,
): Promise<T> {
  let group = groups.get(db);
  if (!group) {
    group = { queue: [], running: false };
    groups.set(db, group);
  }
  const g = group;
  return new Promise<T>((resolve, reject) => {
    g.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
    if (!g.running) void drain(db, g);
  });
}

async function drain(db: Db, g: Group): Promise<void> {
  g.running = true;
  try {
    while (g.queue.length > 0) {
      const taken: Member[] = [];
      const outcomes: (() => void)[] = [];
      try {
        await db.transaction().execute(async (trx) => {
          const outside = await changesMadeOutside(trx);
          while (g.queue.length > 0 && taken.length < MAX_GROUP) {
            const m = g.queue.shift()!;
            taken.push(m);
            await sql`savepoint grouped_write`.execute(trx);
            try {
              const value = await m.run(trx, outside);
              await sql`release grouped_write`.execute(trx);
              outcomes.push(() => m.resolve(value));
            } catch (e) {
              // A failed write leaves nothing; if the transaction itself is gone, these throw and
              // the whole group fails below.
              await sql`rollback to grouped_write`.execute(trx);
              await sql`release grouped_write`.execute(trx);
              outcomes.push(() => m.reject(e));
            }
          }
        });
        for (const settle of outcomes) settle();
      } catch (e) {
        // Nothing of the group was committed: every write of it fails (a transaction that could
        // not even begin fails the writes waiting for it).
        const failed = taken.length > 0 ? taken : g.queue.splice(0);
        for (const m of failed) m.reject(e);
      }
    }
  } finally {
    g.running = false;
  }
}
