import type { Kysely } from 'kysely';
import { resealExistingRows } from '../reseal';

/**
 * The polling sessions the commune fixed for an election, where its profile leaves them to the
 * commune (Tây Ninh Điều 16 k3f): a JSON list of {start, end}; null when the profile's hours apply.
 * The new column changes every election row's digest, so the rows are sealed again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('elections').addColumn('polling_sessions', 'text').execute();
  await resealExistingRows(db, 'elections', 'elections.polling_sessions');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('elections').dropColumn('polling_sessions').execute();
}
