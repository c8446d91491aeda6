import type { Kysely } from 'kysely';

/**
 * What the voter roll needs beyond 0003: the profile it was built under, the electorate decision
 * (who decided it and under which article, when the profile leaves it to the commune chair), and on
 * each snapshot whether it is the posting or the result of an amendment, so that the latest snapshot
 * is always the roll in force (the count's denominator).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  await db.schema.alterTable('voter_rolls').addColumn('profile_id', 'text').execute();
  /** JSON: {source, decidedBy, citation, reference} of the electorate choice. */
  await db.schema.alterTable('voter_rolls').addColumn('electorate_decision', 'text').execute();
  await db.schema
    .alterTable('voter_roll_snapshots')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('posted'))
    .execute();
  await db.schema.alterTable('voter_roll_snapshots').addColumn('amendment_seq', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('voter_roll_snapshots').dropColumn('amendment_seq').execute();
  await db.schema.alterTable('voter_roll_snapshots').dropColumn('kind').execute();
  await db.schema.alterTable('voter_rolls').dropColumn('electorate_decision').execute();
  await db.schema.alterTable('voter_rolls').dropColumn('profile_id').execute();
}
