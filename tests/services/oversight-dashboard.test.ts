import { describe, expect, it } from 'vitest';
import { oversight, demo } from '../../src/services';
import { demoProvince } from '../../src/demo/province';
import { aCommuneOfficer, aProvinceViewer, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

// A day after the 2025 reorganisation: the demo plans are dated from it.
const now = () => new Date('2025-11-20T02:00:00.000Z');

describeEachDatabase('oversight dashboards', (t) => {
  it('loads the demo province once, idempotently', async () => {
    const first = await demo.loadDemoProvince(t.ctx(now));
    expect(first.communes.every((c) => c.created)).toBe(true);
    const second = await demo.loadDemoProvince(t.ctx(now));
    expect(second.communes.every((c) => !c.created)).toBe(true);
  });

  it('commune dashboard: every hamlet with its state, lateness and result', async () => {
    const r = await oversight.communeDashboard(t.ctx(now), aCommuneOfficer('24841'), '24841');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value;
    const spec = demoProvince.communes.find((c) => c.code === '24841')!;
    expect(d.hamlets.map((h) => [h.hamletName, h.state])).toEqual(spec.hamlets.map((h) => [h.name, h.state]));
    const kp1 = d.hamlets.find((h) => h.hamletName === 'Khu phố 1')!;
    expect(kp1.result?.outcome).toBe('elected');
    expect(kp1.result?.registered).toBe(44);
    expect(kp1.result?.voted).toBe(Math.round((44 * 82) / 100));
    const kp2 = d.hamlets.find((h) => h.hamletName === 'Khu phố 2')!;
    expect(kp2.rerun).toBe(true);
    const kp4 = d.hamlets.find((h) => h.hamletName === 'Khu phố 4')!;
    expect(kp4.result).toBeNull();
    expect(kp4.nextDeadline?.step).toBe('polling');
    expect(d.totals.hamlets).toBe(4);
    expect(d.totals.reruns).toBe(1);
    expect(d.totals.lateItems).toBe(
      d.hamlets.reduce((s, h) => s + h.overdueTasks, 0) + d.overdueCommuneTasks,
    );
    expect(d.totals.voted).toBe(d.hamlets.reduce((s, h) => s + (h.result?.outcome ? h.result.voted : 0), 0));
  });

  it('lagging hamlets are late by their overdue tasks', async () => {
    const r = await oversight.communeDashboard(t.ctx(now), anAdmin(), '24778');
    if (!r.ok) throw new Error(r.error.message);
    const late = r.value.hamlets.filter((h) => h.late).map((h) => h.hamletName);
    expect(late).toEqual(expect.arrayContaining(['Tổ dân phố 3', 'Tổ dân phố 4']));
    for (const h of r.value.hamlets)
      expect(h.late).toBe(h.overdueTasks > 0 || (h.nextDeadline?.passed ?? false));
    const tdp3 = r.value.hamlets.find((h) => h.hamletName === 'Tổ dân phố 3')!;
    expect(tdp3.overdueTasks).toBeGreaterThan(0);
  });

  it('province dashboard: each commune row is the sum of its hamlets, totals the sum of rows', async () => {
    const r = await oversight.provinceDashboard(t.ctx(now), aProvinceViewer('68'), '68');
    if (!r.ok) throw new Error(r.error.message);
    const { communes, totals } = r.value;
    expect(communes.length).toBe(124);
    const withHamlets = communes.filter((c) => c.hamlets > 0);
    expect(withHamlets.map((c) => c.code).sort()).toEqual(['24778', '24820', '24823', '24841', '25000']);
    for (const c of communes) {
      expect(Object.values(c.byState).reduce((a, b) => a + b, 0)).toBe(c.hamlets);
      const one = await oversight.communeDashboard(t.ctx(now), anAdmin(), c.id);
      if (!one.ok) throw new Error(one.error.message);
      const { id: _i, code: _c, name: _n, finalDeadline: _f, ...row } = c;
      expect(row).toEqual(one.value.totals);
    }
    for (const key of [
      'hamlets',
      'lateHamlets',
      'lateItems',
      'reruns',
      'interimHeads',
      'done',
      'voted',
      'registered',
    ] as const)
      expect(totals[key]).toBe(communes.reduce((s, c) => s + c[key], 0));
    expect(totals.hamlets).toBe(5 + demoProvince.communes.reduce((s, c) => s + c.hamlets.length, 0));
    expect(totals.interimHeads).toBe(1);
    expect(totals.byState.none).toBe(4 + 1);
  });

  it('province viewers read their province only; commune officers do not read the province', async () => {
    const other = await oversight.provinceDashboard(t.ctx(now), aProvinceViewer('01'), '68');
    expect(other.ok ? null : other.error.code).toBe('forbidden');
    const officer = await oversight.provinceDashboard(t.ctx(now), aCommuneOfficer('24841'), '68');
    expect(officer.ok ? null : officer.error.code).toBe('forbidden');
    const neighbour = await oversight.communeDashboard(t.ctx(now), aCommuneOfficer('24823'), '24841');
    expect(neighbour.ok ? null : neighbour.error.code).toBe('forbidden');
    const viewer = await oversight.communeDashboard(t.ctx(now), aProvinceViewer('68'), '24841');
    expect(viewer.ok).toBe(true);
  });
});

describe('tally sums', () => {
  it('sumTallies adds every field', () => {
    const a = oversight.emptyTally();
    const s = oversight.sumTallies([
      { ...a, hamlets: 2, byState: { ...a.byState, planned: 2 } },
      { ...a, hamlets: 3, byState: { ...a.byState, planned: 1, recognised: 2 } },
    ]);
    expect(s.hamlets).toBe(5);
    expect(s.byState.planned).toBe(3);
    expect(s.byState.recognised).toBe(2);
  });
});
