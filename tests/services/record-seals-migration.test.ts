import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { loadMigrations } from '../../src/store/database';
import { SEALED_BY_0021 } from '../../src/store/record-seals';
import { describeEachDatabase } from '../support/databases';

/** Every trigger or trigger function the seals install on the tables of 0021, by name (a later
 * migration's own table loses its triggers with its own down). */
async function sealObjects(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<string[]> {
  const rows =
    kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'trigger' and name like 'record\_%' escape '\\'`.execute(db)
      : await sql<{ name: string }>`select tgname as name from pg_trigger t
          join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and tgname like 'record\_%'
          union all select proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = current_schema() and proname like 'record\_%'`.execute(db);
  const of0021 = new Set(Object.keys(SEALED_BY_0021));
  return rows.rows.map((r) => r.name).filter((n) => of0021.has(n.replace(/^record_[a-z]+_/, '')));
}

describeEachDatabase('the record seals migration', (t) => {
  it('taken down, leaves no trigger behind to refuse later writes, and comes back up whole', async () => {
    const db = t.store().db as unknown as Kysely<unknown>;
    const installed = (await sealObjects(db, t.kind)).length;
    expect(installed).toBeGreaterThan(0);
    // Down as a migrator takes it: the later migrations first, newest first, then the seals.
    const from0021 = Object.entries(await loadMigrations()).filter(([name]) => name >= '0021');
    for (const [, m] of [...from0021].reverse()) await m.down?.(db);
    expect(await sealObjects(db, t.kind)).toEqual([]);
    // A sealed table takes a write again without a record_changes table to note it in.
    await sql`update elections set venue = venue`.execute(db);
    for (const [, m] of from0021) await m.up(db);
    expect((await sealObjects(db, t.kind)).length).toBe(installed);
  });
});
