import { randomUUID } from 'node:crypto';
import { migrateToLatest, openStore, territory } from '../src/store';
import { createContext, oversight, plan, territory as terr } from '../src/services';
import { addDays } from '../src/domain/calendar';
import { forgetOversightMemo } from '../src/services/oversight/cache';
import { figure } from './format';

// A province of 124 communes with 12 hamlets each and every plan task; prints the latency of the
// province dashboard, the aggregate XLSX and one commune's dashboard. Run: npx tsx bench/oversight.bench.ts
async function main(): Promise<void> {
  const store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx = createContext(store, () => new Date('2025-11-20T02:00:00Z'));
  await terr.loadAdministrativeUnits(ctx);
  const admin = {
    userId: 'x',
    username: 'x',
    displayName: 'x',
    role: 'admin' as const,
    scope: { kind: 'all' as const },
  };
  const communes = await territory.listCommunes(store.db, '68');
  const t0 = Date.now();
  for (const c of communes) {
    const ids: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const id = randomUUID();
      ids.push(id);
      await territory.insertHamlet(store.db, {
        id,
        communeId: c.id,
        name: `Thôn ${i}`,
        kind: 'thon',
        createdAt: 'x',
      });
    }
    const r = await plan.createRound(ctx, admin, {
      communeId: c.id,
      termLabel: '2025-2030',
      profileId: 'nd59-2023',
      form: 'meeting',
      chairName: 'A',
      frontChairName: 'B',
      planDate: '2025-10-01',
      finalDeadline: '2025-12-31',
      hamlets: ids.map((h, i) => ({ hamletId: h, electionDate: addDays('2025-11-23', i) })),
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  console.log(`loaded ${communes.length * 12} hamlets in ${Date.now() - t0} ms`);
  const dash: number[] = [];
  const xlsx: number[] = [];
  const commune: number[] = [];
  for (let k = 0; k < 3; k++) {
    // Measure the computation, not the memo of unchanged data (services/oversight-cache.ts).
    forgetOversightMemo();
    const t1 = performance.now();
    const d = await oversight.provinceDashboard(ctx, admin, '68');
    forgetOversightMemo();
    const t2 = performance.now();
    const x = await oversight.provinceAggregateXlsx(ctx, admin, '68');
    const t3 = performance.now();
    const c = await oversight.communeDashboard(ctx, admin, communes[0]!.id);
    const t4 = performance.now();
    dash.push(t2 - t1);
    xlsx.push(t3 - t2);
    commune.push(t4 - t3);
    if (!d.ok || d.value.totals.hamlets !== communes.length * 12)
      throw new Error('dashboard totals do not add up');
    console.log(
      `dashboard ${(t2 - t1).toFixed(0)} ms (hamlets ${d.ok && d.value.totals.hamlets}, late ${d.ok && d.value.totals.lateItems}); xlsx ${(t3 - t2).toFixed(0)} ms ${x.ok}; commune ${(t4 - t3).toFixed(0)} ms ${c.ok}`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const hamlets = (communes.length * 12).toLocaleString('en-US');
  // Reference: one commune's dashboard, the same code over 12 hamlets.
  const reference = { name: "one commune's dashboard", value: median(commune), unit: 'ms' };
  figure({
    name: `oversight, province dashboard over ${hamlets} hamlets, SQLite, median of 3`,
    value: median(dash),
    unit: 'ms',
    reference,
    goals: [{ kind: 'max', value: 100 }],
  });
  figure({
    name: `oversight, province aggregate XLSX over ${hamlets} hamlets, SQLite, median of 3`,
    value: median(xlsx),
    unit: 'ms',
    reference,
  });
  await store.close();
}

await main();
