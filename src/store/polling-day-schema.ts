/** Table types of polling day (migration 0012-polling-day). Rows are append-only. */
export interface PollingMobileBoxTable {
  id: string;
  election_id: string;
  round: number;
  number: number;
  /** JSON: string[] of the team members carrying the box. */
  carried_by: string;
  note: string | null;
  left_at: string;
  recorded_by: string | null;
}

export interface PollingAttendanceTable {
  id: string;
  election_id: string;
  round: number;
  roll_snapshot_id: string;
  roll_number: number;
  resident_id: string;
  full_name: string;
  resident_group: string | null;
  found_by: string;
  mobile_box_id: string | null;
  checked_in_at: string;
  checked_in_by: string | null;
}

export interface PollingEventTable {
  id: string;
  election_id: string;
  round: number;
  seq: number;
  kind: string;
  at: string;
  reason: string | null;
  box_sealed: number | null;
  data: string | null;
  recorded_by: string | null;
}

export interface PollingBallotMovementTable {
  id: string;
  election_id: string;
  round: number;
  position: string;
  kind: string;
  quantity: number;
  note: string | null;
  at: string;
  recorded_by: string | null;
}

export interface PollingSealTable {
  id: string;
  election_id: string;
  round: number;
  position: string;
  received: number;
  issued: number;
  spoiled: number;
  unused: number;
  witnesses: string;
  document_id: string | null;
  sealed_at: string;
  sealed_by: string | null;
}

/** A count's witness (migration 0027): a resident on the roll, per position and round. */
export interface CountWitnessTable {
  id: string;
  election_id: string;
  round: number;
  position: string;
  seq: number;
  resident_id: string;
  full_name: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface PollingDayTables {
  count_witnesses: CountWitnessTable;
  polling_mobile_boxes: PollingMobileBoxTable;
  polling_attendance: PollingAttendanceTable;
  polling_events: PollingEventTable;
  polling_ballot_movements: PollingBallotMovementTable;
  polling_seals: PollingSealTable;
}

declare module './schema' {
  // Declaration merging: these tables join the store's schema.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DatabaseSchema extends PollingDayTables {}
}
