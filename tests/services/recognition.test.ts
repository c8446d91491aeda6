import { expect, it } from 'vitest';
import { workingDaysLeft } from '../../src/domain/calendar';
import { recognitionDue } from '../../src/domain/election';
import { getProfile } from '../../src/domain/rules';
import { documents, office, plan } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { WARD, adults, at, countAndReport, electedOf, loadWard, reportedElection } from './office-support';

const officer = aCommuneOfficer(WARD);
const front = { ...aCommuneOfficer(WARD), role: 'frontOfficer' as const, userId: 'u-front' };
const nd59 = () => {
  const p = getProfile('nd59-2023');
  if (!p.ok) throw new Error('no profile');
  return p.value;
};

describeEachDatabase('recognition after the report', (t) => {
  it('ND59 Điều 8: 5 working days from the day after receipt, across Tết 2026 (off 14–22/02)', () => {
    // Received Friday 13/02/2026: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
    expect(recognitionDue(nd59(), '2026-02-13')).toBe('2026-02-27');
    expect(workingDaysLeft('2026-02-13', '2026-02-27')).toBe(5);
    expect(workingDaysLeft('2026-02-20', '2026-02-27')).toBe(5);
    expect(workingDaysLeft('2026-02-27', '2026-02-27')).toBe(0);
    expect(workingDaysLeft('2026-03-02', '2026-02-27')).toBe(-1);
  });

  it('the inbox lists reported elections with the due date, red once it has passed', async () => {
    const hs = await loadWard(t.ctx());
    const id = await reportedElection(t.ctx(), {
      hamletId: hs[0]!.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-13',
    });
    const onTime = await office.recognitionInbox(t.ctx(at('2026-02-27')), officer, WARD);
    if (!onTime.ok) throw new Error(onTime.error.message);
    const item = onTime.value.items.find((i) => i.electionId === id)!;
    expect(item.due).toBe('2026-02-27');
    expect(item.late).toBe(false);
    expect(item.rerunBy).toBe('2026-02-23');
    const late = await office.recognitionInbox(t.ctx(at('2026-02-28')), officer, WARD);
    if (!late.ok) throw new Error(late.error.message);
    expect(late.value.items.find((i) => i.electionId === id)!.late).toBe(true);
    const viewer = await office.recognitionInbox(t.ctx(at('2026-02-27')), aProvinceViewer('68'), WARD);
    expect(viewer.ok).toBe(true);
    if (viewer.ok) expect(viewer.value.canDecide).toBe(false);
  });

  it('ND59 Điều 8: recognised on the last day; the head takes office on the decision, not before', async () => {
    const ctx = t.ctx(at('2026-02-27'));
    const hs = await loadWard(ctx);
    const h = hs[1]!;
    const id = await reportedElection(ctx, {
      hamletId: h.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-13',
      count: 'elected',
    });
    const winner = await electedOf(ctx, id);
    const before = await office.getRegister(ctx, officer, WARD);
    if (!before.ok) throw new Error(before.error.message);
    expect(before.value.hamlets.find((x) => x.id === h.id)!.current).toHaveLength(0);
    expect(before.value.alerts.some((a) => a.kind === 'noHead' && a.hamletId === h.id)).toBe(true);

    const refused = await office.decideRecognition(ctx, front, id, {
      decision: 'recognise',
      on: '2026-02-27',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');

    const r = await office.decideRecognition(ctx, officer, id, {
      decision: 'recognise',
      on: '2026-02-27',
      signerName: 'Lê Thanh Bình',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.late).toBe(false);
    expect(r.value.electionState).toBe('recognised');
    expect(r.value.document?.form_id).toBe('recognition-decision');
    expect(r.value.document?.number).toBe(1);
    const file = await documents.downloadDocument(ctx, officer, r.value.document!.id, 'pdf');
    expect(file.ok).toBe(true);

    const after = await office.getRegister(ctx, officer, WARD);
    if (!after.ok) throw new Error(after.error.message);
    const head = after.value.hamlets.find((x) => x.id === h.id)!.current[0]!;
    expect(head.holderName).toBe(winner.name);
    expect(head.basis).toBe('elected');
    expect(head.startOn).toBe('2026-02-27');
    // TT04 Điều 12 k2 with the profile's 60 months: the term ends the day before 27/02/2031.
    expect(head.plannedEnd).toBe('2031-02-26');
    // Not in office before the decision.
    const dayBefore = await office.getRegister(t.ctx(at('2026-02-26')), officer, WARD);
    if (!dayBefore.ok) throw new Error(dayBefore.error.message);
    expect(dayBefore.value.hamlets.find((x) => x.id === h.id)!.current).toHaveLength(0);
    // Decided: off the inbox.
    const inbox = await office.recognitionInbox(ctx, officer, WARD);
    if (inbox.ok) expect(inbox.value.items.some((i) => i.electionId === id)).toBe(false);
  });

  it('a decision one working day after the due date needs the chair’s recorded permission', async () => {
    const ctx = t.ctx(at('2026-03-02'));
    const hs = await loadWard(ctx);
    const h = hs[2]!;
    const id = await reportedElection(ctx, {
      hamletId: h.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-13',
      count: 'elected',
    });
    const late = await office.decideRecognition(ctx, officer, id, {
      decision: 'recognise',
      on: '2026-03-02',
    });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe('deadline-passed');
      expect(late.error.message).toContain('27/02/2026');
    }
    const ok = await office.decideRecognition(ctx, officer, id, {
      decision: 'recognise',
      on: '2026-03-02',
      override: { authorisedBy: 'Lê Thanh Bình', reason: 'Hồ sơ bổ sung chữ ký đến muộn sau Tết' },
    });
    if (!ok.ok) throw new Error(ok.error.message);
    expect(ok.value.late).toBe(true);
  });

  it('ND59 (15 days, per the old rule): re-election on the last day of the window, refused one day later', async () => {
    const ctx = t.ctx(at('2026-02-16'));
    const hs = await loadWard(ctx);
    const h = hs[3]!;
    const id = await reportedElection(ctx, {
      hamletId: h.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
    });
    const base = {
      decision: 'rerun' as const,
      on: '2026-02-16',
      reasons: ['Không có người ứng cử nào đạt trên 50% tổng số đại diện hộ gia đình'],
    };
    const tooLate = await office.decideRecognition(ctx, officer, id, {
      ...base,
      rerunDate: '2026-02-24',
    });
    expect(tooLate.ok).toBe(false);
    if (!tooLate.ok) {
      expect(tooLate.error.code).toBe('rerun-too-late');
      expect(tooLate.error.message).toContain('23/02/2026');
    }
    const noReason = await office.decideRecognition(ctx, officer, id, {
      ...base,
      reasons: [],
      rerunDate: '2026-02-23',
    });
    expect(noReason.ok).toBe(false);
    const r = await office.decideRecognition(ctx, officer, id, { ...base, rerunDate: '2026-02-23' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.electionState).toBe('rerunOrdered');
    expect(r.value.document?.form_id).toBe('rerun-decision');
  });

  it('QĐ 01/2016 Điều 16: a written reply with reasons keeps the report pending', async () => {
    const ctx = t.ctx(at('2026-02-10'));
    const hs = await loadWard(ctx);
    const h = hs[4]!;
    const id = await reportedElection(ctx, {
      hamletId: h.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
    });
    const empty = await office.decideRecognition(ctx, officer, id, {
      decision: 'reply',
      on: '2026-02-10',
      reasons: ['  '],
    });
    expect(empty.ok).toBe(false);
    const r = await office.decideRecognition(ctx, officer, id, {
      decision: 'reply',
      on: '2026-02-10',
      reasons: ['Biên bản kiểm phiếu chưa đủ chữ ký của hai đại diện hộ gia đình chứng kiến.'],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.document?.form_id).toBe('reply-letter');
    const inbox = await office.recognitionInbox(ctx, officer, WARD);
    if (!inbox.ok) throw new Error(inbox.error.message);
    expect(inbox.value.items.find((i) => i.electionId === id)!.replies).toBe(1);
  });

  it('a failed election goes to a re-election (round 2) and, when that fails too, to an interim head with the 6-month deadline', async () => {
    const ctx = t.ctx(at('2026-02-10'));
    const hs = await loadWard(ctx);
    const h = hs[0]!;
    const id = await reportedElection(ctx, {
      hamletId: h.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
      count: 'failed',
    });
    const [person] = await adults(ctx, h.id, 1);
    // One failed round is not enough for an interim head (TT04 Điều 12 k2a, after the re-election).
    const early = await office.appointInterim(ctx, officer, {
      hamletId: h.id,
      reason: 'failedElection',
      electionId: id,
      residentId: person!.id,
      on: '2026-02-10',
    });
    expect(early.ok).toBe(false);
    const rerun = await office.decideRecognition(ctx, officer, id, {
      decision: 'rerun',
      on: '2026-02-10',
      rerunDate: '2026-02-22',
      reasons: ['Không có người ứng cử nào đạt trên 50% tổng số đại diện hộ gia đình'],
    });
    if (!rerun.ok) throw new Error(rerun.error.message);
    const row = await ctx.store.db
      .selectFrom('elections')
      .select(['round', 'election_date'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ round: 2, election_date: '2026-02-22' });
    const day = t.ctx(at('2026-02-22'));
    const polling = await plan.recordStep(day, officer, id, { to: 'polling', on: '2026-02-22' });
    if (!polling.ok) throw new Error(polling.error.message);
    // The second round's count and report, through the count's services: no one elected again.
    await countAndReport(day, id, '2026-02-22', 'failed');
    const inbox = await office.recognitionInbox(day, officer, WARD);
    if (!inbox.ok) throw new Error(inbox.error.message);
    const item = inbox.value.items.find((i) => i.electionId === id)!;
    // Received Sunday 22/02/2026, the last day of Tết: Mon 23 to Fri 27.
    expect(item.round).toBe(2);
    expect(item.due).toBe('2026-02-27');
    const later = t.ctx(at('2026-02-24'));
    const interim = await office.appointInterim(later, officer, {
      hamletId: h.id,
      reason: 'failedElection',
      electionId: id,
      residentId: person!.id,
      on: '2026-02-24',
      signerName: 'Lê Thanh Bình',
    });
    if (!interim.ok) throw new Error(interim.error.message);
    expect(interim.value.plannedEnd).toBe('2026-08-24');
    expect(interim.value.newElectionBy).toBe('2026-08-24');
    const reg = await office.getRegister(later, officer, WARD);
    if (!reg.ok) throw new Error(reg.error.message);
    const head = reg.value.hamlets.find((x) => x.id === h.id)!.current[0]!;
    expect(head.basis).toBe('interim');
    expect(head.newElectionBy).toBe('2026-08-24');
    // Near the limit the register warns (30 days before 24/08/2026).
    const warn = await office.getRegister(t.ctx(at('2026-07-25')), officer, WARD);
    if (!warn.ok) throw new Error(warn.error.message);
    expect(warn.value.alerts.some((a) => a.kind === 'interimNearLimit' && a.hamletId === h.id)).toBe(true);
  });

  it('no count, no head: recognition without a closed count of this round, or when it elects no one, is refused and writes nothing', async () => {
    const ctx = t.ctx(at('2026-02-10'));
    const hs = await loadWard(ctx);
    const uncounted = await reportedElection(ctx, {
      hamletId: hs[1]!.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
    });
    const failed = await reportedElection(ctx, {
      hamletId: hs[2]!.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
      count: 'failed',
    });
    const events = async () =>
      Number(
        (
          await ctx.store.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await events();
    const none = await office.decideRecognition(ctx, officer, uncounted, {
      decision: 'recognise',
      on: '2026-02-10',
    });
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.error.code).toBe('conflict');
      expect(none.error.message).toContain('Chưa có kết quả kiểm phiếu đã đóng');
    }
    const noWinner = await office.decideRecognition(ctx, officer, failed, {
      decision: 'recognise',
      on: '2026-02-10',
    });
    expect(noWinner.ok).toBe(false);
    if (!noWinner.ok) expect(noWinner.error.code).toBe('no-one-elected');
    expect(await events()).toBe(before);
    const states = await ctx.store.db
      .selectFrom('elections')
      .select('state')
      .where('id', 'in', [uncounted, failed])
      .execute();
    expect(states.map((r) => r.state)).toEqual(['reported', 'reported']);
    const terms = await ctx.store.db
      .selectFrom('office_terms')
      .select('id')
      .where('election_id', 'in', [uncounted, failed])
      .execute();
    expect(terms).toEqual([]);
  });
});
