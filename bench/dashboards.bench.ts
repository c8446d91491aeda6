/**
 * Dashboards on PostgreSQL at scale (issue 11): the province dashboard over 2,000 hamlets (a
 * province at scale: 100 communes of Tỉnh Lâm Đồng, 600,000 households, ~2.1 million residents) and
 * the national roll-up over 70,000 elections (every commune of the dataset), read through the same
 * services the routes call, and once through HTTP. Each latency is printed next to a reference
 * measured in the same run: a plain `SELECT count(*)` over the tables the view reads (GET /api/me
 * over HTTP). Each view twice: recomputed (the memo of services/oversight-cache.ts forgotten before
 * every run, as after any write) and with the data unchanged since the previous request.
 *
 * Run: npx tsx bench/dashboards.bench.ts [--reuse] [--generate-only] [--rounds N]
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), schema BENCH_SCHEMA (default
 *   `bench_scale`).
 *   --reuse keeps the data of an earlier run (the schema is dropped and regenerated otherwise).
 */
import { buildServer } from '../src/server/app';
import { createContext, demo, oversight, auth } from '../src/services';
import type { Actor } from '../src/services';
import { migrateToLatest, openStore } from '../src/store';
import type { Store } from '../src/store';
import { sql } from 'kysely';
import { figure, percentile } from './format';
import { forgetOversightMemo } from '../src/services/oversight/cache';

const URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = process.env['BENCH_SCHEMA'] ?? 'bench_scale';
const PROVINCE = '68';
const reuse = process.argv.includes('--reuse');
const generateOnly = process.argv.includes('--generate-only');
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 20;

const admin: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  scope: { kind: 'all' },
};

// Reference day of the generated data: every offset is counted from it.
const now = () => new Date('2025-11-20T02:00:00.000Z');

