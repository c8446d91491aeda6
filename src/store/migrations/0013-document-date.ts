import type { Kysely } from 'kysely';

/**
 * The civil date a document bears ("ngày 22 tháng 11 năm 2026"): the issuing instant is UTC and can
 * fall on the previous day, so references to a document quote this date, not the instant's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('document_date', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('document_date').execute();
}
