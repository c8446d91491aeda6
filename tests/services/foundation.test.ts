import { expect, it } from 'vitest';
import { audit, households as householdsRepo } from '../../src/store';
import { auth, demo, people as households, territory, auth as users } from '../../src/services';
import { describeEachDatabase } from '../support/databases';
import { aCommuneOfficer, anAdmin, aProvinceViewer, aTeamMember } from '../support/actors';

const WARD = '24820';
const OTHER_COMMUNE = '24823';

describeEachDatabase('demo ward, territory and permissions', (t) => {
  it('loads the demo ward once: five khu phố of 150 to 600 households, one account per role', async () => {
    const first = await demo.loadDemo(t.ctx());
    expect(first.created).toBe(true);
    expect(first.commune).toEqual({ id: WARD, code: WARD, name: 'Phường 2 Bảo Lộc' });
    expect(first.hamlets.map((h) => h.name)).toEqual([
      'Khu phố 1',
      'Khu phố 2',
      'Khu phố 3',
      'Khu phố 4',
      'Khu phố 5',
    ]);
    for (const h of first.hamlets) {
      expect(h.households).toBeGreaterThanOrEqual(150);
      expect(h.households).toBeLessThanOrEqual(600);
    }
    expect(new Set(first.users.map((u) => u.role))).toEqual(
      new Set(['admin', 'communeOfficer', 'frontOfficer', 'teamMember', 'provinceViewer']),
    );
    const again = await demo.loadDemo(t.ctx());
    expect(again.created).toBe(false);
    expect(again.hamlets).toEqual(first.hamlets);
  });

  it('loads all 34 provinces and 3,252 communes of the 2025 dataset, idempotently', async () => {
    const report = await territory.loadAdministrativeUnits(t.ctx());
    expect(report).toEqual({ provinces: 34, communes: 3252 });
    const view = await territory.getProvince(t.ctx(), anAdmin(), '68');
    expect(view.ok && view.value.communes.find((c) => c.id === WARD)?.hamlets).toBe(5);
  });

  it('shows a commune officer their commune with hamlets, groups and the (real) election list', async () => {
    const view = await territory.getCommune(t.ctx(), aCommuneOfficer(WARD), WARD);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.province.name).toBe('Tỉnh Lâm Đồng');
    expect(view.value.canManage).toBe(true);
    const kp1 = view.value.hamlets[0]!;
    expect(kp1.headTitle).toBe('Khu phố trưởng');
    expect(kp1.groups.map((g) => g.name)).toEqual(['Tổ 1', 'Tổ 2', 'Tổ 3', 'Tổ 4', 'Tổ 5']);
    expect(kp1.groups.reduce((n, g) => n + g.households, 0)).toBe(kp1.households);
    expect(kp1.elections).toHaveLength(1);
    expect(view.value.hamlets[1]!.elections).toEqual([]);
  });

  it('refuses a commune officer another commune, and a province viewer any write', async () => {
    const other = await territory.getCommune(t.ctx(), aCommuneOfficer(OTHER_COMMUNE), WARD);
    expect(!other.ok && other.error.code).toBe('forbidden');
    const viewer = aProvinceViewer('68');
    expect((await territory.getCommune(t.ctx(), viewer, WARD)).ok).toBe(true);
    const write = await territory.createHamlet(t.ctx(), viewer, WARD, { name: 'Khu phố 6', kind: 'khu-pho' });
    expect(!write.ok && write.error.code).toBe('forbidden');
    const otherProvince = await territory.getCommune(t.ctx(), aProvinceViewer('01'), WARD);
    expect(!otherProvince.ok && otherProvince.error.code).toBe('forbidden');
  });

  it('lets a team member read only the hamlet of their election', async () => {
    const ward = await territory.getCommune(t.ctx(), anAdmin(), WARD);
    if (!ward.ok) throw new Error('ward');
    const [kp1, kp2] = ward.value.hamlets;
    const member = aTeamMember(kp1!.elections[0]!.id);
    expect((await territory.getHamlet(t.ctx(), member, kp1!.id)).ok).toBe(true);
    const denied = await territory.getHamlet(t.ctx(), member, kp2!.id);
    expect(!denied.ok && denied.error.code).toBe('forbidden');
    const page = await households.listHouseholds(t.ctx(), member, kp2!.id, {});
    expect(!page.ok && page.error.code).toBe('forbidden');
    expect((await territory.getCommune(t.ctx(), member, WARD)).ok).toBe(false);
  });

  it('creates a hamlet with its groups, normalising the name, and refuses a duplicate or a bad kind', async () => {
    const officer = aCommuneOfficer(WARD);
    const made = await territory.createHamlet(t.ctx(), officer, WARD, {
      name: '  Khu  phố 6 '.normalize('NFD'),
      kind: 'khu-pho',
      residentGroups: ['Tổ 1', 'Tổ 2', 'Tổ 1'],
    });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.name).toBe('Khu phố 6');
    const detail = await territory.getHamlet(t.ctx(), officer, made.value.id);
    expect(detail.ok && detail.value.groups.map((g) => g.name)).toEqual(['Tổ 1', 'Tổ 2']);
    const dup = await territory.createHamlet(t.ctx(), officer, WARD, { name: 'Khu phố 6', kind: 'khu-pho' });
    expect(!dup.ok && dup.error).toMatchObject({ code: 'conflict', field: 'name' });
    const badKind = await territory.createHamlet(t.ctx(), officer, WARD, { name: 'Xóm 9', kind: 'xom' });
    expect(!badKind.ok && badKind.error.message).toContain('Loại "xom" không hợp lệ');
  });

  it('pages through the households of a hamlet with head of household and member counts', async () => {
    const ward = await territory.getCommune(t.ctx(), anAdmin(), WARD);
    if (!ward.ok) throw new Error('ward');
    const kp5 = ward.value.hamlets.find((h) => h.name === 'Khu phố 5')!;
    const page = await households.listHouseholds(t.ctx(), anAdmin(), kp5.id, { limit: 10, offset: 0 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.total).toBe(kp5.households);
    expect(page.value.items).toHaveLength(10);
    expect(page.value.items[0]!.code).toBe('KP5-0001');
    expect(page.value.items.every((h) => h.headName && h.members >= 1)).toBe(true);
    expect(await householdsRepo.countResidents(t.store().db, kp5.id)).toBeGreaterThan(kp5.households);
  });

  it('logs in with the demo password, finds the actor by token, and logs out', async () => {
    const login = await auth.login(t.ctx(), 'UBND.phuong2 ', demo.DEMO_PASSWORD);
    if (!login.ok) throw new Error(login.error.message);
    expect(login.value.actor.scope).toEqual({ kind: 'commune', id: WARD });
    const found = await auth.actorForToken(t.ctx(), login.value.token);
    expect(found.ok && found.value.username).toBe('ubnd.phuong2');
    const later = () => new Date(fixedLater);
    expect((await auth.actorForToken(t.ctx(later), login.value.token)).ok).toBe(false);
    await auth.logout(t.ctx(), login.value.actor, login.value.token);
    expect((await auth.actorForToken(t.ctx(), login.value.token)).ok).toBe(false);
    const wrong = await auth.login(t.ctx(), 'ubnd.phuong2', 'not-the-password1');
    expect(!wrong.ok && wrong.error.code).toBe('bad-credentials');
    const unknown = await auth.login(t.ctx(), 'nobody', demo.DEMO_PASSWORD);
    expect(!unknown.ok && unknown.error.message).toBe(!wrong.ok && wrong.error.message);
  });

  it('creates users only for the administrator, with a checked role, scope and password', async () => {
    const officer = aCommuneOfficer(WARD);
    const input = {
      username: 'canbo2',
      displayName: 'Nguyễn Văn B',
      password: 'matkhau123',
      role: 'communeOfficer',
      scopeId: WARD,
    };
    const denied = await users.createUser(t.ctx(), officer, input);
    expect(!denied.ok && denied.error.code).toBe('forbidden');
    const made = await users.createUser(t.ctx(), anAdmin(), input);
    expect(made.ok && made.value.roleLabel).toBe('Cán bộ UBND xã/phường');
    const again = await users.createUser(t.ctx(), anAdmin(), input);
    expect(!again.ok && again.error.code).toBe('conflict');
    const weak = await users.createUser(t.ctx(), anAdmin(), {
      ...input,
      username: 'canbo3',
      password: 'short',
    });
    expect(!weak.ok && weak.error.field).toBe('password');
    const badScope = await users.createUser(t.ctx(), anAdmin(), {
      ...input,
      username: 'canbo4',
      scopeId: '99999',
    });
    expect(!badScope.ok && badScope.error.field).toBe('scopeId');
    const badRole = await users.createUser(t.ctx(), anAdmin(), {
      ...input,
      username: 'canbo5',
      role: 'mayor',
    });
    expect(!badRole.ok && badRole.error.field).toBe('role');
  });

  it('writes a hash-chained audit event with every change, and detects an edited event', async () => {
    const db = t.store().db;
    const before = await audit.verifyAuditChain(db);
    expect(before.ok).toBe(true);
    expect(before.events).toBeGreaterThan(5);
    const last = await audit.listAudit(db, { limit: 1 });
    expect(last[0]?.action).toBeTruthy();
    const victim = (await audit.listAudit(db, { entity: 'hamlet' }))[0]!;
    await db
      .updateTable('audit_events')
      .set({ data: '{"name":"Khu phố 66"}' })
      .where('id', '=', victim.id)
      .execute();
    const after = await audit.verifyAuditChain(db);
    expect(after).toEqual({ ok: false, events: before.events, firstBadEvent: victim.id });
  });
});

