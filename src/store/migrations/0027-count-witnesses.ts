import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { createSealTriggers } from '../record-seals';

/**
 * The two voters who witness the count (ND59 Mẫu 02; Quảng Trị QĐ 01/2016 Điều 15 khoản 2 điểm d;
 * Tây Ninh Điều 16 khoản 3 điểm d): residents on the election's posted roll, not candidates, recorded
 * per position and round (at the sealing of the unused ballots or when the count opens), so the
 * count record lists the people who were there and not names typed on a form. Append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  await db.schema
    .createTable('count_witnesses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('count_witnesses_person', ['election_id', 'round', 'position', 'resident_id'])
    .addUniqueConstraint('count_witnesses_seq', ['election_id', 'round', 'position', 'seq'])
    .execute();
  await createSealTriggers(db, kind, ['count_witnesses']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('count_witnesses').execute();
}
