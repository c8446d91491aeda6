import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { createContext, demo } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

// Requests are logged by route pattern, method and status through pino: never a query (a name
// search), an address, a cookie, a password or a body.
let store: Store;
let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx = createContext(store, () => new Date('2024-10-01T02:00:00.000Z'));
  await demo.loadDemo(ctx);
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildServer(ctx, { webRoot: '/nonexistent', logLevel: 'info', logStream });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

it('logs each request by its route pattern and status, with no personal data', async () => {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'ubnd.phuong2', password: 'baucoso2024' },
    remoteAddress: '203.0.113.7',
  });
  expect(login.statusCode).toBe(200);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  await app.inject({ method: 'GET', url: '/api/search?q=Nguy%E1%BB%85n%20V%C4%83n', headers: { cookie } });
  const log = lines.join('\n');
  expect(log).toContain('"route":"/api/auth/login"');
  expect(log).toContain('"route":"/api/search"');
  expect(log).toContain('"statusCode":200');
  for (const secret of ['baucoso2024', 'ubnd.phuong2', 'Nguy', '203.0.113.7', cookie.split('=')[1]!])
    expect(log).not.toContain(secret);
});
