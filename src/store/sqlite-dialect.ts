/**
 * Kysely's SQLite dialect with two fixes for many concurrent requests (bench/count-api.bench.ts):
 *
 * - Prepared statements are cached by their SQL text. Kysely prepares every query anew, and
 *   better-sqlite3's prepare was the largest single cost of a counted paper (about a tenth of the CPU).
 *   A statement that is still iterating (busy) is never handed out twice: a fresh one is prepared.
 * - The single connection is handed to waiters first come, first served. Kysely's own mutex wakes
 *   every waiter on each release and all but one go back to sleep, which with 50 requests in flight
 *   costs 50 wake-ups per query and lets a late request overtake an early one (long tail latency).
 *
 * Nothing about durability changes: the same connection, the same pragmas, the same transactions.
 */
import type { Database, Statement } from 'better-sqlite3';
import { SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct query text of the app; beyond it the oldest statement is dropped. */
const CACHE_LIMIT = 1000;

/** The better-sqlite3 handle as Kysely sees it, with `prepare` answered from a cache. */
export function cachingDatabase(database: Database): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const stmt = database.prepare(sql);
      if (!hit) {
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/** A first-come-first-served lock: each release wakes exactly the next waiter. */
class FifoLock {
  #held = false;
  readonly #waiters: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next)
      next(); // the lock passes straight to the next waiter
    else this.#held = false;
  }
}

class FifoSqliteDriver extends SqliteDriver implements Driver {
  readonly #lock = new FifoLock();
  #connection: DatabaseConnection | undefined;

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    // The parent's connection object is private; the parent hands it out once its own mutex
    // (never contended any more, since only the holder of our lock gets here) is taken.
    this.#connection ??= await super.acquireConnection();
    return this.#connection;
  }

  override releaseConnection(): Promise<void> {
    this.#lock.release();
    return Promise.resolve();
  }
}

/** The dialect to open SQLite stores with. */
export class FastSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;

  constructor(database: Database) {
    const cached = cachingDatabase(database);
    super({ database: cached });
    this.#database = cached;
  }

  override createDriver(): Driver {
    return new FifoSqliteDriver({ database: this.#database });
  }
}
