/** Table types of hamlet facts, allowances, office records and commune lineage (migration 0015-hamlet-facts). */
export interface HamletFactTable {
  id: string;
  hamlet_id: string;
  /** classification | households */
  fact: string;
  value: string;
  effective_from: string;
  decision_number: string | null;
  decision_date: string | null;
  decision_body: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface AllowanceRateTable {
  id: string;
  province_code: string;
  /** Set for a decision about one hamlet; null for the province's table. */
  hamlet_id: string | null;
  /** The hamlet class the rate applies to ('1', '2', '3'); null for every class. */
  classification: string | null;
  /** head (the only position with a monthly allowance under seed 002 Điều 8). */
  position: string;
  /** The coefficient as written, in thousandths (1,5 → 1500). */
  coefficient_milli: number | null;
  /** A fixed monthly amount in đồng, when the decision states one. */
  amount_vnd: number | null;
  /** The base salary (lương cơ sở) the decision refers to, in đồng, when it states it. */
  base_salary_vnd: number | null;
  effective_from: string;
  decision_number: string;
  decision_date: string;
  decision_body: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface OfficeRecordTable {
  id: string;
  office_term_id: string;
  hamlet_id: string;
  /** commendation | discipline */
  kind: string;
  form: string;
  decided_on: string;
  decision_number: string;
  decision_body: string;
  content: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface CommuneLineageTable {
  id: string;
  /** The pre-2025 commune (a `communes` row with valid_to before 2025-07-01). */
  predecessor_id: string;
  successor_id: string;
  effective_on: string;
  decision_number: string;
  decision_date: string;
  decision_body: string;
  /** JSON array of the successor's hamlet ids that were in the predecessor. */
  hamlet_ids: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface HamletFactsTables {
  hamlet_facts: HamletFactTable;
  allowance_rates: AllowanceRateTable;
  office_records: OfficeRecordTable;
  commune_lineage: CommuneLineageTable;
}

declare module './schema' {
  // Declaration merging: these tables join the store's schema.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DatabaseSchema extends HamletFactsTables {}
}
