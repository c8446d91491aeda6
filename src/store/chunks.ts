import { PostgresAdapter, sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Db } from './database';

/**
 * Reads rows for many ids in slices, so that an `IN (...)` list stays well under the engines'
 * bound-parameter limits and the planner's comfort (a province has thousands of hamlets).
 */
export async function inChunks<T>(
  ids: readonly string[],
  read: (part: string[]) => Promise<readonly T[]>,
  size = 500,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await read(ids.slice(i, i + size))));
  return out;
}

/**
 * The rows of many ids, each id probing the index of the column it is matched on, whatever the
 * table's size. `build` writes the query and calls `match(column)` once where the column must equal
 * one of the ids; each statement takes up to `size` ids.
 *
 * PostgreSQL: the ids are one array parameter, unnested and joined laterally, with `offset 0` so
 * the planner keeps the subquery as it is: a nested loop of index probes. An `IN` list of 500 ids,
 * or a plain join to the array, was planned as a hash join over a scan of the whole national table
 * once the table is large. Slices of `size` keep the estimated cost under the JIT threshold (JIT
 * compilation alone cost more than such a query). The rows come id after id, each id's in the
 * query's own order. SQLite: the ids are one JSON parameter and the column is matched `in` its
 * values, which SQLite answers by one index probe per value.
 */
export async function rowsOfIds<R>(
  db: Db,
  ids: readonly string[],
  build: (match: (column: RawBuilder<unknown>) => RawBuilder<unknown>) => RawBuilder<R>,
  size = 1000,
): Promise<R[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return inChunks(
    ids,
    async (part) => {
      const query = postgres
        ? sql<R>`select q.* from unnest(${part}::text[]) as ids(id)
            cross join lateral (${build((column) => sql`${column} = ids.id`)} offset 0) as q`
        : build((column) => sql`${column} in (select value from json_each(${JSON.stringify(part)}))`);
      return (await query.execute(db)).rows;
    },
    size,
  );
}
