/** Nominations and their dossier files, meetings and votes, complaints, and the election team. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import type {
  CandidateFileTable,
  ComplaintTable,
  MeetingTable,
  MeetingVoteTable,
  NominationTable,
  TeamMemberTable,
} from './schema';

export type NominationRow = Selectable<NominationTable>;
export type FileRow = Selectable<CandidateFileTable>;
export type FileInfo = Omit<FileRow, 'bytes'>;
export type MeetingRow = Selectable<MeetingTable>;
export type VoteRow = Selectable<MeetingVoteTable>;
export type ComplaintRow = Selectable<ComplaintTable>;
export type TeamMemberRow = Selectable<TeamMemberTable>;

export interface PersonRow {
  readonly id: string;
  readonly fullName: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly residence: string;
  readonly status: string;
  readonly householdId: string;
  readonly hamletId: string;
  readonly address: string;
  readonly groupName: string | null;
}

const personColumns = [
  'r.id',
  'r.full_name as fullName',
  'r.sex',
  'r.birth_date as birthDate',
  'r.residence',
  'r.status',
  'r.household_id as householdId',
  'h.hamlet_id as hamletId',
  'h.address',
  'g.name as groupName',
] as const;

function people(db: Db) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('resident_groups as g', 'g.id', 'h.resident_group_id');
}

export async function getPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return people(db).select(personColumns).where('r.id', '=', id).executeTakeFirst();
}

export async function getPeople(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return people(db)
    .select(personColumns)
    .where('r.id', 'in', [...ids])
    .execute();
}

/** `folded` is lowercase without diacritics; matches anywhere in the name. */
export async function searchPeople(
  db: Db,
  hamletId: string,
  folded: string,
  limit: number,
): Promise<PersonRow[]> {
  const pattern = `%${folded.replace(/[%_\\]/g, '')}%`;
  return people(db)
    .select(personColumns)
    .where('h.hamlet_id', '=', hamletId)
    .where('r.search_name', 'like', pattern)
    .where('r.status', '=', 'active')
    .orderBy('r.search_name')
    .limit(limit)
    .execute();
}

export async function insertNomination(db: Db, row: Insertable<NominationTable>): Promise<void> {
  await db.insertInto('nominations').values(row).execute();
}

export async function getNomination(db: Db, id: string): Promise<NominationRow | undefined> {
  return db.selectFrom('nominations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listNominations(db: Db, electionIds: readonly string[]): Promise<NominationRow[]> {
  if (electionIds.length === 0) return [];
  return db
    .selectFrom('nominations')
    .selectAll()
    .where('election_id', 'in', [...electionIds])
    .orderBy('created_at')
    .execute();
}

export async function updateNomination(
  db: Db,
  id: string,
  set: Partial<
    Pick<
      NominationRow,
      'drafted' | 'approved' | 'official' | 'ballot_order' | 'exception_reason' | 'withdrawn'
    >
  >,
): Promise<void> {
  await db.updateTable('nominations').set(set).where('id', '=', id).execute();
}

export async function insertFile(db: Db, row: FileRow): Promise<void> {
  await db.insertInto('candidate_files').values(row).execute();
}

export async function listFiles(db: Db, nominationIds: readonly string[]): Promise<FileInfo[]> {
  if (nominationIds.length === 0) return [];
  return db
    .selectFrom('candidate_files')
    .select([
      'id',
      'nomination_id',
      'kind',
      'file_name',
      'content_type',
      'sha256',
      'size',
      'uploaded_at',
      'uploaded_by',
    ])
    .where('nomination_id', 'in', [...nominationIds])
    .orderBy('uploaded_at')
    .execute();
}

export async function getFile(db: Db, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('candidate_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMeeting(db: Db, row: MeetingRow, votes: readonly VoteRow[]): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
  if (votes.length > 0)
    await db
      .insertInto('meeting_votes')
      .values([...votes])
      .execute();
}

export async function getMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listMeetings(db: Db, electionId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('held_on')
    .orderBy('recorded_at')
    .execute();
}

export async function listVotes(db: Db, meetingIds: readonly string[]): Promise<VoteRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_votes')
    .selectAll()
    .where('meeting_id', 'in', [...meetingIds])
    .orderBy('list_order')
    .execute();
}

export async function insertComplaint(db: Db, row: ComplaintRow): Promise<void> {
  await db.insertInto('complaints').values(row).execute();
}

export async function getComplaint(db: Db, id: string): Promise<ComplaintRow | undefined> {
  return db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listComplaints(db: Db, electionId: string): Promise<ComplaintRow[]> {
  return db
    .selectFrom('complaints')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('received_on')
    .execute();
}

export async function updateComplaint(
  db: Db,
  id: string,
  set: Partial<Pick<ComplaintRow, 'status' | 'resolution' | 'resolved_on'>>,
): Promise<void> {
  await db.updateTable('complaints').set(set).where('id', '=', id).execute();
}

export async function insertTeamMember(db: Db, row: TeamMemberRow): Promise<void> {
  await db.insertInto('team_members').values(row).execute();
}

export async function listTeam(db: Db, electionId: string): Promise<TeamMemberRow[]> {
  return db
    .selectFrom('team_members')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('created_at')
    .execute();
}

export async function getTeamMember(db: Db, id: string): Promise<TeamMemberRow | undefined> {
  return db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteTeamMember(db: Db, id: string): Promise<void> {
  await db.deleteFrom('team_members').where('id', '=', id).execute();
}

export async function setTeamMemberUser(db: Db, id: string, userId: string): Promise<void> {
  await db.updateTable('team_members').set({ user_id: userId }).where('id', '=', id).execute();
}
