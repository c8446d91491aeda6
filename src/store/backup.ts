import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from './database';
import type { DatabaseSchema } from './schema';
import { verifyAuditChain } from './audit-repo';
import type { ChainCheck } from './audit-repo';

/** A consistent copy of a live SQLite database (VACUUM INTO takes a read transaction). */
export async function backupSqlite(store: Store, file: string): Promise<void> {
  await sql`VACUUM INTO ${file}`.execute(store.db);
}

export interface BackupCheck {
  readonly integrity: string;
  readonly migration: string | null;
  readonly audit: ChainCheck;
  readonly lastEventAt: string | null;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Opens a backup file read-only and checks it: SQLite integrity, schema version, audit chain. */
export async function checkSqliteFile(
  file: string,
): Promise<BackupCheck | { readonly error: 'not-found' | 'not-sqlite' | 'not-baucoso' }> {
  if (!existsSync(file)) return { error: 'not-found' };
  if (readFileSync(file).subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return { error: 'not-sqlite' };
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
  try {
    const integrity = String(
      (database.pragma('integrity_check', { simple: true }) as string | undefined) ?? 'unknown',
    );
    const tables = database
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .all();
    if (tables.length === 0) return { error: 'not-baucoso' };
    const last = database.prepare('select name from kysely_migration order by name desc limit 1').get() as
      { name: string } | undefined;
    const audit = await verifyAuditChain(db);
    const event = await db
      .selectFrom('audit_events')
      .select('at')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return { integrity, migration: last?.name ?? null, audit, lastEventAt: event?.at ?? null };
  } finally {
    await db.destroy();
  }
}

/** Time of the newest audit event: what "newer data" means when restoring. */
export async function lastAuditEventAt(store: Store): Promise<string | null> {
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
