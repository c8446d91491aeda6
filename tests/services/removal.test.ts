import { expect, it } from 'vitest';
import { office, removal } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { expectEveryTamperFound } from '../support/tamper';
import { WARD, adults, at, loadWard } from './office-support';

const officer = aCommuneOfficer(WARD);
const front = { ...aCommuneOfficer(WARD), role: 'frontOfficer' as const, userId: 'u-front' };

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));

async function householdsOf(ctx: ServiceContext, hamletId: string) {
  return ctx.store.db
    .selectFrom('households as h')
    .innerJoin('residents as r', 'r.household_id', 'h.id')
    .select(['h.id', 'r.full_name'])
    .where('h.hamlet_id', '=', hamletId)
    .where('r.relation', '=', 'head')
    .orderBy('h.code')
    .execute();
}

async function headTerm(ctx: ServiceContext, hamletName: string) {
  const reg = await office.getRegister(ctx, officer, WARD);
  if (!reg.ok) throw new Error(reg.error.message);
  const h = reg.value.hamlets.find((x) => x.name === hamletName)!;
  return { hamlet: h, term: h.current.find((c) => c.position === 'head')! };
}

const meeting = (over: Partial<removal.MeetingInput> = {}): removal.MeetingInput => ({
  heldOn: '2026-02-13',
  time: '08:00',
  endTime: '10:15',
  venue: 'Nhà văn hóa khu phố',
  convenorRole: 'frontCommitteeHead',
  convenorName: 'Châu Văn Long',
  secretaryName: 'Vũ Thị Kim Oanh',
  guests: ['Đại diện UBND Phường 2', 'Đại diện UBMTTQVN Phường 2'],
  present: 300,
  method: 'secret',
  countingTeam: [
    { name: 'Lý Văn Nam', role: 'Tổ trưởng' },
    { name: 'Đỗ Thị Hằng', role: 'Thành viên' },
    { name: 'Phan Hữu Quang', role: 'Thành viên' },
  ],
  witnesses: ['Ngô Văn Hải', 'Dương Thị Châu'],
  issued: 300,
  received: 300,
  valid: 298,
  approve: 250,
  disapprove: 48,
  ...over,
});

