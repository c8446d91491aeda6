import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * People's history, household representatives, import batches and voter rolls (issue 5). Resident
 * history is append-only: a move, a death or an edit adds a row and never rewrites one. A posted roll is
 * frozen in a numbered snapshot; what changes after posting is an amendment with its reason and approver.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resident_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('created', 'edited', 'moved', 'deceased', 'movedAway', 'imported')`),
    )
    /** The civil date the change took effect (death, move), not when it was typed in. */
    .addColumn('effective_on', 'text')
    .addColumn('reason', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resident_events_resident')
    .on('resident_events')
    .column('resident_id')
    .execute();

  await db.schema
    .createTable('household_representatives')
    .addColumn('household_id', 'text', (c) => c.primaryKey().references('households.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    /** Why someone other than the head represents the household; null for the head. */
    .addColumn('reason', 'text')
    .addColumn('nominated_by_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('file_name', 'text')
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('converted', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('changed', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('voter_rolls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().unique().references('elections.id'))
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('electorate', 'text', (c) =>
      c.notNull().check(sql`electorate in ('householdRepresentatives', 'allVoters')`),
    )
    /** Eligibility (age) is judged on this date: election day. */
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'posted')`))
    .addColumn('built_at', 'text', (c) => c.notNull())
    .addColumn('built_by', 'text')
    .execute();

  await db.schema
    .createTable('voter_roll_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roll_id', 'text', (c) => c.notNull().references('voter_rolls.id'))
    /** Null for an excluded person; numbers never change once posted. */
    .addColumn('roll_number', 'integer')
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('resident_group', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('listed', 'excluded', 'removed')`))
    /** JSON: the refusals (code, rule, citation, message) of an exclusion or the reason of a removal. */
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('amendment_id', 'text')
    .addUniqueConstraint('voter_roll_entries_resident', ['roll_id', 'resident_id'])
    .execute();
  await db.schema.createIndex('voter_roll_entries_roll').on('voter_roll_entries').column('roll_id').execute();

  await db.schema
    .createTable('voter_roll_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roll_id', 'text', (c) => c.notNull().references('voter_rolls.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('posted_on', 'text', (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull())
    /** JSON: the listed entries as posted, frozen. */
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('voter_roll_snapshots_number', ['roll_id', 'number'])
    .execute();

  await db.schema
    .createTable('voter_roll_amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roll_id', 'text', (c) => c.notNull().references('voter_rolls.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('add', 'remove', 'correct')`))
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('roll_number', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    /** After the cut-off only with the commune chair's approval, recorded here. */
    .addColumn('chair_override', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('voter_roll_amendments_seq', ['roll_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'voter_roll_amendments',
    'voter_roll_snapshots',
    'voter_roll_entries',
    'voter_rolls',
    'import_batches',
    'household_representatives',
    'resident_events',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
