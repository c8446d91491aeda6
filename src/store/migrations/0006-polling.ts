import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Polling day and the count (issue 7). Everything counted is append-only: a paper, a hand count, a
 * resolution or a correction is inserted and never updated or deleted; an undo or a correction is a
 * new row that voids or supersedes an older one with a reason, and results are recomputed from the
 * rows. CHECK constraints make the database itself refuse impossible values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats >= 1`))
    .addColumn('form', 'text', (c) =>
      c.notNull().check(sql`form in ('meeting', 'separateBallot', 'householdBallots')`),
    )
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('papers', 'hands')`))
    .addColumn('ballot_form', 'text', (c) =>
      c.notNull().check(sql`ballot_form in ('strikeOut', 'agreeColumns')`),
    )
    /** JSON: the official candidates in ballot order, frozen when the count opens. */
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull().check(sql`registered >= 1`))
    .addColumn('voted', 'integer', (c) => c.notNull().check(sql`voted >= 0`))
    .addColumn('issued', 'integer', (c) => c.notNull().check(sql`issued >= 0`))
    .addColumn('received', 'integer', (c) => c.notNull().check(sql`received >= 0`))
    .addColumn('double_entry', 'integer', (c) => c.notNull().check(sql`double_entry in (0, 1)`))
    .addColumn('roll_snapshot_id', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addCheckConstraint('counts_received_le_issued', sql`received <= issued`)
    .addCheckConstraint('counts_voted_le_registered', sql`voted <= registered`)
    .addUniqueConstraint('counts_position_round', ['election_id', 'position', 'round'])
    .execute();

  await db.schema
    .createTable('count_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('count_id', 'text', (c) => c.notNull().references('counts.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    /** Papers in the stack, counted by hand before entry. */
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 1 and size <= 1000`))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addUniqueConstraint('count_batches_number', ['count_id', 'number'])
    .execute();

  await db.schema
    .createTable('count_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('count_id', 'text', (c) => c.notNull().references('counts.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull().references('count_batches.id'))
    /** Which of the two independent entries of the stack (1 or 2). */
    .addColumn('lane', 'integer', (c) => c.notNull().check(sql`lane in (1, 2)`))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    /** JSON array of the candidate ids left standing (or marked agree). */
    .addColumn('kept', 'text', (c) => c.notNull())
    .addColumn('defect', 'text', (c) =>
      c.check(
        sql`defect is null or defect in ('unofficial-form', 'unstamped', 'extra-name', 'both-columns')`,
      ),
    )
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('entered_by', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('count_entries_batch')
    .on('count_entries')
    .columns(['batch_id', 'lane', 'seq'])
    .execute();

  await db.schema
    .createTable('count_entry_voids')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().unique().references('count_entries.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) > 0`))
    .addColumn('voided_by', 'text')
    .addColumn('voided_at', 'text', (c) => c.notNull())
    .execute();

  /** How the team settled a paper the two entries disagree on (before the batch closes). */
  await db.schema
    .createTable('count_resolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('count_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('kept', 'text', (c) => c.notNull())
    .addColumn('defect', 'text', (c) =>
      c.check(
        sql`defect is null or defect in ('unofficial-form', 'unstamped', 'extra-name', 'both-columns')`,
      ),
    )
    .addColumn('note', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('count_batch_closures')
    .addColumn('batch_id', 'text', (c) => c.primaryKey().references('count_batches.id'))
    .addColumn('papers', 'integer', (c) => c.notNull().check(sql`papers >= 0`))
    /** SHA-256 of the batch's final papers: a later correction is visible against it. */
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .execute();

  /** A paper re-read after its batch closed: a new record with its reason, superseding the old reading. */
  await db.schema
    .createTable('count_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('count_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('kept', 'text', (c) => c.notNull())
    .addColumn('defect', 'text', (c) =>
      c.check(
        sql`defect is null or defect in ('unofficial-form', 'unstamped', 'extra-name', 'both-columns')`,
      ),
    )
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) >= 5`))
    .addColumn('corrected_by', 'text')
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .execute();

  /** Show of hands at the meeting: one row per candidate reading; the latest reading counts. */
  await db.schema
    .createTable('count_hands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('count_id', 'text', (c) => c.notNull().references('counts.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull().check(sql`votes >= 0`))
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('count_closures')
    .addColumn('count_id', 'text', (c) => c.primaryKey().references('counts.id'))
    /** JSON: the rules engine's result at closing. */
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('corrections', 'integer', (c) => c.notNull().check(sql`corrections >= 0`))
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'count_closures',
    'count_hands',
    'count_corrections',
    'count_batch_closures',
    'count_resolutions',
    'count_entry_voids',
    'count_entries',
    'count_batches',
    'counts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
