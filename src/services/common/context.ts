import type { CivilDate } from '../../domain/calendar';
import { vietnamDate } from '../../domain/calendar';
import type { Db, Store } from '../../store';
import { appendAudit } from '../../store/audit-repo';
import { recordSeals } from '../../store';
import type { Actor } from './actor';

/** What every use case needs: the store and a clock (injected so tests control "now"). */
export interface ServiceContext {
  readonly store: Store;
  readonly now: () => Date;
}

export function createContext(store: Store, now: () => Date = () => new Date()): ServiceContext {
  return { store, now };
}

/** Today's civil date in Vietnam, from the context's clock (never the machine's time zone). */
export function vnToday(ctx: ServiceContext): CivilDate {
  return vietnamDate(ctx.now());
}

export interface AuditNote {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly data?: unknown;
}

/**
 * Runs one use case's writes in a single transaction together with its audit event, so that a
 * change is never stored without its trace and a failure midway stores nothing.
 */
export async function writeWithAudit<T>(
  ctx: ServiceContext,
  actor: Actor | null,
  work: (db: Db) => Promise<{ value: T; audit: AuditNote }>,
): Promise<T> {
  return ctx.store.db.transaction().execute(async (trx) => {
    // Changes pending before this transaction were made outside the application: never seal them.
    const outside = await recordSeals.changesMadeOutside(trx);
    const { value, audit } = await work(trx);
    await appendAudit(
      trx,
      ctx.store.kind,
      {
        userId: actor?.userId ?? null,
        at: ctx.now().toISOString(),
        action: audit.action,
        entity: audit.entity,
        entityId: audit.entityId,
        data: audit.data ?? null,
      },
      outside,
    );
    return value;
  });
}