async function prepare(): Promise<Store> {
  const root = openStore({ kind: 'postgres', url: URL });
  if (!reuse) await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(root.db);
  await sql`create schema if not exists ${sql.id(SCHEMA)}`.execute(root.db);
  await root.close();
  const store = openStore({ kind: 'postgres', url: URL, schema: SCHEMA });
  await migrateToLatest(store);
  const ctx = createContext(store, now);
  const t0 = performance.now();
  const p = await demo.loadProvinceScale(ctx, admin, {
    provinceCode: PROVINCE,
    communes: 100,
    hamlets: 2000,
    households: 600_000,
    seed: 11,
  });
  if (!p.ok) throw new Error(p.error.message);
  console.log(
    `province at scale: ${JSON.stringify(p.value)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const t1 = performance.now();
  const n = await demo.loadNationalScale(ctx, admin, { hamlets: 70_000, seed: 11 });
  if (!n.ok) throw new Error(n.error.message);
  console.log(
    `national tables: ${JSON.stringify(n.value)} (${((performance.now() - t1) / 1000).toFixed(0)} s)`,
  );
  await vacuum(store);
  return store;
}

/**
 * VACUUM ANALYZE of this schema's tables, as autovacuum would do in time (it may be off on a test
 * server): generating the data leaves millions of dead notes in `record_changes`, which every
 * "changed outside?" check would read page by page until a vacuum (docs/operations.md).
 */
async function vacuum(store: Store): Promise<void> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = ${SCHEMA}`.execute(store.db);
  for (const t of tables.rows)
    await sql`vacuum analyze ${sql.table(`${SCHEMA}.${t.name}`)}`.execute(store.db);
}

async function timed(rounds: number, work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up: plans cached, pages in memory
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await work();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

function report(name: string, runs: number[], ref: number[], refName: string): void {
  for (const p of [50, 95] as const) {
    figure({
      name: `${name} p${p}`,
      value: percentile(runs, p),
      unit: 'ms',
      reference: { name: `${refName} p${p}`, value: percentile(ref, p), unit: 'ms' },
      goals: [{ kind: 'max', value: p === 50 ? 100 : 500 }],
    });
  }
}

async function measure(store: Store): Promise<void> {
  const ctx = createContext(store, now);
  const db = store.db;
  const counts = await sql<{ hamlets: number; elections: number; residents: number }>`
    select (select count(*) from hamlets)::int as hamlets, (select count(*) from elections)::int as elections,
           (select count(*) from residents)::int as residents`.execute(db);
  console.log(`data: ${JSON.stringify(counts.rows[0])}`);

  let provinceHamlets = 0;
  const provinceView = async () => {
    const r = await oversight.provinceDashboard(ctx, admin, PROVINCE);
    if (!r.ok || r.value.totals.hamlets < 2000) throw new Error('province dashboard: wrong totals');
    provinceHamlets = r.value.totals.hamlets;
  };
  // Recomputed: the memo (services/oversight-cache.ts) forgotten before every run, as after a write.
  const province = await timed(ROUNDS, () => (forgetOversightMemo(), provinceView()));
  const provinceSame = await timed(ROUNDS, provinceView);
  const provinceRef = await timed(ROUNDS, () =>
    sql`select count(*) from elections e join hamlets h on h.id = e.hamlet_id
        join communes c on c.id = h.commune_id where c.province_code = ${PROVINCE}`.execute(db),
  );
  const provinceRefName = 'select count(*) of its elections';
  // 2,000 hamlets of the province at scale, plus the national tables' share of its other communes.
  const label = `province dashboard (${provinceHamlets.toLocaleString('en-US')} hamlets)`;
  report(`${label}, recomputed`, province, provinceRef, provinceRefName);
  report(`${label}, data unchanged`, provinceSame, provinceRef, provinceRefName);

  const nationalView = async () => {
    const r = await oversight.nationalRollup(ctx, admin);
    if (!r.ok || r.value.totals.hamlets < 70_000) throw new Error('national roll-up: wrong totals');
  };
  const national = await timed(ROUNDS, () => (forgetOversightMemo(), nationalView()));
  const nationalSame = await timed(ROUNDS, nationalView);
  const nationalRef = await timed(ROUNDS, () =>
    sql`select count(*) from elections e join hamlets h on h.id = e.hamlet_id`.execute(db),
  );
  const nationalRefName = 'select count(*) of elections';
  report('national roll-up (72,000 elections), recomputed', national, nationalRef, nationalRefName);
  report('national roll-up (72,000 elections), data unchanged', nationalSame, nationalRef, nationalRefName);

  const commune = (await db.selectFrom('hamlets').select('commune_id').limit(1).executeTakeFirstOrThrow())
    .commune_id;
  const one = await timed(ROUNDS, () => oversight.communeDashboard(ctx, admin, commune));
  const oneRef = await timed(ROUNDS, () =>
    sql`select count(*) from hamlets where commune_id = ${commune}`.execute(db),
  );
  report('commune dashboard (20 hamlets, PostgreSQL)', one, oneRef, 'select count(*) of its hamlets');

  await http(ctx);
}

/** The same views through HTTP (session cookie, JSON serialisation), on a loopback port. */
async function http(ctx: ReturnType<typeof createContext>): Promise<void> {
  const password = 'bench-scale-2024';
  const existing = await auth.listUsers(ctx, admin);
  if (!existing.ok || !existing.value.some((u) => u.username === 'benchscale')) {
    const made = await auth.createUser(ctx, admin, {
      username: 'benchscale',
      displayName: 'Bench',
      password,
      role: 'admin',
    });
    if (!made.ok) throw new Error(made.error.message);
  }
  const app = await buildServer(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'benchscale', password }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    if (!login.ok) throw new Error(`login: ${login.status}`);
    const get = async (path: string) => {
      const r = await fetch(`${base}${path}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.text();
    };
    const province = await timed(
      ROUNDS,
      () => (forgetOversightMemo(), get(`/api/provinces/${PROVINCE}/oversight`)),
    );
    const provinceSame = await timed(ROUNDS, () => get(`/api/provinces/${PROVINCE}/oversight`));
    const national = await timed(ROUNDS, () => (forgetOversightMemo(), get('/api/oversight/national')));
    const nationalSame = await timed(ROUNDS, () => get('/api/oversight/national'));
    const me = await timed(ROUNDS, () => get('/api/me'));
    report('province dashboard over HTTP, recomputed', province, me, 'GET /api/me');
    report('province dashboard over HTTP, data unchanged', provinceSame, me, 'GET /api/me');
    report('national roll-up over HTTP, recomputed', national, me, 'GET /api/me');
    report('national roll-up over HTTP, data unchanged', nationalSame, me, 'GET /api/me');
  } finally {
    await app.close();
  }
}

const store = reuse ? openStore({ kind: 'postgres', url: URL, schema: SCHEMA }) : await prepare();
try {
  if (reuse && (await migrateToLatest(store)).applied.length > 0) await vacuum(store);
  if (!generateOnly) await measure(store);
} finally {
  await store.close();
}
