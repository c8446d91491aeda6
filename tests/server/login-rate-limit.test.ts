import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { createContext, demo } from '../../src/services';
import { createLoginThrottle } from '../../src/services/auth/login-throttle';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

let store: Store;
let app: FastifyInstance;
let now = new Date('2024-10-01T02:00:00.000Z');

beforeAll(async () => {
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx = createContext(store, () => now);
  await demo.loadDemo(ctx);
  app = await buildServer(ctx, { webRoot: '/nonexistent' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const login = (username: string, password: string, remoteAddress = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

it('stops one address that sprays wrong passwords over many accounts, not the others', async () => {
  // Twenty failures spread over unknown accounts: no account lockout is involved.
  for (let i = 0; i < 20; i++) expect((await login(`khong.co.${i}`, 'sai-mat-khau-1')).statusCode).toBe(401);
  const blocked = await login('quantri', demo.DEMO_PASSWORD);
  expect(blocked.statusCode).toBe(429);
  expect(blocked.json().error.message).toBe(
    'Có quá nhiều lần đăng nhập sai từ máy này. Hãy thử lại sau 15 phút.',
  );
  expect((await login('quantri', demo.DEMO_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
  now = new Date(now.getTime() + 15 * 60 * 1000 + 1000);
  expect((await login('quantri', demo.DEMO_PASSWORD)).statusCode).toBe(200);
});

it('counts only failures inside the window', () => {
  const throttle = createLoginThrottle({ maxFailures: 2, windowMs: 1000 });
  const t0 = new Date('2024-10-01T00:00:00.000Z');
  throttle.fail('a', t0);
  throttle.fail('a', new Date(t0.getTime() + 500));
  expect(throttle.check('a', new Date(t0.getTime() + 600))?.code).toBe('rate-limited');
  expect(throttle.check('a', new Date(t0.getTime() + 1001))).toBeNull();
  expect(throttle.check('b', t0)).toBeNull();
});
