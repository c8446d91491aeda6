/**
 * Papers recorded per second through the HTTP API by 50 (then 200) concurrent counting phones on
 * SQLite. The server runs in this process on a loopback port over a temporary database file; the
 * phones run in a worker thread (bench/count-api-clients.js), each entering its own batch with its
 * own idempotency keys and sending every twentieth request twice (a retry must be answered as a
 * replay). Runs, each with fresh batches:
 *   1. references: a POST of the same body to a bare Fastify route in this process (no plugin, no
 *      database: the floor of a POST here and now), and GET /api/me (session lookup + a small answer),
 *      both back to back by the same 50 clients;
 *   2. one request per paper, back to back (closed loop: 50 requests always in flight);
 *   3. the bare POST and one request per paper again with 200 clients;
 *   4. one request per paper offered at 1,000 papers/s on a schedule (open loop: latency at the goal);
 *   5. the bulk endpoint, 20 papers per request, back to back;
 *   6. papers typed at 1,000 papers/s in all, each phone sending whatever has queued since its last
 *      answer in one bulk request (what a phone does when papers come faster than answers).
 * Then checks that every acknowledged paper is stored exactly once and that the audit chain holds.
 * Run: npx tsx bench/count-api.bench.ts [--full]   (quick: 100 papers per client and run; full: 400)
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { buildServer } from '../src/server/app';
import { count, createContext, demo } from '../src/services';
import type { Actor } from '../src/services';
import { audit, migrateToLatest, openStore, pollingCounts } from '../src/store';
import { figure, percentile } from './format';

const CLIENTS = 50;
const MANY_CLIENTS = 200;
const PER_CLIENT = process.argv.includes('--full') ? 400 : 100;
const BULK = 20;
const OPEN_RATE = 1000;
const RUNS = 4; // runs of 50 clients that store papers (and one of 200)
const PAPERS = (CLIENTS * RUNS + MANY_CLIENTS) * PER_CLIENT;

const dir = mkdtempSync(join(tmpdir(), 'baucoso-bench-'));
const store = openStore({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
await migrateToLatest(store);
const ctx = createContext(store, () => new Date('2024-11-17T03:00:00.000Z'));
await demo.loadDemo(ctx);
const election = await store.db
  .selectFrom('elections as e')
  .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
  .select('e.id')
  .where('h.commune_id', '=', '24820')
  .executeTakeFirstOrThrow();
const officer: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'communeOfficer',
  scope: { kind: 'commune', id: '24820' },
};
const prepared = await count.prepareDemoPolling(ctx, officer, election.id);
if (!prepared.ok) throw new Error(prepared.error.message);
// A larger posted roll (a second snapshot) so that one count can hold every paper of the runs.
const roll = await store.db
  .selectFrom('voter_rolls')
  .select('id')
  .where('election_id', '=', election.id)
  .executeTakeFirstOrThrow();
await store.db
  .insertInto('voter_roll_snapshots')
  .values({
    id: randomUUID(),
    roll_id: roll.id,
    number: 2,
    posted_on: '2024-11-10',
    registered: PAPERS,
    entries: '[]',
    user_id: null,
    at: new Date().toISOString(),
    kind: 'posted',
    amendment_seq: null,
  })
  .execute();

const app = await buildServer(ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
// The floor of a POST in this process: Fastify parsing the JSON body and answering, nothing else.
const bareApp = Fastify();
bareApp.post('/bare', (_req, reply) => reply.code(201).send({ ok: true }));
await bareApp.listen({ port: 0, host: '127.0.0.1' });
const bareAddress = bareApp.server.address();
const bare = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}/bare`;

async function post<T>(cookie: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const r = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as T };
}

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'tobaucu.kp1', password: 'baucoso2024' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
const opened = await post<{ id: string }>(cookie, `/api/elections/${election.id}/counts`, {
  position: 'head',
  voted: PAPERS,
  issued: PAPERS,
  received: PAPERS,
  doubleEntry: false,
});
if (opened.status !== 201) throw new Error(JSON.stringify(opened.body));
const countId = opened.body.id;
const view = (await (await fetch(`${base}/api/counts/${countId}`, { headers: { cookie } })).json()) as {
  candidates: { id: string }[];
};
const candidates = view.candidates.map((c) => c.id);

interface RunResult {
  seconds: number;
  latencies: number[];
  keys: string[];
  retries: number;
  errors: string[];
}

async function run(
  mode: 'bare' | 'ref' | 'closed' | 'open' | 'queue',
  bulk = 1,
  clients = CLIENTS,
): Promise<RunResult> {
  const batches: string[] = [];
  for (let c = 0; c < clients; c++) {
    if (mode === 'ref' || mode === 'bare') {
      batches.push('');
      continue;
    }
    const b = await post<{ id: string }>(cookie, `/api/counts/${countId}/batches`, { size: PER_CLIENT });
    if (b.status !== 201) throw new Error(JSON.stringify(b.body));
    batches.push(b.body.id);
  }
  const workerData = { base, bare, cookie, countId, candidates, batches, mode, perClient: PER_CLIENT, bulk };
  const worker = new Worker(new URL('./count-api-clients.js', import.meta.url), {
    workerData: { ...workerData, rate: OPEN_RATE },
  });
  const result = await new Promise<RunResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (result.errors.length > 0) throw new Error(result.errors[0]);
  result.latencies.sort((a, b) => a - b);
  return result;
}

interface Reference {
  readonly rate: { name: string; unit: string; value: number };
  readonly p99: { name: string; unit: string; value: number };
}
async function reference(mode: 'bare' | 'ref', clients: number): Promise<Reference> {
  const r = await run(mode, 1, clients);
  const name = `${mode === 'bare' ? 'bare Fastify POST' : 'GET /api/me'}, ${clients} clients`;
  console.log(
    `reference ${name}: ${r.latencies.length} requests in ${r.seconds.toFixed(2)} s, p50 ${percentile(r.latencies, 50).toFixed(1)} ms`,
  );
  return {
    rate: { name, unit: 'req/s', value: r.latencies.length / r.seconds },
    p99: { name: `${name} p99`, unit: 'ms', value: percentile(r.latencies, 99) },
  };
}
// Warm-up (not reported): the first requests of a process run before the JIT has compiled Fastify's
// path, which would understate whichever reference came first.
await run('bare', 1, CLIENTS);
await run('ref', 1, CLIENTS);
const bare50 = await reference('bare', CLIENTS);
const me50 = await reference('ref', CLIENTS);
figure({ ...me50.rate, name: 'GET /api/me, 50 clients, throughput', reference: bare50.rate });
figure({ ...me50.p99, name: 'GET /api/me, 50 clients, p99 latency', reference: bare50.p99 });

const acknowledged = new Set<string>();
let retries = 0;
function report(
  label: string,
  r: RunResult,
  ref: Reference,
  goals: { ratio?: number; p99: number } = { p99: 50 },
): void {
  for (const k of r.keys) acknowledged.add(k);
  retries += r.retries;
  const perSecond = r.keys.length / r.seconds;
  console.log(
    `${label}: ${r.keys.length} papers in ${r.seconds.toFixed(2)} s, ${r.latencies.length} requests, p50 ${percentile(r.latencies, 50).toFixed(1)} ms (+${r.retries} papers retried)`,
  );
  figure({
    name: `count API, ${label}, throughput`,
    value: perSecond,
    unit: 'papers/s',
    reference: ref.rate,
    goals: goals.ratio === undefined ? [] : [{ kind: 'min', value: goals.ratio, on: 'ratio' }],
  });
  figure({
    name: `count API, ${label}, p99 latency`,
    value: percentile(r.latencies, 99),
    unit: 'ms',
    reference: ref.p99,
    goals: [{ kind: 'max', value: goals.p99 }],
  });
}

report('one request per paper, 50 clients back to back', await run('closed'), bare50, {
  ratio: 0.6,
  p99: 50,
});
const bare200 = await reference('bare', MANY_CLIENTS);
report('one request per paper, 200 clients back to back', await run('closed', 1, MANY_CLIENTS), bare200, {
  ratio: 0.6,
  p99: 250,
});
report(
  `one request per paper, offered ${OPEN_RATE.toLocaleString('en-US')} papers/s`,
  await run('open'),
  bare50,
);
report(`bulk ${BULK} papers per request, 50 clients back to back`, await run('closed', BULK), bare50);
report(
  `papers typed at ${OPEN_RATE.toLocaleString('en-US')}/s, each phone sending what has queued (bulk)`,
  await run('queue'),
  bare50,
);

const stored = await store.db
  .selectFrom('count_entries')
  .select(['idempotency_key'])
  .where('count_id', '=', countId)
  .execute();
const storedKeys = new Set(stored.map((s) => s.idempotency_key));
const lost = [...acknowledged].filter((k) => !storedKeys.has(k)).length;
const duplicates = stored.length - storedKeys.size;
const chain = await audit.verifyAuditChain(store.db);
console.log(
  `stored ${stored.length} of ${acknowledged.size} acknowledged papers (${retries} retried with the same key); audit chain ${chain.ok ? 'intact' : 'BROKEN'} over ${chain.events} events`,
);
figure({
  name: 'count API, acknowledged but not stored',
  value: lost,
  unit: 'papers',
  goals: [{ kind: 'max', value: 0 }],
});
figure({
  name: 'count API, stored twice',
  value: duplicates,
  unit: 'papers',
  goals: [{ kind: 'max', value: 0 }],
});
await app.close();
await bareApp.close();
await store.close();

/**
 * The next place of a lane, at the batch sizes the issue asks the cost to be independent of: a lane
 * of 10 papers and one of 1,000, in a scratch database (rows written directly with foreign keys and
 * triggers off, nothing sealed: it is thrown away), 1,000 lookups each, alternating, five rounds.
 * SQLite answered the old query from the index already; PostgreSQL read the whole lane.
 */
