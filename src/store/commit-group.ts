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
 * The first write starts a transaction at once, and the writes that arrive while it waits for the
 * connection or runs join it (up to MAX_GROUP). With reads on their own connection
 * (sqlite-dialect.ts), the group then lets the event loop turn once before it commits, and again
 * as long as writes keep arriving (at most MAX_TURNS): the requests received meanwhile make their
 * checks and join, instead of each waiting for a commit of its own. A lone write costs one turn of
 * the loop. SQLite runs one write transaction at a time anyway, so writes were already serial; they
 * now share the commit. PostgreSQL is not grouped (callers run their own transaction there).
 */
import { sql } from 'kysely';
import type { Db } from './database';
import { changesMadeOutside } from './record-seals';

/** Bounds how long the first write of a group waits for its commit behind the others. */
const MAX_GROUP = 64;

/** Bounds how many turns of the event loop a group stays open for writes still arriving. */
const MAX_TURNS = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Member {
  readonly run: (trx: Db, outside: ReadonlySet<string>) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Group {
  readonly queue: Member[];
  running: boolean;
  /** Whether to wait a turn for more writes: only when reads do not wait for the open transaction. */
  readonly gather: boolean;
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
  gather = false,
): Promise<T> {
  let group = groups.get(db);
  if (!group) {
    group = { queue: [], running: false, gather };
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
          for (let turn = 0; ; turn++) {
            while (g.queue.length > 0 && taken.length < MAX_GROUP) {
              const m = g.queue.shift()!;
              taken.push(m);
              outcomes.push(await runMember(trx, m, outside));
            }
            if (!g.gather || taken.length >= MAX_GROUP || turn >= MAX_TURNS) break;
            await nextTurn();
            if (g.queue.length === 0) break;
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

/** One write in its own savepoint; answers how to settle its caller once the group is committed. */
async function runMember(trx: Db, m: Member, outside: ReadonlySet<string>): Promise<() => void> {
  await sql`savepoint grouped_write`.execute(trx);
  try {
    const value = await m.run(trx, outside);
    await sql`release grouped_write`.execute(trx);
    return () => m.resolve(value);
  } catch (e) {
    // A failed write leaves nothing; if the transaction itself is gone, these throw and the whole
    // group fails in drain.
    await sql`rollback to grouped_write`.execute(trx);
    await sql`release grouped_write`.execute(trx);
    return () => m.reject(e);
  }
}
