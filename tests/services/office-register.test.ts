import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/domain/rules';
import type { RuleProfile } from '../../src/domain/rules';
import { office } from '../../src/services';
import type { TermRow } from '../../src/store/office-repo';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { WARD, adults, at, loadWard, officialCandidates, reportedElection } from './office-support';

const officer = aCommuneOfficer(WARD);
const profile = (id: string): RuleProfile => {
  const p = getProfile(id);
  if (!p.ok) throw new Error(id);
  return p.value;
};

const term = (over: Partial<TermRow>): TermRow => ({
  id: 't1',
  hamlet_id: 'h1',
  resident_group_id: null,
  position: 'head',
  holder_name: 'Nguyễn Văn An',
  resident_id: null,
  basis: 'elected',
  election_id: null,
  document_id: null,
  decision_ref: null,
  profile_id: 'nd59-2023',
  term_label: '2024-2027',
  start_on: '2024-11-21',
  planned_end: '2027-05-20',
  new_election_by: null,
  ended_on: null,
  end_reason: null,
  end_ref: null,
  created_at: '2024-11-21T00:00:00Z',
  created_by: null,
  ...over,
});

const facts = (current: TermRow[], households = 300, p = 'nd59-2023', kind = 'khu-pho') => ({
  hamletId: 'h1',
  hamletName: 'Khu phố 1',
  hamletKind: kind,
  households,
  current,
  profile: profile(p),
});

describe('register alerts at their boundaries', () => {
  it('term ending exactly N months ahead alerts; one day later does not', () => {
    const f = facts([term({ planned_end: '2027-05-20' })]);
    expect(office.alertsOf(f, '2026-11-20', 6, 30).map((a) => a.kind)).toEqual(['termEnding']);
    expect(office.alertsOf(f, '2026-11-19', 6, 30)).toEqual([]);
    expect(office.alertsOf(f, '2027-05-21', 6, 30).map((a) => a.kind)).toEqual(['termOverdue']);
  });

  it('TT04 Điều 12 k2a: an interim head 30 days from the 6-month limit alerts, 31 days does not', () => {
    const f = facts([
      term({
        basis: 'interim',
        start_on: '2026-03-02',
        planned_end: '2026-09-02',
        new_election_by: '2026-09-02',
      }),
    ]);
    expect(office.alertsOf(f, '2026-08-03', 6, 30).map((a) => a.kind)).toEqual(['interimNearLimit']);
    expect(office.alertsOf(f, '2026-08-02', 6, 30)).toEqual([]);
    expect(office.alertsOf(f, '2026-09-03', 6, 30).map((a) => a.kind)).toEqual(['interimOverdue']);
  });

  it('a hamlet without a head alerts', () => {
    expect(office.alertsOf(facts([]), '2026-01-01', 6, 30).map((a) => a.kind)).toEqual(['noHead']);
  });

  it('QĐ 01/2016 Điều 4: two deputies need more than 600 households (khu phố), 500 (thôn)', () => {
    const two = [
      term({}),
      term({ id: 'd1', position: 'deputyHead' }),
      term({ id: 'd2', position: 'deputyHead' }),
    ];
    const kinds = (h: number, kind: string) =>
      office.alertsOf(facts(two, h, 'quang-tri-2016', kind), '2025-01-01', 6, 30).map((a) => a.kind);
    expect(kinds(600, 'khu-pho')).toEqual(['tooManyDeputies']);
    expect(kinds(601, 'khu-pho')).toEqual([]);
    expect(kinds(500, 'thon')).toEqual(['tooManyDeputies']);
    expect(kinds(501, 'thon')).toEqual([]);
  });

  it('QĐ 01/2016 Điều 4 k3: no deputy below 60 households (khu phố), 50 (thôn)', () => {
    const one = [term({}), term({ id: 'd1', position: 'deputyHead' })];
    const kinds = (h: number, kind: string) =>
      office.alertsOf(facts(one, h, 'quang-tri-2016', kind), '2025-01-01', 6, 30).map((a) => a.kind);
    expect(kinds(59, 'khu-pho')).toEqual(['tooManyDeputies']);
    expect(kinds(60, 'khu-pho')).toEqual([]);
    expect(kinds(49, 'thon')).toEqual(['tooManyDeputies']);
    expect(kinds(50, 'thon')).toEqual([]);
  });
});

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));

