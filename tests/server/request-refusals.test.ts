import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { createContext } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

// A request the server cannot read is the caller's mistake: a 4xx with its own code and a
// Vietnamese message, never the "unexpected error" of a server fault.
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

const send = (payload: string, type: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': type } });

it.each([
  ['malformed JSON', '{bad', 'application/json', 400, 'invalid-json'],
  ['an empty JSON body', '', 'application/json', 400, 'invalid-json'],
  ['a __proto__ key', '{"__proto__":{"x":1},"username":"a"}', 'application/json', 400, 'invalid-json'],
  ['a body over the limit', 'x'.repeat(21 * 1024 * 1024), 'application/json', 413, 'too-large'],
  ['a content type it does not take', '<a/>', 'application/xml', 415, 'unsupported-type'],
])('answers %s with its own code and a Vietnamese message', async (_case, payload, type, status, code) => {
  const r = await send(payload, type);
  expect(r.statusCode).toBe(status);
  const body = r.json<{ error: { code: string; message: string } }>();
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/Hãy/);
});
