import { schemaVersion } from '../../store';
import type { ServiceContext } from '../common';

export interface Health {
  readonly status: 'ok';
  readonly database: 'sqlite' | 'postgres';
  readonly migration: string | null;
  readonly time: string;
}

/** What /api/health reports: the database kind and the last applied migration. */
export async function health(ctx: ServiceContext): Promise<Health> {
  return {
    status: 'ok',
    database: ctx.store.kind,
    migration: await schemaVersion(ctx.store),
    time: ctx.now().toISOString(),
  };
}
