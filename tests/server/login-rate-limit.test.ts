import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { LOGIN_LIMIT } from '../../src/server/rate-limits';
import { createContext, demo } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

// The per-address limit (@fastify/rate-limit) counts on the machine's clock: it is faked here, the
// application's clock stays the store's.
let store: Store;
let app: FastifyInstance;
const start = new Date('2024-10-01T02:00:00.000Z');

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: start });
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx = createContext(store, () => new Date());
  await demo.loadDemo(ctx);
  app = await buildServer(ctx, { webRoot: '/nonexistent' });
  await app.ready();
});
afterAll(async () => {
  vi.useRealTimers();
  await app.close();
  await store.close();
});

const login = (username: string, password: string, remoteAddress = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

it('stops one address that sprays passwords over many accounts, in Vietnamese with its own code, not the others', async () => {
  // Spread over unknown accounts: no account lockout is involved. Every request counts, a refused
  // one too, so most of the allowance is used up by bodies the schema refuses (no hashing: fast).
  for (let i = 0; i < 5; i++) expect((await login(`khong.co.${i}`, 'sai-mat-khau-1')).statusCode).toBe(401);
  for (let i = 5; i < LOGIN_LIMIT.max; i++) {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {},
      remoteAddress: '203.0.113.7',
    });
    expect(refused.statusCode).toBe(400);
  }
  const blocked = await login('quantri', demo.DEMO_PASSWORD);
  expect(blocked.statusCode).toBe(429);
  expect(blocked.json().error).toEqual({
    code: 'rate-limited',
    message: 'Có quá nhiều lần đăng nhập từ máy này. Hãy thử lại sau 15 phút.',
  });
  expect(blocked.headers['retry-after']).toBeDefined();
  expect((await login('quantri', demo.DEMO_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
  // The window is counted from the first request: the minutes left shrink, then it opens again.
  vi.setSystemTime(new Date(start.getTime() + 10 * 60_000));
  expect((await login('quantri', demo.DEMO_PASSWORD)).json().error.message).toMatch(/sau 5 phút\.$/);
  vi.setSystemTime(new Date(start.getTime() + 15 * 60_000 + 1000));
  expect((await login('quantri', demo.DEMO_PASSWORD)).statusCode).toBe(200);
});

it('limits only the routes that ask for it: signed-in reads are not counted', async () => {
  for (let i = 0; i < LOGIN_LIMIT.max + 5; i++)
    expect(
      (await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.44' })).statusCode,
    ).toBe(200);
});
