import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { appendAudit } from '../audit-repo';
import { SEALED_BY_0021, createSealTables, createSealTriggers, dropSealTriggers } from '../record-seals';
import type { SealedTable } from '../record-seals';

/**
 * Seals over the election record (see record-seals.ts): the pending-change and seal tables, the
 * seal hash on each audit event, the triggers on every sealed table, and one event that seals the
 * rows already there, so a database upgraded with data in it verifies from this point on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  await db.schema.alterTable('audit_events').addColumn('seals', 'text').execute();
  await createSealTables(db);
  // The tables as they were when this migration was written; later tables seal themselves.
  const tables = Object.keys(SEALED_BY_0021) as SealedTable[];
  await createSealTriggers(db, kind, tables);
  let existing = 0;
  for (const table of tables) {
    const key = SEALED_BY_0021[table as keyof typeof SEALED_BY_0021];
    const added = await sql`insert into record_changes (tbl, row_key)
      select ${table}, cast(${sql.ref(key)} as text) from ${sql.table(table)}`.execute(db);
    existing += Number(added.numAffectedRows ?? 0);
  }
  if (existing > 0) {
    await appendAudit(db, kind, {
      userId: null,
      action: 'record.sealed-existing',
      entity: 'record',
      entityId: null,
      data: { rows: existing },
      at: new Date().toISOString(),
    });
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  await dropSealTriggers(db, kind, Object.keys(SEALED_BY_0021) as SealedTable[]);
  for (const t of ['record_seals', 'record_changes']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('audit_events').dropColumn('seals').execute();
}
