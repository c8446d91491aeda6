import type { Kysely } from 'kysely';
import { resealExistingRows } from '../reseal';

/**
 * Nominations made at the meeting itself (ND59 Điều 3 k5; Tây Ninh Điều 7 k2 d–đ): whether the
 * nomination was made there, who nominated (null: the nominee stood themselves) and the nominee's
 * consent, as the minutes record them. The new columns change every nomination row's digest, so the
 * rows are sealed again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('nominations')
    .addColumn('at_meeting', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('nominations').addColumn('nominated_by', 'text').execute();
  await db.schema.alterTable('nominations').addColumn('consent', 'integer').execute();
  await resealExistingRows(db, 'nominations', 'nominations.at_meeting');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('nominations').dropColumn('consent').execute();
  await db.schema.alterTable('nominations').dropColumn('nominated_by').execute();
  await db.schema.alterTable('nominations').dropColumn('at_meeting').execute();
}
