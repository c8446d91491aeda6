import { expect, it } from 'vitest';
import { foldForSearch } from '../../src/domain/people';
import { count, demo, polling } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { sealFixture } from '../support/sealed-fixture';
import { expectEveryTamperFound } from '../support/tamper';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
/** A Vietnam local time on the demo election day (2024-11-17, UTC+7). */
const vn =
  (hhmm: string, day = '2024-11-17') =>
  () =>
    new Date(`${day}T${hhmm}:00+07:00`);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describeEachDatabase('polling day: attendance, turnout, hours, interruption, ballots and sealing', (t) => {
  let electionId = '';
  let boxId = '';
  let team: Actor;
  let clock = vn('08:00');
  const ctx = (): ServiceContext => t.ctx(() => clock());
  const turnout = async () => must(await polling.getTurnout(ctx(), team, electionId));

  it('prepares the demo election to polling day under a profile with polling hours (Quảng Trị 2016)', async () => {
    await demo.loadDemo(ctx());
    const row = await ctx()
      .store.db.selectFrom('elections as e')
      .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
      .select('e.id')
      .where('h.commune_id', '=', COMMUNE)
      .executeTakeFirstOrThrow();
    electionId = row.id;
    must(await count.prepareDemoPolling(ctx(), officer, electionId));
    await ctx()
      .store.db.updateTable('elections')
      .set({ profile_id: 'quang-tri-2016', form: 'separateBallot' })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(ctx(), 'fixture', null);
    team = { ...aTeamMember(electionId), userId: 'u-team-day' };
  });

  it('refuses a check-in the day before the election (Vietnam date from the injected clock)', async () => {
    clock = vn('09:00', '2024-11-16');
    const r = await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 });
    expect(!r.ok && r.error.message).toMatch(/không phải ngày bầu cử/);
  });

  it('QĐ 01/2016 Quảng Trị Điều 15 k2a: refuses a check-in outside the polling hours (04:30 Vietnam time)', async () => {
    clock = vn('04:30');
    const r = await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 });
    expect(!r.ok && r.error.code).toBe('outside-polling-hours');
    expect(!r.ok && r.error.message).toMatch(/Điều 15/);
  });

  it('checks in by roll number, by name without diacritics and by voter card code; "đã bỏ phiếu" shows', async () => {
    clock = vn('07:10');
    const one = must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 }));
    expect(one.voted).toBe(true);
    // A name that only one voter on the roll has, typed without diacritics.
    const all = must(await polling.findVoters(ctx(), team, electionId, 'a', 500));
    const names = new Map<string, number>();
    const roll = await ctx()
      .store.db.selectFrom('voter_roll_snapshots')
      .select('entries')
      .executeTakeFirstOrThrow();
    const entries = JSON.parse(roll.entries) as { rollNumber: number; fullName: string }[];
    for (const e of entries)
      names.set(foldForSearch(e.fullName), (names.get(foldForSearch(e.fullName)) ?? 0) + 1);
    const unique = entries.find((e) => e.rollNumber > 3 && names.get(foldForSearch(e.fullName)) === 1)!;
    expect(all.length).toBeGreaterThan(0);
    const folded = foldForSearch(unique.fullName);
    expect(folded).not.toBe(unique.fullName.toLowerCase()); // the query really drops diacritics
    const found = must(await polling.findVoters(ctx(), team, electionId, folded));
    expect(found.map((v) => v.rollNumber)).toContain(unique.rollNumber);
    const byName = must(await polling.checkIn(ctx(), team, electionId, { name: folded }));
    expect(byName.rollNumber).toBe(unique.rollNumber);
    const code = polling.voterCardCode(electionId, 2);
    const byCard = must(await polling.checkIn(ctx(), team, electionId, { cardCode: code.toLowerCase() }));
    expect(byCard.rollNumber).toBe(2);
    const shown = must(await polling.findVoters(ctx(), team, electionId, '2'));
    expect(shown[0]!.voted).toBe(true);
    const poll = must(await polling.getPoll(ctx(), team, electionId));
    expect(poll.status).toBe('open');
  });

  it('refuses a second check-in of the same person, and the database itself refuses the row', async () => {
    const r = await polling.checkIn(ctx(), team, electionId, { rollNumber: 1 });
    expect(!r.ok && r.error.code).toBe('conflict');
    expect(!r.ok && r.error.message).toMatch(/đã bỏ phiếu lúc 07:10/);
    const row = await ctx()
      .store.db.selectFrom('polling_attendance')
      .selectAll()
      .where('roll_number', '=', 1)
      .executeTakeFirstOrThrow();
    await expect(
      ctx()
        .store.db.insertInto('polling_attendance')
        .values({ ...row, id: 'another-row', roll_number: 9999 })
        .execute(),
    ).rejects.toThrow();
  });

  it('refuses a mobile ballot box where the profile provides none (ND 59/2023), and changes nothing', async () => {
    await ctx()
      .store.db.updateTable('elections')
      .set({ profile_id: 'nd59-2023' })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(ctx(), 'fixture', null);
    const r = await polling.sendMobileBox(ctx(), team, electionId, { carriedBy: ['Lê Văn Tâm'] });
    expect(!r.ok && r.error.code).toBe('rule-refused');
    expect(!r.ok && r.error.message).toMatch(/không có hòm phiếu phụ/);
    expect((await turnout()).mobileBox.allowed).toBe(false);
    await ctx()
      .store.db.updateTable('elections')
      .set({ profile_id: 'quang-tri-2016' })
      .where('id', '=', electionId)
      .execute();
    await sealFixture(ctx(), 'fixture', null);
    const v = await turnout();
    expect(v.mobileBoxes).toHaveLength(0);
    expect(v.mobileBox.allowed).toBe(true);
  });

  it('records the mobile ballot box with who carried it and which voters used it', async () => {
    const box = must(
      await polling.sendMobileBox(ctx(), team, electionId, { carriedBy: ['Lê Văn Tâm', 'Phạm Thị Hoa'] }),
    );
    must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 10, mobileBoxId: box.id }));
    must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 11, mobileBoxId: box.id }));
    const v = await turnout();
    expect(v.mobileBoxes).toHaveLength(1);
    expect(v.mobileBoxes[0]!.carriedBy).toEqual(['Lê Văn Tâm', 'Phạm Thị Hoa']);
    expect(v.mobileBoxes[0]!.voters.map((x) => x.rollNumber)).toEqual([10, 11]);
    must(await polling.recordBoxReturned(ctx(), team, electionId, box.id));
    boxId = box.id;
  });

  it('records a mobile box returned once: a second return is refused and writes no event', async () => {
    const before = must(await polling.getPoll(ctx(), team, electionId)).events.length;
    const again = await polling.recordBoxReturned(ctx(), team, electionId, boxId);
    expect(!again.ok && again.error.code).toBe('conflict');
    expect(!again.ok && again.error.message).toMatch(/đã được ghi nhận mang về/);
    expect(must(await polling.getPoll(ctx(), team, electionId)).events).toHaveLength(before);
  });

  it('QĐ 01/2016 Quảng Trị Điều 15 k3: live turnout per residents group and in total, quorum over half the roll', async () => {
    const v = await turnout();
    expect(v.registered).toBe(412);
    expect(v.voted).toBe(5);
    expect(v.groups.reduce((s, g) => s + g.registered, 0)).toBe(412);
    expect(v.groups.reduce((s, g) => s + g.voted, 0)).toBe(5);
    if (v.quorum) {
      expect(v.quorum.needed).toBe(207);
      expect(v.quorum.met).toBe(false);
    }
    expect(v.percent).toBe('1.21');
  });

  it('records an interruption (time, reason, box sealed), refuses check-ins until the poll resumes', async () => {
    clock = vn('08:30');
    const bad = await polling.recordInterruption(ctx(), team, electionId, { reason: '', boxSealed: true });
    expect(bad.ok).toBe(false);
    const v = must(
      await polling.recordInterruption(ctx(), team, electionId, {
        reason: 'Mất điện, mưa lớn',
        boxSealed: true,
      }),
    );
    expect(v.status).toBe('interrupted');
    const ev = v.events.at(-1)!;
    expect([ev.time, ev.reason, ev.boxSealed]).toEqual(['08:30', 'Mất điện, mưa lớn', true]);
    const refused = await polling.checkIn(ctx(), team, electionId, { rollNumber: 20 });
    expect(!refused.ok && refused.error.message).toMatch(/tạm dừng/);
    clock = vn('09:00');
    must(await polling.resumePolling(ctx(), team, electionId));
    must(await polling.checkIn(ctx(), team, electionId, { rollNumber: 20 }));
  });

  it('records ballots received and spoiled ballots exchanged; refuses sealing before the poll closes', async () => {
    must(
      await polling.recordBallots(ctx(), team, electionId, {
        position: 'head',
        kind: 'received',
        quantity: 450,
      }),
    );
    const b = must(
      await polling.recordBallots(ctx(), team, electionId, {
        position: 'head',
        kind: 'spoiledReplaced',
        quantity: 2,
      }),
    );
    const head = b.positions.find((p) => p.position === 'head')!;
    expect([head.received, head.issued, head.spoiled, head.unused]).toEqual([450, 6, 2, 442]);
    const early = await polling.sealUnusedBallots(ctx(), team, electionId, {
      position: 'head',
      witnesses: ['Ngô Văn Bình', 'Đỗ Thị Lan'],
      unusedCounted: 442,
    });
    expect(!early.ok && early.error.message).toMatch(/sau khi kết thúc bỏ phiếu/);
  });

  it('QĐ 01/2016 Quảng Trị Điều 15 k2a: refuses closing before 12:00 unless everyone voted; closes at the end', async () => {
    clock = vn('10:00');
    const r = await polling.closePolling(ctx(), team, electionId);
    expect(!r.ok && r.error.code).toBe('early-close');
    expect(!r.ok && r.error.message).toMatch(/100%/);
    clock = vn('12:05');
    const closed = must(await polling.closePolling(ctx(), team, electionId));
    expect(closed.status).toBe('closed');
    const after = await polling.checkIn(ctx(), team, electionId, { rollNumber: 30 });
    expect(!after.ok && after.error.message).toMatch(/đã kết thúc/);
  });

  it('refuses a mobile box returned after polling closed', async () => {
    const late = must(await polling.getTurnout(ctx(), team, electionId)).mobileBoxes.length;
    expect(late).toBe(1);
    const r = await polling.recordBoxReturned(ctx(), team, electionId, boxId);
    expect(!r.ok && r.error.message).toMatch(/Cuộc bỏ phiếu đã kết thúc/);
  });

  it('refuses opening the count before the unused ballots are sealed', async () => {
    const r = await count.openCount(ctx(), team, electionId, {
      position: 'head',
      voted: 6,
      issued: 6,
      received: 6,
    });
    expect(!r.ok && r.error.message).toMatch(/niêm phong/);
  });

  it('Tây Ninh Điều 16.3.d: seals the unused ballots counted by hand, issues the sealing record, then the count opens', async () => {
    const wrong = await polling.sealUnusedBallots(ctx(), team, electionId, {
      position: 'head',
      witnesses: ['Ngô Văn Bình', 'Đỗ Thị Lan'],
      unusedCounted: 440,
    });
    expect(!wrong.ok && wrong.error.message).toMatch(/đếm lại/);
    const sealed = must(
      await polling.sealUnusedBallots(ctx(), team, electionId, {
        position: 'head',
        witnesses: ['Ngô Văn Bình', 'Đỗ Thị Lan'],
        unusedCounted: 442,
      }),
    );
    expect(sealed.positions.find((p) => p.position === 'head')!.seal).not.toBeNull();
    const twice = await polling.sealUnusedBallots(ctx(), team, electionId, {
      position: 'head',
      witnesses: ['Ngô Văn Bình', 'Đỗ Thị Lan'],
      unusedCounted: 442,
    });
    expect(!twice.ok && twice.error.code).toBe('conflict');
    // The team member cannot issue; the commune does, through the registry.
    const byTeam = await polling.issueSealingRecord(ctx(), team, electionId, 'head');
    expect(!byTeam.ok && byTeam.error.code).toBe('forbidden');
    const doc = must(await polling.issueSealingRecord(ctx(), officer, electionId, 'head'));
    expect(doc.form_id).toBe('unused-ballots-record');
    const view = must(await polling.getBallots(ctx(), team, electionId));
    expect(view.positions.find((p) => p.position === 'head')!.seal!.documentId).toBe(doc.id);
    const mismatch = await count.openCount(ctx(), team, electionId, {
      position: 'head',
      voted: 7,
      issued: 6,
      received: 6,
    });
    expect(!mismatch.ok && mismatch.error.field).toBe('voted');
    must(
      await count.openCount(ctx(), team, electionId, {
        position: 'head',
        voted: 6,
        issued: 6,
        received: 6,
      }),
    );
  });

  it('writes an audit event for every polling-day record', async () => {
    const actions = await ctx()
      .store.db.selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'polling.%')
      .execute();
    const set = new Set(actions.map((a) => a.action));
    for (const a of [
      'polling.checkIn',
      'polling.open',
      'polling.interruption',
      'polling.resume',
      'polling.close',
      'polling.mobileBox',
      'polling.seal',
      'polling.ballots.received',
    ]) {
      expect(set.has(a)).toBe(true);
    }
  });

  it('finds an edit, a delete and an insert made outside the application in polling_mobile_boxes', async () => {
    await expectEveryTamperFound(t.store(), 'polling_mobile_boxes');
  });
});
