import type { Kysely } from 'kysely';
import { resealExistingRows } from '../reseal';

/**
 * Whether a resident's residence type was taken from the import's default (the household list had no
 * "Loại cư trú" column or left the cell blank) rather than read from the list. The roll shows these
 * people so the team verifies them where the profile makes residence a condition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('residents')
    .addColumn('residence_assumed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await resealExistingRows(db, 'residents', 'residents.residence_assumed');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('residents').dropColumn('residence_assumed').execute();
}
