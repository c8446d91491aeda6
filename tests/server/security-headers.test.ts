import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { createContext } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  app = await buildServer(createContext(store), { webRoot: '/nonexistent' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

it('sends the security headers on answers, refusals and unknown paths', async () => {
  for (const url of ['/api/health', '/api/communes/24820', '/api/khong-co']) {
    const res = await app.inject(url);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  }
});

it('lets the API docs page keep the policy its own scripts need', async () => {
  const res = await app.inject('/api/docs/');
  expect(res.statusCode).toBe(200);
  expect(String(res.headers['content-security-policy'])).toMatch(/script-src/);
});
