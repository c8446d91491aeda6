import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { createContext, demo } from '../../src/services';
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

it('refuses a date before 1900 (an interim decision, a birth, a rename decision) in Vietnamese, writing nothing', async () => {
  await demo.loadDemo(createContext(store));
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'ubnd.phuong2', password: demo.DEMO_PASSWORD },
  });
  const cookie = `baucoso_session=${login.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
  const hamlet = await store.db
    .selectFrom('hamlets')
    .select('id')
    .where('commune_id', '=', '24820')
    .executeTakeFirstOrThrow();
  const r = await app.inject({
    method: 'POST',
    url: `/api/hamlets/${hamlet.id}/interim`,
    headers: { cookie },
    payload: { reason: 'vacancy', residentId: 'x', on: '0001-01-01' },
  });
  expect(r.statusCode).toBe(400);
  const body = r.json<{ error: { code: string; field?: string; message: string } }>();
  expect(body.error.code).toBe('invalid-input');
  expect(body.error.field).toBe('on');
  expect(body.error.message).toMatch(/1900/);
  // A birth and a rename dated 0001-01-01 too; a schema refusal is wholly Vietnamese.
  const events = async () => (await store.db.selectFrom('audit_events').select('id').execute()).length;
  const before = await events();
  const resident = {
    fullName: 'Người Thử',
    birthDate: '1990-01-01',
    sex: 'male',
    relation: 'head',
    residence: 'permanent',
    newHousehold: { code: 'THU-01', address: 'Số 1' },
  };
  const decision = { decisionNumber: '1/QĐ-UBND', decisionDate: '2025-01-02', effectiveOn: '2025-01-02' };
  for (const [url, payload, field, pattern] of [
    [`/api/hamlets/${hamlet.id}/residents`, { ...resident, birthDate: '0001-01-01' }, 'birthDate', /1900/],
    [
      '/api/communes/24820/hamlet-renames',
      { ...decision, hamletId: hamlet.id, newName: 'Tên Mới', decisionDate: '0001-01-01' },
      'decisionDate',
      /1900/,
    ],
    [
      '/api/communes/24820/hamlet-renames',
      { ...decision, hamletId: hamlet.id, newName: 'Tên Mới', effectiveOn: '0001-01-01' },
      'effectiveOn',
      /không được trước ngày ban hành/,
    ],
    [
      `/api/hamlets/${hamlet.id}/residents`,
      { ...resident, sex: 'x' },
      'sex',
      /^Dữ liệu gửi lên không hợp lệ/,
    ],
  ] as const) {
    const refused = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
    expect(refused.statusCode, refused.body).toBe(400);
    const error = refused.json<{ error: { code: string; field?: string; message: string } }>().error;
    expect(error.code).toBe('invalid-input');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(pattern);
    expect(error.message).not.toMatch(/\b(must|expected|received|invalid|option)\b/i);
  }
  expect(await events()).toBe(before);
});
