import { expect, it } from 'vitest';
import { generateHouseholds } from '../../src/demo';
import { writeResidentsCsv, writeResidentsXlsx } from '../../src/io';
import type { ResidentFields } from '../../src/io';
import { createContext, people as residentsImport, territory } from '../../src/services';
import { residents as residentsRepo } from '../../src/store';
import { describeEachDatabase, fixedNow } from '../support/databases';
import { fieldsOf } from '../support/resident-fields';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';

// Xã Lộc An, Lâm Đồng: a real commune with no hamlets until the test makes one.
const COMMUNE = '24823';
const officer = aCommuneOfficer(COMMUNE);

const people = fieldsOf(
  generateHouseholds({
    seed: 5,
    households: 12,
    codePrefix: 'T1',
    birthProvinceCode: '068',
    referenceDate: '2024-09-01',
    residentGroups: ['Tổ 1', 'Tổ 2'],
  }),
);

const lastHousehold = people.filter((p) => p.householdCode === people.at(-1)!.householdCode);

const csv = (text: string) => new TextEncoder().encode(text);

describeEachDatabase('importing residents', (t) => {
  let hamletId = '';
  const count = async () => (await residentsRepo.listHamletResidents(t.store().db, hamletId)).length;

  it('previews an XLSX file without writing; confirming writes every row; re-importing changes nothing', async () => {
    await territory.loadAdministrativeUnits(t.ctx());
    const made = await territory.createHamlet(t.ctx(), officer, COMMUNE, { name: 'Thôn 1', kind: 'thon' });
    if (!made.ok) throw new Error(made.error.message);
    hamletId = made.value.id;
    const file = new Uint8Array(await writeResidentsXlsx(people));

    const preview = await residentsImport.previewResidentImport(t.ctx(), officer, hamletId, file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({
      rows: people.length,
      accepted: people.length,
      rejected: [],
      converted: null,
      missing: [],
      toAddCount: people.length,
      toChangeCount: 0,
      newHouseholds: 12,
      newGroups: ['Tổ 1', 'Tổ 2'],
    });
    expect(await count()).toBe(0);

    const done = await residentsImport.confirmResidentImport(t.ctx(), officer, hamletId, file, {
      fileName: 'thon1.xlsx',
    });
    if (!done.ok) throw new Error(done.error.message);
    expect([done.value.added, done.value.changed]).toEqual([people.length, 0]);
    expect(await count()).toBe(people.length);
    const batches = await residentsRepo.listImportBatches(t.store().db, hamletId);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ added: people.length, file_name: 'thon1.xlsx' });
    const audit = await t
      .store()
      .db.selectFrom('audit_events')
      .select(['action', 'data'])
      .where('action', '=', 'residents.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ added: people.length, changed: 0 });

    const again = await residentsImport.confirmResidentImport(t.ctx(), officer, hamletId, file);
    expect(again.ok && [again.value.added, again.value.changed, again.value.unchanged]).toEqual([
      0,
      0,
      people.length,
    ]);
    expect(await count()).toBe(people.length);
    expect(await residentsRepo.listImportBatches(t.store().db, hamletId)).toHaveLength(1);
  });

  it('an updated CSV file shows what changes, field by field, and writing it keeps the history', async () => {
    const moved = people[1]!.householdCode;
    const updated = people.map((p, i) => ({
      ...p,
      address: p.householdCode === moved ? 'Số 99, đường Mới' : p.address,
      residence: i === 1 ? ('temporary' as const) : p.residence,
    }));
    const extra: ResidentFields = {
      ...people[0]!,
      fullName: 'Hồ Thị Mới',
      birthDate: '2000-02-02',
      sex: 'female',
      personalId: null,
      relation: 'other',
    };
    const file = writeResidentsCsv([...updated, extra]);
    const preview = await residentsImport.previewResidentImport(t.ctx(), officer, hamletId, file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.toAdd.map((r) => r.fullName)).toEqual(['Hồ Thị Mới']);
    const changedFields = preview.value.toChange.flatMap((c) => c.changes.map((x) => x.field));
    expect(changedFields).toContain('residence');
    // The household's address changes for every member of that household.
    expect(preview.value.toChange.find((c) => c.fullName === people[1]!.fullName)?.changes).toContainEqual({
      field: 'residence',
      label: 'Loại cư trú',
      before: 'Thường trú',
      after: 'Tạm trú',
    });
    const done = await residentsImport.confirmResidentImport(t.ctx(), officer, hamletId, file);
    expect(done.ok && done.value.added).toBe(1);
    const all = await residentsRepo.listHamletResidents(t.store().db, hamletId);
    const changed = all.find((r) => r.fullName === people[1]!.fullName)!;
    expect([changed.residence, changed.address]).toEqual(['temporary', 'Số 99, đường Mới']);
    const history = await residentsRepo.listEvents(t.store().db, changed.id);
    expect(history.map((e) => e.kind)).toEqual(['imported']);
  });

  it('a failure midway writes nothing: no resident, no household, no batch, no audit event', async () => {
    let calls = 0;
    // The audit event is written last, after every resident: make it fail.
    const failing = createContext(t.store(), () => {
      calls++;
      if (calls > 1) throw new Error('disk full');
      return fixedNow();
    });
    const other = await territory.createHamlet(t.ctx(), officer, COMMUNE, { name: 'Thôn 2', kind: 'thon' });
    if (!other.ok) throw new Error(other.error.message);
    const fresh = people.map((p) => ({ ...p, personalId: null, householdCode: `X-${p.householdCode}` }));
    const before = await t.store().db.selectFrom('audit_events').select('seq').execute();
    await expect(
      residentsImport.confirmResidentImport(failing, officer, other.value.id, writeResidentsCsv(fresh)),
    ).rejects.toThrow('disk full');
    expect(await residentsRepo.listHamletResidents(t.store().db, other.value.id)).toEqual([]);
    expect(await residentsRepo.listHamletHouseholds(t.store().db, other.value.id)).toEqual([]);
    expect(await residentsRepo.listImportBatches(t.store().db, other.value.id)).toEqual([]);
    expect(await t.store().db.selectFrom('audit_events').select('seq').execute()).toHaveLength(before.length);
  });

  it('rejects every bad row with its line, field and a Vietnamese reason, and writes only the good ones', async () => {
    const header =
      'Mã hộ,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Quan hệ với chủ hộ,Loại cư trú,Năng lực hành vi dân sự';
    const owner = people[0]!;
    const taken = owner.personalId!;
    const dmy = owner.birthDate.split('-').reverse().join('/');
    const sexText = owner.sex === 'male' ? 'Nam' : 'Nữ';
    const file = csv(
      [
        header,
        'B-1,Lê Văn Bình,12/03/1970,Nam,,Chủ hộ,Thường trú,',
        'B-1,,01/01/1990,Nữ,,Vợ,Thường trú,', // no name
        'B-1,Lê Thị C,31/02/1990,Nữ,,Con,Thường trú,', // impossible date
        'B-1,Lê Thị D,01/01/1995,Không rõ,,Con,Thường trú,', // sex
        'B-1,Lê Thị E,01/01/1995,Nữ,123456789,Con,Thường trú,', // old 9-digit ID
        `B-1,Lê Thị F,${dmy},${sexText},${taken},Con,Thường trú,`, // ID stored in another hamlet
        'B-1,Lê Thị G,01/01/2095,Nữ,,Con,Thường trú,', // future
        'B-1,Lê Thị H,01/01/1995,Nữ,,Bạn,Thường trú,', // relation
        'B-1,Lê Thị I,01/01/1995,Nữ,,Con,Vãng lai,', // residence
        'B-1,Lê Thị K,01/01/1995,Nữ,,Con,Thường trú,Kém', // capacity
        'B-2,Lê Văn L,01/01/1960,Nam,,Con,Thường trú,', // household without head
        'B-1,Lê Văn M,01/01/1961,Nam,,Chủ hộ,Thường trú,', // second head
      ].join('\n'),
    );
    const other = await territory.createHamlet(t.ctx(), officer, COMMUNE, { name: 'Thôn 3', kind: 'thon' });
    if (!other.ok) throw new Error(other.error.message);
    const preview = await residentsImport.previewResidentImport(t.ctx(), officer, other.value.id, file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'fullName'],
      [4, 'birthDate'],
      [5, 'sex'],
      [6, 'personalId'],
      [7, 'personalId'],
      [8, 'birthDate'],
      [9, 'relation'],
      [10, 'residence'],
      [11, 'legalCapacity'],
      [12, 'relation'],
      [13, 'relation'],
    ]);
    expect(preview.value.rejected[0]!.message).toBe("Dòng 3, cột 'Họ và tên': chưa nhập họ và tên.");
    expect(preview.value.rejected[4]!.message).toContain('Thôn 1');
    expect(preview.value.accepted).toBe(1);
    const done = await residentsImport.confirmResidentImport(t.ctx(), officer, other.value.id, file);
    expect(done.ok && done.value.added).toBe(1);
  });

  it('lets the officer map columns whose headers differ from the template', async () => {
    const file = csv('Hộ,Tên người,Sinh,Phái,QH,Cư trú\nZ-1,Đỗ Văn Nam,1980-05-05,Nam,Chủ hộ,Thường trú\n');
    const other = await territory.createHamlet(t.ctx(), officer, COMMUNE, { name: 'Thôn 4', kind: 'thon' });
    if (!other.ok) throw new Error(other.error.message);
    const first = await residentsImport.previewResidentImport(t.ctx(), officer, other.value.id, file);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.headers).toEqual(['Hộ', 'Tên người', 'Sinh', 'Phái', 'QH', 'Cư trú']);
    expect(first.value.missing).toEqual(['householdCode', 'fullName', 'birthDate', 'relation']);
    expect(first.value.columns).toEqual([null, null, null, 'sex', null, 'residence']);
    const mapped = await residentsImport.previewResidentImport(t.ctx(), officer, other.value.id, file, {
      mapping: { 0: 'householdCode', 1: 'fullName', 2: 'birthDate', 4: 'relation' },
    });
    if (!mapped.ok) throw new Error(mapped.error.message);
    expect([mapped.value.missing, mapped.value.accepted, mapped.value.toAdd[0]?.fullName]).toEqual([
      [],
      1,
      'Đỗ Văn Nam',
    ]);
  });

  it('converts a file typed in TCVN3 and says so', async () => {
    const file = writeResidentsCsv(lastHousehold, { legacy: 'tcvn3' });
    const preview = await residentsImport.previewResidentImport(t.ctx(), officer, hamletId, file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.converted).toBe('tcvn3');
    expect([preview.value.toAddCount, preview.value.toChangeCount, preview.value.unchanged]).toEqual([
      0,
      0,
      lastHousehold.length,
    ]);
  });

  it('a list without the residence-type column imports with the default shown in the preview, the officer may change it, and the people are marked assumed', async () => {
    const made = await territory.createHamlet(t.ctx(), officer, COMMUNE, {
      name: 'Thôn Không Cột',
      kind: 'thon',
    });
    if (!made.ok) throw new Error(made.error.message);
    const hamlet2 = made.value.id;
    const list = people
      .slice(0, 6)
      .map((p) => ({ ...p, householdCode: `X-${p.householdCode}`, personalId: null }));
    const households = new Set(list.map((p) => p.householdCode));
    const heads = list.filter((p) => p.relation === 'head').map((p) => p.householdCode);
    const complete = list.filter((p) => heads.includes(p.householdCode));
    expect(households.size).toBeGreaterThan(0);
    for (const legacy of [undefined, 'tcvn3', 'vni'] as const) {
      const file = writeResidentsCsv(complete, { omit: ['residence'], ...(legacy ? { legacy } : {}) });
      const preview = await residentsImport.previewResidentImport(t.ctx(), officer, hamlet2, file);
      if (!preview.ok) throw new Error(preview.error.message);
      expect(preview.value.converted).toBe(legacy ?? null);
      expect(preview.value.missing).toEqual([]);
      expect(preview.value.rejected).toEqual([]);
      expect(preview.value.residenceDefault).toEqual({
        columnPresent: false,
        value: 'permanent',
        assumed: complete.length,
      });
    }
    const file = new Uint8Array(await writeResidentsXlsx(complete, { omit: ['residence'] }));
    const temporary = await residentsImport.previewResidentImport(t.ctx(), officer, hamlet2, file, {
      residenceDefault: 'temporary',
    });
    expect(temporary.ok && temporary.value.residenceDefault.value).toBe('temporary');
    expect(await residentsRepo.listHamletResidents(t.store().db, hamlet2)).toEqual([]);

    const done = await residentsImport.confirmResidentImport(t.ctx(), officer, hamlet2, file);
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.added).toBe(complete.length);
    const stored = await residentsRepo.listHamletResidents(t.store().db, hamlet2);
    expect(stored.every((r) => r.residence === 'permanent' && r.residenceAssumed)).toBe(true);
    // An officer who saves a person's details states the residence: it is no longer an assumption.
    const others = stored.filter((p) => p.fullName !== complete[0]!.fullName);
    const one = await residentsImport.getResident(t.ctx(), officer, others[0]!.id);
    if (!one.ok) throw new Error(one.error.message);
    expect(one.value.resident.residenceAssumed).toBe(true);
    const r = one.value.resident;
    const edited = await residentsImport.editResident(t.ctx(), officer, r.id, {
      fullName: r.fullName,
      birthDate: r.birthDate,
      sex: r.sex,
      personalId: r.personalId,
      relation: r.relation,
      residence: r.residence,
      legalCapacity: r.legalCapacity,
      reason: 'Đã xác minh thường trú',
      version: r.version,
    });
    expect(edited.ok && edited.value.changed).toEqual(['residence']);
    const checked = await residentsImport.getResident(t.ctx(), officer, r.id);
    expect(checked.ok && checked.value.resident.residenceAssumed).toBe(false);
    // Without a reason nothing is written and the assumption stays.
    const second = others[1]!;
    const unreasoned = await residentsImport.editResident(t.ctx(), officer, second.id, {
      fullName: second.fullName,
      birthDate: second.birthDate,
      sex: second.sex,
      relation: second.relation,
      residence: second.residence,
    });
    expect(!unreasoned.ok && unreasoned.error.code).toBe('invalid-input');
    const still = await residentsImport.getResident(t.ctx(), officer, second.id);
    expect(still.ok && still.value.resident.residenceAssumed).toBe(true);

    // Importing the same list again does not turn an assumption into a change.
    const again = await residentsImport.previewResidentImport(t.ctx(), officer, hamlet2, file);
    expect(again.ok && [again.value.toChangeCount, again.value.unchanged]).toEqual([0, complete.length]);
    // A list that states the residence confirms it, and says what changed in words.
    const stated = complete.map((p, i) => ({
      ...p,
      residence: i === 0 ? ('temporary' as const) : ('permanent' as const),
    }));
    const withColumn = writeResidentsCsv(stated);
    const confirmed = await residentsImport.previewResidentImport(t.ctx(), officer, hamlet2, withColumn);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    expect(confirmed.value.residenceDefault).toEqual({ columnPresent: true, value: 'permanent', assumed: 0 });
    // Everyone but the person whose residence the officer already confirmed by hand.
    expect(confirmed.value.toChangeCount).toBe(complete.length - 1);
    expect(confirmed.value.toChange.find((c) => c.fullName === stated[0]!.fullName)?.changes).toEqual([
      { field: 'residence', label: 'Loại cư trú', before: 'Thường trú (giả định)', after: 'Tạm trú' },
    ]);
    await residentsImport.confirmResidentImport(t.ctx(), officer, hamlet2, withColumn);
    const after = await residentsRepo.listHamletResidents(t.store().db, hamlet2);
    expect(after.filter((r) => r.residenceAssumed)).toEqual([]);
    expect(after.find((r) => r.fullName === stated[0]!.fullName)?.residence).toBe('temporary');
    // And a later list without the column never overwrites what an earlier one stated.
    const later = await residentsImport.previewResidentImport(t.ctx(), officer, hamlet2, file);
    expect(later.ok && later.value.toChangeCount).toBe(0);
  });

  it('refuses a province viewer and an officer of another commune', async () => {
    const file = writeResidentsCsv(people.slice(0, 1));
    const viewer = await residentsImport.previewResidentImport(
      t.ctx(),
      aProvinceViewer('68'),
      hamletId,
      file,
    );
    expect(!viewer.ok && viewer.error.code).toBe('forbidden');
    const stranger = await residentsImport.confirmResidentImport(
      t.ctx(),
      aCommuneOfficer('24820'),
      hamletId,
      file,
    );
    expect(!stranger.ok && stranger.error.code).toBe('forbidden');
  });
});
