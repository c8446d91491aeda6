/**
 * The recomputed result through the HTTP contract: a stored closure edited in the database shows as
 * the count's `mismatch`, recognition answers 409 `count-result-mismatch` in Vietnamese, and the
 * record is refused the same way once the papers no longer give a result. OpenAPI lists the code on
 * every endpoint that may answer it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as countContract from '../../src/contract/count';
import * as officeContract from '../../src/contract/office';
import { statusOf } from '../../src/contract/errors';
import { FAILURE_CODES } from '../../src/domain/result';
import { buildServer } from '../../src/server/app';
import { count, demo } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { expectDescribed } from '../support/openapi';
import type { OpenApiDoc } from '../support/openapi';
import { readyToClose } from '../support/demo-election';

const COMMUNE = '24820';
const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEachDatabase('the recomputed result through the contract', (t) => {
  let app: FastifyInstance;
  let cookie = '';
  const s = { electionId: '', countId: '', a: '', b: '', resident: '' };
  const ctx = (): ServiceContext => t.ctx(pollingDay);
  // The edits below are made outside the application on purpose; the block's own check that every
  // write of the application was sealed is about the application, so they are forgotten at the end.
  afterAll(async () => {
    await t.store().db.deleteFrom('record_changes').execute();
  });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    await demo.loadDemo(ctx());
    const e = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    s.electionId = e.id;
    must(await count.prepareDemoPolling(ctx(), aCommuneOfficer(COMMUNE), s.electionId));
    const team = aTeamMember(s.electionId);
    s.countId = must(
      await count.openCount(ctx(), team, s.electionId, {
        position: 'head',
        voted: 250,
        issued: 250,
        received: 250,
        doubleEntry: false,
      }),
    ).id;
    const view = must(await count.getCount(ctx(), team, s.countId));
    s.a = view.candidates[0]!.id;
    s.b = view.candidates[1]!.id;
    const batch = must(await count.openBatch(ctx(), team, s.countId, { size: 250 })).id;
    const papers = Array.from({ length: 250 }, (_, i) => ({
      batchId: batch,
      lane: 1,
      kept: [i < 230 ? s.a : s.b],
      key: randomUUID(),
    }));
    for (let i = 0; i < papers.length; i += 50)
      must(await count.enterPapers(ctx(), team, s.countId, { papers: papers.slice(i, i + 50) }));
    must(await count.closeBatch(ctx(), team, s.countId, batch));
    await readyToClose(ctx(), team, s.electionId);
    must(await count.closeCount(ctx(), team, s.countId));
    must(await count.issueResultReport(ctx(), aCommuneOfficer(COMMUNE), s.countId));
    const n = await ctx()
      .store.db.selectFrom('nominations')
      .select('resident_id')
      .where('id', '=', s.b)
      .executeTakeFirstOrThrow();
    s.resident = n.resident_id;
    app = await buildServer(ctx(), { webRoot: '/nonexistent' });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ubnd.phuong2', password: demo.DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    cookie = `baucoso_session=${login.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
  });
  afterAll(async () => app.close());

  it('the loser made elected in the stored closure: GET /api/counts/:id answers the papers’ result and the mismatch', async () => {
    const row = await ctx()
      .store.db.selectFrom('count_closures')
      .select('result')
      .where('count_id', '=', s.countId)
      .executeTakeFirstOrThrow();
    const forged = { ...(JSON.parse(row.result) as object), elected: [s.b] };
    await ctx()
      .store.db.updateTable('count_closures')
      .set({ result: JSON.stringify(forged) })
      .where('count_id', '=', s.countId)
      .execute();
    const res = await get(`/api/counts/${s.countId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      result: { elected: string[] };
      mismatch: { differences: { field: string }[] };
    }>();
    expect(body.result.elected).toEqual([s.a]);
    expect(body.mismatch.differences.map((d) => d.field)).toEqual(['elected']);
  });

  it('recognising the stored winner answers 409 count-result-mismatch in Vietnamese and changes nothing', async () => {
    const events = async () =>
      Number(
        (
          await ctx()
            .store.db.selectFrom('audit_events')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const before = await events();
    const res = await app.inject({
      method: 'POST',
      url: `/api/elections/${s.electionId}/recognition`,
      headers: { cookie },
      payload: { decision: 'recognise', on: '2024-11-17' },
    });
    expect(res.statusCode).toBe(409);
    const error = res.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('count-result-mismatch');
    expect(error.message).toMatch(/Không thể công nhận người trúng cử/);
    expect(await events()).toBe(before);
  });

  it('once the papers no longer give a result, the record answers 409 count-result-mismatch', async () => {
    const one = await ctx()
      .store.db.selectFrom('count_entries')
      .select('id')
      .where('count_id', '=', s.countId)
      .executeTakeFirstOrThrow();
    await ctx().store.db.deleteFrom('count_entries').where('id', '=', one.id).execute();
    const res = await get(`/api/counts/${s.countId}/record.pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('count-result-mismatch');
    const view = await get(`/api/counts/${s.countId}`);
    expect(view.json<{ result: unknown }>().result).toBeNull();
  });

  it('OpenAPI lists count-result-mismatch (409) on the record, the report, recognition and the interim head', () => {
    expect(FAILURE_CODES['count-result-mismatch']).toBe('damaged');
    expect(statusOf('count-result-mismatch')).toBe(409);
    const endpoints = [
      countContract.printCountRecord,
      countContract.issueCountRecord,
      countContract.issueResultReport,
      officeContract.decideRecognition,
      officeContract.appointInterim,
    ];
    for (const e of endpoints) expect(e.errors, `${e.method} ${e.path}`).toContain('count-result-mismatch');
    const doc: OpenApiDoc = expectDescribed(app, endpoints);
    expect(doc.paths['/api/elections/{id}/recognition']?.['post']?.responses?.['409']).toBeDefined();
  });
});
