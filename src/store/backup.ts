import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from './database';
import type { DatabaseSchema } from './schema';
import { chainHead } from './audit-repo';
import type { Checkpoint } from './checkpoint';
import { verifyTrail } from './trail-check';
import type { TrailCheck } from './trail-check';

/** A consistent copy of a live SQLite database (VACUUM INTO takes a read transaction). */
export async function backupSqlite(store: Store, file: string): Promise<void> {
  await sql`VACUUM INTO ${file}`.execute(store.db);
}

export interface BackupCheck {
  readonly integrity: string;
  readonly migration: string | null;
  /** Chain, record and checkpoint, as `audit verify` checks them. */
  readonly trail: TrailCheck;
  readonly lastEventAt: string | null;
  /** The chain head the backup holds, and the checkpoint written into it when it was made. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly checkpoint: Checkpoint | null;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** The table a backup carries its checkpoint in (never part of a live database). */
const BACKUP_CHECKPOINTS = 'backup_checkpoints';

/**
 * Writes into a fresh backup copy the checkpoint it is checked against: the witness file's latest
 * line when it was read before the copy was taken (so it names an event the copy holds).
 */
export function embedCheckpoint(file: string, checkpoint: Checkpoint | null): void {
  const database = new BetterSqlite3(file, { fileMustExist: true });
  try {
    database.exec(
      `create table ${BACKUP_CHECKPOINTS} (seq integer not null, hash text not null, at text not null)`,
    );
    if (checkpoint)
      database
        .prepare(`insert into ${BACKUP_CHECKPOINTS} (seq, hash, at) values (?, ?, ?)`)
        .run(checkpoint.seq, checkpoint.hash, checkpoint.at);
  } finally {
    database.close();
  }
}

/** Removes the backup's own checkpoint table from a restored database file. */
export function dropEmbeddedCheckpoint(file: string): void {
  const database = new BetterSqlite3(file, { fileMustExist: true });
  try {
    database.exec(`drop table if exists ${BACKUP_CHECKPOINTS}`);
  } finally {
    database.close();
  }
}

export type BackupFileError = 'not-found' | 'not-sqlite' | 'not-baucoso' | 'corrupt';

/**
 * Opens a backup file read-only and checks it: SQLite integrity, schema version, and the audit
 * chain, the record's seals and the chain against `against` (else the checkpoint the backup
 * carries). A truncated or damaged file is an answer ('corrupt'), not an exception.
 */
export async function checkSqliteFile(
  file: string,
  against?: Checkpoint | null,
): Promise<BackupCheck | { readonly error: BackupFileError; readonly detail?: string }> {
  if (!existsSync(file)) return { error: 'not-found' };
  if (readFileSync(file).subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return { error: 'not-sqlite' };
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { error: 'corrupt', detail: (e as Error).message };
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
  try {
    const integrity = String(
      (database.pragma('integrity_check', { simple: true }) as string | undefined) ?? 'unknown',
    );
    if (integrity !== 'ok') return { error: 'corrupt', detail: integrity };
    const tables = new Set(
      (
        database.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
      ).map((t) => t.name),
    );
    if (!tables.has('kysely_migration') || !tables.has('audit_events')) return { error: 'not-baucoso' };
    const last = database.prepare('select name from kysely_migration order by name desc limit 1').get() as
      { name: string } | undefined;
    const carried = tables.has(BACKUP_CHECKPOINTS)
      ? ((database
          .prepare(`select seq, hash, at from ${BACKUP_CHECKPOINTS} order by seq desc limit 1`)
          .get() as Checkpoint | undefined) ?? null)
      : null;
    const trail = await verifyTrail(db, 'sqlite', against === undefined ? carried : against);
    const event = await db
      .selectFrom('audit_events')
      .select('at')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      integrity,
      migration: last?.name ?? null,
      trail,
      lastEventAt: event?.at ?? null,
      head: await chainHead(db),
      checkpoint: carried,
    };
  } catch (e) {
    // A file cut short passes the header check and fails on the first page it cannot read.
    return { error: 'corrupt', detail: (e as Error).message };
  } finally {
    await db.destroy();
  }
}

/** Time of the newest audit event: what "newer data" means when restoring. */
export async function lastAuditEventAt(store: Store): Promise<string | null> {
  // A fresh data folder has an empty database: no trail, so nothing newer to lose.
  if (!(await hasAuditTable(store))) return null;
  const event = await store.db
    .selectFrom('audit_events')
    .select('at')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return event?.at ?? null;
}

/** Replaces the database file with the backup: copy beside it, then rename, so a crash leaves one or the other. */
export function replaceSqliteFile(backup: string, target: string): void {
  const temporary = `${target}.restoring`;
  copyFileSync(backup, temporary);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(temporary, target);
}

async function hasAuditTable(store: Store): Promise<boolean> {
  const tables = await store.db.introspection.getTables();
  return tables.some((t) => t.name === 'audit_events');
}
