import { expect, it } from 'vitest';
import { count as counting, demo, meeting } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { sealFixture } from '../support/sealed-fixture';
import { demoElection, must } from '../support/demo-election';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const meetingDay = () => new Date('2024-11-17T02:30:00.000Z');

/** The demo ward's election, ready for its community meeting on polling day. */
async function preparedElection(ctx: ServiceContext): Promise<string> {
  await demo.loadDemo(ctx);
  const id = await demoElection(ctx);
  must(await counting.prepareDemoPolling(ctx, officer, id));
  return id;
}

/** Residents of the election's hamlet: adults not yet candidates, and one too young to stand. */
async function people(ctx: ServiceContext, electionId: string) {
  const rows = await ctx.store.db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .innerJoin('elections as e', 'e.hamlet_id', 'h.hamlet_id')
    .leftJoin('nominations as n', (j) =>
      j.onRef('n.resident_id', '=', 'r.id').onRef('n.election_id', '=', 'e.id'),
    )
    .select(['r.id', 'r.birth_date', 'r.residence', 'r.status', 'n.id as nominationId'])
    .where('e.id', '=', electionId)
    .orderBy('r.search_name')
    .execute();
  const free = rows.filter((r) => !r.nominationId && r.residence === 'permanent' && r.status === 'active');
  return {
    adults: free.filter((r) => r.birth_date < '1990-01-01').map((r) => r.id),
    young: free.filter((r) => r.birth_date > '2006-01-01').map((r) => r.id),
  };
}

describeEachDatabase('ND59 Điều 3 k5: nominations from the floor of the community meeting', (t) => {
  const ctx = () => t.ctx(meetingDay);
  let electionId = '';
  let adults: string[] = [];
  let young: string[] = [];
  const team = () => aTeamMember(electionId);
  const nominate = (input: meeting.FloorNominationInput) =>
    meeting.nominateAtMeeting(ctx(), team(), electionId, input);

  it('prepares the demo election; the meeting shows the rule, open to no one before the opening', async () => {
    electionId = await preparedElection(ctx());
    ({ adults, young } = await people(ctx(), electionId));
    const v = must(await meeting.getMeeting(ctx(), team(), electionId));
    expect(v.floor).toMatchObject({ allowed: true, open: false, nominations: [] });
    expect(v.floor.citation).toMatch(/Điều 3, khoản 5/);
    const early = await nominate({ residentId: adults[0]!, consent: true });
    expect(!early.ok && early.error.message).toMatch(/khai mạc/);
  });

  it('after the opening: refuses a nominee without consent, one too young, and a province viewer', async () => {
    must(await meeting.recordMeetingVote(ctx(), team(), electionId, { step: 'opening', present: 300 }));
    const noConsent = await nominate({ residentId: adults[0]!, nominatedBy: 'Trần Văn Hải', consent: false });
    expect(!noConsent.ok && noConsent.error.code).toBe('invalid-input');
    const tooYoung = await nominate({ residentId: young[0]!, consent: true });
    expect(!tooYoung.ok && tooYoung.error.code).toBe('candidate-too-young');
    const viewer = await meeting.nominateAtMeeting(ctx(), aProvinceViewer('68'), electionId, {
      residentId: adults[0]!,
      consent: true,
    });
    expect(viewer.ok).toBe(false);
    expect(must(await meeting.getMeeting(ctx(), team(), electionId)).floor.nominations).toEqual([]);
  });

  it('records a self-nomination and one by a household representative, last on the ballot', async () => {
    must(await nominate({ residentId: adults[0]!, consent: true }));
    const v = must(await nominate({ residentId: adults[1]!, nominatedBy: 'Trần Văn Hải', consent: true }));
    expect(v.floor.open).toBe(true);
    expect(v.floor.nominations.map((n) => [n.nominatedBy, n.consent])).toEqual([
      [null, true],
      ['Trần Văn Hải', true],
    ]);
    const ballot = v.positions[0]!.candidates;
    expect(ballot).toHaveLength(4);
    expect(ballot.slice(2).map((c) => c.id)).toEqual(v.floor.nominations.map((n) => n.id));
    const again = await nominate({ residentId: adults[1]!, consent: true });
    expect(!again.ok && again.error.message).toMatch(/đã có trong danh sách/);
  });

  it('closes the floor once the voting form is chosen, naming the rule', async () => {
    must(
      await meeting.recordMeetingVote(ctx(), team(), electionId, {
        step: 'secretary',
        name: 'Lê Thị Thu Hà',
        votesFor: 200,
        against: 50,
        abstained: 50,
      }),
    );
    must(
      await meeting.recordMeetingVote(ctx(), team(), electionId, {
        step: 'votingForm',
        method: 'hands',
        votesFor: 200,
        against: 100,
      }),
    );
    const late = await nominate({ residentId: adults[2]!, consent: true });
    expect(!late.ok && late.error.code).toBe('floor-nomination-closed');
    expect(!late.ok && late.error.details?.rule).toBe('floorNominations');
    expect(must(await meeting.getMeeting(ctx(), team(), electionId)).floor.open).toBe(false);
  });
});

