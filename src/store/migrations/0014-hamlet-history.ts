import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

/**
 * The hamlet register over time (issue 12): every change to a hamlet with its decision and effective
 * date, the households and residents' groups each change moved (so that counts can be shown as they
 * were on any day), and the dossiers of hamlets being established with their checklist items.
 * No backfill: a hamlet without a recorded establishment existed before the register began.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('hamlet_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('issuing_body', 'text')
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('from_hamlet_ids', 'text', (c) => c.notNull())
    .addColumn('to_hamlet_id', 'text', (c) => c.references('hamlets.id'))
    .addColumn('name_before', 'text')
    .addColumn('name_after', 'text')
    .addColumn('creates_target', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hamlet_changes_commune')
    .on('hamlet_changes')
    .columns(['commune_id', 'effective_on'])
    .execute();

  await db.schema
    .createTable('hamlet_change_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('change_id', 'text', (c) => c.notNull().references('hamlet_changes.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('from_hamlet_id', 'text')
    .addColumn('to_hamlet_id', 'text', (c) => c.notNull())
    .addColumn('name_before', 'text')
    .addColumn('name_after', 'text')
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hamlet_change_moves_subject')
    .on('hamlet_change_moves')
    .columns(['subject', 'subject_id'])
    .execute();

  await db.schema
    .createTable('hamlet_establishments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('exception', 'text')
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('hamlet_id', 'text', (c) => c.references('hamlets.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hamlet_establishment_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('hamlet_establishments.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('doc_date', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('bytes', bytes)
    .addColumn('sha256', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hamlet_establishment_items_key', ['establishment_id', 'item_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hamlet_establishment_items').execute();
  await db.schema.dropTable('hamlet_establishments').execute();
  await db.schema.dropTable('hamlet_change_moves').execute();
  await db.schema.dropTable('hamlet_changes').execute();
}
