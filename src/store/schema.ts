import type { ColumnType } from 'kysely';

/**
 * The database schema as Kysely sees it. Column conventions, chosen so that one schema runs on
 * SQLite and PostgreSQL alike:
 * - ids are text (UUIDs, or the national statistics code for provinces and communes);
 * - civil dates are 'YYYY-MM-DD' text, instants are ISO-8601 UTC text;
 * - booleans are integers 0/1; structured payloads are JSON text.
 */
export interface ProvinceTable {
  code: string;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** District level (huyện, thị xã, quận): abolished 2025-07-01, kept for 2024 records. */
export interface DistrictTable {
  id: string;
  province_code: string;
  code: string | null;
  name: string;
  valid_to: string | null;
}

export interface CommuneTable {
  id: string;
  code: string;
  name: string;
  province_code: string;
  /** Historical parent for records from before 2025-07-01. */
  district_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface HamletTable {
  id: string;
  commune_id: string;
  name: string;
  kind: string;
  created_at: string;
  dissolved_on: string | null;
}

export interface ResidentGroupTable {
  id: string;
  hamlet_id: string;
  name: string;
  created_at: string;
}

export interface HouseholdTable {
  id: string;
  hamlet_id: string;
  resident_group_id: string | null;
  code: string;
  address: string;
  created_at: string;
}

export interface ResidentTable {
  id: string;
  household_id: string;
  full_name: string;
  /** Lowercase, without diacritics: for "nguyen" to find "Nguyễn". */
  search_name: string;
  sex: string;
  birth_date: string;
  personal_id: string | null;
  relation: string;
  residence: string;
  legal_capacity: string;
  status: string;
  created_at: string;
  /** Added by 0016-edit-versions: optimistic concurrency of edits (store/optimistic.ts). */
  version: ColumnType<number, number | undefined, number>;
  /** Added by 0031: 1 when the residence type is the import's default, not read from the list. */
  residence_assumed: ColumnType<number, number | undefined, number>;
}

export interface ElectionTable {
  id: string;
  hamlet_id: string;
  position: string;
  term_label: string;
  profile_id: string;
  election_date: string | null;
  state: string;
  round: number;
  created_at: string;
  /** Added by 0004-preparation: the commune's plan it belongs to, the form, time and venue. */
  round_id: string | null;
  form: string | null;
  start_time: string | null;
  venue: string | null;
  /** Added by 0029: the sessions the commune fixed, JSON [{start, end}] (Tây Ninh Điều 16 k3f). */
  polling_sessions: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by 0033: the residents' self-managed group the election is of; null for a hamlet's. */
  resident_group_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  /** 'all' | 'province' | 'commune' | 'election' */
  scope_kind: string;
  scope_id: string | null;
  disabled: number;
  created_at: string;
  /** Consecutive failed logins; reset by a successful one. */
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string | null;
  /** Base32 TOTP secret; set during setup, used only once `totp_enabled` is 1. */
  totp_secret: string | null;
  totp_enabled: number;
  /** The step (unix time / 30 s) of the last code accepted; a code is usable once. */
  totp_last_step: number | string | null;
}

export interface SessionTable {
  /** SHA-256 of the session token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
  /** Hash of the rows this event sealed (record_seals at this seq); null when it sealed none. */
  seals: string | null;
}

/** Keys of sealed rows changed in the open transaction, noted by triggers, emptied by sealing. */
export interface RecordChangeTable {
  tbl: string;
  row_key: string;
}

/** The digest of a sealed row as of the audit event `seq` (null: the event deleted it). */
export interface RecordSealTable {
  seq: number;
  tbl: string;
  row_key: string;
  digest: string | null;
}

export interface DocumentCounterTable {
  issuer_key: string;
  year: number;
  symbol: string;
  last_number: number;
}

export interface DocumentTable {
  id: string;
  form_id: string;
  title: string;
  /** The issuing body, e.g. 'commune:24820:ubnd' or 'hamlet:<id>:to-bau-cu'. */
  issuer_key: string;
  year: number;
  /** Null for records that carry no number (minutes, lists, ballots). */
  number: number | null;
  symbol: string | null;
  commune_id: string | null;
  hamlet_id: string | null;
  election_id: string | null;
  data: string;
  docx: Buffer;
  pdf: Buffer;
  docx_sha256: string;
  pdf_sha256: string;
  version: number;
  replaces_id: string | null;
  issued_at: string;
  issued_by: string | null;
  /** The civil date the document bears; null for documents issued before it was recorded. */
  document_date: string | null;
  /** 0022: the code printed on every page (XXXX-XXXX-XXXX); null for documents issued before. */
  verification_code: string | null;
  /** 0022: sequence number of the audit event that issued the document (its chain position). */
  chain_seq: number | null;
}

/** 0004-preparation: the commune's plan for a round of hamlet elections. */
export interface ElectionRoundTable {
  id: string;
  commune_id: string;
  term_label: string;
  profile_id: string;
  /** JSON array of positions. */
  positions: string;
  form: string;
  ballot_method: string | null;
  electorate: string;
  final_deadline: string | null;
  chair_name: string;
  front_chair_name: string;
  plan_date: string;
  created_at: string;
  created_by: string | null;
}

export interface PlanTaskTable {
  id: string;
  round_id: string;
  hamlet_id: string | null;
  election_id: string | null;
  step_id: string | null;
  source: string;
  title: string;
  lead: string;
  /** JSON array of partner bodies. */
  partners: string;
  due: string;
  status: string;
  citation: string | null;
  done_on: string | null;
  sort: number;
  updated_at: string;
  /** Added by 0016-edit-versions: optimistic concurrency of edits (store/optimistic.ts). */
  version: ColumnType<number, number | undefined, number>;
}

export interface HamletAssignmentTable {
  id: string;
  round_id: string;
  hamlet_id: string | null;
  official_name: string;
  position: string;
  duty: string;
}

export interface DeadlineOverrideTable {
  id: string;
  election_id: string;
  step_id: string;
  due: string;
  authorised_by: string;
  reason: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface ElectionStateChangeTable {
  id: string;
  election_id: string;
  seq: number;
  from_state: string;
  to_state: string;
  on_date: string;
  step_id: string | null;
  due: string | null;
  override_id: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface NominationTable {
  id: string;
  election_id: string;
  position: string;
  resident_id: string;
  source: string;
  nominated_on: string;
  education: string;
  occupation: string;
  /** JSON: the eligibility verdict at nomination (refusals with rule and citation). */
  eligibility: string;
  exception_reason: string | null;
  drafted: number;
  approved: number | null;
  official: number;
  ballot_order: number | null;
  withdrawn: number;
  created_at: string;
  /** Added by 0030: nominated at the meeting itself (1), by whom (null: self), with consent (1). */
  at_meeting: ColumnType<number, number | undefined, number>;
  nominated_by: ColumnType<string | null, string | null | undefined, string | null>;
  consent: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CandidateFileTable {
  id: string;
  nomination_id: string;
  kind: string;
  file_name: string;
  content_type: string;
  bytes: Buffer;
  sha256: string;
  size: number;
  uploaded_at: string;
  uploaded_by: string | null;
}

export interface MeetingTable {
  id: string;
  election_id: string;
  kind: string;
  held_on: string;
  start_time: string;
  end_time: string | null;
  venue: string;
  chair_name: string;
  chair_position: string;
  secretary_name: string;
  participants: string;
  convened: number;
  present: number;
  /** JSON [{name, reason}]. */
  absences: string;
  /** JSON array of decisions. */
  decisions: string;
  /** JSON: the quorum verdict. */
  quorum: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface MeetingVoteTable {
  id: string;
  meeting_id: string;
  nomination_id: string;
  list_order: number;
  agree: number | null;
  approved: number;
}

export interface ComplaintTable {
  id: string;
  election_id: string;
  subject: string;
  nomination_id: string | null;
  complainant: string;
  content: string;
  received_on: string;
  due: string | null;
  status: string;
  resolution: string | null;
  resolved_on: string | null;
  created_at: string;
}

export interface TeamMemberTable {
  id: string;
  election_id: string;
  resident_id: string | null;
  full_name: string;
  sex: string | null;
  represents: string;
  role: string;
  front_head: number;
  front_member: number;
  user_id: string | null;
  created_at: string;
}

export interface ResidentEventTable {
  id: string;
  resident_id: string;
  kind: string;
  effective_on: string | null;
  reason: string | null;
  data: string;
  user_id: string | null;
  at: string;
}

export interface HouseholdRepresentativeTable {
  household_id: string;
  resident_id: string;
  reason: string | null;
  nominated_by_members: number;
  user_id: string | null;
  at: string;
}

export interface ImportBatchTable {
  id: string;
  hamlet_id: string;
  file_name: string | null;
  file_sha256: string;
  converted: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  added: number;
  changed: number;
  user_id: string | null;
  at: string;
}

export interface VoterRollTable {
  id: string;
  election_id: string;
  hamlet_id: string;
  electorate: string;
  reference_date: string;
  state: string;
  built_at: string;
  built_by: string | null;
  /** 0008: the rule profile the roll was built under. */
  profile_id: string | null;
  /** 0008: JSON, who decided the electorate and under which article. */
  electorate_decision: string | null;
}

export interface VoterRollEntryTable {
  id: string;
  roll_id: string;
  roll_number: number | null;
  resident_id: string;
  household_id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  address: string;
  resident_group: string | null;
  status: string;
  reasons: string;
  amendment_id: string | null;
}

export interface VoterRollSnapshotTable {
  id: string;
  roll_id: string;
  number: number;
  posted_on: string;
  registered: number;
  entries: string;
  user_id: string | null;
  at: string;
  /** 0008: 'posted' or 'amended' (the database defaults to 'posted'). */
  kind: ColumnType<string, string | undefined, string>;
  /** 0008: the amendment that produced an 'amended' snapshot. */
  amendment_seq: number | null;
}

export interface VoterRollAmendmentTable {
  id: string;
  roll_id: string;
  seq: number;
  kind: string;
  resident_id: string;
  roll_number: number | null;
  reason: string;
  approved_by: string;
  effective_on: string;
  chair_override: string | null;
  data: string;
  user_id: string | null;
  at: string;
}

export interface FormTemplateTable {
  id: string;
  commune_id: string;
  form_id: string;
  file_name: string;
  docx: Buffer;
  sha256: string;
  uploaded_at: string;
  uploaded_by: string | null;
  /** Set when the commune goes back to the built-in wording; the row is kept for the record. */
  removed_at: string | null;
}

/**
 * Every table. A feature's tables are declared in its own `*-schema.ts`, which adds them to this
 * interface (`declare module './schema'`), so a new feature edits no list here.
 */
export interface DatabaseSchema {
  provinces: ProvinceTable;
  districts: DistrictTable;
  communes: CommuneTable;
  hamlets: HamletTable;
  resident_groups: ResidentGroupTable;
  households: HouseholdTable;
  residents: ResidentTable;
  elections: ElectionTable;
  users: UserTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  record_changes: RecordChangeTable;
  record_seals: RecordSealTable;
  document_counters: DocumentCounterTable;
  documents: DocumentTable;
  form_templates: FormTemplateTable;
  election_rounds: ElectionRoundTable;
  plan_tasks: PlanTaskTable;
  hamlet_assignments: HamletAssignmentTable;
  deadline_overrides: DeadlineOverrideTable;
  election_state_changes: ElectionStateChangeTable;
  nominations: NominationTable;
  candidate_files: CandidateFileTable;
  meetings: MeetingTable;
  meeting_votes: MeetingVoteTable;
  complaints: ComplaintTable;
  team_members: TeamMemberTable;
  resident_events: ResidentEventTable;
  household_representatives: HouseholdRepresentativeTable;
  import_batches: ImportBatchTable;
  voter_rolls: VoterRollTable;
  voter_roll_entries: VoterRollEntryTable;
  voter_roll_snapshots: VoterRollSnapshotTable;
  voter_roll_amendments: VoterRollAmendmentTable;
}
