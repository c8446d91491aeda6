import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { appendAudit } from './audit-repo';
import type { SealedTable } from './record-seals';
import { SEALED_TABLES } from './record-seals';

/**
 * For a migration that adds a column to a sealed table: the column changes every existing row's
 * digest, so each row is noted as changed and one event seals them all again, as the migration that
 * added sealing did. Without it the record check would report every row as edited.
 */
export async function resealExistingRows(
  db: Kysely<unknown>,
  table: SealedTable,
  reason: string,
): Promise<void> {
  const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const key = SEALED_TABLES[table];
  await sql`insert into record_changes (tbl, row_key)
    select ${table}, cast(${sql.ref(key)} as text) from ${sql.table(table)} where true
    on conflict do nothing`.execute(db);
  // Counted after the insert: a migration that also updated the rows has noted them already.
  const pending = await sql<{
    n: number | string;
  }>`select count(*) as n from record_changes where tbl = ${table}`.execute(db);
  const rows = Number(pending.rows[0]?.n ?? 0);
  if (rows === 0) return;
  await appendAudit(db, kind, {
    userId: null,
    action: 'record.sealed-existing',
    entity: 'record',
    entityId: null,
    data: { rows, reason },
    at: new Date().toISOString(),
  });
}
