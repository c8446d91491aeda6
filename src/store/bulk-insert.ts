/**
 * Multi-row INSERTs of many rows of one table, for generated data at scale (issue 11): about 1,000
 * rows per statement, fewer for wide tables so that the bound parameters stay well under the
 * engines' limits (SQLite 32,766; PostgreSQL 65,535). Run it inside a transaction: one commit per
 * batch is what makes it fast on both engines.
 */
import type { Insertable } from 'kysely';
import type { Db } from './database';
import type { DatabaseSchema } from './schema';

const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1_000;

export async function insertRows<T extends keyof DatabaseSchema>(
  db: Db,
  table: T,
  rows: readonly Insertable<DatabaseSchema[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += per) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + per))
      .execute();
  }
}
