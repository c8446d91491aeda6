import { describe, expect, it } from 'vitest';
import { planScale } from '../../src/demo/scale';
import { demo, oversight } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const now = () => new Date('2025-11-20T02:00:00.000Z');

describe('scale plan (src/demo/scale.ts)', () => {
  const communes = [
    { id: '24778', name: 'Phường Lâm Viên - Đà Lạt' },
    { id: '25000', name: 'Xã Di Linh' },
    { id: '24823', name: 'Phường 1 Bảo Lộc' },
  ];
  it('is the same for the same seed and differs for another', () => {
    const opts = { seed: 5, mode: 'province' as const, hamlets: 10, households: 1000 };
    expect(planScale(communes, opts)).toEqual(planScale(communes, opts));
    expect(planScale(communes, { ...opts, seed: 6 })).not.toEqual(planScale(communes, opts));
  });
  it('spreads hamlets and households exactly over the communes', () => {
    const plan = planScale(communes, { seed: 1, mode: 'province', hamlets: 10, households: 1001 });
    expect(plan.map((c) => c.hamlets.length)).toEqual([4, 3, 3]);
    expect(plan.flatMap((c) => c.hamlets).reduce((n, h) => n + h.households, 0)).toBe(1001);
    expect(plan[0]!.hamlets[0]!.kind).toBe('khu-pho');
    expect(plan[1]!.hamlets[0]!.name).toBe('Thôn 1');
  });
  it('gives every national hamlet a counted election', () => {
    const plan = planScale(communes, { seed: 1, mode: 'national', hamlets: 30, households: 0 });
    const states = plan.flatMap((c) => c.hamlets.map((h) => h.state));
    expect(
      states.every((s) => ['counted', 'reported', 'recognised', 'rerunOrdered', 'interim'].includes(s)),
    ).toBe(true);
  });
  it('refuses fewer hamlets than communes', () => {
    expect(() => planScale(communes, { seed: 1, mode: 'national', hamlets: 2, households: 0 })).toThrow(
      RangeError,
    );
  });
});

describeEachDatabase('data at scale (small instance)', (t) => {
  it('loads 3 communes of Lâm Đồng with hamlets, people, elections and counts; dashboards add up', async () => {
    const r = await demo.loadProvinceScale(t.ctx(now), anAdmin(), {
      provinceCode: '68',
      communes: 3,
      hamlets: 12,
      households: 240,
      seed: 3,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      communes: 3,
      hamlets: 12,
      elections: 12,
      households: 240,
      skippedCommunes: 0,
    });
    const db = t.store().db;
    const n = async (
      table: 'hamlets' | 'households' | 'residents' | 'elections' | 'counts' | 'count_closures',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('hamlets')).toBe(12);
    expect(await n('households')).toBe(240);
    expect(await n('residents')).toBe(r.value.residents);
    expect(r.value.residents).toBeGreaterThan(240 * 3);
    expect(await n('elections')).toBe(12);
    expect(await n('counts')).toBe(r.value.counts);
    expect(await n('count_closures')).toBe(r.value.counts);
    const d = await oversight.provinceDashboard(t.ctx(now), aProvinceViewer('68'), '68', {
      onlyWithHamlets: true,
    });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.value.totals.hamlets).toBe(12);
    expect(d.value.communes).toHaveLength(3);
    expect(d.value.totals.counted).toBe(r.value.counts);
  });

  it('loads twice without adding anything', async () => {
    const r = await demo.loadProvinceScale(t.ctx(now), anAdmin(), {
      provinceCode: '68',
      communes: 3,
      hamlets: 12,
      households: 240,
      seed: 3,
    });
    expect(r.ok && r.value).toMatchObject({ communes: 0, hamlets: 0, skippedCommunes: 3 });
  });

  it('national tables: one election and one result per hamlet; the roll-up equals the province sums', async () => {
    const r = await demo.loadNationalScale(t.ctx(now), anAdmin(), {
      hamlets: 40,
      communes: 10,
      seed: 4,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.elections).toBe(r.value.hamlets);
    expect(r.value.counts).toBe(r.value.hamlets);
    const roll = await oversight.nationalRollup(t.ctx(now), anAdmin());
    expect(roll.ok).toBe(true);
    if (!roll.ok) return;
    expect(roll.value.totals.hamlets).toBe(12 + r.value.hamlets);
    expect(roll.value.totals.counted).toBeGreaterThanOrEqual(r.value.counts);
    // The province's row equals its dashboard's totals (everything but the deadline-based lateness).
    const lamDong = roll.value.provinces.find((p) => p.code === '68')!;
    const d = await oversight.provinceDashboard(t.ctx(now), anAdmin(), '68');
    if (!d.ok) throw new Error(d.error.message);
    for (const k of [
      'hamlets',
      'counted',
      'registered',
      'voted',
      'elected',
      'reruns',
      'done',
      'lateItems',
    ] as const)
      expect([k, lamDong[k]]).toEqual([k, d.value.totals[k]]);
    expect(lamDong.byState).toEqual(d.value.totals.byState);
    // The roll-up is memoised until the next audited write: a write shows at once.
    const more = await demo.loadNationalScale(t.ctx(now), anAdmin(), {
      hamlets: 4,
      communes: 12,
      seed: 4,
    });
    expect(more.ok && more.value.communes).toBe(2);
    const after = await oversight.nationalRollup(t.ctx(now), anAdmin());
    expect(after.ok && after.value.totals.hamlets).toBe(
      roll.value.totals.hamlets + (more.ok ? more.value.hamlets : 0),
    );
  });

  it('refuses anyone but an administrator', async () => {
    const a = await demo.loadNationalScale(t.ctx(now), aCommuneOfficer('24778'), {
      hamlets: 10,
      seed: 1,
    });
    expect(a.ok || a.error.code).toBe('forbidden');
    const b = await oversight.nationalRollup(t.ctx(now), aProvinceViewer('68'));
    expect(b.ok || b.error.code).toBe('forbidden');
    const c = await demo.loadProvinceScale(t.ctx(now), anAdmin(), {
      provinceCode: '68',
      communes: 500,
      hamlets: 10,
      households: 0,
      seed: 1,
    });
    expect(c.ok || c.error.code).toBe('invalid-input');
    const d = await demo.loadProvinceScale(t.ctx(now), anAdmin(), {
      provinceCode: '99',
      communes: 1,
      hamlets: 1,
      households: 0,
      seed: 1,
    });
    expect(d.ok || d.error.code).toBe('not-found');
  });
});
