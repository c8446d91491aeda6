import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * The community meeting's agenda votes (DOMAIN.md §2.1 step 8, ND59 Điều 3 khoản 5): the opening
 * with the number present (quorum), the secretary, the voting form and the counting team, each with
 * its show-of-hands vote, the threshold it was checked against and whether it passed. Append-only:
 * a rejected proposal stays recorded and a new proposal is a new row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meeting_agenda_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('step', 'text', (c) =>
      c.notNull().check(sql`step in ('opening', 'secretary', 'votingForm', 'countingTeam')`),
    )
    /** JSON: what was proposed ({ name } / { method } / { members }); {} for the opening. */
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull().check(sql`present >= 0`))
    .addColumn('votes_for', 'integer', (c) => c.notNull().check(sql`votes_for >= 0`))
    .addColumn('against', 'integer', (c) => c.notNull().check(sql`against >= 0`))
    .addColumn('abstained', 'integer', (c) => c.notNull().check(sql`abstained >= 0`))
    .addColumn('passed', 'integer', (c) => c.notNull().check(sql`passed in (0, 1)`))
    /** JSON: the threshold applied, its citation and confidence, as they were at the vote. */
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('meeting_agenda_votes_seq', ['election_id', 'round', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meeting_agenda_votes').execute();
}
