/** The community meeting's agenda votes (migration 0019-meeting): inserted, never updated or deleted. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import type { MeetingAgendaVoteTable } from './meeting-agenda-schema';

export type AgendaVoteRow = Selectable<MeetingAgendaVoteTable>;

export async function listVotes(db: Db, electionId: string, round: number): Promise<AgendaVoteRow[]> {
  return db
    .selectFrom('meeting_agenda_votes')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('round', '=', round)
    .orderBy('seq')
    .execute();
}

export async function insertVote(db: Db, row: Insertable<MeetingAgendaVoteTable>): Promise<void> {
  await db.insertInto('meeting_agenda_votes').values(row).execute();
}
