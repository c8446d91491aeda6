import type { ServiceContext } from '../../src/services';
import { audit } from '../../src/store';

/**
 * A test fixture that writes rows directly (a state the steps would have reached, tested elsewhere)
 * seals them with an audit event, as the application seals its own writes: the record verifies, and
 * a later edit of those rows still shows.
 */
export async function sealFixture(ctx: ServiceContext, what: string, entityId: string | null): Promise<void> {
  await ctx.store.db.transaction().execute((trx) =>
    audit.appendAudit(trx, ctx.store.kind, {
      userId: null,
      action: `test.${what}`,
      entity: 'election',
      entityId,
      data: null,
      at: ctx.now().toISOString(),
    }),
  );
}
