import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { demo, documents, people, roll, territory } from '../../src/services';
import type { Actor } from '../../src/services';
import { postedRoll } from '../../src/services/polling/roll-entries';
import { writeResidentsCsv } from '../../src/io';
import { elections as electionsRepo, territory as territoryRepo } from '../../src/store';
import { describeEachDatabase } from '../support/databases';
import { sealFixture } from '../support/sealed-fixture';
import { expectEveryTamperFound } from '../support/tamper';
import { aCommuneOfficer, aProvinceViewer, aTeamMember } from '../support/actors';

const officer = aCommuneOfficer('24820');
/** A clock at 10:00 in Vietnam on the given civil day. */
const on = (day: string) => () => new Date(`${day}T03:00:00.000Z`);
const ELECTION_DAY = '2024-11-17';

interface Person {
  name: string;
  birth: string;
  group: string;
  relation?: string;
  household?: string;
  residence?: 'permanent' | 'temporary';
  capacity?: 'full' | 'restricted' | 'none';
}

describeEachDatabase('voter roll', (t) => {
  let hamletId = '';
  let electionId = '';
  const ids = new Map<string, { id: string; householdId: string }>();

  async function add(p: Person) {
    const groups = await territoryRepo.listResidentGroups(t.store().db, hamletId);
    const household = p.household ? ids.get(p.household)?.householdId : undefined;
    const made = await people.addResident(t.ctx(), officer, hamletId, {
      fullName: p.name,
      birthDate: p.birth,
      sex: / Thị /.test(p.name) ? 'female' : 'male',
      relation: p.relation ?? 'head',
      residence: p.residence ?? 'permanent',
      legalCapacity: p.capacity ?? 'full',
      ...(household
        ? { householdId: household }
        : {
            newHousehold: {
              code: `T-${ids.size + 1}`,
              address: `Số ${ids.size + 1} đường Lê Lợi`,
              residentGroupId: groups.find((g) => g.name === p.group)!.id,
            },
          }),
    });
    if (!made.ok) throw new Error(made.error.message);
    ids.set(p.name, made.value);
    return made.value;
  }
  const id = (name: string) => ids.get(name)!.id;

  /** A planned election of the head under the Quảng Trị 2016 profile, written as the plan would. */
  async function quangTriElection(hamlet: string): Promise<string> {
    const election = randomUUID();
    await electionsRepo.insertElection(t.store().db, {
      id: election,
      hamletId: hamlet,
      position: 'head',
      termLabel: '2024-2027',
      profileId: 'quang-tri-2016',
      electionDate: ELECTION_DAY,
      state: 'planned',
      round: 1,
      createdAt: '2024-10-01T00:00:00.000Z',
    });
    return election;
  }

  it('sets up a hamlet with residents\u2019 groups and a Quảng Trị 2016 election', async () => {
    await demo.loadDemo(t.ctx());
    const h = await territory.createHamlet(t.ctx(), officer, '24820', {
      name: 'Thôn Thử Nghiệm',
      kind: 'thon',
      residentGroups: ['Tổ 10', 'Tổ 2', 'Tổ 1'],
    });
    if (!h.ok) throw new Error(h.error.message);
    hamletId = h.value.id;
    // Tổ 1: six one-person households whose order tests the Vietnamese sort.
    for (const name of [
      'Vũ Văn An',
      'Trương Minh Đức',
      'Nguyễn Thị Dung',
      'Đặng Thị Ánh',
      'Bùi Văn An',
      'Bùi Thị An',
    ])
      await add({ name, birth: '1980-05-05', group: 'Tổ 1' });
    await add({ name: 'Nguyễn Văn Hải', birth: '1970-01-01', group: 'Tổ 2' });
    await add({
      name: 'Trần Thị Bình',
      birth: '1972-01-01',
      group: 'Tổ 2',
      relation: 'spouse',
      household: 'Nguyễn Văn Hải',
    });
    // 18 on 2024-11-18: one day short on election day.
    await add({
      name: 'Nguyễn Văn Cường',
      birth: '2006-11-18',
      group: 'Tổ 2',
      relation: 'child',
      household: 'Nguyễn Văn Hải',
    });
    await add({
      name: 'Nguyễn Thị Mai',
      birth: '2006-11-17',
      group: 'Tổ 2',
      relation: 'child',
      household: 'Nguyễn Văn Hải',
    });
    await add({ name: 'Lê Văn Tám', birth: '1960-01-01', group: 'Tổ 10', residence: 'temporary' });
    await add({
      name: 'Lê Thị Hoa',
      birth: '1962-01-01',
      group: 'Tổ 10',
      relation: 'spouse',
      household: 'Lê Văn Tám',
      capacity: 'none',
    });
    await add({
      name: 'Lê Văn Sáu',
      birth: '1990-01-01',
      group: 'Tổ 10',
      relation: 'child',
      household: 'Lê Văn Tám',
    });
    electionId = await quangTriElection(hamletId);
  });

  it('QĐ 01/2016 Quảng Trị Điều 14 k2: the chair decides the electorate; without a decision the build is refused', async () => {
    const none = await roll.buildRoll(t.ctx(), officer, electionId, {});
    expect(!none.ok && none.error.code).toBe('electorate-undecided');
    expect(!none.ok && none.error.message).toContain('Điều 14');
    const noRef = await roll.buildRoll(t.ctx(), officer, electionId, { electorate: 'allVoters' });
    expect(!noRef.ok && noRef.error.field).toBe('decisionReference');
    const bad = await roll.buildRoll(t.ctx(), officer, electionId, {
      electorate: 'everyone' as never,
      decisionReference: 'x',
    });
    expect(!bad.ok && bad.error.field).toBe('electorate');
    const viewer = await roll.buildRoll(t.ctx(), aProvinceViewer('68'), electionId, {
      electorate: 'allVoters',
      decisionReference: 'QĐ 12/QĐ-UBND ngày 01/10/2024',
    });
    expect(!viewer.ok && viewer.error.code).toBe('forbidden');
  });

  it('QĐ 01/2016 Quảng Trị Điều 14 k2, k3: all voters, sorted by given, family, middle name within groups, with each exclusion explained', async () => {
    const built = await roll.buildRoll(t.ctx(), officer, electionId, {
      electorate: 'allVoters',
      decisionReference: 'QĐ 12/QĐ-UBND ngày 01/10/2024',
    });
    if (!built.ok) throw new Error(built.error.message);
    const v = built.value;
    expect(v.roll?.electorate).toBe('allVoters');
    expect(v.roll?.decision).toMatchObject({
      source: 'decision',
      decidedBy: 'chair',
      reference: 'QĐ 12/QĐ-UBND ngày 01/10/2024',
    });
    expect(v.roll?.decision?.citation).toContain('Điều 14');
    expect(v.groups.map((g) => g.name)).toEqual(['Tổ 1', 'Tổ 2', 'Tổ 10']);
    expect(v.groups[0]!.entries.map((e) => e.fullName)).toEqual([
      'Bùi Thị An',
      'Bùi Văn An',
      'Vũ Văn An',
      'Đặng Thị Ánh',
      'Nguyễn Thị Dung',
      'Trương Minh Đức',
    ]);
    expect(v.groups[1]!.entries.map((e) => e.fullName)).toEqual([
      'Trần Thị Bình',
      'Nguyễn Văn Hải',
      'Nguyễn Thị Mai',
    ]);
    expect(v.groups[2]!.entries.map((e) => e.fullName)).toEqual(['Lê Văn Sáu']);
    const numbers = v.groups.flatMap((g) => g.entries.map((e) => e.rollNumber));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const why = new Map(v.excluded.map((e) => [e.fullName, e.reasons]));
    expect([...why.keys()].sort()).toEqual(['Lê Thị Hoa', 'Lê Văn Tám', 'Nguyễn Văn Cường']);
    expect(why.get('Nguyễn Văn Cường')!.map((r) => r.code)).toEqual(['voter-too-young']);
    expect(why.get('Nguyễn Văn Cường')![0]!.rule).toBe('voter.minAge');
    expect(why.get('Nguyễn Văn Cường')![0]!.citation).toContain('Điều 14');
    expect(why.get('Lê Văn Tám')!.map((r) => r.code)).toEqual(['voter-residence']);
    expect(why.get('Lê Thị Hoa')!.map((r) => r.code)).toEqual(['voter-excluded-lostLegalCapacity']);
    expect(v.excluded.every((e) => e.rollNumber === null)).toBe(true);
    expect(v.counts).toEqual({
      registered: 10,
      byGroup: [
        { group: 'Tổ 1', registered: 6 },
        { group: 'Tổ 2', registered: 3 },
        { group: 'Tổ 10', registered: 1 },
      ],
    });
  });

  it('QĐ 01/2016 Quảng Trị Điều 14 k2: household representatives, the head by default, the chosen one otherwise, and households without one listed for the officers', async () => {
    const chosen = await people.chooseRepresentative(
      t.ctx(),
      officer,
      ids.get('Nguyễn Văn Hải')!.householdId,
      {
        residentId: id('Trần Thị Bình'),
        reason: 'Chủ hộ đi làm ăn xa, các thành viên thống nhất cử',
      },
    );
    if (!chosen.ok) throw new Error(chosen.error.message);
    const built = await roll.buildRoll(t.ctx(), officer, electionId, {
      electorate: 'householdRepresentatives',
      decisionReference: 'QĐ 13/QĐ-UBND ngày 02/10/2024',
    });
    if (!built.ok) throw new Error(built.error.message);
    const v = built.value;
    expect(v.groups.flatMap((g) => g.entries.map((e) => e.fullName))).toEqual([
      'Bùi Thị An',
      'Bùi Văn An',
      'Vũ Văn An',
      'Đặng Thị Ánh',
      'Nguyễn Thị Dung',
      'Trương Minh Đức',
      'Trần Thị Bình',
    ]);
    expect(v.excluded.map((e) => e.fullName)).toEqual(['Lê Văn Tám']);
    expect(v.excluded[0]!.reasons.map((r) => r.code)).toEqual([
      'voter-residence',
      'household-choose-representative',
    ]);
    expect(v.counts.registered).toBe(7);
  });

  it('a fixed electorate cannot be changed: NĐ 59/2023 Điều 3 k2 household representatives', async () => {
    const other = randomUUID();
    await electionsRepo.insertElection(t.store().db, {
      id: other,
      hamletId,
      position: 'deputyHead',
      termLabel: '2024-2027',
      profileId: 'nd59-2023',
      electionDate: ELECTION_DAY,
      state: 'planned',
      round: 1,
      createdAt: '2024-10-01T00:00:00.000Z',
    });
    const refused = await roll.buildRoll(t.ctx(), officer, other, {
      electorate: 'allVoters',
      decisionReference: 'x',
    });
    expect(!refused.ok && refused.error.code).toBe('electorate-fixed');
    const built = await roll.buildRoll(t.ctx(), officer, other);
    expect(built.ok && built.value.roll?.decision?.source).toBe('profile');
    expect(built.ok && built.value.roll?.electorate).toBe('householdRepresentatives');
  });

  it('refuses amendments, cards and posting before the roll may be posted', async () => {
    const amend = await roll.amendRoll(t.ctx(), officer, electionId, {
      kind: 'remove',
      residentId: id('Bùi Văn An'),
      reason: 'x',
      approvedBy: 'y',
    });
    expect(!amend.ok && amend.error.field).toBe('roll');
    const cards = await roll.issueVoterCards(t.ctx(), officer, electionId);
    expect(!cards.ok && cards.error.field).toBe('roll');
    // The lifecycle's order: the roll is posted after the election team is formed.
    const early = await roll.postRoll(t.ctx(on('2024-11-10')), officer, electionId);
    expect(!early.ok && early.error.code).toBe('invalid-transition');
  });

  it('QĐ 01/2016 Quảng Trị Điều 15 k1g: posting after D-5 needs the chair\u2019s override; posting freezes snapshot 1 and records the step', async () => {
    await t
      .store()
      .db.updateTable('elections')
      .set({ state: 'teamFormed' })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(t.ctx(), 'fixture', null);
    const future = await roll.postRoll(t.ctx(on('2024-11-10')), officer, electionId, {
      postedOn: '2024-11-11',
    });
    expect(!future.ok && future.error.field).toBe('postedOn');
    const late = await roll.postRoll(t.ctx(on('2024-11-13')), officer, electionId);
    expect(!late.ok && late.error.code).toBe('deadline-passed');
    const posted = await roll.postRoll(t.ctx(on('2024-11-13')), officer, electionId, {
      override: { authorisedBy: 'Lê Thanh Bình', reason: 'Hộ mới chuyển đến, phải rà soát lại danh sách' },
    });
    if (!posted.ok) throw new Error(posted.error.message);
    expect(posted.value.roll?.state).toBe('posted');
    expect(posted.value.electionState).toBe('rollPosted');
    expect(posted.value.snapshots).toEqual([
      { number: 1, kind: 'posted', postedOn: '2024-11-13', registered: 7, amendmentSeq: null },
    ]);
    const again = await roll.postRoll(t.ctx(on('2024-11-13')), officer, electionId);
    expect(!again.ok && again.error.code).toBe('conflict');
    const rebuild = await roll.buildRoll(t.ctx(), officer, electionId, {});
    expect(!rebuild.ok && rebuild.error.code).toBe('conflict');
    // The polling adapter reads the same roll.
    const adapter = await postedRoll(t.store().db, electionId);
    expect(adapter?.registered).toBe(7);
    expect(adapter?.entries.map((e) => e.rollNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(adapter?.entries[6]).toMatchObject({ fullName: 'Trần Thị Bình', residentGroup: 'Tổ 2' });
  });

  it('amends the posted roll with reason and approver; every refusal names its cause; counts follow', async () => {
    const ctx = t.ctx(on('2024-11-14'));
    const noReason = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'remove',
      residentId: id('Bùi Văn An'),
      reason: ' ',
      approvedBy: 'A',
    });
    expect(!noReason.ok && noReason.error.field).toBe('reason');
    const noApprover = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'remove',
      residentId: id('Bùi Văn An'),
      reason: 'Chuyển đi',
      approvedBy: '',
    });
    expect(!noApprover.ok && noApprover.error.field).toBe('approvedBy');
    const notListed = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'remove',
      residentId: id('Lê Văn Tám'),
      reason: 'x',
      approvedBy: 'A',
    });
    expect(!notListed.ok && notListed.error.field).toBe('residentId');
    const represented = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'add',
      residentId: id('Nguyễn Văn Hải'),
      reason: 'Bổ sung',
      approvedBy: 'A',
    });
    expect(!represented.ok && represented.error.code).toBe('household-already-represented');
    const ineligible = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'add',
      residentId: id('Lê Thị Hoa'),
      reason: 'Bổ sung',
      approvedBy: 'A',
    });
    expect(!ineligible.ok && ineligible.error.message).toContain('năng lực hành vi dân sự');
    const viewer = await roll.amendRoll(ctx, aProvinceViewer('68'), electionId, {
      kind: 'remove',
      residentId: id('Bùi Văn An'),
      reason: 'x',
      approvedBy: 'A',
    });
    expect(!viewer.ok && viewer.error.code).toBe('forbidden');

    const fresh = await add({ name: 'Hồ Văn Minh', birth: '1985-03-03', group: 'Tổ 2' });
    const added = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'add',
      residentId: fresh.id,
      reason: 'Hộ mới chuyển đến thường trú ngày 12/11/2024',
      approvedBy: 'Phạm Văn Hùng',
    });
    if (!added.ok) throw new Error(added.error.message);
    const minh = added.value.groups.flatMap((g) => g.entries).find((e) => e.fullName === 'Hồ Văn Minh');
    expect(minh).toMatchObject({ rollNumber: 8, amendmentSeq: 1, residentGroup: 'Tổ 2' });
    const removed = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'remove',
      residentId: id('Bùi Văn An'),
      reason: 'Đã chuyển đi nơi khác',
      approvedBy: 'Phạm Văn Hùng',
    });
    if (!removed.ok) throw new Error(removed.error.message);
    expect(removed.value.removed.map((e) => [e.fullName, e.rollNumber])).toEqual([['Bùi Văn An', 2]]);
    const corrected = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'correct',
      residentId: id('Vũ Văn An'),
      reason: 'Sai chính tả tên',
      approvedBy: 'Phạm Văn Hùng',
      correction: { fullName: 'Vũ Văn Ân' },
    });
    if (!corrected.ok) throw new Error(corrected.error.message);
    const nothing = await roll.amendRoll(ctx, officer, electionId, {
      kind: 'correct',
      residentId: id('Vũ Văn An'),
      reason: 'x',
      approvedBy: 'A',
      correction: { fullName: 'Vũ Văn Ân' },
    });
    expect(!nothing.ok && nothing.error.field).toBe('correction');
    const v = corrected.value;
    expect(v.amendments.map((a) => [a.seq, a.kind, a.rollNumber])).toEqual([
      [1, 'add', 8],
      [2, 'remove', 2],
      [3, 'correct', 3],
    ]);
    expect(v.amendments[2]!.changes).toEqual({ fullName: { from: 'Vũ Văn An', to: 'Vũ Văn Ân' } });
    // Numbers never change once posted: 2 stays retired, Ân keeps 3.
    expect(v.groups[0]!.entries.map((e) => [e.fullName, e.rollNumber])).toContainEqual(['Vũ Văn Ân', 3]);
    expect(v.counts.registered).toBe(7);
    expect(v.snapshots.map((s) => [s.number, s.kind, s.registered, s.amendmentSeq])).toEqual([
      [1, 'posted', 7, null],
      [2, 'amended', 8, 1],
      [3, 'amended', 7, 2],
      [4, 'amended', 7, 3],
    ]);
    const counts = await roll.rollCounts(t.ctx(), aTeamMember(electionId), electionId);
    expect(counts.ok && counts.value).toMatchObject({ registered: 7, posted: true, snapshotNumber: 4 });
    expect(counts.ok && counts.value.byGroup).toEqual([
      { group: 'Tổ 1', registered: 5 },
      { group: 'Tổ 2', registered: 2 },
    ]);
    const adapter = await postedRoll(t.store().db, electionId);
    expect(adapter?.registered).toBe(7);
    expect(adapter?.entries.find((e) => e.rollNumber === 3)?.fullName).toBe('Vũ Văn Ân');
  });

  it('QĐ 01/2016 Quảng Trị Điều 15 k1h: an amendment after the cut-off (24 hours before election day) is refused, and accepted with the chair\u2019s override', async () => {
    const lastDay = await roll.amendRoll(t.ctx(on('2024-11-16')), officer, electionId, {
      kind: 'correct',
      residentId: id('Bùi Thị An'),
      reason: 'Sai địa chỉ',
      approvedBy: 'Phạm Văn Hùng',
      correction: { address: 'Số 1A đường Lê Lợi' },
    });
    expect(lastDay.ok).toBe(true);
    const day = t.ctx(on(ELECTION_DAY));
    const input = {
      kind: 'remove' as const,
      residentId: id('Đặng Thị Ánh'),
      reason: 'Qua đời ngày 16/11/2024',
      approvedBy: 'Phạm Văn Hùng',
    };
    const refused = await roll.amendRoll(day, officer, electionId, input);
    expect(!refused.ok && refused.error.code).toBe('amendment-cutoff-passed');
    expect(!refused.ok && refused.error.message).toContain('16/11/2024');
    expect(!refused.ok && refused.error.details).toMatchObject({ rule: 'timeline.amend-lists' });
    expect(!refused.ok && refused.error.message).toContain('Điều 15');
    const weak = await roll.amendRoll(day, officer, electionId, {
      ...input,
      override: { chairName: 'Lê Thanh Bình', reason: 'ok' },
    });
    expect(!weak.ok && weak.error.field).toBe('override.reason');
    const unnamed = await roll.amendRoll(day, officer, electionId, {
      ...input,
      override: { chairName: ' ', reason: 'Người có tên đã qua đời' },
    });
    expect(!unnamed.ok && unnamed.error.field).toBe('override.chairName');
    const accepted = await roll.amendRoll(day, officer, electionId, {
      ...input,
      override: { chairName: 'Lê Thanh Bình', reason: 'Người có tên đã qua đời trước ngày bầu cử' },
    });
    if (!accepted.ok) throw new Error(accepted.error.message);
    const last = accepted.value.amendments[accepted.value.amendments.length - 1]!;
    expect(last.chairOverride).toEqual({
      chairName: 'Lê Thanh Bình',
      reason: 'Người có tên đã qua đời trước ngày bầu cử',
    });
    expect(accepted.value.counts.registered).toBe(6);
    expect(accepted.value.cutoff).toMatchObject({
      stepId: 'amend-lists',
      lastDay: '2024-11-16',
      passed: true,
    });
  });

  it('refuses amendments once the count has used the roll', async () => {
    const db = t.store().db;
    await db.updateTable('elections').set({ state: 'counted' }).where('id', '=', electionId).execute();
    await sealFixture(t.ctx(), 'fixture', null);
    const refused = await roll.amendRoll(t.ctx(on(ELECTION_DAY)), officer, electionId, {
      kind: 'remove',
      residentId: id('Nguyễn Thị Dung'),
      reason: 'x',
      approvedBy: 'A',
      override: { chairName: 'Lê Thanh Bình', reason: 'Người có tên đã qua đời' },
    });
    expect(!refused.ok && refused.error.code).toBe('conflict');
    await db.updateTable('elections').set({ state: 'rollPosted' }).where('id', '=', electionId).execute();
    await sealFixture(t.ctx(), 'fixture', null);
  });

  it('exports the roll as XLSX with its amendments and exclusions, issues the PDF roll and the voter cards, and versions reprints', async () => {
    const ctx = t.ctx(on(ELECTION_DAY));
    const xlsx = await roll.rollXlsx(ctx, aProvinceViewer('68'), electionId);
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.value.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Danh sách cử tri',
      'Số cử tri theo tổ',
      'Sửa đổi, bổ sung',
      'Không ghi tên (nội bộ)',
    ]);
    const sheet = wb.getWorksheet('Danh sách cử tri')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('Bùi Thị An');
    expect(sheet.rowCount).toBe(1 + 6);
    expect(wb.getWorksheet('Sửa đổi, bổ sung')!.rowCount).toBe(1 + 5);
    expect(xlsx.value.fileName).toBe('danh-sach-cu-tri-thon-thu-nghiem.xlsx');

    const viewer = await roll.issueRollDocument(ctx, aProvinceViewer('68'), electionId);
    expect(!viewer.ok && viewer.error.code).toBe('forbidden');
    const first = await roll.issueRollDocument(ctx, officer, electionId);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({
      form_id: 'voter-roll',
      election_id: electionId,
      hamlet_id: hamletId,
      version: 1,
    });
    const second = await roll.issueRollDocument(ctx, officer, electionId);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value).toMatchObject({ version: 2, replaces_id: first.value.id });
    const pdf = await documents.downloadDocument(ctx, officer, second.value.id, 'pdf');
    expect(pdf.ok && pdf.value.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const cards = await roll.issueVoterCards(ctx, officer, electionId);
    if (!cards.ok) throw new Error(cards.error.message);
    expect(cards.value.title).toBe('Thẻ cử tri Thôn Thử Nghiệm (6 thẻ)');
  });

  it('a team member of another election may not read this roll', async () => {
    const other: Actor = aTeamMember(randomUUID());
    const read = await roll.getRoll(t.ctx(), other, electionId);
    expect(!read.ok && read.error.code).toBe('forbidden');
  });

  it('QĐ 01/2016 Quảng Trị Điều 14: where the profile asks for permanent residence, the roll shows who an import assumed permanent', async () => {
    const h = await territory.createHamlet(t.ctx(), officer, '24820', {
      name: 'Thôn Danh Sách Hộ',
      kind: 'thon',
    });
    if (!h.ok) throw new Error(h.error.message);
    const member = {
      birthDate: '1970-03-03',
      personalId: null,
      legalCapacity: 'full',
      residence: 'permanent',
    } as const;
    const list = [
      { ...member, householdCode: 'H-1', fullName: 'Phan Văn Lộc', sex: 'male', relation: 'head' },
      { ...member, householdCode: 'H-1', fullName: 'Phan Thị Lan', sex: 'female', relation: 'spouse' },
    ] as const;
    const file = writeResidentsCsv(
      list.map((p) => ({ ...p, residentGroup: null, address: 'Số 1 đường Lê Lợi' })),
      { omit: ['residence'] },
    );
    const imported = await people.confirmResidentImport(t.ctx(), officer, h.value.id, file);
    if (!imported.ok) throw new Error(imported.error.message);
    const assumedElection = await quangTriElection(h.value.id);
    await sealFixture(t.ctx(), 'fixture', assumedElection);
    const built = await roll.buildRoll(t.ctx(), officer, assumedElection, {
      electorate: 'allVoters',
      decisionReference: 'QĐ 13/QĐ-UBND ngày 01/10/2024',
    });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.residence).toMatchObject({ required: true, assumed: 2 });
    expect(built.value.residence.citation).toContain('Điều 14');
    const listed = built.value.groups.flatMap((g) => g.entries);
    expect(listed.map((e) => [e.fullName, e.residenceAssumed])).toEqual([
      ['Phan Thị Lan', true],
      ['Phan Văn Lộc', true],
    ]);
    // The first roll of this block has people an officer entered: none of them is assumed.
    const first = await roll.getRoll(t.ctx(), officer, electionId);
    expect(first.ok && first.value.residence.assumed).toBe(0);
  });

  it('finds an edit, a delete and an insert made outside the application in voter_roll_amendments, household_representatives and deadline_overrides', async () => {
    await expectEveryTamperFound(t.store(), 'voter_roll_amendments');
    await expectEveryTamperFound(t.store(), 'household_representatives');
    await expectEveryTamperFound(t.store(), 'deadline_overrides');
  });
});
