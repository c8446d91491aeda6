import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectDescribed } from '../support/openapi';
import type { FastifyInstance } from 'fastify';
import type { EndpointDef } from '../../src/contract/endpoint';
import * as hamletFacts from '../../src/contract/hamlet-facts';
import * as people from '../../src/contract/people';
import * as register from '../../src/contract/register';
import { buildServer } from '../../src/server/app';
import { demo } from '../../src/services';
import { describeEachDatabase } from '../support/databases';

const isEndpoint = (v: unknown): v is EndpointDef =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'response' in v;
const endpoints = [people, register, hamletFacts].flatMap((m) => Object.values(m).filter(isEndpoint));

describeEachDatabase('people, hamlet register and hamlet facts on the contract', (t) => {
  let app: FastifyInstance;
  let cookie = '';
  let hamletId = '';
  const WARD = '24820';
  beforeAll(async () => {
    await demo.loadDemo(t.ctx());
    app = await buildServer(t.ctx(), { webRoot: '/nonexistent' });
    await app.ready();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ubnd.phuong2', password: demo.DEMO_PASSWORD },
    });
    cookie = `baucoso_session=${res.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
    const ward = (await app.inject({ url: `/api/communes/${WARD}`, headers: { cookie } })).json();
    hamletId = (ward.hamlets as { id: string }[])[0]!.id;
  });
  afterAll(async () => app.close());

  const post = (url: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  const get = (url: string) => app.inject({ url, headers: { cookie } });

  it('describes every route with its answer and its failure statuses', () => {
    expect(endpoints.length).toBe(33);
    const doc = expectDescribed(app, endpoints, ['invalid-input', 'forbidden']);
    const responses = (path: string, method: string) => doc.paths[path]?.[method]?.responses ?? {};
    expect(responses('/api/households/{id}/representative', 'post')).toHaveProperty('422');
    expect(responses('/api/hamlets/{id}/residents', 'post')).toHaveProperty('409');
    expect(responses('/api/hamlets/{id}/residents/import', 'post')).toHaveProperty('415');
    expect(responses('/api/communes/{id}/hamlet-establishments', 'post')).toHaveProperty('422');
  });

  it('refuses a malformed resident with 400 and a Vietnamese message, and adds no one', async () => {
    const before = (await get(`/api/hamlets/${hamletId}/residents?limit=1`)).json().total as number;
    for (const body of [
      {
        fullName: 'Nguyễn Văn Thử',
        birthDate: '1990-01-01',
        sex: 'x',
        relation: 'head',
        residence: 'permanent',
      },
      { birthDate: '1990-01-01', sex: 'male', relation: 'head', residence: 'permanent' },
      {
        fullName: 'A'.repeat(201),
        birthDate: '1990-01-01',
        sex: 'male',
        relation: 'head',
        residence: 'permanent',
      },
    ]) {
      const res = await post(`/api/hamlets/${hamletId}/residents`, {
        ...body,
        newHousehold: { code: 'T-1' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid-input');
      expect(res.json().error.message).toMatch(/không hợp lệ/);
    }
    const after = (await get(`/api/hamlets/${hamletId}/residents?limit=1`)).json().total as number;
    expect(after).toBe(before);
  });

  it('refuses a malformed query, merge, fact and column mapping with 400, changing nothing', async () => {
    const asOf = await get(`/api/communes/${WARD}/hamlet-history/as-of?on=2024-02-30`);
    expect(asOf.statusCode).toBe(400);
    expect(asOf.json().error.message).toMatch(/lịch/);
    const history = (await get(`/api/communes/${WARD}/hamlet-history`)).json();
    const merge = await post(`/api/communes/${WARD}/hamlet-merges`, {
      sourceIds: 'all',
      effectiveOn: '2024-01-01',
      decisionNumber: '1/QĐ-UBND',
    });
    expect(merge.statusCode).toBe(400);
    expect(merge.json().error.field).toBe('sourceIds');
    const fact = await post(`/api/hamlets/${hamletId}/facts`, {
      fact: 'classification',
      value: 1,
      effectiveFrom: '2024-01-01',
    });
    expect(fact.statusCode).toBe(400);
    expect((await get(`/api/communes/${WARD}/hamlet-history`)).json().changes).toEqual(history.changes);
    expect((await get(`/api/hamlets/${hamletId}/facts`)).json().history).toEqual([]);
    const mapping = await app.inject({
      method: 'POST',
      url: `/api/hamlets/${hamletId}/residents/import?mapping=${encodeURIComponent('{"0":"shoeSize"}')}`,
      headers: { cookie, 'content-type': 'text/csv' },
      payload: Buffer.from('Họ và tên\nA\n'),
    });
    expect(mapping.statusCode).toBe(400);
    expect(mapping.json().error.message).toContain('không có trong tệp mẫu');
  });

  it('answers a resident as its contract says', async () => {
    const page = (await get(`/api/hamlets/${hamletId}/residents?limit=2`)).json();
    expect(people.residentPage.safeParse(page).success).toBe(true);
    const one = await get(`/api/residents/${page.items[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(people.residentDetail.safeParse(one.json()).success).toBe(true);
    const household = await get(`/api/households/${page.items[0].householdId}`);
    expect(people.householdDetail.safeParse(household.json()).success).toBe(true);
  });
});
