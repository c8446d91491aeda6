import { afterAll } from 'vitest';
import type { ServiceContext } from '../../src/services';
import { audit } from '../../src/store';
import type { Store } from '../../src/store';

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

/**
 * For a block that edits the database behind the application on purpose (to see the edit found):
 * its changes are left pending by design, so the end-of-block check that every write was sealed is
 * not asked of it. Registered inside the block, this runs before that check.
 */
export function tamperingOnPurpose(store: () => Store): void {
  afterAll(async () => {
    await store().db.deleteFrom('record_changes').execute();
  });
}

/** What the last "sealed again" event of a migration said: how many rows, and why. */
export async function lastResealing(store: Store): Promise<{ rows: number; reason: string } | undefined> {
  const events = await store.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'record.sealed-existing')
    .orderBy('seq')
    .execute();
  return events.map((e) => JSON.parse(e.data) as { rows: number; reason: string }).at(-1);
}
