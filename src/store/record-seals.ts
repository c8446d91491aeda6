import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, QueryResult } from 'kysely';
import type { Db, DatabaseKind } from './database';
import { compiledOnce } from './compiled-once';

/**
 * Tamper evidence over the election record itself, not only over the audit log.
 *
 * Every table below has a trigger that notes the key of each row inserted, updated or deleted in
 * `record_changes`. When the application appends an audit event it seals those rows in the same
 * transaction: each row's digest (SHA-256 of its canonical content) goes into `record_seals` under
 * the event's sequence number, and the event's own hash covers the list. So the chain vouches for
 * the last digest of every row, and `verifyRecord` recomputes every row against it:
 *
 * - a row edited outside the application no longer matches its last sealed digest;
 * - a row inserted outside has no seal; a row deleted outside has a seal and no row;
 * - a trigger that still fired leaves its key pending in `record_changes`, sealed by no event;
 * - a seal edited, added or removed no longer matches the hash of the event that made it.
 *
 * Rewriting the whole chain and every seal from some point on is what the checkpoint outside the
 * database catches.
 */
/** The tables migration 0021 sealed: a fresh database runs it before the later tables exist. */
export const SEALED_BY_0021 = {
  households: 'id',
  residents: 'id',
  household_representatives: 'household_id',
  resident_events: 'id',
  elections: 'id',
  election_rounds: 'id',
  election_state_changes: 'id',
  deadline_overrides: 'id',
  plan_tasks: 'id',
  nominations: 'id',
  candidate_files: 'id',
  meetings: 'id',
  meeting_votes: 'id',
  meeting_agenda_votes: 'id',
  complaints: 'id',
  team_members: 'id',
  voter_rolls: 'id',
  voter_roll_entries: 'id',
  voter_roll_snapshots: 'id',
  voter_roll_amendments: 'id',
  polling_mobile_boxes: 'id',
  polling_attendance: 'id',
  polling_events: 'id',
  polling_ballot_movements: 'id',
  polling_seals: 'id',
  counts: 'id',
  count_batches: 'id',
  count_entries: 'id',
  count_entry_voids: 'id',
  count_resolutions: 'id',
  count_batch_closures: 'batch_id',
  count_corrections: 'id',
  count_hands: 'id',
  count_closures: 'count_id',
  documents: 'id',
  office_terms: 'id',
  office_decisions: 'id',
  office_records: 'id',
  removal_cases: 'id',
  removal_signatures: 'id',
} as const;

/** Every table of the record; a table added later is sealed by the migration that creates it. */
export const SEALED_TABLES = {
  ...SEALED_BY_0021,
  count_witnesses: 'id', // 0027
} as const;

export type SealedTable = keyof typeof SEALED_TABLES;

const sealedNames = Object.keys(SEALED_TABLES) as SealedTable[];

export function isSealedTable(name: string): name is SealedTable {
  return Object.hasOwn(SEALED_TABLES, name);
}

/** The tables that hold the pending keys and the seals; made by the migration that adds sealing. */
export async function createSealTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('record_changes')
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_changes_pk', ['tbl', 'row_key'])
    .execute();
  await db.schema
    .createTable('record_seals')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    /** SHA-256 of the row's canonical content; null when the event deleted the row. */
    .addColumn('digest', 'text')
    .addPrimaryKeyConstraint('record_seals_pk', ['seq', 'tbl', 'row_key'])
    .execute();
  // Covering: the check walks each table's seals in key order and needs nothing else.
  await db.schema
    .createIndex('record_seals_row')
    .on('record_seals')
    .columns(['tbl', 'row_key', 'seq', 'digest'])
    .execute();
}

function triggerName(table: string, op: string): string {
  return `record_${op}_${table}`;
}

