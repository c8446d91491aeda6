import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';

// Two stateless app processes on one PostgreSQL, driven alternately: sessions live in the database,
// so a login on one process is valid on the other, and a write on one is read on the other.
const baseUrl = process.env['TEST_DATABASE_URL']?.trim();
const run = baseUrl ? describe : describe.skip;

function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['bin/baucoso.js', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, TZ: 'Pacific/Pago_Pago' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server on ${port} did not start: ${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('đang chạy tại')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server on ${port} exited ${code}: ${output}`)));
  });
}

run('two app processes on one PostgreSQL', () => {
  const name = `baucoso_two_${randomBytes(4).toString('hex')}`;
  const url = baseUrl ? baseUrl.replace(/\/[^/]*$/, `/${name}`) : '';
  const servers: ChildProcess[] = [];
  const ports = [3300 + Math.floor(Math.random() * 300), 3700 + Math.floor(Math.random() * 300)];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    // The first start migrates and loads the demo; the second finds them done.
    servers.push(await startServer(url, ports[0]!));
    servers.push(await startServer(url, ports[1]!));
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('shares sessions and data between the processes', async () => {
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`);
    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ubnd.phuong2', password: 'baucoso2024' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${b}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const made = await fetch(`${b}/api/communes/24820/hamlets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Khu phố 9', kind: 'khu-pho' }),
    });
    expect(made.status).toBe(201);
    for (const server of [a, b, a]) {
      const ward = (await (await fetch(`${server}/api/communes/24820`, { headers: { cookie } })).json()) as {
        hamlets: { name: string }[];
      };
      expect(ward.hamlets.map((h) => h.name)).toContain('Khu phố 9');
      expect(ward.hamlets).toHaveLength(6);
    }
    const health = await Promise.all(
      [a, b].map(
        async (s) => ((await (await fetch(`${s}/api/health`)).json()) as { database: string }).database,
      ),
    );
    expect(health).toEqual(['postgres', 'postgres']);
  });
});