describeEachDatabase('office-holders register', (t) => {
  it('imports the current office-holders from a spreadsheet, with a preview and per-row refusals', async () => {
    const ctx = t.ctx(at('2026-01-05'));
    await loadWard(ctx);
    const file = csv([
      ['Thôn/Tổ dân phố', 'Chức danh', 'Họ và tên', 'Ngày bắt đầu', 'Nhiệm kỳ', 'Hình thức', 'Quyết định'],
      ['Khu phố 1', 'Khu phố trưởng', 'Nguyễn Văn An', '21/11/2024', '2024-2027', 'Bầu', 'QĐ 131/QĐ-UBND'],
      ['Khu phố 1', 'Khu phố phó', 'Trần Văn Bảy', '28/11/2024', '2024-2027', '', ''],
      ['Khu phố 2', 'Khu phố trưởng', 'Lê Thị Cúc', '01/10/2025', '', 'Lâm thời', ''],
      ['Khu phố 9', 'Khu phố trưởng', 'Phạm Văn Dũng', '21/11/2024', '', '', ''],
      ['Khu phố 3', 'Khu phố trưởng', 'Võ Văn Em', '31/02/2024', '', '', ''],
      ['Khu phố 1', 'Khu phố trưởng', 'Đặng Văn Phúc', '21/11/2024', '', '', ''],
    ]);
    const preview = await office.importOfficeHolders(ctx, officer, WARD, file, { termMonths: 30 });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.toAdd.map((r) => r.holderName)).toEqual([
      'Nguyễn Văn An',
      'Trần Văn Bảy',
      'Lê Thị Cúc',
    ]);
    expect(preview.value.rejected.map((r) => [r.row, r.field])).toEqual([
      [5, 'hamlet'],
      [6, 'start'],
      [7, 'position'],
    ]);
    expect(preview.value.imported).toBe(0);
    // The province chose 2.5 years: the term ends the day before 21/05/2027.
    expect(preview.value.toAdd[0]!.plannedEnd).toBe('2027-05-20');
    // TT04 Điều 12 k2a: the interim limit of 6 months.
    expect(preview.value.toAdd[2]!.plannedEnd).toBe('2026-03-31');
    const badTerm = await office.importOfficeHolders(ctx, officer, WARD, file, { termMonths: 36 });
    expect(badTerm.ok).toBe(false);
    if (!badTerm.ok) expect(badTerm.error.code).toBe('term-not-allowed');
    const viewer = await office.importOfficeHolders(ctx, aProvinceViewer('68'), WARD, file, {
      confirm: true,
    });
    expect(viewer.ok).toBe(false);

    const done = await office.importOfficeHolders(ctx, officer, WARD, file, {
      termMonths: 30,
      confirm: true,
    });
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.imported).toBe(3);
    const again = await office.importOfficeHolders(ctx, officer, WARD, file, { termMonths: 30 });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.toAdd).toHaveLength(0);
    expect(again.value.existing).toHaveLength(3);

    const reg = await office.getRegister(ctx, officer, WARD, { monthsAhead: 6 });
    if (!reg.ok) throw new Error(reg.error.message);
    const kp1 = reg.value.hamlets.find((h) => h.name === 'Khu phố 1')!;
    expect(kp1.current.map((c) => c.positionTitle).sort()).toEqual(['Khu phố phó', 'Khu phố trưởng']);
    const kinds = reg.value.alerts.map((a) => `${a.hamletName}:${a.kind}`);
    expect(kinds).toContain('Khu phố 3:noHead');
    // Interim until 31/03/2026: 85 days away on 05/01/2026, so no alert yet.
    expect(kinds).not.toContain('Khu phố 2:interimNearLimit');
    const later = await office.getRegister(t.ctx(at('2026-03-05')), officer, WARD);
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value.alerts.map((a) => `${a.hamletName}:${a.kind}`)).toContain(
      'Khu phố 2:interimNearLimit',
    );
  });

  it('ends an office with its reason; history is kept', async () => {
    const ctx = t.ctx(at('2026-01-06'));
    const hs = await loadWard(ctx);
    const kp1 = hs.find((h) => h.name === 'Khu phố 1')!;
    const reg = await office.getRegister(ctx, officer, WARD);
    if (!reg.ok) throw new Error(reg.error.message);
    const deputy = reg.value.hamlets
      .find((h) => h.id === kp1.id)!
      .current.find((c) => c.holderName === 'Trần Văn Bảy')!;
    const ended = await office.endOffice(ctx, officer, deputy.id, {
      on: '2026-01-06',
      reason: 'vacated',
      ref: 'Chuyển nơi cư trú',
    });
    if (!ended.ok) throw new Error(ended.error.message);
    expect(ended.value.endReasonLabel).toBe('Thôi giữ chức (lý do khác)');
    const twice = await office.endOffice(ctx, officer, deputy.id, {
      on: '2026-01-06',
      reason: 'vacated',
    });
    expect(twice.ok).toBe(false);
    const after = await office.getRegister(ctx, officer, WARD);
    if (!after.ok) throw new Error(after.error.message);
    const h = after.value.hamlets.find((x) => x.id === kp1.id)!;
    expect(h.current.some((c) => c.id === deputy.id)).toBe(false);
    expect(h.history.some((c) => c.id === deputy.id && c.endedOn === '2026-01-06')).toBe(true);
  });

  it('refuses an interim decision dated before its rule came into force (0001-01-01, 2020), writing nothing', async () => {
    const ctx = t.ctx(at('2026-01-07'));
    const hs = await loadWard(ctx);
    const kp1 = hs.find((h) => h.name === 'Khu phố 1')!;
    const [a] = await adults(ctx, kp1.id, 1);
    const before = await ctx.store.db.selectFrom('documents').select('id').execute();
    for (const on of ['0001-01-01', '2020-03-01']) {
      const r = await office.appointInterim(ctx, officer, {
        hamletId: kp1.id,
        reason: 'vacancy',
        residentId: a!.id,
        on,
      });
      expect(!r.ok && r.error.code).toBe('profile-not-in-force');
      expect(!r.ok && r.error.message).toMatch(/có hiệu lực/);
    }
    expect(await ctx.store.db.selectFrom('documents').select('id').execute()).toHaveLength(before.length);
  });

  it('TT 14/2018 Điều 1 k2: one deputy chosen by the head and recognised; a second is refused', async () => {
    const ctx = t.ctx(at('2026-01-07'));
    const hs = await loadWard(ctx);
    const kp1 = hs.find((h) => h.name === 'Khu phố 1')!;
    const [a, b] = await adults(ctx, kp1.id, 2);
    const first = await office.recogniseDeputy(ctx, officer, {
      hamletId: kp1.id,
      residentId: a!.id,
      on: '2026-01-07',
      signerName: 'Lê Thanh Bình',
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.allowed).toBe(1);
    // The deputy's term follows the head's (imported above: ends 20/05/2027).
    expect(first.value.plannedEnd).toBe('2027-05-20');
    expect(first.value.document.form_id).toBe('deputy-recognition-decision');
    const second = await office.recogniseDeputy(ctx, officer, {
      hamletId: kp1.id,
      residentId: b!.id,
      on: '2026-01-07',
    });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.code).toBe('too-many-deputies');
  });

  it('interim head: refused while a head is in office; after a failed first round only a re-election', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const hs = await loadWard(ctx);
    const kp1 = hs.find((h) => h.name === 'Khu phố 1')!;
    const [p] = await adults(ctx, kp1.id, 1);
    const busy = await office.appointInterim(ctx, officer, {
      hamletId: kp1.id,
      reason: 'vacancy',
      residentId: p!.id,
      on: '2026-03-02',
    });
    expect(busy.ok).toBe(false);
    if (!busy.ok) expect(busy.error.code).toBe('conflict');
    const kp4 = hs.find((h) => h.name === 'Khu phố 4')!;
    const id = await reportedElection(ctx, {
      hamletId: kp4.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
      round: 1,
    });
    const [q] = await adults(ctx, kp4.id, 1);
    const early = await office.appointInterim(ctx, officer, {
      hamletId: kp4.id,
      reason: 'failedElection',
      electionId: id,
      residentId: q!.id,
      on: '2026-03-02',
    });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.code).toBe('interim-too-early');
  });

  it('Tây Ninh 2019 Điều 16e: after a failed second round the interim head is one of the official candidates', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const hs = await loadWard(ctx);
    const kp5 = hs.find((h) => h.name === 'Khu phố 5')!;
    const [c1, c2, outsider] = await adults(ctx, kp5.id, 3);
    const id = await reportedElection(ctx, {
      hamletId: kp5.id,
      profileId: 'tay-ninh-2019',
      electionDate: '2026-02-22',
      receivedOn: '2026-02-23',
      round: 2,
    });
    await officialCandidates(ctx, id, [c1!.id, c2!.id]);
    const notCandidate = await office.appointInterim(ctx, officer, {
      hamletId: kp5.id,
      reason: 'failedElection',
      electionId: id,
      residentId: outsider!.id,
      on: '2026-03-02',
    });
    expect(notCandidate.ok).toBe(false);
    if (!notCandidate.ok) expect(notCandidate.error.code).toBe('interim-not-candidate');
    const r = await office.appointInterim(ctx, officer, {
      hamletId: kp5.id,
      reason: 'failedElection',
      electionId: id,
      residentId: c2!.id,
      on: '2026-03-02',
      signerName: 'Lê Thanh Bình',
    });
    if (!r.ok) throw new Error(r.error.message);
    // Tây Ninh sets no interim limit; the new election within 6 months.
    expect(r.value.plannedEnd).toBeNull();
    expect(r.value.newElectionBy).toBe('2026-09-02');
    expect(r.value.document.form_id).toBe('interim-head-decision');
    const reg = await office.getRegister(ctx, officer, WARD);
    if (!reg.ok) throw new Error(reg.error.message);
    const head = reg.value.hamlets.find((h) => h.id === kp5.id)!.current[0]!;
    expect(head.basis).toBe('interim');
    expect(head.holderName).toBe(c2!.name);
    expect(head.newElectionBy).toBe('2026-09-02');
    const state = await ctx.store.db
      .selectFrom('elections')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(state?.state).toBe('interim');
  });
});