describeEachDatabase('removal from office', (t) => {
  it('sets up heads under ND59 (Khu phố 1, 2) and Tây Ninh 2019 (Khu phố 3)', async () => {
    const ctx = t.ctx(at('2026-01-05'));
    await loadWard(ctx);
    const heads = [
      ['Thôn/Tổ dân phố', 'Chức danh', 'Họ và tên', 'Ngày bắt đầu'],
      ['Khu phố 1', 'Khu phố trưởng', 'Bùi Văn Thắng', '21/11/2024'],
      ['Khu phố 2', 'Khu phố trưởng', 'Hồ Văn Tư', '21/11/2024'],
    ];
    const nd = await office.importOfficeHolders(ctx, officer, WARD, csv(heads), { confirm: true });
    if (!nd.ok) throw new Error(nd.error.message);
    const tn = await office.importOfficeHolders(
      ctx,
      officer,
      WARD,
      csv([heads[0]!, ['Khu phố 3', 'Khu phố trưởng', 'Mai Văn Sáu', '21/11/2024']]),
      { confirm: true, profileId: 'tay-ninh-2019' },
    );
    if (!tn.ok) throw new Error(tn.error.message);
    expect(nd.value.imported + tn.value.imported).toBe(3);
  });

  it('ND59 Điều 9 k1: a household petition needs at least 50% of the households; one short is refused', async () => {
    const ctx = t.ctx(at('2026-02-02'));
    const { hamlet, term } = await headTerm(ctx, 'Khu phố 1');
    const hh = await householdsOf(ctx, hamlet.id);
    expect(hh.length).toBe(hamlet.households);
    const required = Math.ceil(hamlet.households / 2);
    const sign = (n: number) => hh.slice(0, n).map((h) => ({ householdId: h.id, signerName: h.full_name }));
    const base = {
      termId: term.id,
      kind: 'release' as const,
      trigger: 'householdPetition',
      on: '2026-02-02',
      grounds: ['Không còn được tín nhiệm'],
    };
    const short = await removal.openRemoval(ctx, front, { ...base, signatures: sign(required - 1) });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.code).toBe('petition-below-threshold');
    // The same household twice counts once.
    const doubled = await removal.openRemoval(ctx, front, {
      ...base,
      signatures: [...sign(required - 1), sign(1)[0]!],
    });
    expect(doubled.ok).toBe(false);
    const r = await removal.openRemoval(ctx, front, { ...base, signatures: sign(required) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.signatures).toBe(required);
    expect(r.value.petitionRequired).toBe(required);
    expect(r.value.documents.map((d) => d.form_id)).toEqual(['removal-petition']);
  });

  it('the meeting: convenor per ND59 Điều 3 k1, counting team of 3 to 5, quorum and pass rule against the whole roll', async () => {
    const ctx = t.ctx(at('2026-02-13'));
    const list = await removal.listRemovals(ctx, officer, WARD);
    if (!list.ok) throw new Error(list.error.message);
    const c = list.value[0]!;
    const reg = c.registered!;
    const half = Math.floor(reg / 2);
    const wrongConvenor = await removal.recordRemovalMeeting(
      ctx,
      front,
      c.id,
      meeting({ registered: reg, convenorRole: 'communeChair' }),
    );
    expect(wrongConvenor.ok).toBe(false);
    if (!wrongConvenor.ok) expect(wrongConvenor.error.code).toBe('convenor-not-allowed');
    const frontHead = await removal.recordRemovalMeeting(
      ctx,
      front,
      c.id,
      meeting({ registered: reg, frontHeadIsHead: true }),
    );
    expect(frontHead.ok).toBe(false);
    const two = await removal.recordRemovalMeeting(
      ctx,
      front,
      c.id,
      meeting({ registered: reg, countingTeam: meeting().countingTeam!.slice(0, 2) }),
    );
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.error.code).toBe('counting-team-size');
    const six = [...meeting().countingTeam!, ...meeting().countingTeam!].map((m, i) => ({
      ...m,
      name: `${m.name} ${i}`,
    }));
    const tooMany = await removal.recordRemovalMeeting(
      ctx,
      front,
      c.id,
      meeting({ registered: reg, countingTeam: six }),
    );
    expect(tooMany.ok).toBe(false);
    // Pass rule: more than half of the whole roll, not of those present.
    const rejected = await removal.recordRemovalMeeting(
      ctx,
      front,
      c.id,
      meeting({
        registered: reg,
        present: half + 1,
        issued: half + 1,
        received: half + 1,
        valid: half + 1,
        approve: half,
        disapprove: 1,
      }),
    );
    if (!rejected.ok) throw new Error(rejected.error.message);
    expect(rejected.value.state).toBe('rejected');
    expect(rejected.value.data.vote?.outcome).toBe('rejected');
  });

  it('a recall passes with half plus one; recognised on the 5th working day after Tết; interim head and 60-day decision', async () => {
    const ctx = t.ctx(at('2026-02-13'));
    const { hamlet, term } = await headTerm(ctx, 'Khu phố 2');
    const hh = await householdsOf(ctx, hamlet.id);
    const reg = hamlet.households;
    const need = Math.ceil(reg / 2);
    const opened = await removal.openRemoval(ctx, front, {
      termId: term.id,
      kind: 'release',
      trigger: 'householdPetition',
      on: '2026-02-02',
      grounds: ['Không hoàn thành nhiệm vụ'],
      signatures: hh.slice(0, need).map((h) => ({ householdId: h.id, signerName: h.full_name })),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const half = Math.floor(reg / 2);
    const notQuorate = await removal.recordRemovalMeeting(
      ctx,
      front,
      opened.value.id,
      meeting({
        registered: reg,
        present: half,
        issued: half,
        received: half,
        valid: half,
        approve: half - 1,
        disapprove: 1,
      }),
    );
    if (!notQuorate.ok) throw new Error(notQuorate.error.message);
    expect(notQuorate.value.data.vote?.outcome).toBe('notQuorate');

    const again = await removal.openRemoval(ctx, front, {
      termId: term.id,
      kind: 'release',
      trigger: 'householdPetition',
      on: '2026-02-03',
      signatures: hh.slice(0, need).map((h) => ({ householdId: h.id, signerName: h.full_name })),
    });
    if (!again.ok) throw new Error(again.error.message);
    const passed = await removal.recordRemovalMeeting(
      ctx,
      front,
      again.value.id,
      meeting({ registered: reg, approve: half + 1, disapprove: 298 - half - 1 }),
    );
    if (!passed.ok) throw new Error(passed.error.message);
    expect(passed.value.state).toBe('meetingHeld');
    // Report received Friday 13/02/2026; Tết off 14–22/02: due Friday 27/02.
    expect(passed.value.recognitionDue).toBe('2026-02-27');
    expect(passed.value.documents.map((d) => d.form_id)).toEqual([
      'removal-petition',
      'removal-minutes',
      'removal-count',
    ]);

    const byFront = await removal.decideRemoval(t.ctx(at('2026-02-27')), front, again.value.id, {
      decision: 'recognise',
      on: '2026-02-27',
    });
    expect(byFront.ok).toBe(false);
    const late = await removal.decideRemoval(t.ctx(at('2026-03-02')), officer, again.value.id, {
      decision: 'recognise',
      on: '2026-03-02',
    });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.code).toBe('deadline-passed');

    const dctx = t.ctx(at('2026-02-27'));
    const [interim] = await adults(dctx, hamlet.id, 1);
    // The interim head is appointed after the decision is written: a person of another hamlet is
    // refused before it, and the case stays where it was.
    const [stranger] = await adults(dctx, (await headTerm(dctx, 'Khu phố 1')).hamlet.id, 1);
    const eventsBefore = await dctx.store.db.selectFrom('audit_events').select('id').execute();
    const refused = await removal.decideRemoval(dctx, officer, again.value.id, {
      decision: 'recognise',
      on: '2026-02-27',
      signerName: 'Lê Thanh Bình',
      interim: { residentId: stranger!.id },
    });
    expect(!refused.ok && refused.error.message).toMatch(/không cư trú tại thôn, tổ dân phố này/);
    expect(await dctx.store.db.selectFrom('audit_events').select('id').execute()).toHaveLength(
      eventsBefore.length,
    );
    const still = await removal.getRemoval(dctx, officer, again.value.id);
    expect(still.ok && still.value.state).toBe('meetingHeld');
    const done = await removal.decideRemoval(dctx, officer, again.value.id, {
      decision: 'recognise',
      on: '2026-02-27',
      signerName: 'Lê Thanh Bình',
      interim: { residentId: interim!.id },
    });
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.view.state).toBe('recognised');
    // ND59 Điều 9 k3: the commune decides the new election within 60 days of the recognition.
    expect(done.value.view.newElectionBy).toBe('2026-04-28');
    expect(done.value.view.newElectionMode).toBe('decided');
    expect(done.value.interim?.newElectionBy).toBe('2026-04-28');
    expect(done.value.view.documents.map((d) => d.form_id)).toEqual([
      'removal-petition',
      'removal-minutes',
      'removal-count',
      'removal-recognition-decision',
      'interim-head-decision',
    ]);
    const after = await headTerm(dctx, 'Khu phố 2');
    expect(after.term.basis).toBe('interim');
    const old = after.hamlet.history.find((h) => h.id === term.id)!;
    expect(old.endedOn).toBe('2026-02-27');
    expect(old.endReason).toBe('release');
  });

  it('Tây Ninh 2019 Điều 10: recall on a third of household representatives; new election held within 20 days', async () => {
    const ctx = t.ctx(at('2026-02-13'));
    const { hamlet, term } = await headTerm(ctx, 'Khu phố 3');
    const hh = await householdsOf(ctx, hamlet.id);
    const reg = hamlet.households;
    const third = Math.ceil(reg / 3);
    const sign = (n: number) => hh.slice(0, n).map((h) => ({ householdId: h.id, signerName: h.full_name }));
    const base = { termId: term.id, kind: 'recall' as const, trigger: 'householdPetition', on: '2026-02-05' };
    const nd59Kind = await removal.openRemoval(ctx, front, {
      ...base,
      kind: 'release',
      signatures: sign(third),
    });
    expect(nd59Kind.ok).toBe(false);
    if (!nd59Kind.ok) expect(nd59Kind.error.code).toBe('removal-kind-not-in-profile');
    const short = await removal.openRemoval(ctx, front, { ...base, signatures: sign(third - 1) });
    expect(short.ok).toBe(false);
    const r = await removal.openRemoval(ctx, front, { ...base, signatures: sign(third) });
    if (!r.ok) throw new Error(r.error.message);
    const half = Math.floor(reg / 2);
    const m = await removal.recordRemovalMeeting(
      ctx,
      front,
      r.value.id,
      meeting({ registered: reg, method: 'hands', countingTeam: [], approve: half + 1, disapprove: 10 }),
    );
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.state).toBe('meetingHeld');
    expect(m.value.documents.map((d) => d.form_id)).toEqual(['removal-petition', 'removal-minutes']);
    const d = await removal.decideRemoval(t.ctx(at('2026-02-23')), officer, r.value.id, {
      decision: 'recognise',
      on: '2026-02-23',
    });
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.view.newElectionBy).toBe('2026-03-15');
    expect(d.value.view.newElectionMode).toBe('held');
  });

  it('finds an edit, a delete and an insert made outside the application in removal_cases and removal_signatures', async () => {
    await expectEveryTamperFound(t.store(), 'removal_cases');
    await expectEveryTamperFound(t.store(), 'removal_signatures');
  });
});
