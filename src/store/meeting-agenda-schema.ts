/** Table types of the community meeting's agenda votes (migration 0019-meeting). Rows are append-only. */
export interface MeetingAgendaVoteTable {
  id: string;
  election_id: string;
  round: number;
  seq: number;
  step: string;
  subject: string;
  present: number;
  votes_for: number;
  against: number;
  abstained: number;
  passed: number;
  rule: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface MeetingAgendaTables {
  meeting_agenda_votes: MeetingAgendaVoteTable;
}

declare module './schema' {
  // Declaration merging: these tables join the store's schema.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DatabaseSchema extends MeetingAgendaTables {}
}
