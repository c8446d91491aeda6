import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { demo, writeWithAudit } from '../../src/services';
import { audit } from '../../src/store';
import { verifyRecord } from '../../src/store/record-seals';
import { describeEachDatabase } from '../support/databases';

class Refused extends Error {}

/**
 * Concurrent audited writes (grouped into one commit on SQLite, one transaction each on PostgreSQL):
 * each answers on its own, a failing one leaves nothing behind, every event is in the chain in
 * the order the writes ran, and every written row is sealed.
 */
describeEachDatabase('concurrent audited writes', (t) => {
  it('stores every write that succeeds with its own event, and nothing of one that fails', async () => {
    const ctx = t.ctx();
    const db = ctx.store.db;
    await demo.loadDemo(ctx);
    const hamlet = await db.selectFrom('hamlets').select('id').limit(1).executeTakeFirstOrThrow();
    const before = (await audit.chainHead(db))?.seq ?? 0;
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const outcomes = await Promise.allSettled(
      ids.map((id, n) =>
        writeWithAudit(ctx, null, async (trx) => {
          await trx
            .insertInto('households')
            .values({ id, hamlet_id: hamlet.id, code: `T-${n}`, address: 'Số 1', created_at: '2024-10-01' })
            .execute();
          if (n % 7 === 3) throw new Refused(`write ${n}`);
          return { value: n, audit: { action: 'test.write', entity: 'test', entityId: id } };
        }),
      ),
    );
    const refused = outcomes.flatMap((o, n) => (o.status === 'rejected' ? [n] : []));
    expect(refused).toEqual(ids.map((_, n) => n).filter((n) => n % 7 === 3));
    for (const n of refused) {
      const o = outcomes[n]!;
      expect(o.status === 'rejected' && o.reason instanceof Refused).toBe(true);
    }
    expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))).toEqual(
      ids.map((_, n) => n).filter((n) => n % 7 !== 3),
    );
    const events = await db
      .selectFrom('audit_events')
      .select(['seq', 'entity_id'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    // One event per stored write, none for a refused one; on SQLite in the order the writes were
    // made (PostgreSQL's pooled connections take the chain's lock in any order).
    const stored = ids.filter((_, n) => n % 7 !== 3);
    expect(events.map((e) => e.entity_id).sort()).toEqual([...stored].sort());
    if (ctx.store.kind === 'sqlite') expect(events.map((e) => e.entity_id)).toEqual(stored);
    expect(
      await db
        .selectFrom('households')
        .select('id')
        .where('id', 'in', ids)
        .execute()
        .then((r) => r.length),
    ).toBe(stored.length);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => before + 1 + i));
    expect((await audit.verifyAuditChain(db)).ok).toBe(true);
    expect((await verifyRecord(db, ctx.store.kind)).ok).toBe(true);
    expect(await db.selectFrom('record_changes').select('tbl').execute()).toEqual([]);
  });

  it('a write alone still commits and answers', async () => {
    const ctx = t.ctx();
    const id = randomUUID();
    const value = await writeWithAudit(ctx, null, () =>
      Promise.resolve({ value: 'done', audit: { action: 'test.write', entity: 'test', entityId: id } }),
    );
    expect(value).toBe('done');
    expect((await audit.chainHead(ctx.store.db))?.seq).toBeGreaterThan(0);
  });
});
