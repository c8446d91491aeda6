import { describe, expect, it } from 'vitest';
import { quangTri2016, tayNinh2019 } from '../../src/domain/rules';
import type { RuleProfile } from '../../src/domain/rules';
import { hamletFacts, office } from '../../src/services';
import { interimLimit } from '../../src/services/office/interim-limit';
import { aCommuneOfficer, aProvinceViewer, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { WARD, adults, at, loadWard } from './office-support';

const officer = aCommuneOfficer(WARD);
const front = { ...aCommuneOfficer(WARD), role: 'frontOfficer' as const, userId: 'u-front' };
const admin = anAdmin();

const withMonths = (p: RuleProfile, maxMonths: number | null): RuleProfile => ({
  ...p,
  interim: { ...p.interim, value: { ...p.interim.value, maxMonths } },
});
const term = (start: string, plannedEnd: string | null = null) => ({
  id: 't1',
  holder_name: 'Nguyễn Văn A',
  start_on: start,
  planned_end: plannedEnd,
  new_election_by: null,
});

describe('interim head limit (QĐ 01/2016 Quảng Trị Điều 4 k4a: không quá sáu tháng)', () => {
  it('counts civil months, clamping to the last day: 31/08/2025 + 6 months = 28/02/2026, 31/08/2023 → 29/02/2024', () => {
    expect(interimLimit(term('2025-08-31'), quangTri2016, '2025-09-01').limit).toBe('2026-02-28');
    expect(interimLimit(term('2023-08-31'), quangTri2016, '2023-09-01').limit).toBe('2024-02-29');
    const oneMonth = withMonths(quangTri2016, 1);
    expect(interimLimit(term('2025-01-31'), oneMonth, '2025-02-01').limit).toBe('2025-02-28');
    expect(interimLimit(term('2024-01-31'), oneMonth, '2024-02-01').limit).toBe('2024-02-29');
    expect(interimLimit(term('2025-12-31'), withMonths(quangTri2016, 2), '2026-01-01').limit).toBe(
      '2026-02-28',
    );
  });

  it('running above 30 days, near from 30 days to the limit day itself, overdue the day after', () => {
    const t = term('2025-08-31');
    expect(interimLimit(t, quangTri2016, '2026-01-28')).toMatchObject({
      daysRemaining: 31,
      state: 'running',
    });
    expect(interimLimit(t, quangTri2016, '2026-01-29')).toMatchObject({ daysRemaining: 30, state: 'near' });
    expect(interimLimit(t, quangTri2016, '2026-02-28')).toMatchObject({ daysRemaining: 0, state: 'near' });
    expect(interimLimit(t, quangTri2016, '2026-03-01')).toMatchObject({
      daysRemaining: -1,
      state: 'overdue',
    });
    expect(interimLimit(t, quangTri2016, '2026-03-01').note).toContain('Điều 4 khoản 4 điểm a');
  });

  it('the limit written on the term wins over the profile (set when appointed)', () => {
    expect(interimLimit(term('2025-08-31', '2026-01-15'), quangTri2016, '2026-01-16').state).toBe('overdue');
  });

  it('Tây Ninh 2019 sets no limit: "noLimit" with the citation, no days', () => {
    const r = interimLimit(term('2025-08-31'), tayNinh2019, '2027-01-01');
    expect(r).toMatchObject({ limit: null, daysRemaining: null, state: 'noLimit', maxMonths: null });
    expect(r.citation.length).toBeGreaterThan(5);
  });

  it("the register's alert covers an interim head imported without a limit (the profile's 6 months)", () => {
    const facts = {
      hamletId: 'h',
      hamletName: 'Khu phố 9',
      hamletKind: 'khu-pho',
      households: 100,
      profile: quangTri2016,
      current: [
        {
          ...term('2025-08-31'),
          hamlet_id: 'h',
          resident_group_id: null,
          position: 'head',
          resident_id: null,
          basis: 'interim',
          election_id: null,
          document_id: null,
          decision_ref: null,
          profile_id: 'quang-tri-2016',
          term_label: null,
          ended_on: null,
          end_reason: null,
          end_ref: null,
          created_at: '',
          created_by: null,
        },
      ],
    };
    expect(office.alertsOf(facts, '2026-03-01', 6, 30).map((a) => [a.kind, a.due])).toEqual([
      ['interimOverdue', '2026-02-28'],
    ]);
    expect(office.alertsOf(facts, '2026-02-01', 6, 30).map((a) => a.kind)).toEqual(['interimNearLimit']);
    expect(office.alertsOf(facts, '2026-01-28', 6, 30)).toEqual([]);
  });
});

describeEachDatabase('hamlet facts', (t) => {
  let kp3 = '';
  let kp4 = '';
  it('households: the registered count beside the counted one; deputies per QĐ 01/2016 Điều 4 k2 (khu phố > 600)', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const hs = await loadWard(ctx);
    kp3 = hs.find((h) => h.name === 'Khu phố 3')!.id;
    kp4 = hs.find((h) => h.name === 'Khu phố 4')!.id;
    const before = await hamletFacts.getHamletFacts(ctx, officer, kp3, { profileId: 'quang-tri-2016' });
    if (!before.ok) throw new Error(before.error.message);
    expect(before.value.households).toMatchObject({
      registered: null,
      computed: 538,
      used: 538,
      usedSource: 'computed',
    });
    expect(before.value.deputies.allowed).toBe(1);
    expect(before.value.deputies.citation).toContain('Điều 4');
    const r = await hamletFacts.recordHamletFact(ctx, officer, {
      hamletId: kp3,
      fact: 'households',
      value: '612',
      effectiveFrom: '2026-01-01',
      note: 'Báo cáo rà soát hộ gia đình cuối năm 2025',
    });
    if (!r.ok) throw new Error(r.error.message);
    const after = await hamletFacts.getHamletFacts(ctx, officer, kp3, { profileId: 'quang-tri-2016' });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.households).toMatchObject({ computed: 538, used: 612, usedSource: 'registered' });
    expect(after.value.deputies.allowed).toBe(2);
    // As it was before the count took effect.
    const old = await hamletFacts.getHamletFacts(ctx, officer, kp3, {
      profileId: 'quang-tri-2016',
      on: '2025-12-31',
    });
    if (!old.ok) throw new Error(old.error.message);
    expect(old.value.households.used).toBe(538);
    // ND59 (TT 14/2018): one deputy, chosen by the head, whatever the count.
    const nd = await hamletFacts.getHamletFacts(ctx, officer, kp3, { profileId: 'nd59-2023' });
    if (!nd.ok) throw new Error(nd.error.message);
    expect(nd.value.deputies.allowed).toBe(1);
  });

  it('classification needs its decision; a new record keeps the old one as history; bad values are refused', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const base = { hamletId: kp3, fact: 'classification' as const, value: '2', effectiveFrom: '2025-01-01' };
    const noDecision = await hamletFacts.recordHamletFact(ctx, officer, base);
    expect(noDecision.ok).toBe(false);
    if (!noDecision.ok) expect(noDecision.error.field).toBe('decisionNumber');
    const decision = {
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2024-12-20',
      decisionBody: 'UBND tỉnh Lâm Đồng',
    };
    const bad = await hamletFacts.recordHamletFact(ctx, officer, { ...base, ...decision, value: '4' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('loại 1, 2 hoặc 3');
    const early = await hamletFacts.recordHamletFact(ctx, officer, {
      ...base,
      ...decision,
      effectiveFrom: '2024-12-01',
    });
    expect(early.ok).toBe(false);
    const future = await hamletFacts.recordHamletFact(ctx, officer, {
      ...base,
      ...decision,
      decisionDate: '2026-03-03',
    });
    expect(future.ok).toBe(false);
    const byFront = await hamletFacts.recordHamletFact(ctx, front, { ...base, ...decision });
    expect(byFront.ok).toBe(false);
    if (!byFront.ok) expect(byFront.error.code).toBe('forbidden');
    const byViewer = await hamletFacts.recordHamletFact(ctx, aProvinceViewer('68'), { ...base, ...decision });
    expect(byViewer.ok).toBe(false);
    expect((await hamletFacts.recordHamletFact(ctx, officer, { ...base, ...decision })).ok).toBe(true);
    const next = await hamletFacts.recordHamletFact(ctx, officer, {
      ...base,
      value: '1',
      effectiveFrom: '2026-02-01',
      decisionNumber: '30/QĐ-UBND',
      decisionDate: '2026-01-20',
      decisionBody: 'UBND tỉnh Lâm Đồng',
    });
    if (!next.ok) throw new Error(next.error.message);
    const now = await hamletFacts.getHamletFacts(ctx, officer, kp3);
    if (!now.ok) throw new Error(now.error.message);
    expect(now.value.classification?.value).toBe('1');
    expect(now.value.history.filter((f) => f.fact === 'classification').map((f) => f.value)).toEqual([
      '2',
      '1',
    ]);
    const then = await hamletFacts.getHamletFacts(ctx, officer, kp3, { on: '2026-01-31' });
    if (!then.ok) throw new Error(then.error.message);
    expect(then.value.classification).toMatchObject({ value: '2', decisionNumber: '15/QĐ-UBND' });
    const audit = await ctx.store.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'hamlet.fact')
      .execute();
    expect(audit.length).toBe(3);
  });

  it('allowance (seed 002 Điều 8 k1): province, class and hamlet rates by effective date; only what the decision says', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const decision = {
      decisionNumber: '05/2025/NQ-HĐND',
      decisionDate: '2025-06-10',
      decisionBody: 'HĐND tỉnh Lâm Đồng',
    };
    const province = { provinceCode: '68', effectiveFrom: '2025-07-01', ...decision };
    const forbidden = await hamletFacts.recordAllowanceRate(ctx, officer, {
      ...province,
      coefficient: '1,5',
    });
    expect(forbidden.ok).toBe(false);
    if (!forbidden.ok) expect(forbidden.error.code).toBe('forbidden');
    const both = await hamletFacts.recordAllowanceRate(ctx, admin, {
      ...province,
      coefficient: '1,5',
      amountVnd: 3_000_000,
    });
    expect(both.ok).toBe(false);
    const neither = await hamletFacts.recordAllowanceRate(ctx, admin, { ...province });
    expect(neither.ok).toBe(false);
    const badCoefficient = await hamletFacts.recordAllowanceRate(ctx, admin, {
      ...province,
      coefficient: '1,2345',
    });
    expect(badCoefficient.ok).toBe(false);
    const all = await hamletFacts.recordAllowanceRate(ctx, admin, {
      ...province,
      coefficient: '1,255',
      baseSalaryVnd: 2_340_000,
    });
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value).toMatchObject({ coefficientMilli: 1255, monthlyVnd: 2_936_700 });
    const class1 = await hamletFacts.recordAllowanceRate(ctx, admin, {
      ...province,
      classification: '1',
      coefficient: '2',
    });
    if (!class1.ok) throw new Error(class1.error.message);
    expect(class1.value.monthlyVnd).toBeNull();
    const f = await hamletFacts.getHamletFacts(ctx, officer, kp3);
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.allowance).toMatchObject({ scope: 'classification', current: { coefficientMilli: 2000 } });
    const other = await hamletFacts.getHamletFacts(ctx, officer, kp4);
    if (!other.ok) throw new Error(other.error.message);
    expect(other.value.allowance).toMatchObject({ scope: 'province', current: { monthlyVnd: 2_936_700 } });
    const before = await hamletFacts.getHamletFacts(ctx, officer, kp4, { on: '2025-06-30' });
    if (!before.ok) throw new Error(before.error.message);
    expect(before.value.allowance.current).toBeNull();
    const own = await hamletFacts.recordAllowanceRate(ctx, officer, {
      ...province,
      hamletId: kp4,
      amountVnd: 3_100_000,
      effectiveFrom: '2026-01-01',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2025-12-20',
      decisionBody: 'UBND tỉnh Lâm Đồng',
    });
    if (!own.ok) throw new Error(own.error.message);
    const mine = await hamletFacts.getHamletFacts(ctx, officer, kp4);
    if (!mine.ok) throw new Error(mine.error.message);
    expect(mine.value.allowance).toMatchObject({ scope: 'hamlet', current: { monthlyVnd: 3_100_000 } });
    const table = await hamletFacts.listAllowanceRates(ctx, aProvinceViewer('68'), '68');
    if (!table.ok) throw new Error(table.error.message);
    expect(table.value.length).toBe(2);
  });

  it('interim head on the facts: 6 months under Quảng Trị, days remaining from the appointment', async () => {
    const ctx = t.ctx(at('2026-01-29'));
    const [p] = await adults(ctx, kp4, 1);
    const r = await office.appointInterim(ctx, officer, {
      hamletId: kp4,
      reason: 'vacancy',
      profileId: 'quang-tri-2016',
      residentId: p!.id,
      on: '2025-08-31',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.plannedEnd).toBe('2026-02-28');
    const f = await hamletFacts.getHamletFacts(ctx, officer, kp4);
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.interim).toMatchObject({
      limit: '2026-02-28',
      daysRemaining: 30,
      state: 'near',
      maxMonths: 6,
    });
    expect(f.value.profile.id).toBe('quang-tri-2016');
    const later = await hamletFacts.getHamletFacts(t.ctx(at('2026-03-01')), officer, kp4);
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value.interim?.state).toBe('overdue');
    const reg = await office.getRegister(t.ctx(at('2026-03-01')), officer, WARD);
    if (!reg.ok) throw new Error(reg.error.message);
    expect(reg.value.alerts.filter((a) => a.hamletId === kp4).map((a) => a.kind)).toContain('interimOverdue');
  });
});
