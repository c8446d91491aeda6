import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { demo } from '../../src/services';
import { describeEachDatabase } from '../support/databases';

// Walks every route of the server with every role. A new route without an access level fails here;
// the generic rules below then hold for it without anyone writing a test for it.
const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, 'x').replace(/\*$/, '');

describeEachDatabase('every route, every role', (t) => {
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    await demo.loadDemo(t.ctx());
    app = await buildServer(t.ctx(), { webRoot: '/nonexistent' });
    await app.ready();
    for (const username of ['quantri', 'ubnd.phuong2', 'mttq.phuong2', 'tobaucu.kp1', 'tinh.lamdong']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: demo.DEMO_PASSWORD },
      });
      cookies[username] = `baucoso_session=${res.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
    }
  });

  const call = (method: string, url: string, cookie?: string) =>
    app.inject({
      method: method as 'GET',
      url: concrete(url),
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' }),
      },
      ...(method === 'GET' || method === 'HEAD' ? {} : { payload: '{}' }),
    });

  it('gives every API route an access level', () => {
    const missing = app.routeTable.filter(
      (r) => isApi(r.url) && r.method !== 'HEAD' && r.access === undefined,
    );
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(app.routeTable.filter((r) => isApi(r.url)).length).toBeGreaterThan(20);
  });

  it('answers 401 without a session on every route that is not public', async () => {
    for (const r of app.routeTable.filter(
      (x) => isApi(x.url) && x.access && x.access !== 'public' && x.method !== 'HEAD',
    )) {
      const res = await call(r.method, r.url);
      expect(`${r.method} ${r.url} -> ${res.statusCode}`).toBe(`${r.method} ${r.url} -> 401`);
    }
  });

  it('refuses every write to the province viewer, and every admin route to non-administrators', async () => {
    for (const r of app.routeTable.filter(
      (x) => isApi(x.url) && (x.access === 'write' || x.access === 'admin'),
    )) {
      const res = await call(r.method, r.url, cookies['tinh.lamdong']);
      expect(`${r.method} ${r.url} -> ${res.statusCode}`).toBe(`${r.method} ${r.url} -> 403`);
    }
    for (const r of app.routeTable.filter((x) => isApi(x.url) && x.access === 'admin')) {
      for (const user of ['ubnd.phuong2', 'mttq.phuong2', 'tobaucu.kp1']) {
        const res = await call(r.method, r.url, cookies[user]);
        expect(`${user} ${r.method} ${r.url} -> ${res.statusCode}`).toBe(
          `${user} ${r.method} ${r.url} -> 403`,
        );
      }
    }
  });

  it('keeps each role inside its scope on the territory routes', async () => {
    const ward = (
      await app.inject({ url: '/api/communes/24820', headers: { cookie: cookies['quantri']! } })
    ).json();
    const [kp1, kp2] = ward.hamlets as { id: string }[];
    const expectations: [string, string, number][] = [
      ['tobaucu.kp1', `/api/hamlets/${kp1!.id}`, 200],
      ['tobaucu.kp1', `/api/hamlets/${kp2!.id}`, 403],
      ['tobaucu.kp1', `/api/hamlets/${kp2!.id}/households`, 403],
      ['tobaucu.kp1', '/api/communes/24820', 403],
      ['ubnd.phuong2', '/api/communes/24820', 200],
      ['ubnd.phuong2', '/api/communes/24823', 403],
      ['ubnd.phuong2', '/api/provinces/68', 403],
      ['tinh.lamdong', '/api/provinces/68', 200],
      ['tinh.lamdong', '/api/provinces/01', 403],
      ['tinh.lamdong', `/api/hamlets/${kp2!.id}/households`, 200],
      ['tobaucu.kp1', `/api/audit/hamlet/${kp1!.id}`, 200],
      ['tobaucu.kp1', `/api/audit/hamlet/${kp2!.id}`, 403],
      ['tobaucu.kp1', '/api/audit/commune/24820', 403],
      ['ubnd.phuong2', '/api/audit/commune/24823', 403],
      ['tinh.lamdong', '/api/audit/commune/24820', 200],
      ['tinh.lamdong', '/api/audit-chain/verify', 200],
      ['tobaucu.kp1', '/api/audit-chain/verify', 403],
      ['tinh.lamdong', '/api/communes/24820/hamlet-history', 200],
      ['ubnd.phuong2', '/api/communes/24823/hamlet-history', 403],
      ['tobaucu.kp1', '/api/communes/24820/hamlet-history/as-of?on=2024-09-01', 403],
      ['mttq.phuong2', '/api/communes/24820/hamlet-history/as-of?on=2024-09-01', 200],
      ['tobaucu.kp1', `/api/hamlets/${kp1!.id}/facts`, 200],
      ['tobaucu.kp1', `/api/hamlets/${kp2!.id}/facts`, 403],
      ['tinh.lamdong', `/api/hamlets/${kp2!.id}/facts?on=2024-11-01`, 200],
      ['ubnd.phuong2', '/api/communes/24823/office-records', 403],
      ['tinh.lamdong', '/api/communes/24820/office-records', 200],
      ['ubnd.phuong2', '/api/communes/24820/lineage', 200],
      ['tobaucu.kp1', '/api/communes/24820/lineage', 403],
      ['ubnd.phuong2', '/api/provinces/68/allowance-rates', 200],
    ];
    for (const [user, url, status] of expectations) {
      const res = await app.inject({ url, headers: { cookie: cookies[user]! } });
      expect(`${user} ${url} -> ${res.statusCode}`).toBe(`${user} ${url} -> ${status}`);
    }
  });
});
