import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { createContext } from '../../src/services';
import type { ServiceContext } from '../../src/services';

const pgUrl = process.env['TEST_DATABASE_URL']?.trim();

if (!pgUrl) {
  // Loud on purpose: a green run without PostgreSQL must not be mistaken for a full one.
  process.stderr.write(
    '\n*** TEST_DATABASE_URL is not set: the PostgreSQL variants of the store tests are SKIPPED. ***\n\n',
  );
}

export interface TestDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** A fresh, migrated database for this describe block. */
  store(): Store;
  ctx(now?: () => Date): ServiceContext;
}

/** A fixed clock: tests never depend on the machine's time. */
export const fixedNow = () => new Date('2024-10-01T02:00:00.000Z');

async function openFresh(kind: 'sqlite' | 'postgres'): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const store = openStore({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(store);
    return { store, drop: () => store.close() };
  }
  // Each block gets its own PostgreSQL schema so test files can run side by side.
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = openStore({ kind: 'postgres', url: pgUrl! });
  await admin.db.schema.createSchema(schema).execute();
  await admin.close();
  const store = openStore({ kind: 'postgres', url: pgUrl!, schema });
  await migrateToLatest(store);
  return {
    store,
    drop: async () => {
      await store.close();
      const cleanup = openStore({ kind: 'postgres', url: pgUrl! });
      await cleanup.db.schema.dropSchema(schema).cascade().execute();
      await cleanup.close();
    },
  };
}

/**
 * Every write the application makes must be sealed by an audit event in the same transaction; a
 * change still pending when the block ends came from a write path that bypassed writeWithAudit.
 */
async function expectEveryWriteSealed(store: Store): Promise<void> {
  const pending = await store.db.selectFrom('record_changes').select(['tbl', 'row_key']).limit(5).execute();
  if (pending.length > 0)
    throw new Error(
      `rows changed without an audit event to seal them: ${pending.map((p) => `${p.tbl}/${p.row_key}`).join(', ')}`,
    );
}

/**
 * Runs the same tests on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL
 * (DESIGN.md principle 8). Each engine gets a fresh migrated database for the block.
 */
export function describeEachDatabase(name: string, body: (db: TestDatabase) => void): void {
  const kinds: ('sqlite' | 'postgres')[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const kind of kinds) {
    describe(`${name} [${kind}]`, () => {
      let opened: { store: Store; drop: () => Promise<void> } | undefined;
      beforeAll(async () => {
        opened = await openFresh(kind);
      });
      afterAll(async () => {
        if (opened) await expectEveryWriteSealed(opened.store);
        await opened?.drop();
      });
      body({
        kind,
        store: () => opened!.store,
        ctx: (now = fixedNow) => createContext(opened!.store, now),
      });
    });
  }
  if (!pgUrl) describe.skip(`${name} [postgres: TEST_DATABASE_URL not set]`, () => {});
}
