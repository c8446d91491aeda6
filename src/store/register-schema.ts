/** Table types of the hamlet register over time (migration 0014-hamlet-history). */
export interface HamletChangeTable {
  id: string;
  commune_id: string;
  /** established | renamed | merged | split | attached | dissolved | groupCreated | groupMoved */
  kind: string;
  decision_number: string | null;
  decision_date: string | null;
  issuing_body: string | null;
  effective_on: string;
  /** JSON array of hamlet ids that lose households or end. */
  from_hamlet_ids: string;
  to_hamlet_id: string | null;
  name_before: string | null;
  name_after: string | null;
  /** 1 when to_hamlet_id starts to exist on effective_on. */
  creates_target: number;
  /** JSON: what the change did (counts, elections moved, terms ended, rolls reset, group renames). */
  data: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface HamletChangeMoveTable {
  id: string;
  change_id: string;
  /** household | group */
  subject: string;
  subject_id: string;
  from_hamlet_id: string | null;
  to_hamlet_id: string;
  /** Groups: the name before and after when the move renamed it. */
  name_before: string | null;
  name_after: string | null;
  effective_on: string;
  seq: number;
}

export interface HamletEstablishmentTable {
  id: string;
  commune_id: string;
  name: string;
  kind: string;
  /** plain | mountainBorder | island */
  area: string;
  households: number;
  exception: string | null;
  profile_id: string;
  /** open | decided */
  state: string;
  hamlet_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface HamletEstablishmentItemTable {
  id: string;
  establishment_id: string;
  item_key: string;
  number: string | null;
  doc_date: string;
  issuing_body: string | null;
  file_name: string | null;
  content_type: string | null;
  bytes: Buffer | null;
  sha256: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface RegisterTables {
  hamlet_changes: HamletChangeTable;
  hamlet_change_moves: HamletChangeMoveTable;
  hamlet_establishments: HamletEstablishmentTable;
  hamlet_establishment_items: HamletEstablishmentItemTable;
}

declare module './schema' {
  // Declaration merging: these tables join the store's schema.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DatabaseSchema extends RegisterTables {}
}
