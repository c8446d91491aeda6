/** Table types of the office-holders register, the commune's decisions and removals (migration 0009-office). */
export interface OfficeTermTable {
  id: string;
  hamlet_id: string;
  resident_group_id: string | null;
  /** head | deputyHead | groupLeader | groupDeputy | groupSecretary */
  position: string;
  holder_name: string;
  resident_id: string | null;
  /** elected | interim | deputyRecognised | imported */
  basis: string;
  election_id: string | null;
  document_id: string | null;
  /** The decision as written when it was not issued here ("QĐ 12/QĐ-UBND ngày ..."). */
  decision_ref: string | null;
  profile_id: string;
  term_label: string | null;
  start_on: string;
  /** Term end (elected, deputy) or the interim limit. */
  planned_end: string | null;
  /** Interim heads: the latest day for the new election. */
  new_election_by: string | null;
  ended_on: string | null;
  /** termEnded | released | dismissed | recalled | replaced | vacated */
  end_reason: string | null;
  end_ref: string | null;
  created_at: string;
  created_by: string | null;
}

export interface OfficeDecisionTable {
  id: string;
  hamlet_id: string;
  election_id: string | null;
  /** recognition | rerun | reply | interim | deputy */
  kind: string;
  decided_on: string;
  due: string | null;
  late: number;
  document_id: string | null;
  data: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface RemovalCaseTable {
  id: string;
  hamlet_id: string;
  office_term_id: string;
  profile_id: string;
  /** release | dismissal | recall */
  kind: string;
  trigger: string;
  opened_on: string;
  /** proposed | meetingHeld | rejected | recognised | replied */
  state: string;
  registered: number | null;
  /** JSON: proposal, meeting, documents. */
  data: string;
  recognition_due: string | null;
  decided_on: string | null;
  new_election_by: string | null;
  created_at: string;
  created_by: string | null;
}

export interface RemovalSignatureTable {
  id: string;
  case_id: string;
  household_id: string;
  signer_name: string;
  resident_id: string | null;
  recorded_at: string;
}

export interface OfficeTables {
  office_terms: OfficeTermTable;
  office_decisions: OfficeDecisionTable;
  removal_cases: RemovalCaseTable;
  removal_signatures: RemovalSignatureTable;
}

declare module './schema' {
  // Declaration merging: these tables join the store's schema.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DatabaseSchema extends OfficeTables {}
}
