import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Polling day (issue 7, secret ballot): attendance, the mobile ballot box, opening, interruptions and
 * closing of the poll, spoiled ballots exchanged, and the sealing of unused ballots. Every table is
 * append-only; the database refuses a second check-in of one person (or one roll number) in a round.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('polling_mobile_boxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    /** JSON array of the team members who carried the box. */
    .addColumn('carried_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('left_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('polling_mobile_boxes_number', ['election_id', 'round', 'number'])
    .execute();

  await db.schema
    .createTable('polling_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('roll_snapshot_id', 'text', (c) => c.notNull())
    .addColumn('roll_number', 'integer', (c) => c.notNull().check(sql`roll_number >= 1`))
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('resident_group', 'text')
    .addColumn('found_by', 'text', (c) => c.notNull().check(sql`found_by in ('number', 'name', 'card')`))
    .addColumn('mobile_box_id', 'text', (c) => c.references('polling_mobile_boxes.id'))
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('checked_in_by', 'text')
    .addUniqueConstraint('polling_attendance_person', ['election_id', 'round', 'resident_id'])
    .addUniqueConstraint('polling_attendance_number', ['election_id', 'round', 'roll_number'])
    .execute();

  /** Opening, interruption, resumption, closing (or early close) of the poll, and box returns. */
  await db.schema
    .createTable('polling_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('open', 'interruption', 'resume', 'close', 'boxReturned')`),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('box_sealed', 'integer', (c) => c.check(sql`box_sealed is null or box_sealed in (0, 1)`))
    /** JSON: what the event carries (early close, the box returned, ...). */
    .addColumn('data', 'text')
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('polling_events_seq', ['election_id', 'round', 'seq'])
    .execute();

  /** Ballots of one position: received from the commune, and each spoiled ballot exchanged. */
  await db.schema
    .createTable('polling_ballot_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('received', 'spoiledReplaced')`))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();

  /** Unused ballots counted and sealed before the box is opened: once per position and round. */
  await db.schema
    .createTable('polling_seals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull().check(sql`received >= 0`))
    .addColumn('issued', 'integer', (c) => c.notNull().check(sql`issued >= 0`))
    .addColumn('spoiled', 'integer', (c) => c.notNull().check(sql`spoiled >= 0`))
    .addColumn('unused', 'integer', (c) => c.notNull().check(sql`unused >= 0`))
    .addColumn('witnesses', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addColumn('sealed_by', 'text')
    .addCheckConstraint('polling_seals_balance', sql`issued + spoiled + unused = received`)
    .addUniqueConstraint('polling_seals_position', ['election_id', 'round', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'polling_seals',
    'polling_ballot_movements',
    'polling_events',
    'polling_attendance',
    'polling_mobile_boxes',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
