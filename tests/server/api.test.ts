import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { demo } from '../../src/services';
import { latestMigration } from '../../src/store/database';
import { describeEachDatabase } from '../support/databases';

describeEachDatabase('HTTP API', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await demo.loadDemo(t.ctx());
    app = await buildServer(t.ctx(), { webRoot: '/nonexistent' });
  });

  async function cookieFor(username: string): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: demo.DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'baucoso_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    return `baucoso_session=${cookie!.value}`;
  }

  it('reports the database kind and migration version at /api/health', async () => {
    const res = await app.inject('/api/health');
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: t.kind,
      migration: await latestMigration(),
    });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers 401 with a Vietnamese message without a session', async () => {
    const res = await app.inject('/api/communes/24820');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('đăng nhập');
  });

  it('shows the commune officer their home and commune; refuses another commune with 403', async () => {
    const cookie = await cookieFor('ubnd.phuong2');
    const me = await app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().home).toEqual({ kind: 'commune', communeId: '24820' });
    const commune = await app.inject({ url: '/api/communes/24820', headers: { cookie } });
    expect(commune.json().hamlets).toHaveLength(5);
    const other = await app.inject({ url: '/api/communes/00004', headers: { cookie } });
    expect(other.statusCode).toBe(403);
    const missing = await app.inject({ url: '/api/hamlets/no-such-id', headers: { cookie } });
    expect(missing.statusCode).toBe(404);
  });

  it('creates a hamlet by form and rejects invalid input with 400 and the field', async () => {
    const cookie = await cookieFor('ubnd.phuong2');
    const made = await app.inject({
      method: 'POST',
      url: '/api/communes/24820/hamlets',
      headers: { cookie },
      payload: { name: 'Khu phố 7', kind: 'khu-pho', residentGroups: ['Tổ 1'] },
    });
    expect(made.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/communes/24820/hamlets',
      headers: { cookie },
      payload: { name: '', kind: 'khu-pho' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('name');
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/communes/24820/hamlets',
      headers: { cookie },
      payload: { kind: 3 },
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('keeps the province viewer read-only', async () => {
    const cookie = await cookieFor('tinh.lamdong');
    const province = await app.inject({ url: '/api/provinces/68', headers: { cookie } });
    expect(province.statusCode).toBe(200);
    expect(province.json().communes.length).toBeGreaterThan(100);
    const write = await app.inject({
      method: 'POST',
      url: '/api/communes/24820/hamlets',
      headers: { cookie },
      payload: { name: 'X', kind: 'thon' },
    });
    expect(write.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/provinces/01', headers: { cookie } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/users', headers: { cookie } })).statusCode).toBe(403);
  });

  it('lets the administrator list and create users', async () => {
    const cookie = await cookieFor('quantri');
    const list = await app.inject({ url: '/api/users', headers: { cookie } });
    // The demo's accounts: administrator, commune, Front, two election team members, province.
    expect(list.json().users).toHaveLength(6);
    const made = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: {
        username: 'tinh.hanoi',
        displayName: 'Đỗ Thu Hà',
        password: 'hanoi2025x',
        role: 'provinceViewer',
        scopeId: '01',
      },
    });
    expect(made.statusCode).toBe(201);
  });

  it('ends the session on logout', async () => {
    const cookie = await cookieFor('mttq.phuong2');
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('serves the OpenAPI description', async () => {
    const res = await app.inject('/api/docs/json');
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/communes/{id}/hamlets']),
    );
  });
});
