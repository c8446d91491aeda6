import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store';

/**
 * Nothing lost: the real server (a child process on its own SQLite file) receives counted papers
 * from concurrent clients, is killed with SIGKILL in the middle of the stream, and restarted on the
 * same data folder. Clients retry every paper they did not get an acknowledgement for, with the
 * same client-generated idempotency key. Afterwards every acknowledged paper is stored exactly once,
 * no paper is stored twice, the seats in each batch have no gap, and the audit chain still verifies.
 */

const CLIENTS = 4;
const PAPERS_PER_CLIENT = 60;
const TOTAL = CLIENTS * PAPERS_PER_CLIENT;
// Kill once about 40% of the papers were acknowledged: requests of every client are in flight.
const KILL_AFTER_ACKS = Math.floor(TOTAL * 0.4);
const START_TIMEOUT_MS = 90_000;

/** A free TCP port in this helper's range (5200-5299), so parallel runs do not collide. */
async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 80; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${from}`);
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, BAUCOSO_DATA_DIR: dataDir, TZ: 'Pacific/Pago_Pago' };
  delete env['DATABASE_URL'];
  const child = spawn(
    process.execPath,
    ['bin/baucoso.js', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`server on ${port} ${why}: ${output}`));
    };
    const timer = setTimeout(() => fail('did not start'), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('đang chạy tại')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server on ${port} exited ${code}: ${output}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Ack {
  readonly key: string;
  readonly entryId: string;
  readonly seq: number;
  readonly replay: boolean;
}

describe('kill -9 in the middle of a stream of counted papers, then restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baucoso-kill-'));
  const file = join(dataDir, 'baucoso.sqlite');
  let server: ChildProcess | undefined;
  let port = 0;
  let base = '';
  let cookie = '';
  const s = { electionId: '', countId: '', candidates: [] as string[], batches: [] as string[] };
  const acks: Ack[][] = Array.from({ length: CLIENTS }, () => []);

  const api = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });

  const must = async <T>(r: Promise<Response>, status = 200): Promise<T> => {
    const res = await r;
    const text = await res.text();
    if (res.status !== status) throw new Error(`${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };

  beforeAll(async () => {
    port = await freePort(5210);
    base = `http://127.0.0.1:${port}`;
    server = await startServer(dataDir, port);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ubnd.phuong2', password: 'baucoso2024' }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    if (server) await killHard(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs SQLite in WAL mode with a busy timeout, on the product’s own connection', async () => {
    const file0 = new BetterSqlite3(file, { readonly: true });
    // WAL is a property of the file: a fresh connection sees it.
    expect(file0.pragma('journal_mode', { simple: true })).toBe('wal');
    file0.close();
    expect(existsSync(`${file}-wal`)).toBe(true);
    const store = openStore({ kind: 'sqlite', file });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(store.db);
    await store.close();
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(busy.rows[0]?.timeout).toBeGreaterThanOrEqual(1000);
  });

  it('opens a count with one batch per client', async () => {
    const db = new BetterSqlite3(file, { readonly: true });
    const row = db
      .prepare(
        `select e.id from elections e join hamlets h on h.id = e.hamlet_id
         where h.commune_id = '24820' and h.name = 'Khu phố 1' limit 1`,
      )
      .get() as { id: string };
    db.close();
    s.electionId = row.id;
    await must(api('POST', `/api/elections/${s.electionId}/polling/demo`, { onToday: true }));
    const opened = await must<{ id: string }>(
      api('POST', `/api/elections/${s.electionId}/counts`, {
        position: 'head',
        voted: TOTAL,
        issued: TOTAL,
        received: TOTAL,
        doubleEntry: false,
      }),
      201,
    );
    s.countId = opened.id;
    const view = await must<{ candidates: { id: string }[] }>(api('GET', `/api/counts/${s.countId}`));
    s.candidates = view.candidates.map((c) => c.id);
    expect(s.candidates.length).toBeGreaterThanOrEqual(2);
    for (let c = 0; c < CLIENTS; c++) {
      const b = await must<{ id: string }>(
        api('POST', `/api/counts/${s.countId}/batches`, { size: PAPERS_PER_CLIENT }),
        201,
      );
      s.batches.push(b.id);
    }
  }, 60_000);

  it('keeps every acknowledged paper exactly once after SIGKILL and retries with the same keys', async () => {
    let acked = 0;
    let failedSends = 0;
    let killedAt = -1;
    let up: Promise<void> = Promise.resolve();
    let restart: Promise<void> | undefined;

    const killAndRestart = async () => {
      killedAt = acked;
      await killHard(server!);
      server = await startServer(dataDir, port);
    };

    /** Sends one paper until the server acknowledges it; a lost connection means "not acknowledged". */
    const sendPaper = async (client: number, key: string, kept: string[]): Promise<Ack> => {
      for (let attempt = 0; attempt < 50; attempt++) {
        await up;
        try {
          const res = await api('POST', `/api/counts/${s.countId}/papers`, {
            batchId: s.batches[client],
            lane: 1,
            kept,
            key,
          });
          const body = (await res.json()) as Ack & { message?: string };
          if (res.status !== 201) throw new Error(`refused ${res.status}: ${JSON.stringify(body)}`);
          return { key, entryId: body.entryId, seq: body.seq, replay: body.replay };
        } catch (e) {
          if (e instanceof Error && e.message.startsWith('refused')) throw e;
          failedSends++;
          // The server is down (or restarting): wait for it before retrying the same key.
          await (restart ?? new Promise((r) => setTimeout(r, 200)));
        }
      }
      throw new Error(`paper ${key} never acknowledged`);
    };

    const client = async (c: number) => {
      for (let i = 0; i < PAPERS_PER_CLIENT; i++) {
        const key = `c${c}-${i}-${randomUUID()}`;
        const kept = [s.candidates[(c + i) % s.candidates.length]!];
        const ack = await sendPaper(c, key, kept);
        acks[c]!.push(ack);
        acked++;
        if (acked === KILL_AFTER_ACKS && !restart) {
          restart = killAndRestart();
          up = restart;
        }
      }
    };

    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    await restart;

    expect(killedAt).toBe(KILL_AFTER_ACKS);
    expect(failedSends).toBeGreaterThan(0); // the kill really interrupted requests in flight
    const db = new BetterSqlite3(file, { readonly: true });
    const rows = db
      .prepare('select id, batch_id, seq, idempotency_key as key from count_entries where count_id = ?')
      .all(s.countId) as { id: string; batch_id: string; seq: number; key: string }[];
    const paperEvents = (
      db
        .prepare(`select count(*) as n from audit_events where action = 'count.paper' and entity_id = ?`)
        .get(s.countId) as { n: number }
    ).n;
    db.close();

    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.size).toBe(rows.length); // no key stored twice
    expect(rows).toHaveLength(TOTAL); // no paper doubled, none lost
    expect(paperEvents).toBe(TOTAL); // one audit event per stored paper, written with it
    for (const [c, list] of acks.entries()) {
      expect(list).toHaveLength(PAPERS_PER_CLIENT);
      for (const ack of list) {
        const stored = byKey.get(ack.key);
        expect(stored?.id).toBe(ack.entryId); // what the server acknowledged is what it kept
        expect(stored?.batch_id).toBe(s.batches[c]);
      }
      const seqs = rows
        .filter((r) => r.batch_id === s.batches[c])
        .map((r) => r.seq)
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: PAPERS_PER_CLIENT }, (_, i) => i + 1));
    }
    process.stdout.write(
      `kill-restart: ${TOTAL} papers, killed after ${killedAt} acks, ${failedSends} sends lost, ` +
        `${acks.flat().filter((a) => a.replay).length} retries answered as replays\n`,
    );
  }, 240_000);

  it('the restarted server still shows the count, answers a resent paper as a replay, and the chain verifies', async () => {
    const view = await must<{ batches: { entries?: unknown[] }[] }>(api('GET', `/api/counts/${s.countId}`));
    expect(view.batches).toHaveLength(CLIENTS);
    // A client unsure whether its paper arrived (acknowledged before the kill) sends it again.
    for (const [c, list] of acks.entries()) {
      for (const ack of list.slice(0, 3)) {
        const again = await must<Ack>(
          api('POST', `/api/counts/${s.countId}/papers`, {
            batchId: s.batches[c],
            lane: 1,
            kept: [s.candidates[0]],
            key: ack.key,
          }),
          201,
        );
        expect(again).toMatchObject({ entryId: ack.entryId, seq: ack.seq, replay: true });
      }
    }
    const db = new BetterSqlite3(file, { readonly: true });
    const stored = db
      .prepare('select count(*) as n from count_entries where count_id = ?')
      .get(s.countId) as {
      n: number;
    };
    db.close();
    expect(stored.n).toBe(TOTAL);
    const env: NodeJS.ProcessEnv = { ...process.env, BAUCOSO_DATA_DIR: dataDir };
    delete env['DATABASE_URL'];
    const verify = spawnSync(process.execPath, ['bin/baucoso.js', 'audit', 'verify', '--json'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const report = JSON.parse(verify.stdout) as {
      ok: boolean;
      chain: { events: number; firstBadEvent: string | null };
      problems: unknown[];
    };
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.chain.firstBadEvent).toBeNull();
    expect(report.chain.events).toBeGreaterThan(TOTAL);
  }, 90_000);
});
