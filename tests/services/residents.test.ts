import { expect, it } from 'vitest';
import { demo, people } from '../../src/services';
import { residents as repo } from '../../src/store';
import { describeEachDatabase } from '../support/databases';
import { expectEveryTamperFound } from '../support/tamper';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';

const officer = aCommuneOfficer('24820');

describeEachDatabase('residents and households', (t) => {
  let hamletId = '';

  it('searches without diacritics: "nguyen" finds "Nguyễn"', async () => {
    const loaded = await demo.loadDemo(t.ctx());
    hamletId = loaded.hamlets[0]!.id;
    const found = await people.searchResidents(t.ctx(), officer, hamletId, { q: 'nguyen', limit: 500 });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.total).toBeGreaterThan(0);
    expect(
      found.value.items.every(
        (r) =>
          r.fullName.includes('Nguyễn') ||
          /nguy[eê]n/i.test(r.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '')),
      ),
    ).toBe(true);
    expect(found.value.items.some((r) => r.fullName.startsWith('Nguyễn'))).toBe(true);
    const upper = await people.searchResidents(t.ctx(), officer, hamletId, { q: 'NGUYỄN', limit: 1 });
    expect(upper.ok && upper.value.total).toBe(found.value.total);
    const viewer = await people.searchResidents(t.ctx(), aProvinceViewer('68'), hamletId, {});
    expect(viewer.ok).toBe(true);
  });

  it('adds, edits, moves and marks a death, keeping every change in the history', async () => {
    const added = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: '  Đặng   Văn Tùng ',
      birthDate: '1980-01-15',
      sex: 'male',
      relation: 'head',
      residence: 'permanent',
      newHousehold: { code: 'KP1-9001', address: 'Số 5, hẻm 3' },
    });
    if (!added.ok) throw new Error(added.error.message);
    const other = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: 'Đặng Thị Hoa',
      birthDate: '1950-01-15',
      sex: 'female',
      relation: 'head',
      residence: 'permanent',
      newHousehold: { code: 'KP1-9002', address: 'Số 7, hẻm 3' },
    });
    if (!other.ok) throw new Error(other.error.message);
    const noReason = await people.editResident(t.ctx(), officer, added.value.id, {
      fullName: 'Đặng Văn Tùng',
      birthDate: '1980-01-16',
      sex: 'male',
      relation: 'head',
      residence: 'permanent',
    });
    expect(!noReason.ok && noReason.error.field).toBe('reason');
    const edited = await people.editResident(t.ctx(), officer, added.value.id, {
      fullName: 'Đặng Văn Tùng',
      birthDate: '1980-01-16',
      sex: 'male',
      relation: 'head',
      residence: 'permanent',
      reason: 'Sai ngày sinh khi nhập',
    });
    expect(edited.ok && edited.value.changed).toEqual(['birthDate']);
    const moved = await people.moveResident(t.ctx(), officer, added.value.id, {
      householdId: other.value.householdId,
      relation: 'child',
      reason: 'Về ở với mẹ',
    });
    expect(moved.ok).toBe(true);
    const dead = await people.markDeparture(t.ctx(), officer, added.value.id, {
      kind: 'deceased',
      effectiveOn: '2024-09-20',
      reason: 'Giấy chứng tử số 12',
    });
    expect(dead.ok).toBe(true);
    const again = await people.markDeparture(t.ctx(), officer, added.value.id, {
      kind: 'moved',
      effectiveOn: '2024-09-21',
    });
    expect(!again.ok && again.error.code).toBe('conflict');
    const detail = await people.getResident(t.ctx(), officer, added.value.id);
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.resident).toMatchObject({
      fullName: 'Đặng Văn Tùng',
      status: 'deceased',
      householdCode: 'KP1-9002',
    });
    expect(detail.value.history.map((e) => [e.kind, e.reason])).toEqual([
      ['created', null],
      ['edited', 'Sai ngày sinh khi nhập'],
      ['moved', 'Về ở với mẹ'],
      ['deceased', 'Giấy chứng tử số 12'],
    ]);
    const hidden = await people.searchResidents(t.ctx(), officer, hamletId, {
      q: 'dang van tung',
      status: 'active',
    });
    expect(hidden.ok && hidden.value.total).toBe(0);
  });

  it('refuses an invalid personal ID and one already stored', async () => {
    const bad = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: 'Lý Văn Sai',
      birthDate: '1990-01-01',
      sex: 'male',
      personalId: '068090000001',
      relation: 'head',
      residence: 'permanent',
      newHousehold: { code: 'KP1-9003', address: '' },
    });
    // 0 = male born in the 1900s; 1990 needs century-sex digit 0 and year 90: this one is valid...
    const taken = (await repo.listHamletResidents(t.store().db, hamletId)).find((r) => r.personalId)!;
    const dup = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: 'Người Trùng',
      birthDate: taken.birthDate,
      sex: taken.sex,
      personalId: taken.personalId,
      relation: 'head',
      residence: 'permanent',
      newHousehold: { code: 'KP1-9004', address: '' },
    });
    expect(!dup.ok && [dup.error.code, dup.error.field]).toEqual(['conflict', 'personalId']);
    const wrongSex = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: 'Lý Thị Sai',
      birthDate: '1990-01-01',
      sex: 'female',
      personalId: '068090000002',
      relation: 'head',
      residence: 'permanent',
      newHousehold: { code: 'KP1-9005', address: '' },
    });
    expect(!wrongSex.ok && wrongSex.error.field).toBe('personalId');
    expect(bad.ok).toBe(true);
  });

  it('ND 59/2023 Điều 3 k2: the head represents the household by default; a minor cannot; members may nominate when nobody qualifies', async () => {
    const households = await repo.listHamletHouseholds(t.store().db, hamletId);
    const h = households[0]!;
    const detail = await people.getHousehold(t.ctx(), officer, h.id);
    if (!detail.ok) throw new Error(detail.error.message);
    const head = detail.value.members.find((m) => m.relation === 'head')!;
    expect(detail.value.representative).toMatchObject({ residentId: head.id, source: 'defaultHead' });
    expect(detail.value.representative.rule).toContain('Điều 3');

    // A household of one adult under a court's restriction and one child: nobody qualifies.
    const parent = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: 'Hà Văn Hạn',
      birthDate: '1970-03-03',
      sex: 'male',
      relation: 'head',
      residence: 'permanent',
      legalCapacity: 'restricted',
      newHousehold: { code: 'KP1-9100', address: 'Số 1' },
    });
    if (!parent.ok) throw new Error(parent.error.message);
    const child = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: 'Hà Thị Nhỏ',
      birthDate: '2015-05-05',
      sex: 'female',
      relation: 'child',
      residence: 'permanent',
      householdId: parent.value.householdId,
    });
    if (!child.ok) throw new Error(child.error.message);
    const none = await people.getHousehold(t.ctx(), officer, parent.value.householdId);
    expect(none.ok && none.value.representative.source).toBe('none');
    expect(none.ok && none.value.representative.verdict.messages.join(' ')).toContain('đề cử hoặc ủy nhiệm');

    const minor = await people.chooseRepresentative(t.ctx(), officer, parent.value.householdId, {
      residentId: child.value.id,
      reason: 'Thử',
    });
    expect(!minor.ok && minor.error.message).toContain('năng lực hành vi dân sự đầy đủ');
    const notNominated = await people.chooseRepresentative(t.ctx(), officer, parent.value.householdId, {
      residentId: parent.value.id,
    });
    expect(!notNominated.ok && notNominated.error.code).toBe('rule-refused');
    const nominated = await people.chooseRepresentative(t.ctx(), officer, parent.value.householdId, {
      residentId: parent.value.id,
      nominatedByMembers: true,
    });
    expect(nominated.ok).toBe(true);
    const after = await people.getHousehold(t.ctx(), officer, parent.value.householdId);
    expect(after.ok && after.value.representative).toMatchObject({
      residentId: parent.value.id,
      source: 'chosen',
      nominatedByMembers: true,
    });

    const nonHead = detail.value.members.find((m) => m.relation !== 'head' && m.qualifies);
    if (nonHead) {
      const noReason = await people.chooseRepresentative(t.ctx(), officer, h.id, {
        residentId: nonHead.id,
      });
      expect(!noReason.ok && noReason.error.field).toBe('reason');
      const withReason = await people.chooseRepresentative(t.ctx(), officer, h.id, {
        residentId: nonHead.id,
        reason: 'Chủ hộ đi làm ăn xa',
      });
      expect(withReason.ok).toBe(true);
    }
  });

  it('finds an edit, a delete and an insert made outside the application in resident_events', async () => {
    await expectEveryTamperFound(t.store(), 'resident_events');
  });
});
