/**
 * What recomputing results from the papers costs where people wait: the dashboards of the demo
 * province (`baucoso demo-province`) and of a province at scale with a closed count in every
 * counted hamlet (and the national roll-up over it), the recognition inbox, and the count page of
 * one count of 320 papers. Each
 * dashboard is timed with the oversight memo forgotten before every run (the case after any write),
 * so the figure is the computation itself. SQLite in memory.
 *
 * Run: npx tsx bench/recompute.bench.ts [--rounds N]
 */
import { randomUUID } from 'node:crypto';
import { count, createContext, demo, office, oversight } from '../src/services';
import type { Actor, ServiceContext } from '../src/services';
import { migrateToLatest, openStore } from '../src/store';
import { forgetOversightMemo } from '../src/services/oversight/cache';
import { figure, percentile } from './format';

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 20;

const admin: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  scope: { kind: 'all' },
};

async function timed(work: () => Promise<unknown>, forget = true): Promise<{ p50: number; p95: number }> {
  await work();
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (forget) forgetOversightMemo();
    const t = performance.now();
    await work();
    out.push(performance.now() - t);
  }
  out.sort((a, b) => a - b);
  return { p50: percentile(out, 50), p95: percentile(out, 95) };
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function report(name: string, t: { p50: number; p95: number }): void {
  figure({ name: `${name}, p50`, value: t.p50, unit: 'ms' });
  figure({ name: `${name}, p95`, value: t.p95, unit: 'ms' });
}

async function demoProvince(): Promise<void> {
  const store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx = createContext(store, () => new Date('2025-11-20T02:00:00.000Z'));
  await demo.loadDemoProvince(ctx);
  report(
    'recompute: demo province dashboard (124 communes, 5 with hamlets), memo forgotten',
    await timed(async () => must(await oversight.provinceDashboard(ctx, admin, '68'))),
  );
  report(
    'recompute: demo commune dashboard 24841, memo forgotten',
    await timed(async () => must(await oversight.communeDashboard(ctx, admin, '24841'))),
  );
  report(
    'recompute: recognition inbox of commune 24841',
    await timed(async () => must(await office.recognitionInbox(ctx, admin, '24841')), false),
  );
  await store.close();
}

async function provinceAtScale(): Promise<void> {
  const store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx = createContext(store, () => new Date('2025-11-20T02:00:00.000Z'));
  const p = must(
    await demo.loadProvinceScale(ctx, admin, {
      provinceCode: '68',
      communes: 40,
      hamlets: 800,
      households: 80_000,
      seed: 11,
    }),
  );
  console.log(`province at scale: ${JSON.stringify(p)}`);
  report(
    'recompute: province dashboard over 800 hamlets, memo forgotten',
    await timed(async () => must(await oversight.provinceDashboard(ctx, admin, '68'))),
  );
  report(
    'recompute: national roll-up over 800 hamlets, memo forgotten',
    await timed(async () => must(await oversight.nationalRollup(ctx, admin))),
  );
  await store.close();
}

/** The demo ward's election counted on papers: 320 papers in one batch, single entry. */
async function paperCount(): Promise<void> {
  const store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx: ServiceContext = createContext(store, () => new Date('2024-11-17T03:30:00.000Z'));
  await demo.loadDemo(ctx);
  const e = await store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', '24820')
    .executeTakeFirstOrThrow();
  must(await count.prepareDemoPolling(ctx, admin, e.id));
  const id = must(
    await count.openCount(ctx, admin, e.id, {
      position: 'head',
      voted: 320,
      issued: 320,
      received: 320,
      doubleEntry: false,
    }),
  ).id;
  const view = must(await count.getCount(ctx, admin, id));
  const [a, b] = view.candidates.map((c) => c.id);
  const batch = must(await count.openBatch(ctx, admin, id, { size: 320 })).id;
  for (let i = 0; i < 320; i++)
    must(
      await count.enterPaper(ctx, admin, id, {
        batchId: batch,
        lane: 1,
        kept: [i % 3 === 0 ? b! : a!],
        key: randomUUID(),
      }),
    );
  must(await count.closeBatch(ctx, admin, id, batch));
  must(await count.closeCount(ctx, admin, id));
  report(
    'recompute: count page (getCount) of a closed count of 320 papers',
    await timed(async () => must(await count.getCount(ctx, admin, id)), false),
  );
  await store.close();
}

await demoProvince();
await provinceAtScale();
await paperCount();
