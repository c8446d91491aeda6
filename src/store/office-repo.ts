/** The office-holders register, the commune's decisions and removal cases (migration 0009-office). */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from './database';
import { rowsOfIds } from './chunks';
import { sql } from 'kysely';
import type {
  OfficeDecisionTable,
  OfficeTermTable,
  RemovalCaseTable,
  RemovalSignatureTable,
} from './office-schema';
import type { OfficeRecordTable } from './hamlet-facts-schema';

export type TermRow = Selectable<OfficeTermTable>;
export type DecisionRow = Selectable<OfficeDecisionTable>;
export type CaseRow = Selectable<RemovalCaseTable>;
export type SignatureRow = Selectable<RemovalSignatureTable>;

export async function insertTerm(db: Db, row: Insertable<OfficeTermTable>): Promise<void> {
  await db.insertInto('office_terms').values(row).execute();
}

export async function getTerm(db: Db, id: string): Promise<TermRow | undefined> {
  return db.selectFrom('office_terms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every term of the commune's hamlets, oldest first: the history. */
export async function listTermsOfCommune(db: Db, communeId: string): Promise<TermRow[]> {
  return db
    .selectFrom('office_terms as t')
    .innerJoin('hamlets as h', 'h.id', 't.hamlet_id')
    .selectAll('t')
    .where('h.commune_id', '=', communeId)
    .orderBy('t.start_on')
    .orderBy('t.created_at')
    .execute();
}

export async function listTermsOfHamlet(db: Db, hamletId: string): Promise<TermRow[]> {
  return db
    .selectFrom('office_terms')
    .selectAll()
    .where('hamlet_id', '=', hamletId)
    .orderBy('start_on')
    .orderBy('created_at')
    .execute();
}

export async function endTerm(
  db: Db,
  id: string,
  end: { ended_on: string; end_reason: string; end_ref: string | null },
): Promise<void> {
  await db.updateTable('office_terms').set(end).where('id', '=', id).where('ended_on', 'is', null).execute();
}

export async function insertDecision(db: Db, row: Insertable<OfficeDecisionTable>): Promise<void> {
  await db.insertInto('office_decisions').values(row).execute();
}

export async function listDecisionsOfElection(db: Db, electionId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('office_decisions')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('recorded_at')
    .execute();
}

export async function listDecisionsOfCommune(db: Db, communeId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('office_decisions as d')
    .innerJoin('hamlets as h', 'h.id', 'd.hamlet_id')
    .selectAll('d')
    .where('h.commune_id', '=', communeId)
    .orderBy('d.recorded_at')
    .execute();
}

export async function insertCase(db: Db, row: Insertable<RemovalCaseTable>): Promise<void> {
  await db.insertInto('removal_cases').values(row).execute();
}

export async function getCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('removal_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCase(
  db: Db,
  id: string,
  set: Partial<
    Pick<CaseRow, 'state' | 'data' | 'recognition_due' | 'decided_on' | 'new_election_by' | 'registered'>
  >,
): Promise<void> {
  await db.updateTable('removal_cases').set(set).where('id', '=', id).execute();
}

export async function listCasesOfCommune(db: Db, communeId: string): Promise<CaseRow[]> {
  return db
    .selectFrom('removal_cases as c')
    .innerJoin('hamlets as h', 'h.id', 'c.hamlet_id')
    .selectAll('c')
    .where('h.commune_id', '=', communeId)
    .orderBy('c.created_at')
    .execute();
}

export async function insertSignatures(
  db: Db,
  rows: readonly Insertable<RemovalSignatureTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('removal_signatures')
      .values([...rows])
      .execute();
}

export async function listSignatures(db: Db, caseId: string): Promise<SignatureRow[]> {
  return db.selectFrom('removal_signatures').selectAll().where('case_id', '=', caseId).execute();
}

/** Elections of the commune in one state, with their hamlet. */
export async function electionsInState(db: Db, communeId: string, states: readonly string[]) {
  return db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .leftJoin('resident_groups as g', 'g.id', 'e.resident_group_id')
    .select([
      'e.id',
      'e.hamlet_id as hamletId',
      'h.name as hamletName',
      'h.kind as hamletKind',
      'e.position',
      'e.term_label as termLabel',
      'e.profile_id as profileId',
      'e.election_date as electionDate',
      'e.state',
      'e.round',
      'e.resident_group_id as residentGroupId',
      'g.name as groupName',
    ])
    .where('h.commune_id', '=', communeId)
    .where('e.state', 'in', [...states])
    .orderBy('h.name')
    .execute();
}

/** A re-election: the same election, its next round, on the new date. */
export async function setElectionRound(
  db: Db,
  id: string,
  round: number,
  electionDate: string,
): Promise<void> {
  await db
    .updateTable('elections')
    .set({ round, election_date: electionDate })
    .where('id', '=', id)
    .execute();
}

/** The current (not ended) head of each of the hamlets, oldest first (the caller keeps the last). */
export async function currentHeadsOfHamlets(db: Db, hamletIds: readonly string[]): Promise<TermRow[]> {
  return rowsOfIds<TermRow>(
    db,
    hamletIds,
    (match) => sql`select t.* from office_terms t
      where ${match(sql.ref('t.hamlet_id'))} and t.position = 'head' and t.ended_on is null
      order by t.hamlet_id, t.start_on`,
  );
}

export async function insertRecord(db: Db, row: Insertable<OfficeRecordTable>): Promise<void> {
  await db.insertInto('office_records').values(row).execute();
}

/** Every record of the commune's office-holders, newest first, with its term and hamlet kind. */
export async function listRecordsOfCommune(db: Db, communeId: string) {
  return db
    .selectFrom('office_records as r')
    .innerJoin('office_terms as t', 't.id', 'r.office_term_id')
    .innerJoin('hamlets as h', 'h.id', 'r.hamlet_id')
    .select([
      'r.id',
      'r.office_term_id',
      'r.hamlet_id',
      'r.kind',
      'r.form',
      'r.decided_on',
      'r.decision_number',
      'r.decision_body',
      'r.content',
      'r.recorded_at',
      't.holder_name',
      't.position',
      't.profile_id',
      'h.kind as hamlet_kind',
    ])
    .where('h.commune_id', '=', communeId)
    .orderBy('r.decided_on', 'desc')
    .orderBy('r.recorded_at', 'desc')
    .execute();
}

/** The removal cases of the hamlets (none asked: a query that matches nothing). */
export async function caseKindsOfHamlets(db: Db, hamletIds: readonly string[]) {
  return db
    .selectFrom('removal_cases')
    .select(['id', 'office_term_id', 'kind', 'state'])
    .where('hamlet_id', 'in', hamletIds.length ? [...hamletIds] : [''])
    .execute();
}

/** The residents standing as official, not withdrawn, candidates for head in the election. */
export async function officialHeadCandidateIds(db: Db, electionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('nominations')
    .select('resident_id')
    .where('election_id', '=', electionId)
    .where('position', '=', 'head')
    .where('official', '=', 1)
    .where('withdrawn', '=', 0)
    .execute();
  return rows.map((r) => r.resident_id);
}

/** The active residents of a hamlet with their household and its recorded representative, by household code. */
export async function hamletPeopleRows(db: Db, hamletId: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('household_representatives as hr', 'hr.household_id', 'h.id')
    .select([
      'r.id',
      'r.full_name',
      'r.birth_date',
      'r.relation',
      'h.id as householdId',
      'h.code',
      'h.address',
      'hr.resident_id as repId',
    ])
    .where('h.hamlet_id', '=', hamletId)
    .where('r.status', '=', 'active')
    .orderBy('h.code')
    .execute();
}