async function placeQueryCost(kind: 'sqlite' | 'postgres'): Promise<{ small: number; large: number }> {
  const schema = `bench_place_${randomUUID().slice(0, 8)}`;
  const pgUrl = process.env['TEST_DATABASE_URL']!;
  if (kind === 'postgres') {
    const admin = openStore({ kind: 'postgres', url: pgUrl });
    await admin.db.schema.createSchema(schema).execute();
    await admin.close();
  }
  const scratch =
    kind === 'sqlite'
      ? openStore({ kind: 'sqlite', file: ':memory:' })
      : openStore({ kind: 'postgres', url: pgUrl, schema });
  await migrateToLatest(scratch);
  // SQLite ignores this pragma inside a transaction; its one connection keeps it.
  if (kind === 'sqlite') await sql`pragma foreign_keys = off`.execute(scratch.db);
  await scratch.db.transaction().execute(async (trx) => {
    if (kind === 'postgres') await sql`set local session_replication_role = replica`.execute(trx);
    for (const [batch, size] of [
      ['small', 10],
      ['large', 1000],
    ] as const) {
      const rows = Array.from({ length: size }, (_, n) => ({
        id: `${batch}-${n}`,
        count_id: 'c',
        batch_id: batch,
        lane: 1,
        seq: n + 1,
        kept: '[]',
        defect: null,
        idempotency_key: `${batch}-${n}`,
        entered_by: null,
        entered_at: '2024-11-17T03:00:00.000Z',
      }));
      for (let i = 0; i < rows.length; i += 100)
        await trx
          .insertInto('count_entries')
          .values(rows.slice(i, i + 100))
          .execute();
    }
  });
  if (kind === 'postgres') await sql`analyze`.execute(scratch.db);
  const time = async (batch: string): Promise<number> => {
    const t = performance.now();
    for (let n = 0; n < 1000; n++) await pollingCounts.lastLiveSeq(scratch.db, batch, 1);
    return performance.now() - t;
  };
  let small = 0;
  let large = 0;
  for (let r = 0; r < 5; r++) {
    small += await time('small');
    large += await time('large');
  }
  await scratch.close();
  if (kind === 'postgres') {
    const admin = openStore({ kind: 'postgres', url: pgUrl });
    await admin.db.schema.dropSchema(schema).cascade().execute();
    await admin.close();
  }
  return { small: small / 5000, large: large / 5000 };
}
for (const kind of process.env['TEST_DATABASE_URL']
  ? (['sqlite', 'postgres'] as const)
  : (['sqlite'] as const)) {
  const place = await placeQueryCost(kind);
  figure({
    name: `count API, next place of a lane of 1,000 papers, ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
    value: place.large * 1000,
    unit: 'µs',
    reference: { name: 'a lane of 10 papers', value: place.small * 1000, unit: 'µs' },
    goals: [{ kind: 'max', value: 1.5, on: 'ratio' }],
  });
}
rmSync(dir, { recursive: true, force: true });
if (lost > 0 || duplicates > 0 || stored.length !== acknowledged.size || !chain.ok) process.exitCode = 1;
