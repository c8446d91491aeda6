import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

/**
 * Issued documents and their numbering. A document once issued is kept with its data and both files
 * (DOCX and PDF) and their SHA-256, so it can be downloaded again unchanged; a reissue is a new row
 * that names the one it replaces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Files are bytes: BLOB on SQLite, bytea on PostgreSQL.
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('document_counters')
    .addColumn('issuer_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull().check(sql`last_number >= 0`))
    .addPrimaryKeyConstraint('document_counters_pk', ['issuer_key', 'year', 'symbol'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('symbol', 'text')
    .addColumn('commune_id', 'text', (c) => c.references('communes.id'))
    .addColumn('hamlet_id', 'text', (c) => c.references('hamlets.id'))
    .addColumn('election_id', 'text', (c) => c.references('elections.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('docx', bytes, (c) => c.notNull())
    .addColumn('pdf', bytes, (c) => c.notNull())
    .addColumn('docx_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('replaces_id', 'text', (c) => c.references('documents.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .execute();
  await db.schema.createIndex('documents_commune').on('documents').column('commune_id').execute();
  await db.schema.createIndex('documents_hamlet').on('documents').column('hamlet_id').execute();
  await db.schema
    .createIndex('documents_number')
    .on('documents')
    .columns(['issuer_key', 'year', 'symbol', 'number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('documents').execute();
  await db.schema.dropTable('document_counters').execute();
}
