import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Db, Store } from '../../src/store';
import { SEALED_TABLES, verifyRecord } from '../../src/store/record-seals';
import type { RecordProblemKind, SealedTable } from '../../src/store/record-seals';

/**
 * Edits the database as someone holding the file would: straight SQL, foreign keys off (SQLite) or
 * the session in replica mode (PostgreSQL, which also silences every trigger), and the list of
 * pending changes wiped afterwards, so nothing but the seals can give the change away.
 */
async function asAttacker(store: Store, change: (db: Db) => Promise<void>): Promise<void> {
  if (store.kind === 'sqlite') {
    await sql`PRAGMA foreign_keys = OFF`.execute(store.db);
    try {
      await change(store.db);
      await sql`delete from record_changes`.execute(store.db);
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(store.db);
    }
    return;
  }
  await store.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await change(trx);
    await sql`delete from record_changes`.execute(trx);
  });
}

type Row = Record<string, unknown>;

async function someRow(store: Store, table: SealedTable): Promise<Row> {
  const key = SEALED_TABLES[table];
  const rows = await sql<Row>`select * from ${sql.table(table)} order by ${sql.ref(key)} limit 1`.execute(
    store.db,
  );
  const row = rows.rows[0];
  if (!row) throw new Error(`no row in ${table} to tamper with: the fixture must fill it`);
  return row;
}

function changed(value: unknown): unknown[] {
  if (typeof value === 'number') return [value + 1, value - 1];
  if (typeof value === 'string') {
    if (/^\d{4}-\d\d-\d\d/.test(value)) return [value.replace(/^\d{4}/, (y) => String(Number(y) + 1))];
    return [`${value}x`, value.slice(1)];
  }
  if (value instanceof Uint8Array) return [Buffer.concat([Buffer.from(value), Buffer.from([0])])];
  if (typeof value === 'boolean') return [!value];
  return [];
}

/** The columns a unique constraint named when it refused a row, on either engine. */
function uniqueColumnsOf(e: unknown): string[] {
  const text = e instanceof Error ? `${e.message} ${(e as { detail?: string }).detail ?? ''}` : '';
  const sqlite = /UNIQUE constraint failed: (.+)$/m.exec(text);
  if (sqlite) return sqlite[1]!.split(',').map((c) => c.trim().split('.').pop()!);
  const pg = /Key \(([^)]+)\)=/.exec(text);
  if (pg) return pg[1]!.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return [];
}

async function insertRow(db: Db, table: SealedTable, row: Row): Promise<void> {
  const columns = Object.keys(row);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(columns.map((c) => row[c]))})`.execute(db);
}

async function deleteRow(db: Db, table: SealedTable, keyValue: unknown): Promise<void> {
  await sql`delete from ${sql.table(table)} where ${sql.ref(SEALED_TABLES[table])} = ${keyValue}`.execute(db);
}

async function expectFound(
  store: Store,
  table: SealedTable,
  kind: RecordProblemKind,
  row: string,
): Promise<void> {
  const check = await verifyRecord(store.db, store.kind, [table]);
  expect(check.ok, `${kind} in ${table} must be found`).toBe(false);
  expect(check.problems.map((p) => `${p.kind} ${p.table} ${p.row}`)).toContain(`${kind} ${table} ${row}`);
  expect(check.problems.every((p) => p.message.length > 0)).toBe(true);
}

async function expectClean(store: Store, table: SealedTable): Promise<void> {
  const check = await verifyRecord(store.db, store.kind, [table]);
  expect(
    check.problems.map((p) => p.message),
    `${table} must verify clean`,
  ).toEqual([]);
}

/**
 * Edits one column of a row, deletes a row and inserts a row in `table` behind the application's
 * back, one at a time, and expects each to be reported with its table and row; the table is put
 * back after each, so the next check starts clean.
 */
export async function expectEveryTamperFound(store: Store, table: SealedTable): Promise<void> {
  await expectClean(store, table);
  const key = SEALED_TABLES[table];
  const original = await someRow(store, table);
  const keyValue = original[key];
  const rowKey = String(keyValue);

  // Edit: the first column whose value can change without breaking a constraint.
  let edited: string | null = null;
  for (const column of Object.keys(original).filter((c) => c !== key)) {
    for (const value of changed(original[column])) {
      try {
        await asAttacker(store, async (db) => {
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value}
            where ${sql.ref(key)} = ${keyValue}`.execute(db);
        });
        edited = column;
        break;
      } catch {
        // A check constraint refused this value; try the next.
      }
    }
    if (edited) break;
  }
  expect(edited, `some column of ${table} can be edited`).not.toBeNull();
  await expectFound(store, table, 'edited', rowKey);
  await asAttacker(store, async (db) => {
    await sql`update ${sql.table(table)} set ${sql.ref(edited!)} = ${original[edited!]}
      where ${sql.ref(key)} = ${keyValue}`.execute(db);
  });
  await expectClean(store, table);

  // Delete.
  await asAttacker(store, (db) => deleteRow(db, table, keyValue));
  await expectFound(store, table, 'deleted', rowKey);
  await asAttacker(store, (db) => insertRow(db, table, original));
  await expectClean(store, table);

  // Insert: a copy under a new key (an id, or for rows keyed by their parent, a parent that has
  // none), with whatever else must be unique moved on, as a forged paper takes the next position.
  const newKey = typeof keyValue === 'number' ? keyValue + 1_000_000 : `forged-${rowKey}`;
  const forged: Row = { ...original, [key]: newKey };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await asAttacker(store, (db) => insertRow(db, table, forged));
      break;
    } catch (e) {
      const clash = uniqueColumnsOf(e);
      if (attempt > 5 || clash.length === 0) throw e;
      for (const column of clash) forged[column] = changed(forged[column])[0] ?? forged[column];
    }
  }
  await expectFound(store, table, 'inserted', String(newKey));
  await asAttacker(store, (db) => deleteRow(db, table, newKey));
  await expectClean(store, table);
}
