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

/** The election team's leader, who chairs the meeting. */
export async function teamLeaderName(db: Db, electionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('team_members')
    .select('full_name')
    .where('election_id', '=', electionId)
    .where('role', '=', 'leader')
    .executeTakeFirst();
  return row?.full_name;
}

/** Where and when the meeting is held: commune, hamlet, date, time, venue, term. */
export async function meetingPlace(db: Db, electionId: string) {
  return db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .innerJoin('communes as c', 'c.id', 'h.commune_id')
    .select([
      'c.name as commune',
      'c.id as communeId',
      'h.id as hamletId',
      'h.kind as hamletKind',
      'e.election_date as date',
      'e.start_time as startTime',
      'e.venue',
      'e.term_label as term',
    ])
    .where('e.id', '=', electionId)
    .executeTakeFirstOrThrow();
}
