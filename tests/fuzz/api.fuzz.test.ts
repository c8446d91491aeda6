import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { count as counting, createContext, demo } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { aCommuneOfficer } from '../support/actors';

// The JSON API under generated bodies, as a signed-in commune officer: every write route of the route
// table answers with a status below 500, and a refused request (4xx) writes nothing at all: the
// SQLite connection's total_changes() and the audit event count are the same before and after.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const PER_ROUTE = Math.max(4, Math.ceil(RUNS / 15));

// Routes that end the session under test or need a second factor are exercised in auth-hardening.
const SKIP = /^\/api\/auth\//;

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
}
interface Schema {
  properties?: Record<string, unknown>;
}

const odd = fc.constantFrom(
  '',
  ' ',
  '=1+1',
  '@SUM(A1)',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '2024-11-17',
  '2024-02-30',
  '24820',
  'head',
  'papers',
  'x'.repeat(2000),
  '\u0000',
  'Nguyễn Văn A',
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  odd,
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.integer({ min: -2, max: 500 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(odd, fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(odd, fc.integer()), { maxKeys: 3 }),
);

/** Bodies shaped like the route's schema (its property names, any values) or anything JSON. */
function bodyFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema?.properties ?? {});
  const shaped =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] })
      : fc.constant({});
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

let store: Store;
let ctx: ServiceContext;
let app: FastifyInstance;
let cookie = '';
let spec: Spec;
const pool: Record<string, string[]> = { id: ['24820', 'nope', '../x'] };
const crashes = new Map<string, string>();
const found = { requests: 0, refused: 0, accepted: 0, byStatus: new Map<number, number>() };

async function changes(): Promise<{ total: number; audit: number }> {
  const r = await sql<{ total: number; audit: number }>`
    select total_changes() as total, (select count(*) from audit_events) as audit`.execute(store.db);
  return r.rows[0]!;
}

beforeAll(async () => {
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  ctx = createContext(store, () => new Date('2024-11-17T03:00:00.000Z'));
  await demo.loadDemo(ctx);
  const e = await store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select(['e.id', 'h.id as hamletId'])
    .executeTakeFirstOrThrow();
  const officer = aCommuneOfficer('24820');
  const ready = await counting.prepareDemoPolling(ctx, officer, e.id);
  if (!ready.ok) throw new Error(ready.error.message);
  const count = await counting.openCount(ctx, officer, e.id, {
    position: 'head',
    voted: 9,
    issued: 9,
    received: 9,
  });
  if (!count.ok) throw new Error(count.error.message);
  const batch = await counting.openBatch(ctx, officer, count.value.id, { size: 5 });
  if (!batch.ok) throw new Error(batch.error.message);
  const person = await store.db
    .selectFrom('residents')
    .select(['id', 'household_id'])
    .executeTakeFirstOrThrow();
  pool['id']!.push(e.id, e.hamletId, count.value.id, person.id, person.household_id);
  pool['batchId'] = [batch.value.id, 'nope'];
  app = await buildServer(ctx, { webRoot: '/nonexistent' });
  await app.ready();
  spec = app.swagger() as unknown as Spec;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'ubnd.phuong2', password: demo.DEMO_PASSWORD },
  });
  cookie = `baucoso_session=${login.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
});

it('answers every write route with < 500 and writes nothing when it refuses', async () => {
  const routes = app.routeTable.filter(
    (r) => r.url.startsWith('/api/') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !SKIP.test(r.url),
  );
  expect(routes.length).toBeGreaterThan(50);
  for (const route of routes) {
    const openapiPath = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op = spec.paths[openapiPath]?.[route.method.toLowerCase()];
    const schema = op?.requestBody?.content?.['application/json']?.schema;
    const params = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
    const paramValue = (name: string) =>
      fc.oneof(fc.constantFrom(...(pool[name] ?? pool['id']!)), fc.string({ minLength: 1, maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.tuple(...params.map(paramValue)), bodyFor(schema), async (values, body) => {
        let url = route.url;
        params.forEach((p, i) => (url = url.replace(`:${p}`, encodeURIComponent(values[i] as string))));
        const before = await changes();
        const res = await app.inject({
          method: route.method as 'POST',
          url,
          headers: { cookie, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        found.requests++;
        found.byStatus.set(res.statusCode, (found.byStatus.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) {
          crashes.set(`${route.method} ${route.url}`, JSON.stringify(body).slice(0, 200));
          return;
        }
        if (res.statusCode >= 400) {
          found.refused++;
          const msg = res.json<{ error?: { message?: string } }>().error?.message ?? '';
          expect(msg.length, `${route.method} ${url}: a refusal says why`).toBeGreaterThan(5);
          expect(await changes(), `${route.method} ${url} ${res.statusCode} wrote something`).toEqual(before);
        } else found.accepted++;
      }),
      { numRuns: PER_ROUTE },
    );
  }
  expect([...crashes].map(([r, body]) => `${r} 5xx with ${body}`)).toEqual([]);
  process.stdout.write(
    `fuzz JSON API: ${routes.length} write routes x ${PER_ROUTE} = ${found.requests} generated requests, ` +
      `${found.accepted} accepted, ${found.refused} refused; statuses ${JSON.stringify(Object.fromEntries(found.byStatus))}\n`,
  );
}, 600_000);
