/**
 * Queries of the counting hot path built and compiled by Kysely once per SQL dialect, then run with
 * each call's values. Building a query (its operation tree, frozen node by node) and compiling it
 * cost more than SQLite takes to answer these one-row lookups: about a quarter of a paper's time.
 *
 * The query is built once with a marker in place of each argument; compiling it shows which
 * parameter carries which argument (constants the builder adds, a `limit 1`, stay as compiled). The
 * SQL text depends only on the dialect: the PostgreSQL schema is chosen by the connection's
 * search_path, not written into the SQL, so a transaction and its store share one compiled query.
 */
import type { CompiledQuery, Compilable, QueryResult } from 'kysely';
import type { Db } from './database';

const marker = (n: number): string => `\u0000argument ${n}\u0000`;

interface Compiled<R> {
  readonly query: CompiledQuery<R>;
  /** For each parameter, the argument it carries, or -1 for a constant of the query. */
  readonly slots: readonly number[];
}

/**
 * `build` receives one marker per argument (typed as the arguments, so the builder reads as usual)
 * and must use each where its value goes; the returned function runs the query with real values.
 */
export function compiledOnce<A extends readonly unknown[], R>(
  arity: A['length'],
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  const byDialect = new Map<unknown, Compiled<R>>();
  return async (db, ...args) => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(dialect);
    if (compiled === undefined) {
      const markers = Array.from({ length: arity }, (_, n) => marker(n)) as unknown as A;
      const query = build(db, ...markers).compile();
      const slots = query.parameters.map((p) =>
        typeof p === 'string' ? (markers as readonly unknown[]).indexOf(p) : -1,
      );
      if (new Set(slots.filter((s) => s >= 0)).size !== arity)
        throw new Error('compiledOnce: every argument must be used once in the query');
      compiled = { query, slots };
      byDialect.set(dialect, compiled);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((s, i) => (s >= 0 ? args[s] : query.parameters[i]));
    return db.executeQuery<R>({ ...query, parameters });
  };
}
