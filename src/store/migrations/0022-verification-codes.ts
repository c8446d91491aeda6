import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { appendAudit } from '../audit-repo';

/**
 * The verification code printed on each issued document, and the sequence number of the audit
 * event that issued it (its position in the chain). Documents issued before have neither.
 *
 * A new column changes every existing document row's digest, so the rows already there are sealed
 * again by one event, as the migration that added sealing did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  await db.schema.alterTable('documents').addColumn('verification_code', 'text').execute();
  await db.schema.alterTable('documents').addColumn('chain_seq', 'integer').execute();
  await db.schema
    .createIndex('documents_verification_code')
    .unique()
    .on('documents')
    .column('verification_code')
    .execute();
  const added = await sql`insert into record_changes (tbl, row_key)
    select 'documents', cast(id as text) from documents where true
    on conflict do nothing`.execute(db);
  const rows = Number(added.numAffectedRows ?? 0);
  if (rows > 0) {
    await appendAudit(db, kind, {
      userId: null,
      action: 'record.sealed-existing',
      entity: 'record',
      entityId: null,
      data: { rows, reason: 'documents.verification_code' },
      at: new Date().toISOString(),
    });
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('documents_verification_code').execute();
  await db.schema.alterTable('documents').dropColumn('chain_seq').execute();
  await db.schema.alterTable('documents').dropColumn('verification_code').execute();
}
