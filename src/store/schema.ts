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
}

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
  document_counters: DocumentCounterTable;
  documents: DocumentTable;
}
