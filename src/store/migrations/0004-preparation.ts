import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

/**
 * Preparing an election (issue 6): the commune's plan (a round of elections over some hamlets), its
 * tasks and officials, the history of each election's steps with any chair's override, nominations
 * with their dossier files, the meetings that decide the list, complaints, and the election team.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('election_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
    .addColumn('term_label', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('ballot_method', 'text')
    .addColumn('electorate', 'text', (c) => c.notNull())
    .addColumn('final_deadline', 'text')
    .addColumn('chair_name', 'text', (c) => c.notNull())
    .addColumn('front_chair_name', 'text', (c) => c.notNull())
    .addColumn('plan_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('election_rounds_commune').on('election_rounds').column('commune_id').execute();

  // Per-hamlet details of an election planned in a round.
  await db.schema.alterTable('elections').addColumn('round_id', 'text').execute();
  await db.schema.alterTable('elections').addColumn('form', 'text').execute();
  await db.schema.alterTable('elections').addColumn('start_time', 'text').execute();
  await db.schema.alterTable('elections').addColumn('venue', 'text').execute();

  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('election_rounds.id'))
    .addColumn('hamlet_id', 'text', (c) => c.references('hamlets.id'))
    .addColumn('election_id', 'text', (c) => c.references('elections.id'))
    .addColumn('step_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('timeline', 'plan', 'custom')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('todo', 'doing', 'done')`))
    .addColumn('citation', 'text')
    .addColumn('done_on', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_tasks_round').on('plan_tasks').column('round_id').execute();

  await db.schema
    .createTable('hamlet_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('election_rounds.id'))
    .addColumn('hamlet_id', 'text', (c) => c.references('hamlets.id'))
    .addColumn('official_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deadline_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('authorised_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  // Append-only: a step once recorded is never updated or deleted.
  await db.schema
    .createTable('election_state_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text')
    .addColumn('due', 'text')
    .addColumn('override_id', 'text', (c) => c.references('deadline_overrides.id'))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('election_state_changes_seq', ['election_id', 'seq'])
    .execute();

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('frontCommittee', 'households', 'self')`),
    )
    .addColumn('nominated_on', 'text', (c) => c.notNull())
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('occupation', 'text', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('exception_reason', 'text')
    .addColumn('drafted', 'integer', (c) => c.notNull())
    .addColumn('approved', 'integer')
    .addColumn('official', 'integer', (c) => c.notNull())
    .addColumn('ballot_order', 'integer')
    .addColumn('withdrawn', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nominations_person', ['election_id', 'position', 'resident_id'])
    .execute();

  await db.schema
    .createTable('candidate_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('letter', 'cv', 'other')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', bytes, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('frontCommittee', 'votersConference', 'jointConference')`),
    )
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text')
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('chair_name', 'text', (c) => c.notNull())
    .addColumn('chair_position', 'text', (c) => c.notNull())
    .addColumn('secretary_name', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('convened', 'integer', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('absences', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('quorum', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();

  await db.schema
    .createTable('meeting_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id'))
    .addColumn('list_order', 'integer', (c) => c.notNull())
    .addColumn('agree', 'integer')
    .addColumn('approved', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`subject in ('candidate', 'roll')`))
    .addColumn('nomination_id', 'text', (c) => c.references('nominations.id'))
    .addColumn('complainant', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('received', 'handled', 'closed', 'queued')`),
    )
    .addColumn('resolution', 'text')
    .addColumn('resolved_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('represents', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('leader', 'secretary', 'member', 'witness')`),
    )
    .addColumn('front_head', 'integer', (c) => c.notNull())
    .addColumn('front_member', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'team_members',
    'complaints',
    'meeting_votes',
    'meetings',
    'candidate_files',
    'nominations',
    'election_state_changes',
    'deadline_overrides',
    'hamlet_assignments',
    'plan_tasks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['venue', 'start_time', 'form', 'round_id']) {
    await db.schema.alterTable('elections').dropColumn(column).execute();
  }
  await db.schema.dropTable('election_rounds').execute();
}
