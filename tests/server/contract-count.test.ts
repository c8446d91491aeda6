import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectDescribed } from '../support/openapi';
import type { FastifyInstance } from 'fastify';
import * as countContract from '../../src/contract/count';
import type { EndpointDef } from '../../src/contract/endpoint';
import * as meetingContract from '../../src/contract/meeting';
import { PAPER_LIMITS } from '../../src/domain/count';
import { buildServer } from '../../src/server/app';
import { count, demo } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const COMMUNE = '24820';
const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

const isEndpoint = (v: unknown): v is EndpointDef =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'response' in v;
const endpoints = [countContract, meetingContract].flatMap((m) => Object.values(m).filter(isEndpoint));

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function demoElection(ctx: ServiceContext): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', COMMUNE)
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachDatabase('the count and the meeting through their contract', (t) => {
  let app: FastifyInstance;
  let cookie = '';
  const s = { electionId: '', countId: '', batchId: '', a: '', b: '' };
  const ctx = () => t.ctx(pollingDay);

  /** What a refused request must leave as it was: the papers and the audit trail. */
  const snapshot = async () => {
    const db = ctx().store.db;
    const entries = await db
      .selectFrom('count_entries')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    const resolutions = await db
      .selectFrom('count_resolutions')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    const events = await db
      .selectFrom('audit_events')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    return [Number(entries?.n), Number(resolutions?.n), Number(events?.n)];
  };

  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as Record<string, unknown> });

  const paper = (over: Record<string, unknown> = {}) => ({
    batchId: s.batchId,
    lane: 1,
    kept: [s.a],
    defect: null,
    key: crypto.randomUUID(),
    ...over,
  });

  beforeAll(async () => {
    await demo.loadDemo(ctx());
    s.electionId = await demoElection(ctx());
    must(await count.prepareDemoPolling(ctx(), aCommuneOfficer(COMMUNE), s.electionId));
    const team = aTeamMember(s.electionId);
    s.countId = must(
      await count.openCount(ctx(), team, s.electionId, {
        position: 'head',
        voted: 300,
        issued: 300,
        received: 300,
        doubleEntry: true,
      }),
    ).id;
    const view = must(await count.getCount(ctx(), team, s.countId));
    s.a = view.candidates[0]!.id;
    s.b = view.candidates[1]!.id;
    s.batchId = must(await count.openBatch(ctx(), team, s.countId, { size: 10 })).id;
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

  it('records a paper and answers a retry with the same key as a replay', async () => {
    const p = paper();
    const first = await post(`/api/counts/${s.countId}/papers`, p);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ seq: 1, lane: 1, kept: [s.a], defect: null, replay: false });
    const again = await post(`/api/counts/${s.countId}/papers`, p);
    expect(again.json()).toMatchObject({ entryId: first.json().entryId, replay: true });
  });

  it('refuses papers that break the limits with 400 in Vietnamese and stores nothing', async () => {
    const before = await snapshot();
    const refused = [
      // A key too long, and one too short.
      [`/api/counts/${s.countId}/papers`, paper({ key: 'k'.repeat(PAPER_LIMITS.keyMax + 1) })],
      [`/api/counts/${s.countId}/papers`, paper({ key: 'short' })],
      // More names than any ballot, a name longer than an id, a defect no profile knows, a third lane.
      [
        `/api/counts/${s.countId}/papers`,
        paper({ kept: Array.from({ length: PAPER_LIMITS.keptMax + 1 }, () => s.a) }),
      ],
      [`/api/counts/${s.countId}/papers`, paper({ kept: ['x'.repeat(PAPER_LIMITS.candidateIdMax + 1)] })],
      [`/api/counts/${s.countId}/papers`, paper({ kept: 'not a list' })],
      [`/api/counts/${s.countId}/papers`, paper({ defect: 'smudged' })],
      [`/api/counts/${s.countId}/papers`, paper({ lane: 3 })],
      // A bulk request over the limit, or with one bad paper among good ones: all or nothing.
      [
        `/api/counts/${s.countId}/papers/bulk`,
        { papers: Array.from({ length: PAPER_LIMITS.perRequestMax + 1 }, () => paper()) },
      ],
      [
        `/api/counts/${s.countId}/papers/bulk`,
        { papers: [paper(), paper({ key: 'k'.repeat(101) }), paper()] },
      ],
      [`/api/counts/${s.countId}/papers/bulk`, { papers: [] }],
      // The team's resolution of a difference with a candidate list that breaks the limits.
      [
        `/api/counts/${s.countId}/batches/${s.batchId}/resolutions`,
        { seq: 1, kept: Array.from({ length: PAPER_LIMITS.keptMax + 1 }, () => s.b) },
      ],
      [`/api/counts/${s.countId}/batches/${s.batchId}/resolutions`, { seq: 0, kept: [s.a] }],
    ] as const;
    for (const [url, body] of refused) {
      const res = await post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
      expect(res.json().error.code).toBe('invalid-input');
      expect(res.json().error.message).toMatch(VIETNAMESE);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('still refuses, as before, a paper that passes the limits but not the ballot or the profile', async () => {
    const before = await snapshot();
    const unknown = await post(`/api/counts/${s.countId}/papers`, paper({ kept: ['no-such-candidate'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/Không có người ứng cử mã/);
    // nd59 lists no "both columns" defect: a rule refusal naming its citation.
    const defect = await post(`/api/counts/${s.countId}/papers`, paper({ kept: [], defect: 'both-columns' }));
    expect(defect.statusCode).toBe(422);
    expect(defect.json().error.code).toBe('invalid-reason');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a malformed agenda vote or show of hands with 400 in Vietnamese', async () => {
    const before = await snapshot();
    for (const [url, body] of [
      [`/api/elections/${s.electionId}/meeting/votes`, { step: 'dancing' }],
      [`/api/elections/${s.electionId}/meeting/votes`, { step: 'secretary', name: 'x'.repeat(201) }],
      [`/api/elections/${s.electionId}/meeting/hands`, { position: 'head', votes: { [s.a]: -1 } }],
      [`/api/elections/${s.electionId}/meeting/minutes`, { kind: 'poem' }],
    ] as const) {
      const res = await post(url, body);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message).toMatch(VIETNAMESE);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('describes every route with its answer and its failure statuses in OpenAPI', () => {
    expect(endpoints.length).toBe(24);
    expectDescribed(app, endpoints, ['invalid-input']);
  });
});