describeEachDatabase('Quảng Trị Điều 13, Điều 15 k1d: no nominations from the floor (unverified)', (t) => {
  const ctx = () => t.ctx(meetingDay);
  it('refuses a nomination at the meeting, naming the profile parameter and that it is unverified', async () => {
    const row = { id: await preparedElection(ctx()) };
    const { adults } = await people(ctx(), row.id);
    await ctx()
      .store.db.updateTable('elections')
      .set({ profile_id: 'quang-tri-2016' })
      .where('id', '=', row.id)
      .execute();
    await sealFixture(ctx(), 'fixture', row.id);
    const r = await meeting.nominateAtMeeting(ctx(), aTeamMember(row.id), row.id, {
      residentId: adults[0]!,
      consent: true,
    });
    expect(!r.ok && r.error.code).toBe('floor-nomination-closed');
    expect(!r.ok && r.error.message).toMatch(/quang-tri-2016.*chưa xác minh/);
  });
});

describeEachDatabase(
  'DOMAIN.md row 7: a meeting without a quorum turns to household opinion ballots',
  (t) => {
    const ctx = () => t.ctx(meetingDay);
    let electionId = '';
    const team = () => aTeamMember(electionId);

    it('refuses before the opening and after a quorate one; switches after a failed one, once', async () => {
      electionId = await preparedElection(ctx());
      const early = await meeting.switchToHouseholdBallots(ctx(), team(), electionId);
      expect(!early.ok && early.error.code).toBe('conflict');
      must(await meeting.recordMeetingVote(ctx(), team(), electionId, { step: 'opening', present: 150 }));
      const viewer = await meeting.switchToHouseholdBallots(ctx(), aProvinceViewer('68'), electionId);
      expect(viewer.ok).toBe(false);
      const v = must(await meeting.switchToHouseholdBallots(ctx(), team(), electionId));
      expect(v.isMeeting).toBe(false);
      const row = await ctx()
        .store.db.selectFrom('elections')
        .select(['form'])
        .where('id', '=', electionId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ form: 'householdBallots' });
      const again = await meeting.switchToHouseholdBallots(ctx(), team(), electionId);
      expect(!again.ok && again.error.code).toBe('conflict');
    });

    it('refuses where the profile has no household ballots (Quảng Trị Điều 13), naming the rule', async () => {
      await ctx()
        .store.db.updateTable('elections')
        .set({ profile_id: 'quang-tri-2016', form: 'meeting' })
        .where('id', '=', electionId)
        .execute();
      await sealFixture(ctx(), 'fixture', electionId);
      const r = await meeting.switchToHouseholdBallots(ctx(), team(), electionId);
      expect(!r.ok && r.error.code).toBe('election-form');
      expect(!r.ok && r.error.message).toMatch(/Điều 13/);
    });
  },
);
