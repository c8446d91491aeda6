import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { appendAudit } from './audit-repo';

/**
 * For a migration that adds a column to a sealed table: every existing row's digest changes, so the
 * rows are noted as changed and one event seals them again (as 0022 did for documents).
 */
export async function resealExistingRows(db: Kysely<unknown>, table: string, reason: string): Promise<void> {
  const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const added = await sql`insert into record_changes (tbl, row_key)
    select ${sql.lit(table)}, cast(id as text) from ${sql.table(table)} where true
    on conflict do nothing`.execute(db);
  const rows = Number(added.numAffectedRows ?? 0);
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
