import { beforeAll, expect, it } from 'vitest';
import { expectDescribed } from '../support/openapi';
import type { FastifyInstance } from 'fastify';
import * as audit from '../../src/contract/audit';
import * as auth from '../../src/contract/auth';
import type { EndpointDef } from '../../src/contract/endpoint';
import * as system from '../../src/contract/system';
import * as territory from '../../src/contract/territory';
import { buildServer } from '../../src/server/app';
import { demo } from '../../src/services';
import { describeEachDatabase } from '../support/databases';

const isEndpoint = (v: unknown): v is EndpointDef =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'response' in v;
const endpoints = [auth, territory, audit, system].flatMap((m) => Object.values(m).filter(isEndpoint));

/** zod's own messages, in Vietnamese (its `vi` locale), after the server's Vietnamese lead. */
const vietnameseRefusal = /^Dữ liệu gửi lên không hợp lệ.*(Đầu vào|Giá trị|Quá|không hợp lệ)/;

describeEachDatabase('accounts, territory, audit and health through the contract', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await demo.loadDemo(t.ctx());
    app = await buildServer(t.ctx(), { webRoot: '/nonexistent' });
    await app.ready();
  });

  async function cookieFor(username: string, password = demo.DEMO_PASSWORD): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'baucoso_session');
    return `baucoso_session=${cookie!.value}`;
  }

  it('refuses a malformed login with 400 and a Vietnamese message, without a session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ubnd.phuong2', password: 12345678 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid-input', field: 'password' });
    expect(res.json().error.message).toMatch(vietnameseRefusal);
    expect(res.cookies.find((c) => c.name === 'baucoso_session')).toBeUndefined();
  });

  it('refuses a malformed account creation and creates nothing', async () => {
    const cookie = await cookieFor('quantri');
    const before = (await app.inject({ url: '/api/users', headers: { cookie } })).json().users.length;
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: {
        username: 'moi.nguoi',
        displayName: 'x'.repeat(201),
        password: 'matkhau2025',
        role: 'admin',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid-input', field: 'displayName' });
    expect(res.json().error.message).toMatch(vietnameseRefusal);
    const after = (await app.inject({ url: '/api/users', headers: { cookie } })).json();
    expect(after.users).toHaveLength(before);
    expect(after.users.map((u: { username: string }) => u.username)).not.toContain('moi.nguoi');
  });

  it('refuses a malformed hamlet and keeps the commune as it was', async () => {
    const cookie = await cookieFor('ubnd.phuong2');
    const before = (await app.inject({ url: '/api/communes/24820', headers: { cookie } })).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/communes/24820/hamlets',
      headers: { cookie },
      payload: { name: 'Khu phố 9', kind: 'khu-pho', residentGroups: 'Tổ 1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid-input', field: 'residentGroups' });
    expect(res.json().error.message).toMatch(vietnameseRefusal);
    const after = (await app.inject({ url: '/api/communes/24820', headers: { cookie } })).json();
    expect(after.hamlets).toHaveLength(before.hamlets.length);
  });

  it('refuses a malformed password change and keeps the old password', async () => {
    const cookie = await cookieFor('mttq.phuong2');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { current: demo.DEMO_PASSWORD, next: 'x'.repeat(201) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid-input', field: 'next' });
    expect(res.json().error.message).toMatch(vietnameseRefusal);
    await cookieFor('mttq.phuong2');
  });

  it('refuses an audit scope or page size the contract does not allow', async () => {
    const cookie = await cookieFor('ubnd.phuong2');
    const kind = await app.inject({ url: '/api/audit/planet/24820', headers: { cookie } });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toMatch(vietnameseRefusal);
    const size = await app.inject({ url: '/api/audit/commune/24820?pageSize=500', headers: { cookie } });
    expect(size.statusCode).toBe(400);
    expect(size.json().error.field).toBe('pageSize');
    const ok = await app.inject({ url: '/api/audit/commune/24820?pageSize=5', headers: { cookie } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().events.length).toBeLessThanOrEqual(5);
  });

  it('keeps the health check public and the session cookie HttpOnly and strict', async () => {
    const health = await app.inject('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: t.kind });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ubnd.phuong2', password: demo.DEMO_PASSWORD },
    });
    const session = login.cookies.find((c) => c.name === 'baucoso_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const cookie = `baucoso_session=${session.value}`;
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(logout.json()).toEqual({ ok: true });
    const cleared = logout.cookies.find((c) => c.name === 'baucoso_session')!;
    expect(cleared.value).toBe('');
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('describes every route in OpenAPI with its answer and its failure statuses', () => {
    expect(endpoints.length).toBe(21);
    expectDescribed(app, endpoints);
  });
});
