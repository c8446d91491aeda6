/**
 * Kysely's SQLite dialect, rebuilt for many concurrent requests in one process
 * (bench/count-api.bench.ts):
 *
 * - Prepared statements are cached by their SQL text. Kysely prepares every query anew, and
 *   better-sqlite3's prepare was the largest single cost of a counted paper (about a tenth of the CPU).
 *   A statement that is still iterating (busy) is never handed out twice: a fresh one is prepared.
 * - The write connection is handed to waiters first come, first served. Kysely's own mutex wakes
 *   every waiter on each release and all but one go back to sleep, which with 50 requests in flight
 *   costs 50 wake-ups per query and lets a late request overtake an early one (long tail latency).
 * - A database file gets a second, read-only connection for the reads made outside a transaction.
 *   They see the last committed state (WAL), as every read on PostgreSQL sees it, and no longer wait
 *   behind a write transaction: so the writes of several requests can gather in one transaction and
 *   share its commit (commit-group.ts). Reads inside a transaction use the transaction's connection.
 *   An in-memory database has one connection: every statement takes its turn on it, as before.
 *
 * - A database file's checkpoints run in a worker thread (wal-checkpointer.ts), not inside a commit.
 *
 * Nothing about durability changes: the same pragmas, the same transactions, one writer.
 */
import type { Database, Statement } from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { WalCheckpointer } from './wal-checkpointer';
import type {
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
} from 'kysely';

/** Enough for every distinct query text of the app; beyond it the oldest statement is dropped. */
const CACHE_LIMIT = 1000;

/** Statements of one connection, cached by SQL text. */
export class StatementCache {
  readonly #cache = new Map<string, Statement>();

  constructor(readonly database: Database) {}

  prepare(sql: string): Statement {
    const hit = this.#cache.get(sql);
    if (hit && !hit.busy) return hit;
    const stmt = this.database.prepare(sql);
    if (!hit) {
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value as string);
      this.#cache.set(sql, stmt);
    }
    return stmt;
  }

  close(): void {
    this.#cache.clear();
    this.database.close();
  }
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

function run(cache: StatementCache, query: CompiledQuery): QueryResult<unknown> {
  const stmt = cache.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

const READ_TEXT = /^\s*(select|with)\b/i;

/**
 * The two connections and their locks. The write lock is held by a transaction from `begin` to its
 * end and by each statement that writes outside one; the read lock by each read (a statement is
 * synchronous, so only an open iterator holds it long).
 */
class Connections {
  readonly writeLock = new FifoLock();
  readonly readLock = new FifoLock();
  /** SQL texts answered on the read connection (a `with` that writes is not). */
  readonly #readable = new Map<string, boolean>();

  constructor(
    readonly writer: StatementCache,
    readonly reader: StatementCache | undefined,
    readonly checkpointer: WalCheckpointer | undefined,
  ) {}

  /** The read connection, if this query may run there. */
  readerFor(sql: string): StatementCache | undefined {
    if (!this.reader || !READ_TEXT.test(sql)) return undefined;
    let readable = this.#readable.get(sql);
    if (readable === undefined) {
      readable = this.reader.prepare(sql).readonly;
      if (this.#readable.size >= CACHE_LIMIT) this.#readable.clear();
      this.#readable.set(sql, readable);
    }
    return readable ? this.reader : undefined;
  }
}

/** One user of the store: a query outside a transaction, or a whole transaction. */
class SqliteSession implements DatabaseConnection {
  inTransaction = false;

  constructor(readonly connections: Connections) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const c = this.connections;
    if (this.inTransaction) return run(c.writer, query) as QueryResult<R>;
    const reader = c.readerFor(query.sql);
    const lock = reader ? c.readLock : c.writeLock;
    await lock.acquire();
    try {
      return run(reader ?? c.writer, query) as QueryResult<R>;
    } finally {
      lock.release();
      if (!reader) c.checkpointer?.noteCommit();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!READ_TEXT.test(query.sql)) throw new Error('SQLite streams only select queries');
    const c = this.connections;
    const reader = this.inTransaction ? undefined : c.readerFor(query.sql);
    const lock = this.inTransaction ? undefined : reader ? c.readLock : c.writeLock;
    await lock?.acquire();
    try {
      const stmt = (reader ?? c.writer).prepare(query.sql);
      for (const row of stmt.iterate(query.parameters)) yield { rows: [row as R] };
    } finally {
      lock?.release();
    }
  }
}

class SessionDriver implements Driver {
  constructor(readonly connections: Connections) {}

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new SqliteSession(this.connections));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const session = connection as SqliteSession;
    await this.connections.writeLock.acquire();
    try {
      this.connections.writer.database.exec('begin');
    } catch (e) {
      this.connections.writeLock.release();
      throw e;
    }
    session.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed commit leaves the transaction open: Kysely then calls rollbackTransaction, which ends it.
    this.connections.writer.database.exec('commit');
    this.#release(connection as SqliteSession);
    this.connections.checkpointer?.noteCommit();
    return Promise.resolve();
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const session = connection as SqliteSession;
    if (!session.inTransaction) return Promise.resolve(); // begin failed: nothing is held
    try {
      const database = this.connections.writer.database;
      if (database.inTransaction) database.exec('rollback');
    } finally {
      this.#release(session);
    }
    return Promise.resolve();
  }

  #release(session: SqliteSession): void {
    session.inTransaction = false;
    this.connections.writeLock.release();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  releaseConnection(): Promise<void> {
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await this.connections.checkpointer?.stop();
    this.connections.reader?.close();
    this.connections.writer.close();
  }
}

/**
 * The dialect to open SQLite stores with: `writer` is the connection every write uses; a database
 * file also has a read-only connection and checkpoints in a worker (wal-checkpointer.ts).
 */
export class FastSqliteDialect implements Dialect {
  readonly #connections: Connections;

  constructor(writer: Database, beside?: { reader: Database; checkpointer: WalCheckpointer }) {
    this.#connections = new Connections(
      new StatementCache(writer),
      beside ? new StatementCache(beside.reader) : undefined,
      beside?.checkpointer,
    );
  }

  createDriver(): Driver {
    return new SessionDriver(this.#connections);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
