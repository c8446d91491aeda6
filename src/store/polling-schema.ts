/** Table types of the polling day and the count (migration 0006-polling). Rows are append-only. */
export interface CountTable {
  id: string;
  election_id: string;
  position: string;
  round: number;
  seats: number;
  form: string;
  method: string;
  ballot_form: string;
  /** JSON: CountCandidateRecord[] in ballot order. */
  candidates: string;
  registered: number;
  voted: number;
  issued: number;
  received: number;
  double_entry: number;
  roll_snapshot_id: string | null;
  opened_at: string;
  opened_by: string | null;
}

export interface CountBatchTable {
  id: string;
  count_id: string;
  number: number;
  size: number;
  opened_at: string;
  opened_by: string | null;
}

export interface CountEntryTable {
  id: string;
  count_id: string;
  batch_id: string;
  lane: number;
  seq: number;
  kept: string;
  defect: string | null;
  idempotency_key: string;
  entered_by: string | null;
  entered_at: string;
}

export interface CountEntryVoidTable {
  id: string;
  entry_id: string;
  reason: string;
  voided_by: string | null;
  voided_at: string;
}

export interface CountResolutionTable {
  id: string;
  batch_id: string;
  seq: number;
  kept: string;
  defect: string | null;
  note: string | null;
  resolved_by: string | null;
  resolved_at: string;
}

export interface CountBatchClosureTable {
  batch_id: string;
  papers: number;
  digest: string;
  closed_by: string | null;
  closed_at: string;
}

export interface CountCorrectionTable {
  id: string;
  batch_id: string;
  seq: number;
  kept: string;
  defect: string | null;
  reason: string;
  corrected_by: string | null;
  corrected_at: string;
}

export interface CountHandsTable {
  id: string;
  count_id: string;
  candidate_id: string;
  votes: number;
  recorded_by: string | null;
  recorded_at: string;
}

export interface CountClosureTable {
  count_id: string;
  result: string;
  /** From the result, for the national roll-up (closure-summary.ts, migration 0036). */
  outcome: string | null;
  registered: number | null;
  voted: number | null;
  corrections: number;
  closed_by: string | null;
  closed_at: string;
}

export interface PollingTables {
  counts: CountTable;
  count_batches: CountBatchTable;
  count_entries: CountEntryTable;
  count_entry_voids: CountEntryVoidTable;
  count_resolutions: CountResolutionTable;
  count_batch_closures: CountBatchClosureTable;
  count_corrections: CountCorrectionTable;
  count_hands: CountHandsTable;
  count_closures: CountClosureTable;
}

declare module './schema' {
  // Declaration merging: these tables join the store's schema.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DatabaseSchema extends PollingTables {}
}
