import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { LOGIN_LIMIT } from '../../src/server/rate-limits';
import { trustProxyFromEnv } from '../../src/server/trust-proxy';
import { createContext, demo } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

let store: Store;
const now = new Date('2024-10-01T02:00:00.000Z');

beforeAll(async () => {
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  await demo.loadDemo(createContext(store, () => now));
});
afterAll(async () => {
  await store.close();
});

async function server(trustProxy: ReturnType<typeof trustProxyFromEnv>): Promise<FastifyInstance> {
  const app = await buildServer(
    createContext(store, () => now),
    { webRoot: '/nonexistent', trustProxy },
  );
  await app.ready();
  return app;
}

const PROXY = '10.0.0.5';
/** A body the schema refuses: counted by the per-address limit, answered without hashing (fast). */
const refusedViaProxy = (app: FastifyInstance, client: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: {},
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': client },
  });
const viaProxy = (app: FastifyInstance, username: string, password: string, client: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': client, 'x-forwarded-proto': 'https' },
  });

describe('BAUCOSO_TRUST_PROXY', () => {
  it('reads off, on, a hop count and a list of proxies', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('off')).toBe(false);
    expect(trustProxyFromEnv('0')).toBe(false);
    expect(trustProxyFromEnv('true')).toBe(true);
    const oneHop = trustProxyFromEnv('1');
    expect(typeof oneHop === 'function' && [oneHop('10.0.0.5', 0), oneHop('10.0.0.6', 1)]).toEqual([
      true,
      false,
    ]);
    expect(trustProxyFromEnv(' 127.0.0.1 , 10.0.0.0/8 ')).toBe('127.0.0.1,10.0.0.0/8');
  });

  it('off (the default): forwarded headers are ignored, so no Secure cookie and one address for all', async () => {
    const app = await server(false);
    const r = await viaProxy(app, 'quantri', demo.DEMO_PASSWORD, '203.0.113.7');
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['set-cookie'])).not.toMatch(/Secure/i);
    // Every client is the proxy: others' requests use up the one address's allowance.
    for (let i = 1; i < LOGIN_LIMIT.max; i++) await refusedViaProxy(app, `203.0.113.${i}`);
    expect((await viaProxy(app, 'quantri', demo.DEMO_PASSWORD, '198.51.100.2')).statusCode).toBe(429);
    await app.close();
  });

  it('trusting the proxy: the cookie is Secure and the login’s per-address limit counts each client, not the proxy', async () => {
    const app = await server(PROXY);
    const ok = await viaProxy(app, 'quantri', demo.DEMO_PASSWORD, '203.0.113.7');
    expect(ok.statusCode).toBe(200);
    expect(String(ok.headers['set-cookie'])).toMatch(/Secure/i);
    for (let i = 0; i < LOGIN_LIMIT.max; i++)
      expect((await refusedViaProxy(app, '203.0.113.8')).statusCode).toBe(400);
    expect((await viaProxy(app, 'quantri', demo.DEMO_PASSWORD, '203.0.113.8')).statusCode).toBe(429);
    // Another resident behind the same proxy is not locked out by the first one's failures.
    expect((await viaProxy(app, 'quantri', demo.DEMO_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    await app.close();
  });
});
