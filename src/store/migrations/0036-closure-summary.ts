import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { resealExistingRows } from '../reseal';
import { closureSummaryOf } from '../closure-summary';

/**
 * The national roll-up sums every closed head count of the country (70,000 and more): reading each
 * closure's result JSON into JavaScript cost more than the rest of the roll-up. Three columns of
 * the closure row hold what it sums (outcome, registered, voted), written from the same result in
 * the same insert; they are part of the row, so its seal covers them and `audit verify` proves
 * them like the JSON (every existing closure is sealed again below). Filled here from the JSON;
 * a closure whose JSON does not read keeps nulls and the roll-up reads that one's JSON.
 *
 * The show-of-hands readings are read per count for every dashboard: an index by count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('count_closures').addColumn('outcome', 'text').execute();
  await db.schema.alterTable('count_closures').addColumn('registered', 'integer').execute();
  await db.schema.alterTable('count_closures').addColumn('voted', 'integer').execute();
  let after = '';
  for (;;) {
    const rows = await sql<{ count_id: string; result: string }>`
      select count_id, result from count_closures where count_id > ${after} order by count_id limit 1000`.execute(
      db,
    );
    if (rows.rows.length === 0) break;
    after = rows.rows[rows.rows.length - 1]!.count_id;
    const values = rows.rows
      .map((r) => ({ id: r.count_id, ...closureSummaryOf(r.result) }))
      .filter((v) => v.outcome !== null || v.registered !== null || v.voted !== null);
    if (values.length === 0) continue;
    // VALUES names its columns column1, column2, ... on both engines.
    await sql`update count_closures set outcome = v.column2,
        registered = cast(v.column3 as integer), voted = cast(v.column4 as integer)
      from (values ${sql.join(values.map((v) => sql`(${v.id}, ${v.outcome}, ${v.registered}, ${v.voted})`))}) as v
      where count_closures.count_id = v.column1`.execute(db);
  }
  await db.schema
    .createIndex('count_hands_count')
    .on('count_hands')
    .columns(['count_id', 'recorded_at'])
    .execute();
  await resealExistingRows(db, 'count_closures', 'count_closures.outcome, registered, voted');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('count_hands_count').execute();
  for (const c of ['voted', 'registered', 'outcome'])
    await db.schema.alterTable('count_closures').dropColumn(c).execute();
}