/** Installs the change-noting triggers on the given tables (a migration adding a sealed table calls it). */
export async function createSealTriggers(
  db: Kysely<unknown>,
  kind: DatabaseKind,
  tables: readonly SealedTable[],
): Promise<void> {
  for (const table of tables) {
    const key = SEALED_TABLES[table];
    if (kind === 'sqlite') {
      const note = (row: 'NEW' | 'OLD') =>
        `INSERT OR IGNORE INTO record_changes (tbl, row_key) VALUES ('${table}', CAST(${row}.${key} AS TEXT));`;
      await sql
        .raw(
          `CREATE TRIGGER ${triggerName(table, 'insert')} AFTER INSERT ON ${table} BEGIN ${note('NEW')} END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${triggerName(table, 'update')} AFTER UPDATE ON ${table} BEGIN ${note('OLD')} ${note('NEW')} END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${triggerName(table, 'delete')} AFTER DELETE ON ${table} BEGIN ${note('OLD')} END`,
        )
        .execute(db);
    } else {
      // One small function per table: a static column reference is far cheaper per row than
      // dynamic SQL or to_jsonb over rows that may hold whole files.
      const fn = triggerName(table, 'note');
      await sql
        .raw(
          `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO record_changes (tbl, row_key) VALUES ('${table}', OLD.${key}::text) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO record_changes (tbl, row_key) VALUES ('${table}', NEW.${key}::text) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${triggerName(table, 'change')} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
        )
        .execute(db);
    }
  }
}

/** Removes the triggers (and PostgreSQL's functions) from the given tables: a table whose trigger
 * outlives `record_changes` would refuse every write. */
export async function dropSealTriggers(
  db: Kysely<unknown>,
  kind: DatabaseKind,
  tables: readonly SealedTable[],
): Promise<void> {
  for (const table of tables) {
    for (const name of expectedTriggers(kind, table)) {
      const on = kind === 'sqlite' ? '' : ` ON ${table}`;
      await sql.raw(`DROP TRIGGER IF EXISTS ${name}${on}`).execute(db);
    }
    if (kind === 'postgres')
      await sql.raw(`DROP FUNCTION IF EXISTS ${triggerName(table, 'note')}()`).execute(db);
  }
}

/** Each table's triggers by name, to check that none was dropped. */
function expectedTriggers(kind: DatabaseKind, table: SealedTable): string[] {
  return kind === 'sqlite'
    ? [triggerName(table, 'insert'), triggerName(table, 'update'), triggerName(table, 'delete')]
    : [triggerName(table, 'change')];
}

async function presentTriggers(db: Db, kind: DatabaseKind): Promise<Set<string>> {
  const rows =
    kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'`.execute(db)
      : await sql<{
          name: string;
        }>`select t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
          join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and not t.tgisinternal`.execute(
          db,
        );
  return new Set(rows.rows.map((r) => r.name));
}

/** A value as the digest sees it: the same on every read of the same engine. */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `sha256:${createHash('sha256').update(value).digest('hex')}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** SHA-256 of a row: its columns in name order with their values, so a change of any column shows. */
export function rowDigest(table: string, row: Record<string, unknown>): string {
  const columns = Object.keys(row).sort();
  const body = JSON.stringify([table, columns.map((c) => [c, canonical(row[c])])]);
  return createHash('sha256').update(body).digest('hex');
}

export interface Seal {
  readonly tbl: string;
  readonly rowKey: string;
  readonly digest: string | null;
}

/** The hash of one event's seals, in a fixed order, as the event's hash covers it. */
export function sealsHash(seals: readonly Seal[]): string {
  const lines = seals.map((s) => `${s.tbl}\t${s.rowKey}\t${s.digest ?? '-'}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const IN_CHUNK = 500;

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Kysely's typed builder cannot name a table chosen at run time; these helpers query the sealed
// tables by name, which comes only from SEALED_TABLES.
async function rowsByKeys(
  db: Db,
  table: SealedTable,
  keys: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const key = SEALED_TABLES[table];
  const found = new Map<string, Record<string, unknown>>();
  if (keys.length === 1) {
    // A write of one row (one paper, one check-in): one query compiled once per table.
    const row = (await rowOf(table)(db, keys[0]!)).rows[0];
    if (row) found.set(String(row[key]), row);
    return found;
  }
  for (const part of chunksOf(keys, IN_CHUNK)) {
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where ${sql.ref(key)} in (${sql.join(part)})`.execute(db);
    for (const row of rows.rows) found.set(String(row[key]), row);
  }
  return found;
}

const rowQueries = new Map<
  SealedTable,
  (db: Db, key: string) => Promise<QueryResult<Record<string, unknown>>>
>();
function rowOf(table: SealedTable) {
  let query = rowQueries.get(table);
  if (!query) {
    query = compiledOnce(1, (db: Db, key: string) => ({
      compile: () =>
        sql<
          Record<string, unknown>
        >`select * from ${sql.table(table)} where ${sql.ref(SEALED_TABLES[table])} = ${key}`.compile(db),
    }));
    rowQueries.set(table, query);
  }
  return query;
}

const pendingChanges = compiledOnce(0, (db: Db) =>
  db.selectFrom('record_changes').select(['tbl', 'row_key']),
);
const takePendingChanges = compiledOnce(0, (db: Db) =>
  db.deleteFrom('record_changes').returning(['tbl', 'row_key']),
);
const insertSeal = compiledOnce(
  4,
  (db: Db, seq: number, tbl: string, rowKey: string, digest: string | null) =>
    db.insertInto('record_seals').values({ seq, tbl, row_key: rowKey, digest }),
);

const changeKey = (tbl: string, rowKey: string) => `${tbl}\t${rowKey}`;

/**
 * The changes already pending when an application transaction starts. Every application write
 * seals and clears its own before it commits, so these were made outside the application (say, with
 * another SQLite tool while the triggers still fired). They must never be sealed by a later,
 * unrelated write, which would vouch for them; they stay pending, and verifyRecord reports them.
 */
export async function changesMadeOutside(db: Db): Promise<ReadonlySet<string>> {
  const rows = (await pendingChanges(db)).rows;
  return new Set(rows.map((r) => changeKey(r.tbl, r.row_key)));
}

/**
 * Seals the rows this transaction changed under the event `seq` and returns the hash of the seals,
 * or null when the transaction touched no sealed row. Called by appendAudit, inside the transaction.
 * Changes in `outside` (see changesMadeOutside) are left pending, even when this transaction wrote
 * the same row again.
 */
export async function sealPendingChanges(
  db: Db,
  seq: number,
  outside: ReadonlySet<string> = new Set(),
): Promise<string | null> {
  // The usual case, nothing pending from outside: take and clear the notes in one statement.
  const pending =
    outside.size === 0
      ? (await takePendingChanges(db)).rows
      : (await pendingChanges(db)).rows.filter((p) => !outside.has(changeKey(p.tbl, p.row_key)));
  if (pending.length === 0) return null;
  const byTable = new Map<SealedTable, string[]>();
  for (const p of pending) {
    if (!isSealedTable(p.tbl)) continue;
    const keys = byTable.get(p.tbl) ?? [];
    keys.push(p.row_key);
    byTable.set(p.tbl, keys);
  }
  const seals: Seal[] = [];
  // A chunk of rows at a time: an import of a hundred thousand residents is never held whole here.
  for (const [table, keys] of byTable) {
    for (const part of chunksOf(keys, IN_CHUNK)) {
      const rows = await rowsByKeys(db, table, part);
      for (const k of part) {
        const row = rows.get(k);
        seals.push({ tbl: table, rowKey: k, digest: row ? rowDigest(table, row) : null });
      }
    }
  }
  if (seals.length === 1) {
    const s = seals[0]!;
    await insertSeal(db, seq, s.tbl, s.rowKey, s.digest);
  } else
    for (const part of chunksOf(seals, IN_CHUNK)) {
      await db
        .insertInto('record_seals')
        .values(part.map((s) => ({ seq, tbl: s.tbl, row_key: s.rowKey, digest: s.digest })))
        .execute();
    }
  if (outside.size > 0)
    for (const [table, keys] of byTable) {
      for (const part of chunksOf(keys, IN_CHUNK))
        await db.deleteFrom('record_changes').where('tbl', '=', table).where('row_key', 'in', part).execute();
    }
  return sealsHash(seals);
}

export type RecordProblemKind =
  'edited' | 'inserted' | 'deleted' | 'unsealed-change' | 'seal-forged' | 'trigger-missing';

export interface RecordProblem {
  readonly kind: RecordProblemKind;
  readonly table: string;
  readonly row: string | null;
  readonly seq: number | null;
  readonly message: string;
}

export interface RecordCheck {
  readonly ok: boolean;
  readonly rows: number;
  readonly seals: number;
  readonly problems: readonly RecordProblem[];
  /** Problems beyond the listed ones (the list is capped so a wholesale edit stays readable). */
  readonly moreProblems: number;
}

const PROBLEM_LIST_CAP = 1000;
const PAGE = 5000;

function messageOf(kind: RecordProblemKind, table: string, row: string | null, seq: number | null): string {
  const where = row ? `bảng ${table}, dòng ${row}` : `bảng ${table}`;
  switch (kind) {
    case 'edited':
      return `Dữ liệu bị sửa ngoài ứng dụng (${where}): nội dung khác với bản đã niêm phong ở sự kiện ${seq}.`;
    case 'inserted':
      return `Dữ liệu được thêm ngoài ứng dụng (${where}): dòng này không có niêm phong trong nhật ký.`;
    case 'deleted':
      return `Dữ liệu bị xoá ngoài ứng dụng (${where}): dòng đã niêm phong ở sự kiện ${seq} không còn.`;
    case 'unsealed-change':
      return `Có thay đổi không qua ứng dụng (${where}): thay đổi được ghi nhận nhưng không có sự kiện nhật ký nào niêm phong.`;
    case 'seal-forged':
      return `Niêm phong của sự kiện ${seq} bị sửa, thêm hoặc xoá (${where}).`;
    case 'trigger-missing':
      return `Cơ chế ghi nhận thay đổi của ${where} đã bị gỡ: mọi thay đổi sau đó không được niêm phong.`;
  }
}

/**
 * Checks every sealed table (or the given ones) against the seals, and the seals against the events
 * that made them. Reads page by page, so memory stays bounded however large the database is.
 */
export async function verifyRecord(
  db: Db,
  kind: DatabaseKind,
  only: readonly SealedTable[] = sealedNames,
): Promise<RecordCheck> {
  const problems: RecordProblem[] = [];
  let more = 0;
  const report = (kind: RecordProblemKind, table: string, row: string | null, seq: number | null) => {
    if (problems.length < PROBLEM_LIST_CAP)
      problems.push({ kind, table, row, seq, message: messageOf(kind, table, row, seq) });
    else more += 1;
  };

  const triggers = await presentTriggers(db, kind);
  for (const table of sealedNames) {
    if (expectedTriggers(kind, table).some((t) => !triggers.has(t)))
      report('trigger-missing', table, null, null);
  }

  for (const p of await db
    .selectFrom('record_changes')
    .select(['tbl', 'row_key'])
    .limit(PROBLEM_LIST_CAP + 1)
    .execute()) {
    report('unsealed-change', p.tbl, p.row_key, null);
  }

  const seals = await checkSealsAgainstEvents(db, (seq, table) => report('seal-forged', table, null, seq));

  let rows = 0;
  for (const table of only) {
    rows += await checkTableAgainstSeals(db, table, report);
  }
  return { ok: problems.length === 0 && more === 0, rows, seals, problems, moreProblems: more };
}

/** Every event's seals must hash to what the event recorded; seals of no event are forged. */
async function checkSealsAgainstEvents(
  db: Db,
  forged: (seq: number, table: string) => void,
): Promise<number> {
  let total = 0;
  let after = 0;
  for (;;) {
    const events = await db
      .selectFrom('audit_events')
      .select(['seq', 'seals'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (events.length === 0) break;
    const last = events[events.length - 1]!.seq;
    const sealRows = await db
      .selectFrom('record_seals')
      .select(['seq', 'tbl', 'row_key', 'digest'])
      .where('seq', '>', after)
      .where('seq', '<=', last)
      .execute();
    total += sealRows.length;
    const bySeq = new Map<number, Seal[]>();
    for (const r of sealRows) {
      const list = bySeq.get(r.seq) ?? [];
      list.push({ tbl: r.tbl, rowKey: r.row_key, digest: r.digest });
      bySeq.set(r.seq, list);
    }
    for (const e of events) {
      const list = bySeq.get(e.seq);
      bySeq.delete(e.seq);
      const actual = list ? sealsHash(list) : null;
      if (actual !== e.seals) forged(e.seq, list?.[0]?.tbl ?? 'record_seals');
    }
    for (const [seq, list] of bySeq) forged(seq, list[0]?.tbl ?? 'record_seals');
    after = last;
  }
  const orphans = await db
    .selectFrom('record_seals')
    .select(['seq', 'tbl'])
    .where('seq', '>', after)
    .limit(PROBLEM_LIST_CAP)
    .execute();
  for (const o of orphans) forged(o.seq, o.tbl);
  return total + orphans.length;
}

interface LatestSeal {
  readonly seq: number;
  readonly digest: string | null;
}

/**
 * The last seal of every row of `table` whose key lies after `after` (exclusive) and up to `upTo`
 * (inclusive; open when null): one range scan of the seals' index, in the table's own key order.
 */
async function latestSealsBetween(
  db: Db,
  table: SealedTable,
  after: string | null,
  upTo: string | null,
): Promise<Map<string, LatestSeal>> {
  let q = db
    .selectFrom('record_seals')
    .select(['row_key', 'seq', 'digest'])
    .where('tbl', '=', table)
    .orderBy('row_key')
    .orderBy('seq');
  if (after !== null) q = q.where('row_key', '>', after);
  if (upTo !== null) q = q.where('row_key', '<=', upTo);
  const latest = new Map<string, LatestSeal>();
  // Ordered by seq within a key, so the last one set is the latest.
  for (const r of await q.execute()) latest.set(r.row_key, { seq: r.seq, digest: r.digest });
  return latest;
}

/**
 * Walks the table and its seals side by side in key order, a page at a time: a row with no live
 * seal was inserted, a row whose digest differs was edited, a live seal with no row was deleted.
 */
async function checkTableAgainstSeals(
  db: Db,
  table: SealedTable,
  report: (kind: RecordProblemKind, table: string, row: string | null, seq: number | null) => void,
): Promise<number> {
  const key = SEALED_TABLES[table];
  let rows = 0;
  let after: string | null = null;
  const deletedAmong = (seals: Map<string, LatestSeal>, present: Set<string>) => {
    for (const [k, seal] of seals) {
      if (seal.digest !== null && !present.has(k)) report('deleted', table, k, seal.seq);
    }
  };
  for (;;) {
    const page: Record<string, unknown>[] = (
      await sql<Record<string, unknown>>`select * from ${sql.table(table)}
        ${after === null ? sql`` : sql`where ${sql.ref(key)} > ${after}`}
        order by ${sql.ref(key)} limit ${PAGE}`.execute(db)
    ).rows;
    if (page.length === 0) break;
    rows += page.length;
    const last = String(page[page.length - 1]![key]);
    const seals = await latestSealsBetween(db, table, after, last);
    const present = new Set<string>();
    for (const row of page) {
      const k = String(row[key]);
      present.add(k);
      const seal = seals.get(k);
      if (!seal || seal.digest === null) report('inserted', table, k, null);
      else if (seal.digest !== rowDigest(table, row)) report('edited', table, k, seal.seq);
    }
    deletedAmong(seals, present);
    after = last;
  }
  // Sealed rows beyond the last row there is (or in an emptied table).
  deletedAmong(await latestSealsBetween(db, table, after, null), new Set());
  return rows;
}
