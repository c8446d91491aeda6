import { expect, it } from 'vitest';
import { candidates, plan, roll, territory } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import type { CreateRoundInput } from '../../src/services/plan/plan';
import { kienGiang2024 } from '../../src/domain/rules';
import { CONFIDENCE_VI } from '../../src/domain/rules';
import { territory as territoryRepo } from '../../src/store';
import { verifyRecord } from '../../src/store/record-seals';
import { aCommuneOfficer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { sealFixture } from '../support/sealed-fixture';

// Xã Vĩnh Thuận (An Giang since 2025; Kiên Giang when seed 001 was written).
const COMMUNE = '31069';
const officer = aCommuneOfficer(COMMUNE);
const stranger = aCommuneOfficer('24820');
const at = (day: string) => () => new Date(`${day}T03:00:00.000Z`);

const roundOf = (
  hamlets: { id: string; groupIds?: string[] }[],
  over: Partial<CreateRoundInput> = {},
): CreateRoundInput => ({
  communeId: COMMUNE,
  termLabel: '2024-2029',
  profileId: 'kien-giang-2024',
  form: 'meeting',
  chairName: 'Nguyễn Văn Hiền',
  frontChairName: 'Danh Thị Sa Rươl',
  planDate: '2024-05-22',
  hamlets: hamlets.map((h) => ({
    hamletId: h.id,
    electionDate: '2024-09-15',
    startTime: '07:00',
    venue: 'Nhà văn hóa ấp',
    ...(h.groupIds ? { groupIds: h.groupIds } : {}),
  })),
  ...over,
});

describeEachDatabase('residents’ self-managed groups elect their officers (seed 001 mục II.1.6–1.7)', (t) => {
  const s = { ap: '', other: '', groups: new Map<string, string>(), otherGroup: '' };
  const ctx = (): ServiceContext => t.ctx(at('2024-05-22'));

  async function hamletWithGroups(name: string, households: number, seed: number, groups: string[]) {
    const h = await territory.createHamlet(ctx(), officer, COMMUNE, { name, kind: 'ap' });
    if (!h.ok) throw new Error(h.error.message);
    const pop = await plan.generatePopulation(ctx(), officer, h.value.id, {
      households,
      seed,
      residentGroups: groups,
    });
    if (!pop.ok) throw new Error(pop.error.message);
    return h.value.id;
  }

  it('sets up two ấp of Xã Vĩnh Thuận with their groups', async () => {
    await territory.loadAdministrativeUnits(ctx());
    s.ap = await hamletWithGroups('Ấp Vĩnh Phước', 60, 91, ['Tổ 1', 'Tổ 2', 'Tổ 3']);
    s.other = await hamletWithGroups('Ấp Vĩnh Lợi', 10, 92, ['Tổ 1']);
    for (const g of await territoryRepo.listResidentGroups(t.store().db, s.ap)) s.groups.set(g.name, g.id);
    s.otherGroup = (await territoryRepo.listResidentGroups(t.store().db, s.other))[0]!.id;
    expect(s.groups.size).toBe(3);
  });

  it('QĐ 1564/2008 Chương III: every value of the groups is a parameter shown as unverified, saying why', () => {
    const rule = kienGiang2024.residentGroup;
    expect(rule.confidence).toBe('unverified');
    expect(CONFIDENCE_VI[rule.confidence]).toBe('chưa xác minh');
    expect(rule.note).toMatch(/QĐ 1564\/2008/);
    expect(rule.note).toMatch(/chưa có văn bản/);
    expect(rule.value).toEqual({
      positions: ['groupLeader', 'groupDeputy', 'groupSecretary'],
      termMonths: 24,
    });
  });

  it('Kế hoạch 65/KH-UBND mục II.1.6: one plan holds the head’s election (2024-2029) and each chosen group’s Tổ trưởng, Tổ phó and Thư ký (2024-2026)', async () => {
    const r = await plan.createRound(
      ctx(),
      officer,
      roundOf([{ id: s.ap, groupIds: [s.groups.get('Tổ 1')!, s.groups.get('Tổ 2')!] }]),
    );
    if (!r.ok) throw new Error(r.error.message);
    const es = r.value.elections;
    expect(es.map((e) => [e.groupName, e.position, e.termLabel])).toEqual([
      [null, 'head', '2024-2029'],
      ['Tổ 1', 'groupLeader', '2024-2026'],
      ['Tổ 1', 'groupDeputy', '2024-2026'],
      ['Tổ 1', 'groupSecretary', '2024-2026'],
      ['Tổ 2', 'groupLeader', '2024-2026'],
      ['Tổ 2', 'groupDeputy', '2024-2026'],
      ['Tổ 2', 'groupSecretary', '2024-2026'],
    ]);
    expect(es.find((e) => e.position === 'head')!.positionTitle).toBe('Trưởng ấp');
    expect(es.find((e) => e.position === 'groupSecretary')!.positionTitle).toBe('Thư ký Tổ nhân dân tự quản');
    // Tổ 3 was not chosen: it elects in another plan.
    expect(es.some((e) => e.groupName === 'Tổ 3')).toBe(false);
    // A second plan of the same group and position for the same term is refused.
    const again = await plan.createRound(
      ctx(),
      officer,
      roundOf([{ id: s.ap, groupIds: [s.groups.get('Tổ 2')!] }], { positions: ['groupDeputy'] }),
    );
    expect(!again.ok && again.error.code).toBe('conflict');
    expect(!again.ok && again.error.message).toMatch(
      /Tổ nhân dân tự quản số 2, ấp Vĩnh Phước đã có cuộc bầu/,
    );
    expect((await verifyRecord(t.store().db, t.store().kind)).ok).toBe(true);
  });

  it('mục II.1.6: a group of another ấp is refused, naming the ấp, and nothing is planned', async () => {
    const before = await plan.listRounds(ctx(), officer, COMMUNE);
    const r = await plan.createRound(
      ctx(),
      officer,
      roundOf([{ id: s.ap, groupIds: [s.groups.get('Tổ 3')!, s.otherGroup] }]),
    );
    expect(!r.ok && r.error.code).toBe('invalid-input');
    expect(!r.ok && r.error.field).toBe('groupIds');
    expect(!r.ok && r.error.message).toMatch(/không thuộc Ấp Vĩnh Phước/);
    const after = await plan.listRounds(ctx(), officer, COMMUNE);
    expect(after.ok && before.ok && after.value.length).toBe(before.ok ? before.value.length : -1);
  });

  it('positions: one the profile does not elect, or groups chosen without a group position, are refused', async () => {
    // Kiên Giang heads under ND59: no deputy is elected.
    const deputy = await plan.createRound(
      ctx(),
      officer,
      roundOf([{ id: s.other }], { positions: ['deputyHead'] }),
    );
    expect(!deputy.ok && deputy.error.field).toBe('positions');
    expect(!deputy.ok && deputy.error.message).toMatch(/không được bầu theo bộ quy tắc kien-giang-2024/);
    // The national rules elect no group officers.
    const national = await plan.createRound(
      ctx(),
      officer,
      roundOf([{ id: s.other }], {
        profileId: 'nd59-2023',
        termLabel: '2024-2027',
        positions: ['groupLeader'],
      }),
    );
    expect(!national.ok && national.error.field).toBe('positions');
    const headOnly = await plan.createRound(
      ctx(),
      officer,
      roundOf([{ id: s.other, groupIds: [s.otherGroup] }], { positions: ['head'] }),
    );
    expect(!headOnly.ok && headOnly.error.field).toBe('groupIds');
    expect(!headOnly.ok && headOnly.error.message).toMatch(/chưa chọn chức danh nào của Tổ nhân dân tự quản/);
  });

  it('scope: an officer of another commune cannot plan the groups of this one', async () => {
    const r = await plan.createRound(
      ctx(),
      stranger,
      roundOf([{ id: s.ap, groupIds: [s.groups.get('Tổ 3')!] }]),
    );
    expect(!r.ok && r.error.code).toBe('forbidden');
  });

  async function electionOf(group: string | null, position: string): Promise<string> {
    const rounds = await plan.listRounds(ctx(), officer, COMMUNE);
    if (!rounds.ok) throw new Error(rounds.error.message);
    for (const x of rounds.value) {
      const r = await plan.getRound(ctx(), officer, x.id);
      if (!r.ok) continue;
      const e = r.value.elections.find(
        (y) => y.hamletId === s.ap && y.groupName === group && y.position === position,
      );
      if (e) return e.id;
    }
    throw new Error(`no election ${group ?? ''} ${position}`);
  }

  it('mục II.1.7: a group’s roll holds only its households; the ấp’s roll holds them all', async () => {
    const group = await roll.buildRoll(ctx(), officer, await electionOf('Tổ 1', 'groupLeader'));
    if (!group.ok) throw new Error(group.error.message);
    const head = await roll.buildRoll(ctx(), officer, await electionOf(null, 'head'));
    if (!head.ok) throw new Error(head.error.message);
    const listed = group.value.groups.flatMap((g) => g.entries);
    expect(listed.length).toBeGreaterThan(10);
    const groupsOf = (v: typeof group.value) =>
      new Set([...v.groups.flatMap((g) => g.entries), ...v.excluded].map((e) => e.residentGroup));
    expect(groupsOf(group.value)).toEqual(new Set(['Tổ 1']));
    expect(group.value.counts.registered).toBe(listed.length);
    expect(group.value.counts.registered).toBeLessThan(head.value.counts.registered);
    expect(groupsOf(head.value)).toEqual(new Set(['Tổ 1', 'Tổ 2', 'Tổ 3']));
    expect(group.value.counts.byGroup.map((g) => g.group)).toEqual(['Tổ 1']);
  });

  it('mục II.1.7: a household of another group is refused on a group’s roll, saying which group it is in', async () => {
    const electionId = await electionOf('Tổ 1', 'groupLeader');
    const db = t.store().db;
    await db.updateTable('elections').set({ state: 'teamFormed' }).where('id', '=', electionId).execute();
    await sealFixture(ctx(), 'fixture', null);
    const posted = await roll.postRoll(t.ctx(at('2024-09-06')), officer, electionId);
    if (!posted.ok) throw new Error(posted.error.message);
    const outsider = await db
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select('r.id')
      .where('h.resident_group_id', '=', s.groups.get('Tổ 2')!)
      .where('r.relation', '=', 'head')
      .executeTakeFirstOrThrow();
    const r = await roll.amendRoll(t.ctx(at('2024-09-07')), officer, electionId, {
      kind: 'add',
      residentId: outsider.id,
      reason: 'Bổ sung',
      approvedBy: 'Nguyễn Văn Hiền',
    });
    expect(!r.ok && r.error.code).toBe('invalid-input');
    expect(!r.ok && r.error.field).toBe('residentId');
    expect(!r.ok && r.error.message).toMatch(
      /thuộc hộ của Tổ nhân dân tự quản số 2, không thuộc Tổ nhân dân tự quản số 1/,
    );
    const after = await roll.getRoll(t.ctx(at('2024-09-07')), officer, electionId);
    expect(after.ok && after.value.amendments).toEqual([]);
  });

  it('mục II.1.6: a group’s election takes nominees for its own position only, and the ấp’s none for a group', async () => {
    const person = await t
      .store()
      .db.selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select('r.id')
      .where('h.hamlet_id', '=', s.ap)
      .where('r.relation', '=', 'head')
      .executeTakeFirstOrThrow();
    const onGroup = await candidates.nominate(ctx(), officer, await electionOf('Tổ 2', 'groupDeputy'), {
      residentId: person.id,
      source: 'frontCommittee',
      nominatedOn: '2024-07-09',
      position: 'groupLeader',
    });
    expect(!onGroup.ok && onGroup.error.field).toBe('position');
    expect(!onGroup.ok && onGroup.error.message).toMatch(
      /bầu Tổ phó Tổ nhân dân tự quản số 2, ấp Vĩnh Phước/,
    );
    expect(!onGroup.ok && onGroup.error.details).toMatchObject({ rule: 'residentGroup.positions' });
    const onHead = await candidates.nominate(ctx(), officer, await electionOf(null, 'head'), {
      residentId: person.id,
      source: 'frontCommittee',
      nominatedOn: '2024-07-09',
      position: 'groupSecretary',
    });
    expect(!onHead.ok && onHead.error.field).toBe('position');
    const ok = await candidates.nominate(ctx(), officer, await electionOf('Tổ 2', 'groupDeputy'), {
      residentId: person.id,
      source: 'frontCommittee',
      nominatedOn: '2024-07-09',
    });
    expect(ok.ok && ok.value.position).toBe('groupDeputy');
  });

  it('the election page names the group and the position in Vietnamese', async () => {
    const v = await plan.getLifecycle(ctx(), officer, await electionOf('Tổ 2', 'groupSecretary'));
    if (!v.ok) throw new Error(v.error.message);
    expect(v.value.groupName).toBe('Tổ nhân dân tự quản số 2');
    expect(v.value.positionTitle).toBe('Thư ký Tổ nhân dân tự quản');
    expect(v.value.termLabel).toBe('2024-2026');
    const denied = await plan.getLifecycle(ctx(), stranger, await electionOf('Tổ 2', 'groupSecretary'));
    expect(!denied.ok && denied.error.code).toBe('forbidden');
  });
});
