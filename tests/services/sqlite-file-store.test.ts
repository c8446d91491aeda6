import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext, demo, writeWithAudit } from '../../src/services';
import { audit, migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { verifyRecord } from '../../src/store/record-seals';
import { WalCheckpointer, CHECKPOINT_PAGES } from '../../src/store/wal-checkpointer';
import { fixedNow } from '../support/databases';

/**
 * A SQLite database file: reads outside a transaction run on their own connection, so they answer
 * while a write transaction is open and see only what is committed; concurrent writes share
 * commits; checkpoints run in a worker.
 */
describe('SQLite database file', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const fileStore = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baucoso-file-store-'));
    dirs.push(dir);
    const store = openStore({ kind: 'sqlite', file: join(dir, 'baucoso.db') });
    stores.push(store);
    await migrateToLatest(store);
    return { store, file: join(dir, 'baucoso.db') };
  };

  it('answers a read while a write transaction is open, with the last committed state', async () => {
    const { store } = await fileStore();
    const ctx = createContext(store, fixedNow);
    await demo.loadDemo(ctx);
    const db = store.db;
    const hamlet = await db.selectFrom('hamlets').select('id').limit(1).executeTakeFirstOrThrow();
    const id = randomUUID();
    let seenInside: number | undefined;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('households')
        .values({ id, hamlet_id: hamlet.id, code: 'R-1', address: 'Số 1', created_at: '2024-10-01' })
        .execute();
      // Outside the transaction: it does not wait for the commit and does not see the row yet.
      const outside = await db.selectFrom('households').select('id').where('id', '=', id).execute();
      seenInside = outside.length;
    });
    expect(seenInside).toBe(0);
    expect(await db.selectFrom('households').select('id').where('id', '=', id).execute()).toHaveLength(1);
  });

  it('stores concurrent audited writes in shared commits, each with its event, a failing one leaving nothing', async () => {
    const { store } = await fileStore();
    expect(store.readsBesideWrites).toBe(true);
    const ctx = createContext(store, fixedNow);
    await demo.loadDemo(ctx);
    const db = store.db;
    const hamlet = await db.selectFrom('hamlets').select('id').limit(1).executeTakeFirstOrThrow();
    const before = (await audit.chainHead(db))?.seq ?? 0;
    const ids = Array.from({ length: 60 }, () => randomUUID());
    // Each write first reads, as a request does, then writes: the reads must not wait for the group.
    const outcomes = await Promise.allSettled(
      ids.map(async (id, n) => {
        await db.selectFrom('hamlets').select('id').where('id', '=', hamlet.id).execute();
        return writeWithAudit(ctx, null, async (trx) => {
          await trx
            .insertInto('households')
            .values({ id, hamlet_id: hamlet.id, code: `F-${n}`, address: 'Số 2', created_at: '2024-10-01' })
            .execute();
          if (n % 9 === 4) throw new Error(`refused ${n}`);
          return { value: n, audit: { action: 'test.write', entity: 'test', entityId: id } };
        });
      }),
    );
    const stored = ids.filter((_, n) => n % 9 !== 4);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(stored.length);
    const events = await db
      .selectFrom('audit_events')
      .select(['seq', 'entity_id'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual(stored);
    expect(await db.selectFrom('households').select('id').where('id', 'in', ids).execute()).toHaveLength(
      stored.length,
    );
    expect((await audit.verifyAuditChain(db)).ok).toBe(true);
    expect((await verifyRecord(db, store.kind)).ok).toBe(true);
  });

  it('checkpoints a grown log in a worker, and closes cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baucoso-wal-'));
    dirs.push(dir);
    const file = join(dir, 'w.db');
    const writer = new BetterSqlite3(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table t (b blob)');
    const insert = writer.prepare('insert into t values (randomblob(8000))');
    for (let i = 0; i < CHECKPOINT_PAGES; i++) insert.run();
    const beforeBytes = statSync(file).size;
    const checkpointer = new WalCheckpointer(file);
    for (let i = 0; i < 64; i++) checkpointer.noteCommit();
    const deadline = Date.now() + 10_000;
    while (statSync(file).size <= beforeBytes + 4_000_000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(beforeBytes + 4_000_000);
    await checkpointer.stop();
    writer.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reopens after closing with everything committed', async () => {
    const { store, file } = await fileStore();
    const ctx = createContext(store, fixedNow);
    await writeWithAudit(ctx, null, () =>
      Promise.resolve({ value: 1, audit: { action: 'test.write', entity: 'test', entityId: 'x' } }),
    );
    await stores.pop()!.close();
    const again = openStore({ kind: 'sqlite', file });
    stores.push(again);
    expect((await audit.chainHead(again.db))?.seq).toBeGreaterThan(0);
  });
});
