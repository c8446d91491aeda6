/**
 * Optimistic concurrency of edits. A record people edit through a form carries a `version`
 * (migration 0016); every update adds one to it. An edit names the version its form was filled from
 * and, inside its transaction, first claims the record: the claim matches only while the version is
 * unchanged, and on PostgreSQL it also takes the row lock, so of two concurrent edits from the same
 * version exactly one proceeds and the other finds no row to claim.
 */
import { sql } from 'kysely';
import type { Db } from './database';

export type VersionedTable = 'residents' | 'plan_tasks';

/** True when the record still has `expected` as its version (and is now locked for this transaction). */
export async function claimVersion(
  db: Db,
  table: VersionedTable,
  id: string,
  expected: number,
): Promise<boolean> {
  const result =
    await sql`update ${sql.table(table)} set version = version where id = ${id} and version = ${expected}`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** The value to set in an update: one more than the current version. */
export const nextVersion = () => sql<number>`version + 1`;

export interface LastChange {
  readonly at: string;
  readonly userName: string | null;
}

/** The most recent audit event of a record: when, and by whom, it was last changed. */
export async function lastChange(db: Db, entity: string, entityId: string): Promise<LastChange | undefined> {
  const row = await db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.at', 'u.display_name as userName'])
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { at: row.at, userName: row.userName } : undefined;
}
