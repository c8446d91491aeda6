/**
 * How the server and the CLI find the database: `DATABASE_URL` (PostgreSQL) if set, otherwise an
 * embedded SQLite file in `BAUCOSO_DATA_DIR` (default `./data`). One function so both agree.
 */
export type DatabaseConfig =
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly schema?: string;
      /** BAUCOSO_DATA_DIR when set: where the audit checkpoints are written (checkpoint.ts). */
      readonly dataDir?: string;
    }
  | { readonly kind: 'sqlite'; readonly file: string };

export function databaseConfigFromEnv(env: Readonly<Record<string, string | undefined>>): DatabaseConfig {
  const url = env['DATABASE_URL']?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:")`);
    }
    const dataDir = env['BAUCOSO_DATA_DIR']?.trim();
    return { kind: 'postgres', url, ...(dataDir ? { dataDir } : {}) };
  }
  const dir = env['BAUCOSO_DATA_DIR']?.trim() || './data';
  return { kind: 'sqlite', file: `${dir.replace(/\/+$/, '')}/baucoso.sqlite` };
}

/** A printable description that never shows a password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `SQLite ${config.file}`;
  return `PostgreSQL ${config.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`;
}
