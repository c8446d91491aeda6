import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import type { MigrationProvider, Migration } from 'kysely';
import pg from 'pg';
import { CheckpointWriter, checkpointFileIn } from './checkpoint';
import type { DatabaseConfig } from './config';
import type { DatabaseSchema } from './schema';
import { FastSqliteDialect } from './sqlite-dialect';
import { WalCheckpointer, WRITER_CHECKPOINT_PAGES } from './wal-checkpointer';

export type DatabaseKind = 'sqlite' | 'postgres';

/** An open database: the Kysely handle plus what differs between the two engines. */
export interface Store {
  readonly db: Kysely<DatabaseSchema>;
  readonly kind: DatabaseKind;
  /** PostgreSQL schema the store works in, when not the default (tests use one per file). */
  readonly schema?: string;
  /** The witness file of the chain head outside the database (checkpoint.ts); none in memory. */
  readonly checkpoints?: CheckpointWriter;
  /**
   * SQLite with a read connection beside the write connection (a database file): reads outside a
   * transaction do not wait for a write transaction, so concurrent writes can share one commit.
   */
  readonly readsBesideWrites?: boolean;
  close(): Promise<void>;
}

export type Db = Kysely<DatabaseSchema>;

// PostgreSQL returns int8 (count(*), sum) as strings; we only count rows that fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Closes the database after writing its head to the witness file (a store never migrated has none). */
function closer(db: Kysely<DatabaseSchema>, checkpoints: CheckpointWriter | undefined): () => Promise<void> {
  return async () => {
    if (checkpoints) await checkpoints.close(db).catch(() => undefined);
    await db.destroy();
  };
}

export function openStore(config: DatabaseConfig): Store {
  if (config.kind === 'sqlite') return openSqlite(config.file);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  const checkpoints = config.dataDir ? new CheckpointWriter(checkpointFileIn(config.dataDir)) : undefined;
  return {
    db,
    kind: 'postgres',
    ...(config.schema ? { schema: config.schema } : {}),
    ...(checkpoints ? { checkpoints } : {}),
    close: closer(db, checkpoints),
  };
}

function openSqlite(file: string): Store {
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  // WAL lets the dashboard read while the count writes; the busy timeout makes a second
  // process wait for the lock instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  tuneConnection(database);
  // Reads outside a transaction go to their own connection, so that they never wait behind a
  // write transaction (sqlite-dialect.ts). A database in memory cannot be opened twice.
  const beside = inMemory ? undefined : besideTheWriter(database, file);
  const db = new Kysely<DatabaseSchema>({ dialect: new FastSqliteDialect(database, beside) });
  const checkpoints = inMemory ? undefined : new CheckpointWriter(checkpointFileIn(dirname(file)));
  return {
    db,
    kind: 'sqlite',
    readsBesideWrites: beside !== undefined,
    ...(checkpoints ? { checkpoints } : {}),
    close: closer(db, checkpoints),
  };
}

/** A database file's read connection, and its checkpoints moved off the writer (wal-checkpointer.ts). */
function besideTheWriter(writer: BetterSqlite3.Database, file: string) {
  writer.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  return {
    reader: tuneConnection(new BetterSqlite3(file, { readonly: true })),
    checkpointer: new WalCheckpointer(file),
  };
}

/** The settings every connection of a SQLite store shares. */
function tuneConnection(database: BetterSqlite3.Database): BetterSqlite3.Database {
  database.pragma('busy_timeout = 5000');
  // The default cache (2 MB) is smaller than the residents' indexes of one district: a bulk import
  // then reads and writes index pages back for almost every row. 64 MB per connection keeps them.
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  return database;
}

/**
 * Kysely looks for its migration tables by name across schemas; with one schema per test file on
 * PostgreSQL, point it at this store's own schema or it sees another file's lock table.
 */
function migrationTables(store: Store): { migrationTableSchema?: string } {
  return store.schema ? { migrationTableSchema: store.schema } : {};
}

/**
 * Every migration: each file of ./migrations/ (NNNN-name.ts), found at start, so a feature adds its
 * tables by adding a file. Names are stable: they are recorded in the database.
 */
const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
export async function loadMigrations(): Promise<Record<string, Migration>> {
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.(ts|js)$/.test(f))
    .sort();
  const entries = await Promise.all(
    files.map(
      async (f) =>
        [f.replace(/\.(ts|js)$/, ''), (await import(`${migrationsDir}${f}`)) as Migration] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** The newest migration: what /api/health reports on an up-to-date database. */
export async function latestMigration(): Promise<string | null> {
  return Object.keys(await loadMigrations()).at(-1) ?? null;
}

const provider: MigrationProvider = { getMigrations: loadMigrations };

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly version: string | null;
}

/** Brings the schema up to date. Safe to run on every start: applied migrations are skipped. */
export async function migrateToLatest(store: Store): Promise<MigrationReport> {
  // Migrations are written on parallel branches; a database that already has a later one must
  // still accept an earlier-numbered one that lands afterwards.
  const migrator = new Migrator({
    db: store.db,
    provider,
    allowUnorderedMigrations: true,
    ...migrationTables(store),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, version: await schemaVersion(store) };
}

/** The name of the last applied migration, or null on an empty database. */
export async function schemaVersion(store: Store): Promise<string | null> {
  const migrator = new Migrator({ db: store.db, provider, ...migrationTables(store) });
  const all = await migrator.getMigrations();
  const done = all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  return done.length > 0 ? (done[done.length - 1] ?? null) : null;
}

/** Serialises writers of the audit chain on PostgreSQL; SQLite transactions are already serial. */
export async function lockAuditChain(db: Db, kind: DatabaseKind): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(727001)`.execute(db);
}
