import { databaseConfigFromEnv, describeDatabase, migrateToLatest, openStore } from '../store';
import type { Store } from '../store';
import { createContext } from '../services';
import type { ServiceContext } from '../services';

/**
 * Opens the database the way the server and every command do (DATABASE_URL, else SQLite in
 * BAUCOSO_DATA_DIR), brings the schema up to date, and runs `work` with a service context.
 */
export async function withContext<T>(work: (ctx: ServiceContext, store: Store) => Promise<T>): Promise<T> {
  const config = databaseConfigFromEnv(process.env);
  const store = openStore(config);
  try {
    await migrateToLatest(store);
    const publicUrl = process.env['BAUCOSO_PUBLIC_URL']?.trim();
    return await work(createContext(store, undefined, publicUrl ? { publicUrl } : {}), store);
  } finally {
    await store.close();
  }
}

export function databaseDescription(): string {
  return describeDatabase(databaseConfigFromEnv(process.env));
}

/** Writes a JSON result on stdout, the contract that scripts and acceptance tests read. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reports an expected failure on stderr and sets a non-zero exit code. */
export function fail(message: string, code = 1): void {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exitCode = code;
}
