import type { CivilDate } from '../../domain/calendar';
import { vietnamDate } from '../../domain/calendar';
import type { Db, Store } from '../../store';
import { appendAudit } from '../../store/audit-repo';
import { inCommitGroup, recordSeals } from '../../store';
import type { Actor } from './actor';

/** What every use case needs: the store and a clock (injected so tests control "now"). */
export interface ServiceContext {
  readonly store: Store;
  readonly now: () => Date;
  /**
   * The address residents reach the public pages at (BAUCOSO_PUBLIC_URL, else the local server):
   * the QR code on an issued document encodes its verification page under it.
   */
  readonly publicUrl?: string;
}

export function createContext(
  store: Store,
  now: () => Date = () => new Date(),
  options: { readonly publicUrl?: string } = {},
): ServiceContext {
  return { store, now, ...(options.publicUrl ? { publicUrl: options.publicUrl.replace(/\/+$/, '') } : {}) };
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
 * change is never stored without its trace and a failure midway stores nothing. On SQLite the
 * transaction is a savepoint of a commit group (store/commit-group.ts): concurrent writes share one
 * commit, each answered after it.
 */
export async function writeWithAudit<T>(
  ctx: ServiceContext,
  actor: Actor | null,
  work: (db: Db) => Promise<{ value: T; audit: AuditNote }>,
): Promise<T> {
  const write = async (trx: Db, outside: ReadonlySet<string>) => {
    const { value, audit } = await work(trx);
    const event = await appendAudit(
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
    return { value, event };
  };
  const done =
    ctx.store.kind === 'sqlite'
      ? await inCommitGroup(ctx.store.db, write, ctx.store.readsBesideWrites === true)
      : await ctx.store.db.transaction().execute(async (trx) =>
          // Changes pending before this transaction were made outside the application: never seal them.
          write(trx, await recordSeals.changesMadeOutside(trx)),
        );
  // After the commit: the witness outside the database only ever names a head that exists.
  ctx.store.checkpoints?.note(done.event.seq, done.event.hash);
  return done.value;
}
