import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { statusOf } from '../../src/contract/errors';
import { buildServer } from '../../src/server/app';
import { createContext } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

// Every route is declared in the contract: its input, its answer and its failures appear in
// OpenAPI, so the API's description cannot drift from what the server does.
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

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; description?: string }>;
  parameters?: { in: string; name: string }[];
}

it('describes the answer and the failures of every API route in OpenAPI', () => {
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const routes = app.routeTable.filter(
    (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
  );
  expect(routes.length).toBeGreaterThan(100);
  const missing: string[] = [];
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op = doc.paths[path]?.[r.method.toLowerCase()];
    const responses = op?.responses ?? {};
    const success = Object.entries(responses).find(([status]) => status.startsWith('2'));
    const failure = Object.keys(responses).some((status) => /^[45]/.test(status));
    const described = success && (success[1].content || success[1].description);
    if (!described || !failure) missing.push(`${r.method} ${r.url}`);
    for (const name of [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1])) {
      if (!op?.parameters?.some((p) => p.in === 'path' && p.name === name))
        missing.push(`${r.method} ${r.url}: path parameter ${name} undeclared`);
    }
  }
  expect(missing).toEqual([]);
});

it('maps every failure code to an HTTP status (the compiler checks the kinds, this the codes)', () => {
  expect(statusOf('not-found')).toBe(404);
  expect(statusOf('count-not-reconciled')).toBe(422);
  expect(statusOf('bad-credentials')).toBe(401);
  expect(statusOf('conflict')).toBe(409);
});
