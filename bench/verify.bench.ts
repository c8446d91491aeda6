/**
 * `audit verify` at scale: how long the check of the whole record takes (every row of every sealed
 * table recomputed against its seal, every event's seals against the event, the chain recomputed),
 * next to the floor of the same work: reading every row of the same tables page by page, as the
 * check does, without hashing. Also what sealing costs the writes that make the data: the
 * generation time, which the log prints.
 *
 * Quick: a province on SQLite (10 communes, 200 hamlets, 20,000 households, about 72,000 residents).
 * Full: the national data (every commune of the dataset, 70,000 hamlets, an election and a closed
 * count each) and a province at scale (100 communes of Tỉnh Lâm Đồng, 600,000 households, about
 * 2.1 million residents) on SQLite, in a temporary file.
 *
 * Run: npx tsx bench/verify.bench.ts [--full]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createContext, demo } from '../src/services';
import type { Actor } from '../src/services';
import { audit, migrateToLatest, openStore, recordSeals } from '../src/store';
import { figure } from './format';

const full = process.argv.includes('--full');
const admin: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  scope: { kind: 'all' },
};

const dir = mkdtempSync(join(tmpdir(), 'baucoso-verify-'));
const store = openStore({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
await migrateToLatest(store);
const ctx = createContext(store, () => new Date('2025-11-20T02:00:00.000Z'));

let t0 = performance.now();
const p = await demo.loadProvinceScale(ctx, admin, {
  provinceCode: '68',
  communes: full ? 100 : 10,
  hamlets: full ? 2000 : 200,
  households: full ? 600_000 : 20_000,
  seed: 11,
});
if (!p.ok) throw new Error(p.error.message);
console.log(`province: ${JSON.stringify(p.value)}`);
// The province first: the national generator fills every commune still empty, and skips the rest.
if (full) {
  const n = await demo.loadNationalScale(ctx, admin, { hamlets: 70_000, seed: 11 });
  if (!n.ok) throw new Error(n.error.message);
  console.log(`national: ${JSON.stringify(n.value)}`);
}
console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

// The floor: every row of the sealed tables read in the same pages, nothing computed.
t0 = performance.now();
let scanned = 0;
for (const table of Object.keys(recordSeals.SEALED_TABLES) as recordSeals.SealedTable[]) {
  const key = recordSeals.SEALED_TABLES[table];
  let after: string | null = null;
  for (;;) {
    const page: Record<string, unknown>[] = (
      await sql<Record<string, unknown>>`select * from ${sql.table(table)}
        ${after === null ? sql`` : sql`where ${sql.ref(key)} > ${after}`}
        order by ${sql.ref(key)} limit 5000`.execute(store.db)
    ).rows;
    if (page.length === 0) break;
    scanned += page.length;
    after = String(page[page.length - 1]![key]);
  }
}
const scanSeconds = (performance.now() - t0) / 1000;

t0 = performance.now();
const record = await recordSeals.verifyRecord(store.db, store.kind);
const recordSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const chain = await audit.verifyAuditChain(store.db);
const chainSeconds = (performance.now() - t0) / 1000;
if (!record.ok || !chain.ok || record.rows !== scanned) {
  console.error('broken: the generated record does not verify', record.problems.slice(0, 3), chain);
  process.exitCode = 1;
}

const scope = full ? 'national + province at scale' : 'province, quick';
figure({
  name: `audit verify, record (${scope}, ${record.rows.toLocaleString('en-US')} rows, ${record.seals.toLocaleString('en-US')} seals), SQLite`,
  value: record.rows / recordSeconds,
  unit: 'rows/s',
  reference: { name: 'reading the same rows', value: scanned / scanSeconds, unit: 'rows/s' },
});
figure({
  name: `audit verify, whole check (${scope}), SQLite`,
  value: recordSeconds + chainSeconds,
  unit: 's',
  digits: 1,
  reference: { name: 'reading the same rows', value: scanSeconds, unit: 's', digits: 1 },
  goals: full ? [{ kind: 'max', value: 600 }] : [],
});
figure({
  name: `audit verify, chain (${chain.events.toLocaleString('en-US')} events), SQLite`,
  value: chain.events / chainSeconds,
  unit: 'events/s',
});

await store.close();
rmSync(dir, { recursive: true, force: true });