const fixedLater = '2024-10-02T02:00:00.000Z';

describeEachDatabase('historical units (before 2025-07-01)', (t) => {
  it('records a 2024 ward under its thị xã, and its hamlets and elections as they were', async () => {
    const { territory: historicalUnits } = await import('../../src/services');
    await territory.loadAdministrativeUnits(t.ctx());
    const made = await historicalUnits.recordHistoricalCommune(t.ctx(), anAdmin(), {
      provinceCode: '68',
      districtName: 'Thị xã  Mẫu',
      communeName: 'Phường 2',
    });
    if (!made.ok) throw new Error(made.error.message);
    const hamlet = await territory.createHamlet(t.ctx(), anAdmin(), made.value.id, {
      name: 'Khu phố 1',
      kind: 'khu-pho',
    });
    expect(hamlet.ok).toBe(true);
    const view = await territory.getCommune(t.ctx(), anAdmin(), made.value.id);
    expect(view.ok && [view.value.commune.name, view.value.districtName, view.value.hamlets.length]).toEqual([
      'Phường 2',
      'Thị xã Mẫu',
      1,
    ]);
    const second = await historicalUnits.recordHistoricalCommune(t.ctx(), anAdmin(), {
      provinceCode: '68',
      districtName: 'Thị xã Mẫu',
      communeName: 'Phường 1',
    });
    expect(second.ok && second.value.districtId).toBe(made.value.districtId);
    const late = await historicalUnits.recordHistoricalCommune(t.ctx(), anAdmin(), {
      provinceCode: '68',
      districtName: 'X',
      communeName: 'Y',
      validTo: '2025-07-01',
    });
    expect(!late.ok && late.error.field).toBe('validTo');
    const officer = await historicalUnits.recordHistoricalCommune(t.ctx(), aCommuneOfficer(WARD), {
      provinceCode: '68',
      districtName: 'X',
      communeName: 'Y',
    });
    expect(!officer.ok && officer.error.code).toBe('forbidden');
  });
});
