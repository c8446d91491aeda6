import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { createSealTriggers, dropSealTriggers } from '../record-seals';

/**
 * The agenda gains the meeting's vote on the number and list of candidates the team fixed (Tây Ninh
 * Điều 7 khoản 2 điểm đ): the step column's check admits 'candidateList'. PostgreSQL changes the
 * check in place; SQLite cannot, so the table is rebuilt with the same columns and rows. A row's
 * digest is its columns and values in name order, so every seal still matches and nothing is
 * sealed again; the seal triggers are put back on the new table.
 */
const STEPS_AFTER = `('opening', 'secretary', 'candidateList', 'votingForm', 'countingTeam')`;
const STEPS_BEFORE = `('opening', 'secretary', 'votingForm', 'countingTeam')`;

async function widen(db: Kysely<unknown>, steps: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `ALTER TABLE meeting_agenda_votes DROP CONSTRAINT IF EXISTS meeting_agenda_votes_step_check,
         ADD CONSTRAINT meeting_agenda_votes_step_check CHECK (step in ${steps})`,
      )
      .execute(db);
    return;
  }
  await dropSealTriggers(db, 'sqlite', ['meeting_agenda_votes']);
  await sql
    .raw(
      `CREATE TABLE meeting_agenda_votes_next (
        id text PRIMARY KEY,
        election_id text NOT NULL REFERENCES elections (id),
        round integer NOT NULL CHECK (round >= 1),
        seq integer NOT NULL CHECK (seq >= 1),
        step text NOT NULL CHECK (step in ${steps}),
        subject text NOT NULL,
        present integer NOT NULL CHECK (present >= 0),
        votes_for integer NOT NULL CHECK (votes_for >= 0),
        against integer NOT NULL CHECK (against >= 0),
        abstained integer NOT NULL CHECK (abstained >= 0),
        passed integer NOT NULL CHECK (passed in (0, 1)),
        rule text NOT NULL,
        recorded_at text NOT NULL,
        recorded_by text,
        CONSTRAINT meeting_agenda_votes_seq UNIQUE (election_id, round, seq)
      )`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO meeting_agenda_votes_next (id, election_id, round, seq, step, subject, present,
        votes_for, against, abstained, passed, rule, recorded_at, recorded_by)
       SELECT id, election_id, round, seq, step, subject, present, votes_for, against, abstained,
        passed, rule, recorded_at, recorded_by FROM meeting_agenda_votes`,
    )
    .execute(db);
  await sql.raw(`DROP TABLE meeting_agenda_votes`).execute(db);
  await sql.raw(`ALTER TABLE meeting_agenda_votes_next RENAME TO meeting_agenda_votes`).execute(db);
  await createSealTriggers(db, 'sqlite', ['meeting_agenda_votes']);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await widen(db, STEPS_AFTER);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM meeting_agenda_votes WHERE step = 'candidateList'`.execute(db);
  await widen(db, STEPS_BEFORE);
}
