import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

/** A commune's own DOCX wording for a form (filled from the same data; nothing in it is executed). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('form_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('docx', bytes, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('form_templates_commune_form')
    .on('form_templates')
    .columns(['commune_id', 'form_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('form_templates').execute();
}
