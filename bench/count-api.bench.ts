/**
 * Papers per second recorded through the HTTP API by 50 concurrent clients on SQLite: the server runs
 * in-process on a random loopback port over a temporary database; each client is a team member
 * entering its own batch, one request per paper, and retries 5% of its papers with the same
 * idempotency key. Prints throughput and p50/p99 latency, then checks that every acknowledged paper
 * is stored exactly once. Bounded: 50 x 100 papers. Run: npx tsx bench/count-api.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../src/server/app';
import { counting, createContext, demo } from '../src/services';
import type { Actor } from '../src/services';
import { migrateToLatest, openStore } from '../src/store';

const CLIENTS = 50;
const PER_CLIENT = 100;
const PAPERS = CLIENTS * PER_CLIENT;

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
const prepared = await counting.prepareDemoPolling(ctx, officer, election.id);
if (!prepared.ok) throw new Error(prepared.error.message);
// A larger posted roll (a second snapshot) so that one count can hold 5,000 papers.
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

const app = await buildServer(ctx, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

async function loginCookie(username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'baucoso2024' }),
  });
  if (!r.ok) throw new Error(`login ${r.status}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function post<T>(cookie: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const r = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as T };
}

const cookie = await loginCookie('tobaucu.kp1');
const opened = await post<{ id: string }>(cookie, `/api/elections/${election.id}/counts`, {
  position: 'head',
  voted: PAPERS,
  issued: PAPERS,
  received: PAPERS,
  doubleEntry: false,
});
if (opened.status !== 201) throw new Error(JSON.stringify(opened.body));
const countId = opened.body.id;
const view = (await (
  await fetch(`${base}/api/counts/${countId}`, { headers: { cookie } })
).json()) as unknown;
const ids = (view as { candidates: { id: string }[] }).candidates.map((c) => c.id);
const batches: string[] = [];
for (let c = 0; c < CLIENTS; c++) {
  const b = await post<{ id: string }>(cookie, `/api/counts/${countId}/batches`, { size: PER_CLIENT });
  batches.push(b.body.id);
}

const latencies: number[] = [];
const acknowledged = new Set<string>();
let retries = 0;

async function client(c: number): Promise<void> {
  for (let i = 0; i < PER_CLIENT; i++) {
    const key = randomUUID();
    const body = { batchId: batches[c], lane: 1, kept: [ids[(c + i) % 3 === 0 ? 1 : 0]], key };
    const start = performance.now();
    const r = await post<{ entryId: string }>(cookie, `/api/counts/${countId}/papers`, body);
    latencies.push(performance.now() - start);
    if (r.status !== 201) throw new Error(`paper ${c}/${i}: ${r.status} ${JSON.stringify(r.body)}`);
    acknowledged.add(key);
    if (i % 20 === 7) {
      // A client that did not see the answer sends the same paper again.
      retries++;
      const again = await post<{ entryId: string; replay: boolean }>(
        cookie,
        `/api/counts/${countId}/papers`,
        body,
      );
      if (again.body.entryId !== r.body.entryId || !again.body.replay) throw new Error('retry counted twice');
    }
  }
}

const start = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
const seconds = (performance.now() - start) / 1000;

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const stored = await store.db
  .selectFrom('count_entries')
  .select(['idempotency_key'])
  .where('count_id', '=', countId)
  .execute();
const storedKeys = new Set(stored.map((s) => s.idempotency_key));
const lost = [...acknowledged].filter((k) => !storedKeys.has(k)).length;
const duplicates = stored.length - storedKeys.size;

process.stdout.write(
  [
    `papers: ${PAPERS} by ${CLIENTS} concurrent clients (+${retries} retried with the same key), SQLite`,
    `throughput: ${(PAPERS / seconds).toFixed(0)} papers/s (${seconds.toFixed(2)} s)`,
    `latency: p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`,
    `stored: ${stored.length}; acknowledged but missing: ${lost}; stored twice: ${duplicates}`,
    '',
  ].join('\n'),
);
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
if (lost > 0 || duplicates > 0 || stored.length !== PAPERS) process.exitCode = 1;
