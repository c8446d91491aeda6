import { expect, it } from 'vitest';
import { count as counting, demo, documents as documentRegistry, meeting } from '../../src/services';
import { flat, pdfText } from '../../src/documents/test-support';
import type { ServiceContext } from '../../src/services';
import type { MeetingView } from '../../src/services/meeting/index';
import { aCommuneOfficer, aProvinceViewer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { expectEveryTamperFound } from '../support/tamper';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
// The community meeting of the demo election (2024-11-17), mid-morning in Vietnam.
const meetingDay = () => new Date('2024-11-17T02:30:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function demoElection(ctx: ServiceContext): Promise<string> {
  await demo.loadDemo(ctx);
  const row = await ctx.store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', COMMUNE)
    .executeTakeFirstOrThrow();
  must(await counting.prepareDemoPolling(ctx, officer, row.id));
  return row.id;
}

describeEachDatabase('community meeting: agenda votes and a show-of-hands election', (t) => {
  const ctx = () => t.ctx(meetingDay);
  let electionId = '';
  const team = () => aTeamMember(electionId);
  const vote = (input: meeting.MeetingVoteInput) =>
    meeting.recordMeetingVote(ctx(), team(), electionId, input);

  it('shows the agenda of a meeting-form election with the rule and citation of each step', async () => {
    electionId = await demoElection(ctx());
    const v = must(await meeting.getMeeting(ctx(), team(), electionId));
    expect(v.isMeeting).toBe(true);
    expect(v.registered).toBe(412);
    expect(v.next).toBe('opening');
    expect(v.rules.secretary?.description).toBe('trên 50% số người có mặt tại cuộc họp');
    expect(v.rules.secretary?.citation).toMatch(/Điều 3, khoản 5/);
    expect(v.rules.countingTeam?.citation).toMatch(/Điều 3, khoản 5 điểm i/);
    expect(v.countingTeamSize).toEqual({ min: 3, max: 5 });
    expect(v.positions[0]?.candidates).toHaveLength(2);
  });

  it('refuses the secretary before the opening, and more present than on the roll', async () => {
    const early = await vote({ step: 'secretary', name: 'Lê Văn Thư', votesFor: 1 });
    expect(!early.ok && early.error.message).toMatch(/khai mạc/);
    const tooMany = await vote({ step: 'opening', present: 413 });
    expect(!tooMany.ok && tooMany.error.message).toMatch(/413.*412/);
  });

  it('records an opening with exactly half present as not quorate and stops the agenda', async () => {
    const v = must(await vote({ step: 'opening', present: 206 }));
    expect(v.votes.at(-1)?.passed).toBe(false);
    expect(v.votes.at(-1)?.summary).toMatch(
      /^Có mặt 206\/412 .*\(50,00%\): không đạt ngưỡng trên 50% tổng số/,
    );
    expect(v.next).toBe('opening');
    const r = await vote({ step: 'secretary', name: 'Lê Văn Thư', votesFor: 200 });
    expect(!r.ok && r.error.message).toMatch(/chưa đủ số đại diện hộ .*Mẫu 04/);
  });

  it('opens with 300 present; the secretary needs strictly more than half of those present', async () => {
    expect(must(await vote({ step: 'opening', present: 300 })).adopted.opening?.present).toBe(300);
    const half = must(await vote({ step: 'secretary', name: 'Lê Văn Thư', votesFor: 150, against: 140 }));
    expect(half.votes.at(-1)?.passed).toBe(false);
    expect(half.next).toBe('secretary');
    const over = must(await vote({ step: 'secretary', name: 'Lê Văn Thư', votesFor: 151, against: 140 }));
    expect(over.adopted.secretary?.subject.name).toBe('Lê Văn Thư');
    expect(over.adopted.secretary?.summary).toMatch(/^Được thông qua: 151\/300 .*\(50,33%\).*Điều 3/);
    expect(over.next).toBe('votingForm');
  });

  it('refuses votes that add up to more than those present, and a form the profile does not allow', async () => {
    const sum = await vote({
      step: 'votingForm',
      method: 'hands',
      votesFor: 200,
      against: 90,
      abstained: 11,
    });
    expect(!sum.ok && sum.error.message).toMatch(/301, nhiều hơn số người có mặt \(300\)/);
    const form = await vote({ step: 'votingForm', method: 'post', votesFor: 200 });
    expect(!form.ok && form.error.code).toBe('ballot-method');
    expect(!form.ok && form.error.message).toMatch(/biểu quyết giơ tay hoặc bỏ phiếu kín/);
  });

  it('adopts the show of hands; a counting team is then refused', async () => {
    const v = must(await vote({ step: 'votingForm', method: 'hands', votesFor: 250, against: 50 }));
    expect(v.method).toBe('hands');
    expect(v.next).toBe('hands');
    const team3 = await vote({ step: 'countingTeam', members: ['A B C', 'D E F', 'G H I'], votesFor: 250 });
    expect(!team3.ok && team3.error.message).toMatch(/Chỉ bầu Tổ kiểm phiếu khi .*bỏ phiếu kín/);
    const again = await vote({ step: 'secretary', name: 'Khác', votesFor: 250 });
    expect(!again.ok && again.error.message).toMatch(/không biểu quyết lại/);
  });

  it('refuses the province viewer', async () => {
    const r = await meeting.recordMeetingVote(ctx(), aProvinceViewer('68'), electionId, {
      step: 'opening',
      present: 300,
    });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });

  it('refuses a hands reading over those present, or a total over those present', async () => {
    const v = must(await meeting.getMeeting(ctx(), team(), electionId));
    const [a, b] = v.positions[0]!.candidates;
    const over = await meeting.recordMeetingHands(ctx(), team(), electionId, {
      position: 'head',
      votes: { [a!.id]: 301, [b!.id]: 0 },
    });
    expect(!over.ok && over.error.message).toMatch(/\(301\) lớn hơn số người có mặt \(300\)/);
    const sum = await meeting.recordMeetingHands(ctx(), team(), electionId, {
      position: 'head',
      votes: { [a!.id]: 200, [b!.id]: 101 },
    });
    expect(!sum.ok && sum.error.message).toMatch(/\(301\) lớn hơn số người có mặt/);
    const missing = await meeting.recordMeetingHands(ctx(), team(), electionId, {
      position: 'head',
      votes: { [a!.id]: 200 },
    });
    expect(!missing.ok && missing.error.message).toMatch(/Hãy nhập số người giơ tay tán thành/);
  });

  it('counts the hands through the rules engine: 207 of 412 registered elects, the election is counted', async () => {
    const v: MeetingView = must(await meeting.getMeeting(ctx(), team(), electionId));
    const [a, b] = v.positions[0]!.candidates;
    const out = must(
      await meeting.recordMeetingHands(ctx(), team(), electionId, {
        position: 'head',
        votes: { [a!.id]: 207, [b!.id]: 80 },
      }),
    );
    expect(out.result?.outcome).toBe('elected');
    expect(out.result?.elected).toEqual([a!.id]);
    expect(out.result?.conclusion).toMatch(/207 phiếu, đạt 50,24%/);
    expect(out.electionState).toBe('counted');
    const count = must(await counting.getCount(ctx(), team(), out.countId));
    expect(count.method).toBe('hands');
    expect(count.hands).toEqual({ [a!.id]: 207, [b!.id]: 80 });
    const again = await meeting.recordMeetingHands(ctx(), team(), electionId, {
      position: 'head',
      votes: { [a!.id]: 207, [b!.id]: 80 },
    });
    expect(!again.ok && again.error.message).toMatch(/đã kết thúc/);
  });

  it('issues the minutes of the meeting (Mẫu 03) from the recorded agenda and the hands count', async () => {
    const doc = must(
      await meeting.issueMeetingMinutes(ctx(), officer, electionId, { guests: 'Đại diện UBND phường.' }),
    );
    expect(doc.form_id).toBe('community-meeting');
    const file = must(await documentRegistry.downloadDocument(ctx(), officer, doc.id, 'pdf'));
    const text = flat(pdfText(file.bytes));
    expect(text).toContain('BIÊN BẢN CUỘC HỌP CỘNG ĐỒNG DÂN CƯ');
    expect(text).toContain('Thư ký: Ông (bà) Lê Văn Thư');
    expect(text).toContain('hình thức biểu quyết: biểu quyết giơ tay');
    expect(text).toContain('Biểu quyết thư ký cuộc họp (Lê Văn Thư): Không được thông qua: 150/300');
    expect(text).toContain('Được thông qua: 151/300');
    expect(text).toMatch(/207 phiếu, đạt 50,24%.*trúng cử/);
  });

  it('verdicts and hands edited in the database: votes are judged again from their numbers, the count shows the difference', async () => {
    const db = ctx().store.db;
    // The secretary's first proposal (150 of 300) stored as passed, the quorate opening as not passed.
    await db
      .updateTable('meeting_agenda_votes')
      .set({ passed: 1 })
      .where('election_id', '=', electionId)
      .where('step', '=', 'secretary')
      .where('votes_for', '=', 150)
      .execute();
    await db
      .updateTable('meeting_agenda_votes')
      .set({ passed: 0 })
      .where('election_id', '=', electionId)
      .where('step', '=', 'opening')
      .where('present', '=', 300)
      .execute();
    const v = must(await meeting.getMeeting(ctx(), team(), electionId));
    const secretary = v.votes.find((x) => x.step === 'secretary' && x.votesFor === 150)!;
    expect(secretary).toMatchObject({ passed: false, mismatch: true });
    expect(secretary.summary).toMatch(/Kết quả đã lưu ghi "được thông qua"/);
    expect(v.adopted.opening).toMatchObject({ present: 300, passed: true, mismatch: true });
    expect(v.votes.filter((x) => x.mismatch)).toHaveLength(2);
    expect(v.positions[0]!.count?.mismatch).toBe(false);
    // The hands reading of the winner lowered below the threshold: the count no longer elects them.
    const countId = v.positions[0]!.count!.id;
    await db
      .updateTable('count_hands')
      .set({ votes: 150 })
      .where('count_id', '=', countId)
      .where('votes', '=', 207)
      .execute();
    const after = must(await meeting.getMeeting(ctx(), team(), electionId));
    expect(after.positions[0]!.count?.mismatch).toBe(true);
    expect(after.positions[0]!.count?.conclusion).toMatch(/Không có người trúng cử/);
    // Put back what was edited, so the sealed record is whole again for what follows.
    await db
      .updateTable('count_hands')
      .set({ votes: 207 })
      .where('count_id', '=', countId)
      .where('votes', '=', 150)
      .execute();
    await db
      .updateTable('meeting_agenda_votes')
      .set({ passed: 0 })
      .where('election_id', '=', electionId)
      .where('step', '=', 'secretary')
      .where('votes_for', '=', 150)
      .execute();
    await db
      .updateTable('meeting_agenda_votes')
      .set({ passed: 1 })
      .where('election_id', '=', electionId)
      .where('step', '=', 'opening')
      .where('present', '=', 300)
      .execute();
    await db.deleteFrom('record_changes').execute();
  });

  it('finds an edit, a delete and an insert made outside the application in count_hands', async () => {
    await expectEveryTamperFound(t.store(), 'count_hands');
  });
});

describeEachDatabase('community meeting: a secret ballot needs an approved counting team', (t) => {
  const ctx = () => t.ctx(meetingDay);
  let electionId = '';
  const vote = (input: meeting.MeetingVoteInput) =>
    meeting.recordMeetingVote(ctx(), aTeamMember(electionId), electionId, input);

  it('adopts the secret ballot and refuses a counting team of the wrong size or with a candidate', async () => {
    electionId = await demoElection(ctx());
    must(await vote({ step: 'opening', present: 250 }));
    must(await vote({ step: 'secretary', name: 'Lê Văn Thư', votesFor: 200 }));
    const v = must(await vote({ step: 'votingForm', method: 'secret', votesFor: 126, against: 124 }));
    expect(v.next).toBe('countingTeam');
    const two = await vote({ step: 'countingTeam', members: ['Ngô Văn Một', 'Ngô Văn Hai'], votesFor: 200 });
    expect(!two.ok && two.error.code).toBe('counting-team-size');
    expect(!two.ok && two.error.message).toMatch(/từ 3 đến 5 người; danh sách đề cử có 2 người/);
    const candidate = v.positions[0]!.candidates[0]!.name;
    const withCandidate = await vote({
      step: 'countingTeam',
      members: ['Ngô Văn Một', 'Ngô Văn Hai', candidate.toUpperCase()],
      votesFor: 200,
    });
    expect(!withCandidate.ok && withCandidate.error.code).toBe('counting-team-candidate');
  });

  it('approves the counting team by more than half of those present, then the hands count is refused', async () => {
    const members = ['Ngô Văn Một', 'Ngô Văn Hai', 'Ngô Văn Ba'];
    const low = must(await vote({ step: 'countingTeam', members, votesFor: 125, against: 125 }));
    expect(low.next).toBe('countingTeam');
    const v = must(await vote({ step: 'countingTeam', members, votesFor: 126, against: 124 }));
    expect(v.adopted.countingTeam?.subject.members).toEqual(members);
    expect(v.next).toBe('ballot');
    expect(v.votes.map((x) => [x.step, x.passed])).toEqual([
      ['opening', true],
      ['secretary', true],
      ['votingForm', true],
      ['countingTeam', false],
      ['countingTeam', true],
    ]);
    const [a] = v.positions[0]!.candidates;
    const hands = await meeting.recordMeetingHands(ctx(), aTeamMember(electionId), electionId, {
      position: 'head',
      votes: { [a!.id]: 200 },
    });
    expect(!hands.ok && hands.error.message).toMatch(/đã chọn bỏ phiếu kín/);
  });

  it('refuses the minutes before the count of the position is closed', async () => {
    const r = await meeting.issueMeetingMinutes(ctx(), aTeamMember(electionId), electionId);
    expect(!r.ok && r.error.message).toMatch(/Chưa kết thúc kiểm phiếu/);
  });
});
