import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services';
import { register, office } from '../../src/services';
import type { Actor } from '../../src/services';
import { territory as territoryRepo } from '../../src/store';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { sealFixture } from '../support/sealed-fixture';
import { WARD, at, hamlets, loadWard } from './office-support';

const officer = aCommuneOfficer(WARD);
const front: Actor = { ...officer, userId: 'u-front', role: 'frontOfficer' };
const viewer = aProvinceViewer('68');
const TODAY = '2026-11-20';
const decision = (effectiveOn: string, n = '12/QĐ-UBND') => ({
  decisionNumber: n,
  decisionDate: effectiveOn,
  issuingBody: 'UBND Phường 2',
  effectiveOn,
});

async function idOf(ctx: ServiceContext, name: string): Promise<string> {
  const h = (await hamlets(ctx)).find((x) => x.name === name);
  if (!h) throw new Error(name);
  return h.id;
}

async function countHouseholds(ctx: ServiceContext, hamletId: string): Promise<number> {
  const r = await ctx.store.db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hamlet_id', '=', hamletId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function auditCount(ctx: ServiceContext): Promise<number> {
  const r = await ctx.store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function election(ctx: ServiceContext, hamletId: string, state: string, position = 'head') {
  const id = randomUUID();
  await ctx.store.db
    .insertInto('elections')
    .values({
      id,
      hamlet_id: hamletId,
      position,
      term_label: '2026-2031',
      profile_id: 'nd59-2023',
      election_date: '2026-12-20',
      state,
      round: 1,
      created_at: '2026-10-01T00:00:00.000Z',
      round_id: null,
      form: 'meeting',
      start_time: '07:30',
      venue: 'Nhà văn hóa',
    })
    .execute();
  await sealFixture(ctx, 'election', null);
  return id;
}

/** A draft roll with one entry: what a merge or a move must empty. */
async function draftRoll(ctx: ServiceContext, electionId: string, hamletId: string) {
  const db = ctx.store.db;
  const rollId = randomUUID();
  await db
    .insertInto('voter_rolls')
    .values({
      id: rollId,
      election_id: electionId,
      hamlet_id: hamletId,
      electorate: 'householdRepresentatives',
      reference_date: '2026-12-20',
      state: 'draft',
      built_at: '2026-11-01T00:00:00.000Z',
      built_by: null,
      profile_id: 'nd59-2023',
      electorate_decision: null,
    })
    .execute();
  const r = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.household_id', 'r.full_name', 'r.birth_date', 'r.sex', 'h.address'])
    .where('h.hamlet_id', '=', hamletId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('voter_roll_entries')
    .values({
      id: randomUUID(),
      roll_id: rollId,
      roll_number: 1,
      resident_id: r.id,
      household_id: r.household_id,
      full_name: r.full_name,
      birth_date: r.birth_date,
      sex: r.sex,
      address: r.address,
      resident_group: null,
      status: 'listed',
      reasons: '[]',
      amendment_id: null,
    })
    .execute();
  await sealFixture(ctx, 'draftRoll', null);
  return rollId;
}

async function headTerm(
  ctx: ServiceContext,
  hamletId: string,
  name: string,
  startOn: string,
  groupId: string | null = null,
) {
  const id = randomUUID();
  await ctx.store.db
    .insertInto('office_terms')
    .values({
      id,
      hamlet_id: hamletId,
      resident_group_id: groupId,
      position: groupId ? 'groupLeader' : 'head',
      holder_name: name,
      resident_id: null,
      basis: 'imported',
      election_id: null,
      document_id: null,
      decision_ref: null,
      profile_id: 'nd59-2023',
      term_label: '2024-2027',
      start_on: startOn,
      planned_end: '2027-05-24',
      new_election_by: null,
      ended_on: null,
      end_reason: null,
      end_ref: null,
      created_at: '2026-01-01T00:00:00.000Z',
      created_by: null,
    })
    .execute();
  await sealFixture(ctx, 'headTerm', null);
  return id;
}

const term = (ctx: ServiceContext, id: string) =>
  ctx.store.db.selectFrom('office_terms').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describeEachDatabase('merging hamlets (QĐ 01/2016 Quảng Trị Điều 3 k3)', (t) => {
  let ctx: ServiceContext;
  let kp1: string, kp2: string, kp3: string;
  let kp1Election: string, kp2Election: string, kp2Roll: string, kp2Head: string, kp2GroupLeader: string;
  beforeAll(async () => {
    ctx = t.ctx(at(TODAY));
    await loadWard(ctx);
    [kp1, kp2, kp3] = [
      await idOf(ctx, 'Khu phố 1'),
      await idOf(ctx, 'Khu phố 2'),
      await idOf(ctx, 'Khu phố 3'),
    ];
    kp1Election = (
      await ctx.store.db
        .selectFrom('elections')
        .select('id')
        .where('hamlet_id', '=', kp1)
        .executeTakeFirstOrThrow()
    ).id;
    kp2Election = await election(ctx, kp2, 'teamFormed');
    kp2Roll = await draftRoll(ctx, kp2Election, kp2);
    kp2Head = await headTerm(ctx, kp2, 'Phạm Văn Hùng', '2024-11-25');
    const tổ1 = (await territoryRepo.listResidentGroups(ctx.store.db, kp2)).find((g) => g.name === 'Tổ 1')!;
    kp2GroupLeader = await headTerm(ctx, kp2, 'Lê Thị Mai', '2024-06-01', tổ1.id);
  });

  const mergeInput = (extra: object = {}) => ({
    sourceIds: [kp1, kp2],
    newName: 'Khu phố Trung Tâm',
    newKind: 'khu-pho',
    ...decision('2025-01-01'),
    ...extra,
  });

  it('refuses bad input in Vietnamese and changes nothing', async () => {
    const before = await auditCount(ctx);
    const self = await register.applyMerge(ctx, officer, WARD, {
      sourceIds: [kp1],
      targetId: kp1,
      ...decision('2025-01-01'),
    });
    expect(!self.ok && self.error.message).toMatch(/vào chính nó/);
    const future = await register.previewMerge(
      ctx,
      officer,
      WARD,
      mergeInput({ ...decision('2027-01-01'), decisionDate: '2026-11-01' }),
    );
    expect(!future.ok && future.error.message).toMatch(/sau hôm nay/);
    const noNumber = await register.previewMerge(ctx, officer, WARD, mergeInput({ decisionNumber: ' ' }));
    expect(!noNumber.ok && noNumber.error.field).toBe('decisionNumber');
    const one = await register.previewMerge(ctx, officer, WARD, { ...mergeInput(), sourceIds: [kp1] });
    expect(!one.ok && one.error.message).toMatch(/ít nhất hai/);
    const taken = await register.previewMerge(ctx, officer, WARD, mergeInput({ newName: 'khu phố 3' }));
    expect(!taken.ok && taken.error.code).toBe('conflict');
    for (const who of [viewer, front]) {
      const r = await register.applyMerge(ctx, who, WARD, mergeInput());
      expect(!r.ok && r.error.code).toBe('forbidden');
    }
    expect(await auditCount(ctx)).toBe(before);
  });

  it('asks which election is kept when both hamlets have one for the same position, and refuses until told', async () => {
    const p = await register.previewMerge(ctx, officer, WARD, mergeInput());
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.problems.join(' ')).toMatch(
      /Khu phố 1 và Khu phố 2 đều có cuộc bầu Khu phố trưởng.*chọn cuộc bầu được giữ lại/,
    );
    expect(p.value.totals).toEqual({
      households: 412 + 365,
      residents: p.value.totals.residents,
      groups: 9,
      householdsAfter: 777,
    });
    expect(p.value.sources.find((s) => s.id === kp2)!.endingTerms.map((x) => x.holderName)).toEqual([
      'Phạm Văn Hùng',
    ]);
    const before = await auditCount(ctx);
    const refused = await register.applyMerge(ctx, officer, WARD, mergeInput());
    expect(!refused.ok && refused.error.code).toBe('conflict');
    expect(await countHouseholds(ctx, kp1)).toBe(412);
    expect(await auditCount(ctx)).toBe(before);
  });

  it('refuses while an election of a merged hamlet has its roll posted', async () => {
    const posted = await election(ctx, kp3, 'rollPosted');
    const p = await register.previewMerge(ctx, officer, WARD, {
      sourceIds: [kp3],
      targetId: kp1,
      ...decision('2025-01-01'),
    });
    expect(p.ok && p.value.problems.join(' ')).toMatch(/Khu phố 3.*danh sách cử tri đã niêm yết/);
    const r = await register.applyMerge(ctx, officer, WARD, {
      sourceIds: [kp3],
      targetId: kp1,
      ...decision('2025-01-01'),
    });
    expect(r.ok).toBe(false);
    expect(await countHouseholds(ctx, kp3)).toBe(538);
    await ctx.store.db
      .updateTable('elections')
      .set({ state: 'recognised' })
      .where('id', '=', posted)
      .execute();
    await sealFixture(ctx, 'recognised', posted);
  });

  it('moves households, groups and the kept election in one transaction; ends the office-holders', async () => {
    const r = await register.applyMerge(ctx, officer, WARD, mergeInput({ keepElectionIds: [kp2Election] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const target = r.value.targetId;
    expect(await countHouseholds(ctx, target)).toBe(777);
    expect(await countHouseholds(ctx, kp1)).toBe(0);
    const groups = (await territoryRepo.listResidentGroups(ctx.store.db, target)).map((g) => g.name);
    expect(groups).toHaveLength(9);
    expect(groups).toContain('Tổ 1 (Khu phố 2)');
    const db = ctx.store.db;
    const e2 = await db
      .selectFrom('elections')
      .select('hamlet_id')
      .where('id', '=', kp2Election)
      .executeTakeFirstOrThrow();
    expect(e2.hamlet_id).toBe(target);
    const e1 = await db
      .selectFrom('elections')
      .select('hamlet_id')
      .where('id', '=', kp1Election)
      .executeTakeFirstOrThrow();
    expect(e1.hamlet_id).toBe(kp1);
    const roll = await db
      .selectFrom('voter_rolls')
      .select(['hamlet_id', 'state'])
      .where('id', '=', kp2Roll)
      .executeTakeFirstOrThrow();
    expect(roll).toEqual({ hamlet_id: target, state: 'draft' });
    const entries = await db
      .selectFrom('voter_roll_entries')
      .select('id')
      .where('roll_id', '=', kp2Roll)
      .execute();
    expect(entries).toEqual([]);
    expect(await term(ctx, kp2Head)).toMatchObject({
      ended_on: '2025-01-01',
      end_reason: 'merged',
      end_ref: '12/QĐ-UBND',
    });
    expect(await term(ctx, kp2GroupLeader)).toMatchObject({ ended_on: null, hamlet_id: target });
    const live = (await territoryRepo.listHamlets(db, WARD)).map((h) => h.name).sort();
    expect(live).toEqual(['Khu phố 3', 'Khu phố 4', 'Khu phố 5', 'Khu phố Trung Tâm']);
    const again = await register.previewMerge(ctx, officer, WARD, {
      sourceIds: [kp1],
      targetId: kp3,
      ...decision('2025-02-01'),
    });
    expect(!again.ok && again.error.message).toMatch(/Khu phố 1 đã thôi tồn tại từ ngày 01\/01\/2025/);
  });

  it('shows the ward as it was on any day, and keeps the old hamlets with their names', async () => {
    const past = await register.getAsOf(ctx, viewer, WARD, '2024-11-01');
    expect(past.ok).toBe(true);
    if (!past.ok) return;
    expect(past.value.hamlets.map((h) => h.name)).toEqual([
      'Khu phố 1',
      'Khu phố 2',
      'Khu phố 3',
      'Khu phố 4',
      'Khu phố 5',
    ]);
    expect(past.value.hamlets.find((h) => h.name === 'Khu phố 2')).toMatchObject({
      households: 365,
      heads: [],
      nameToday: null,
    });
    expect(past.value.hamlets.find((h) => h.name === 'Khu phố 2')!.groups).toContain('Tổ 1');
    const december = await register.getAsOf(ctx, officer, WARD, '2024-12-31');
    expect(
      december.ok &&
        december.value.hamlets.find((h) => h.name === 'Khu phố 2')!.heads.map((x) => x.holderName),
    ).toEqual(['Phạm Văn Hùng']);
    const after = await register.getAsOf(ctx, officer, WARD, '2025-01-01');
    expect(after.ok && after.value.hamlets.map((h) => `${h.name}:${h.households}`)).toEqual([
      'Khu phố 3:538',
      'Khu phố 4:276',
      'Khu phố 5:168',
      'Khu phố Trung Tâm:777',
    ]);
    const history = await register.getHistory(ctx, officer, WARD);
    expect(history.ok).toBe(true);
    if (!history.ok) return;
    expect(history.value.changes[0]).toMatchObject({
      kind: 'merged',
      decisionNumber: '12/QĐ-UBND',
      effectiveOn: '2025-01-01',
    });
    expect(history.value.changes[0]!.summary).toMatch(
      /Khu phố 1, Khu phố 2 sáp nhập vào Khu phố Trung Tâm \(777 hộ/,
    );
    expect(history.value.former.map((f) => f.name).sort()).toEqual(['Khu phố 1', 'Khu phố 2']);
    const bad = await register.getAsOf(ctx, officer, WARD, '2024-13-01');
    expect(bad.ok).toBe(false);
  });
});

describeEachDatabase('splitting, attaching, renaming, dissolving (QĐ 01/2016 Điều 9 k3, Điều 11)', (t) => {
  let ctx: ServiceContext;
  let kp3: string, kp4: string, kp5: string;
  beforeAll(async () => {
    ctx = t.ctx(at(TODAY));
    await loadWard(ctx);
    [kp3, kp4, kp5] = [
      await idOf(ctx, 'Khu phố 3'),
      await idOf(ctx, 'Khu phố 4'),
      await idOf(ctx, 'Khu phố 5'),
    ];
  });
  const groupsOf = (id: string) => territoryRepo.listResidentGroups(ctx.store.db, id);
  const householdsOf = (id: string) =>
    ctx.store.db
      .selectFrom('households')
      .select(['id', 'resident_group_id'])
      .where('hamlet_id', '=', id)
      .orderBy('code')
      .execute();

  it('splits chosen groups and households into a new hamlet; refuses households of another hamlet', async () => {
    const groups = await groupsOf(kp3);
    const g5 = groups.find((g) => g.name === 'Tổ 5')!;
    const g6 = groups.find((g) => g.name === 'Tổ 6')!;
    const stray = (await householdsOf(kp4))[0]!.id;
    const before = await auditCount(ctx);
    const wrong = await register.splitHamlet(ctx, officer, WARD, {
      sourceId: kp3,
      householdIds: [stray],
      newName: 'Khu phố 6',
      newKind: 'khu-pho',
      ...decision('2025-03-01'),
    });
    expect(!wrong.ok && wrong.error.message).toMatch(/1 hộ gia đình được chọn không thuộc Khu phố 3/);
    const all = await register.splitHamlet(ctx, officer, WARD, {
      sourceId: kp3,
      householdIds: (await householdsOf(kp3)).map((h) => h.id),
      newName: 'Khu phố 6',
      newKind: 'khu-pho',
      ...decision('2025-03-01'),
    });
    expect(!all.ok && all.error.message).toMatch(/sáp nhập/);
    expect(await auditCount(ctx)).toBe(before);
    const loose = (await householdsOf(kp3)).find(
      (h) => h.resident_group_id !== g5.id && h.resident_group_id !== g6.id,
    )!;
    const moving = g5.households + g6.households + 1;
    const r = await register.splitHamlet(ctx, officer, WARD, {
      sourceId: kp3,
      groupIds: [g5.id, g6.id],
      householdIds: [loose.id],
      newName: 'Khu phố 6',
      newKind: 'khu-pho',
      ...decision('2025-03-01'),
    });
    expect(r.ok && r.value.households).toBe(moving);
    if (!r.ok) return;
    expect(await countHouseholds(ctx, r.value.targetId)).toBe(moving);
    expect(await countHouseholds(ctx, kp3)).toBe(538 - moving);
    expect((await groupsOf(r.value.targetId)).map((g) => g.name).sort()).toEqual(['Tổ 5', 'Tổ 6']);
    const looseNow = await ctx.store.db
      .selectFrom('households')
      .select('resident_group_id')
      .where('id', '=', loose.id)
      .executeTakeFirstOrThrow();
    expect(looseNow.resident_group_id).toBeNull();
    const before2 = await register.getAsOf(ctx, officer, WARD, '2025-02-28');
    expect(before2.ok && before2.value.hamlets.find((h) => h.name === 'Khu phố 3')!.households).toBe(538);
    expect(before2.ok && before2.value.hamlets.some((h) => h.name === 'Khu phố 6')).toBe(false);
    const early = await register.attachCluster(ctx, officer, WARD, {
      sourceId: kp3,
      targetId: kp4,
      householdIds: [(await householdsOf(kp3))[0]!.id],
      ...decision('2025-02-01'),
    });
    expect(!early.ok && early.error.message).toMatch(/đã có thay đổi có hiệu lực ngày 01\/03\/2025/);
  });

  it('attaches a cluster to an existing hamlet and empties the draft rolls of both', async () => {
    const e5 = await election(ctx, kp5, 'planned');
    const roll5 = await draftRoll(ctx, e5, kp5);
    const cluster = (await householdsOf(kp4)).slice(0, 20).map((h) => h.id);
    const r = await register.attachCluster(ctx, officer, WARD, {
      sourceId: kp4,
      targetId: kp5,
      householdIds: cluster,
      ...decision('2025-04-01'),
    });
    expect(r.ok && r.value).toMatchObject({ households: 20, rollsReset: 1 });
    expect(await countHouseholds(ctx, kp5)).toBe(188);
    const entries = await ctx.store.db
      .selectFrom('voter_roll_entries')
      .select('id')
      .where('roll_id', '=', roll5)
      .execute();
    expect(entries).toEqual([]);
    const same = await register.attachCluster(ctx, officer, WARD, {
      sourceId: kp4,
      targetId: kp4,
      householdIds: cluster,
      ...decision('2025-04-01'),
    });
    expect(!same.ok && same.error.message).toMatch(/khác nơi chuyển đi/);
    const march = await register.getAsOf(ctx, officer, WARD, '2025-03-31');
    expect(march.ok && march.value.hamlets.find((h) => h.name === 'Khu phố 5')!.households).toBe(168);
  });

  it('renames with the old name kept, and dissolves only an empty hamlet', async () => {
    const r = await register.renameHamlet(ctx, officer, WARD, {
      hamletId: kp5,
      newName: 'Khu phố Hòa Bình',
      ...decision('2025-05-01'),
    });
    expect(r.ok).toBe(true);
    const april = await register.getAsOf(ctx, officer, WARD, '2025-04-30');
    expect(april.ok && april.value.hamlets.find((h) => h.id === kp5)!.name).toBe('Khu phố 5');
    const may = await register.getAsOf(ctx, officer, WARD, '2025-05-01');
    expect(may.ok && may.value.hamlets.find((h) => h.id === kp5)!.name).toBe('Khu phố Hòa Bình');
    const d = await register.dissolveHamlet(ctx, officer, WARD, {
      hamletId: kp4,
      ...decision('2025-06-01'),
    });
    expect(!d.ok && d.error.message).toMatch(/Khu phố 4 còn 256 hộ gia đình/);
    const kp6 = await idOf(ctx, 'Khu phố 6');
    const e3 = await election(ctx, kp3, 'planned');
    const roll3 = await draftRoll(ctx, e3, kp3);
    const back = await register.applyMerge(ctx, officer, WARD, {
      sourceIds: [kp6],
      targetId: kp3,
      ...decision('2025-07-01', '40/QĐ-UBND'),
    });
    expect(back.ok && back.value.targetId).toBe(kp3);
    expect(await countHouseholds(ctx, kp3)).toBe(538);
    // The surviving hamlet's own draft roll lacks the arriving households: it is emptied, the election stays.
    expect(
      await ctx.store.db.selectFrom('voter_roll_entries').select('id').where('roll_id', '=', roll3).execute(),
    ).toEqual([]);
    const e3Now = await ctx.store.db
      .selectFrom('elections')
      .select('hamlet_id')
      .where('id', '=', e3)
      .executeTakeFirstOrThrow();
    expect(e3Now.hamlet_id).toBe(kp3);
    expect((await groupsOf(kp3)).map((g) => g.name).sort()).toEqual([
      'Tổ 1',
      'Tổ 2',
      'Tổ 3',
      'Tổ 4',
      'Tổ 5',
      'Tổ 6',
    ]);
    const june = await register.getAsOf(ctx, officer, WARD, '2025-06-30');
    expect(june.ok && june.value.hamlets.find((h) => h.name === 'Khu phố 6')!.groups).toEqual([
      'Tổ 5',
      'Tổ 6',
    ]);
    const july = await register.getAsOf(ctx, officer, WARD, '2025-07-01');
    expect(july.ok && july.value.hamlets.map((h) => h.name)).not.toContain('Khu phố 6');
  });
});

describeEachDatabase('establishing a hamlet (QĐ 01/2016 Điều 9–10) and its interim head', (t) => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = t.ctx(at(TODAY));
    await loadWard(ctx);
  });

  it('checks the conditions, walks the checklist, creates the hamlet from the decision and takes an interim head', async () => {
    const few = await register.startEstablishment(ctx, officer, WARD, {
      name: 'Khu phố 6',
      kind: 'khu-pho',
      area: 'plain',
      households: 120,
    });
    expect(!few.ok && few.error.message).toMatch(
      /cần ít nhất 700 hộ gia đình.*chưa xác minh.*Điều 9 khoản 2/,
    );
    const started = await register.startEstablishment(ctx, officer, WARD, {
      name: 'Khu phố 6',
      kind: 'khu-pho',
      area: 'plain',
      households: 120,
      exception: 'resettlement',
    });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const id = started.value.id;
    const early = await register.recordItem(ctx, officer, id, {
      key: 'decision',
      number: '45/QĐ-UBND',
      date: '2026-09-01',
    });
    expect(!early.ok && early.error.message).toMatch(/còn thiếu: Báo cáo của UBND cấp xã/);
    for (const key of [
      'commune-report',
      'policy-approval',
      'scheme',
      'voter-opinion',
      'submission',
      'appraisal',
    ])
      expect(
        (await register.recordItem(ctx, officer, id, { key, number: `${key}-1`, date: '2026-08-01' })).ok,
      ).toBe(true);
    const file = await register.attachItemFile(ctx, officer, id, 'scheme', {
      fileName: 'de-an.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 test'),
    });
    expect(file.ok).toBe(true);
    const decided = await register.recordItem(ctx, officer, id, {
      key: 'decision',
      number: '45/NQ-HĐND',
      date: '2026-09-01',
      effectiveOn: '2026-10-01',
    });
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    const hamletId = decided.value.hamletId!;
    const list = await register.listEstablishments(ctx, officer, WARD);
    expect(list.ok && list.value.dossiers[0]).toMatchObject({ state: 'decided', step: 'decided', hamletId });
    const sept = await register.getAsOf(ctx, officer, WARD, '2026-09-30');
    expect(sept.ok && sept.value.hamlets.some((h) => h.id === hamletId)).toBe(false);
    const oct = await register.getAsOf(ctx, officer, WARD, '2026-10-01');
    expect(oct.ok && oct.value.hamlets.find((h) => h.id === hamletId)).toMatchObject({
      name: 'Khu phố 6',
      since: '2026-10-01',
    });
    const kp5 = (await hamlets(ctx)).find((h) => h.name === 'Khu phố 5')!.id;
    const tooEarly = await register.attachCluster(ctx, officer, WARD, {
      sourceId: kp5,
      targetId: hamletId,
      groupIds: [(await territoryRepo.listResidentGroups(ctx.store.db, kp5))[0]!.id],
      ...decision('2026-09-15'),
    });
    expect(!tooEarly.ok && tooEarly.error.message).toMatch(/Khu phố 6 chỉ có từ ngày 01\/10\/2026/);
    const again = await register.recordItem(ctx, officer, id, { key: 'scheme', date: '2026-08-02' });
    expect(!again.ok && again.error.message).toMatch(/hồ sơ đã đóng/);
    const interim = await office.appointInterim(ctx, officer, {
      hamletId,
      reason: 'vacancy',
      name: 'Trần Văn Tâm',
      on: '2026-10-05',
      profileId: 'nd59-2023',
    });
    expect(interim.ok && interim.value.plannedEnd).toBe('2027-04-05');
  });
});
