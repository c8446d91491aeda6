import { expect, it } from 'vitest';
import { ageOn } from '../../src/domain/calendar';
import JSZip from 'jszip';
import { renderDocx } from '../../src/documents/render-docx';
import {
  demo,
  documents as forms,
  candidates as preparationCandidates,
  complaints as preparationComplaints,
  plan as preparationDocuments,
  plan as preparationLifecycle,
  candidates as preparationMeetings,
  plan as preparationPlan,
  plan as preparationPopulation,
  team as preparationTeam,
  territory,
} from '../../src/services';
import type { ServiceContext } from '../../src/services';
import type { MeetingInput } from '../../src/services/candidates/meetings';
import { aCommuneOfficer, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const COMMUNE = '25459'; // Phường Tân Ninh, Tây Ninh
const officer = aCommuneOfficer(COMMUNE);
const DAY = '2024-11-17';
const on = (day: string) => () => new Date(`${day}T03:00:00.000Z`);

interface Person {
  id: string;
  full_name: string;
  birth_date: string;
  residence: string;
}

async function people(ctx: ServiceContext, hamletId: string): Promise<Person[]> {
  return ctx.store.db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name', 'r.birth_date', 'r.residence'])
    .where('h.hamlet_id', '=', hamletId)
    .orderBy('r.id')
    .execute();
}

const meeting = (over: Partial<MeetingInput>): MeetingInput => ({
  kind: 'frontCommittee',
  heldOn: '2024-11-01',
  startTime: '08:00',
  endTime: '10:00',
  venue: 'Nhà văn hóa ấp',
  chairName: 'Phạm Văn Hùng',
  chairPosition: 'Trưởng ban công tác Mặt trận ấp',
  secretaryName: 'Lê Thị Thu Hà',
  participants: 'Bí thư Chi bộ, Trưởng ấp, đại diện các đoàn thể',
  convened: 9,
  present: 8,
  absences: [{ name: 'Võ Văn Tư', reason: 'ốm' }],
  decisions: ['Thống nhất danh sách dự kiến'],
  votes: [],
  ...over,
});

describeEachDatabase('preparation: candidates, meetings, team (Tây Ninh 2019)', (t) => {
  const s: {
    electionId: string;
    hamletId: string;
    adults: Person[];
    young?: Person;
    noms: string[];
    roundId: string;
  } = { electionId: '', hamletId: '', adults: [], noms: [], roundId: '' };

  it('plans an ấp election under tay-ninh-2019 with a generated population', async () => {
    await demo.loadDemo(t.ctx());
    const hamlet = await territory.createHamlet(t.ctx(), anAdmin(), COMMUNE, {
      name: 'Ấp Thạnh Hiệp',
      kind: 'ap',
    });
    if (!hamlet.ok) throw new Error(hamlet.error.message);
    s.hamletId = hamlet.value.id;
    const pop = await preparationPopulation.generatePopulation(t.ctx(), officer, s.hamletId, {
      households: 120,
      seed: 7,
      birthProvinceCode: '072',
    });
    expect(pop.ok && pop.value.households).toBe(120);
    const round = await preparationPlan.createRound(t.ctx(), officer, {
      communeId: COMMUNE,
      termLabel: '2024-2027',
      profileId: 'tay-ninh-2019',
      form: 'separateBallot',
      chairName: 'Nguyễn Văn Tâm',
      frontChairName: 'Trần Thị Mai',
      planDate: '2024-10-01',
      hamlets: [{ hamletId: s.hamletId, electionDate: DAY, startTime: '07:30', venue: 'Hội trường ấp' }],
    });
    if (!round.ok) throw new Error(round.error.message);
    s.electionId = round.value.elections[0]!.id;
    s.roundId = round.value.id;
    const all = await people(t.ctx(), s.hamletId);
    s.adults = all.filter((p) => p.residence === 'permanent' && ageOn(p.birth_date, DAY) >= 30).slice(0, 9);
    s.young = all.find((p) => ageOn(p.birth_date, DAY) >= 16 && ageOn(p.birth_date, DAY) < 21);
    expect(s.adults).toHaveLength(9);
  });

  it('finds a resident by name typed without diacritics', async () => {
    const name = s.adults[0]!.full_name;
    const plain = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
    const found = await preparationCandidates.searchResidents(
      t.ctx(),
      officer,
      s.electionId,
      plain.toLowerCase(),
    );
    expect(found.ok && found.value.map((p) => p.id)).toContain(s.adults[0]!.id);
  });

  it('TT04 Điều 11 (Tây Ninh Điều 11): a nominee under 21 on election day is recorded as ineligible with the reason', async () => {
    for (const [n, source] of (['frontCommittee', 'households', 'self'] as const).entries()) {
      const r = await preparationCandidates.nominate(t.ctx(), officer, s.electionId, {
        residentId: s.adults[n]!.id,
        source,
        nominatedOn: '2024-10-30',
        education: '12/12',
        occupation: 'Nông dân',
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.eligible).toBe(true);
      s.noms.push(r.value.id);
    }
    const young = await preparationCandidates.nominate(t.ctx(), officer, s.electionId, {
      residentId: s.young!.id,
      source: 'self',
      nominatedOn: '2024-10-30',
    });
    if (!young.ok) throw new Error(young.error.message);
    expect(young.value.eligible).toBe(false);
    expect(young.value.refusals[0]!.code).toBe('candidate-too-young');
    expect(young.value.refusals[0]!.message).toContain('Điều 11');
    const exception = await preparationCandidates.recordException(
      t.ctx(),
      officer,
      young.value.id,
      'Xin ngoại lệ vì người dân tín nhiệm',
    );
    expect(!exception.ok && exception.error.code).toBe('exception-not-allowed');
    const twice = await preparationCandidates.nominate(t.ctx(), officer, s.electionId, {
      residentId: s.adults[0]!.id,
      source: 'self',
      nominatedOn: '2024-10-30',
    });
    expect(!twice.ok && twice.error.code).toBe('conflict');
  });

  it('Tây Ninh Điều 5 k2: the Front committee drafts 01–02 names; a third is refused', async () => {
    const three = await preparationMeetings.recordMeeting(
      t.ctx(on('2024-11-01')),
      officer,
      s.electionId,
      meeting({ votes: s.noms.map((nominationId) => ({ nominationId })) }),
    );
    expect(!three.ok && three.error.code).toBe('candidates-too-many');
    const two = await preparationMeetings.recordMeeting(
      t.ctx(on('2024-11-01')),
      officer,
      s.electionId,
      meeting({ votes: s.noms.slice(0, 2).map((nominationId) => ({ nominationId })) }),
    );
    if (!two.ok) throw new Error(two.error.message);
    expect(two.value.absences).toEqual([{ name: 'Võ Văn Tư', reason: 'ốm' }]);
    const step = await preparationLifecycle.recordStep(t.ctx(on('2024-11-01')), officer, s.electionId, {
      to: 'candidatesDrafted',
      on: '2024-11-01',
    });
    expect(step.ok && step.value.state).toBe('candidatesDrafted');
  });

  it('Tây Ninh Điều 12 k2: a voters’ conference without more than half of the households present is refused', async () => {
    const r = await preparationMeetings.recordMeeting(
      t.ctx(on('2024-11-06')),
      officer,
      s.electionId,
      meeting({
        kind: 'votersConference',
        heldOn: '2024-11-05',
        convened: 120,
        present: 60,
        absences: [],
        votes: s.noms.map((nominationId) => ({ nominationId, agree: 50 })),
      }),
    );
    expect(!r.ok && r.error.code).toBe('quorum-not-met');
    expect(!r.ok && r.error.message).toContain('61');
  });

  it('Tây Ninh Điều 7 k2đ: each nominee needs more than half of those present (exactly half is not enough)', async () => {
    const r = await preparationMeetings.recordMeeting(
      t.ctx(on('2024-11-06')),
      officer,
      s.electionId,
      meeting({
        kind: 'votersConference',
        heldOn: '2024-11-05',
        convened: 120,
        present: 80,
        absences: [],
        votes: [
          { nominationId: s.noms[0]!, agree: 60 },
          { nominationId: s.noms[1]!, agree: 41 },
          { nominationId: s.noms[2]!, agree: 40 },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.quorum.met).toBe(true);
    expect(r.value.votes.map((v) => v.approved)).toEqual([true, true, false]);
  });

  it('Tây Ninh Điều 14, Điều 7 k2đ: only the joint conference fixes the list, and only with approved nominees', async () => {
    const meetings = await preparationMeetings.getMeetings(t.ctx(), officer, s.electionId);
    const front = meetings.ok ? meetings.value.meetings.find((m) => m.kind === 'frontCommittee')! : undefined;
    const wrong = await preparationMeetings.fixOfficialList(t.ctx(on('2024-11-06')), officer, s.electionId, {
      meetingId: front!.id,
    });
    expect(!wrong.ok && wrong.error.code).toBe('wrong-meeting');
    expect(!wrong.ok && wrong.error.message).toContain('liên tịch');
    const joint = await preparationMeetings.recordMeeting(
      t.ctx(on('2024-11-06')),
      officer,
      s.electionId,
      meeting({
        kind: 'jointConference',
        heldOn: '2024-11-06',
        convened: 12,
        present: 11,
        absences: [],
        votes: [{ nominationId: s.noms[2]! }, { nominationId: s.noms[0]! }],
      }),
    );
    if (!joint.ok) throw new Error(joint.error.message);
    const refused = await preparationMeetings.fixOfficialList(
      t.ctx(on('2024-11-06')),
      officer,
      s.electionId,
      {
        meetingId: joint.value.id,
      },
    );
    expect(!refused.ok && refused.error.code).toBe('nominee-not-approved');
    expect(!refused.ok && refused.error.message).toContain('Điều 7');
  });

  it('Tây Ninh Điều 13–14: the joint conference fixes the official list in its order once the dossiers are in', async () => {
    const joint = await preparationMeetings.recordMeeting(
      t.ctx(on('2024-11-06')),
      officer,
      s.electionId,
      meeting({
        kind: 'jointConference',
        heldOn: '2024-11-06',
        chairName: 'Trần Thị Mai',
        chairPosition: 'Chủ tịch UBMTTQ phường',
        convened: 12,
        present: 11,
        absences: [],
        votes: [{ nominationId: s.noms[1]! }, { nominationId: s.noms[0]! }],
      }),
    );
    if (!joint.ok) throw new Error(joint.error.message);
    const missing = await preparationMeetings.fixOfficialList(
      t.ctx(on('2024-11-06')),
      officer,
      s.electionId,
      {
        meetingId: joint.value.id,
      },
    );
    expect(!missing.ok && missing.error.code).toBe('dossier-missing');
    expect(!missing.ok && missing.error.message).toContain('Điều 13');
    for (const id of s.noms.slice(0, 2)) {
      for (const kind of ['letter', 'cv'] as const) {
        const up = await preparationCandidates.uploadDossierFile(t.ctx(), officer, id, {
          kind,
          fileName: `${kind}.pdf`,
          contentType: 'application/pdf',
          bytes: Buffer.from(`%PDF-1.4 ${kind} ${id}`),
        });
        if (!up.ok) throw new Error(up.error.message);
        expect(up.value.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    }
    const fixed = await preparationMeetings.fixOfficialList(t.ctx(on('2024-11-06')), officer, s.electionId, {
      meetingId: joint.value.id,
    });
    if (!fixed.ok) throw new Error(fixed.error.message);
    const list = await preparationCandidates.getCandidates(t.ctx(), officer, s.electionId);
    expect(list.ok && list.value.official.map((n) => n.id)).toEqual([s.noms[1], s.noms[0]]);
    const step = await preparationLifecycle.recordStep(t.ctx(on('2024-11-06')), officer, s.electionId, {
      to: 'listOfficial',
      on: '2024-11-06',
    });
    expect(step.ok && step.value.state).toBe('listOfficial');
    const files = list.ok ? list.value.official[0]!.files : [];
    const file = await preparationCandidates.downloadDossierFile(t.ctx(), officer, files[0]!.id);
    expect(file.ok && file.value.bytes.toString()).toContain('%PDF');
  });

  it('ND59 Điều 6 k1b, QĐ 01/2016 Điều 15 k1đ: a minor may not sit on the election team; the refusal names the rule and the age', async () => {
    const day = '2024-11-07';
    const minor = (await people(t.ctx(), s.hamletId)).find((p) => ageOn(p.birth_date, day) < 18)!;
    expect(minor).toBeDefined();
    const r = await preparationTeam.addTeamMember(t.ctx(on(day)), officer, s.electionId, {
      residentId: minor.id,
      represents: 'Đoàn Thanh niên ấp',
      role: 'member',
    });
    expect(!r.ok && r.error.code).toBe('election-team-minor');
    expect(!r.ok && r.error.message).toContain(
      `${minor.full_name} mới ${ageOn(minor.birth_date, day)} tuổi vào ngày 07/11/2024`,
    );
    expect(!r.ok && r.error.message).toMatch(/người thành niên \(đủ 18 tuổi\).*Điều 20/);
    expect(!r.ok && r.error.details).toMatchObject({ rule: 'civilMajorityAge' });
    const team = await preparationTeam.getTeam(t.ctx(on(day)), officer, s.electionId);
    expect(team.ok && team.value.members.some((m) => m.residentId === minor.id)).toBe(false);
    expect(team.ok && team.value.ageOn).toBe(day);
  });

  it('forms the team without candidates, checks it, and gives its members accounts scoped to the election', async () => {
    const add = (n: number, role: 'leader' | 'secretary' | 'member' | 'witness', frontHead = false) =>
      preparationTeam.addTeamMember(t.ctx(), officer, s.electionId, {
        residentId: s.adults[n]!.id,
        represents: role === 'leader' ? 'Ban công tác Mặt trận ấp' : 'Đại diện cử tri ấp',
        role,
        frontHead,
      });
    const candidate = await add(0, 'member');
    expect(!candidate.ok && candidate.error.code).toBe('election-team-candidate');
    const early = await preparationLifecycle.recordStep(t.ctx(on('2024-11-07')), officer, s.electionId, {
      to: 'teamFormed',
      on: '2024-11-07',
    });
    expect(!early.ok && early.error.code).toBe('team-invalid');
    await add(3, 'leader', true);
    await add(4, 'secretary');
    await add(5, 'member');
    await add(6, 'witness');
    const team = await add(7, 'witness');
    if (!team.ok) throw new Error(team.error.message);
    expect(team.value.composition.eligible).toBe(true);
    expect(team.value.witnesses.eligible).toBe(true);
    // The picker shows each resident member's age on the appointment day.
    const leader = team.value.members.find((m) => m.role === 'leader')!;
    expect(leader.age).toBe(ageOn(s.adults[3]!.birth_date, team.value.ageOn));
    const step = await preparationLifecycle.recordStep(t.ctx(on('2024-11-07')), officer, s.electionId, {
      to: 'teamFormed',
      on: '2024-11-07',
    });
    expect(step.ok && step.value.state).toBe('teamFormed');
    const accounts = await preparationTeam.createTeamAccounts(t.ctx(), officer, s.electionId);
    if (!accounts.ok) throw new Error(accounts.error.message);
    expect(accounts.value).toHaveLength(3);
    const users = await t
      .store()
      .db.selectFrom('users')
      .select(['role', 'scope_kind', 'scope_id'])
      .where(
        'username',
        'in',
        accounts.value.map((a) => a.username),
      )
      .execute();
    expect(
      users.every(
        (u) => u.role === 'teamMember' && u.scope_kind === 'election' && u.scope_id === s.electionId,
      ),
    ).toBe(true);
  });

  it('Tây Ninh Điều 15 k3: posting the roll after D-5 is refused, and recorded with the chair’s override', async () => {
    const late = on('2024-11-13');
    const refused = await preparationLifecycle.recordStep(t.ctx(late), officer, s.electionId, {
      to: 'rollPosted',
      on: '2024-11-13',
    });
    expect(!refused.ok && refused.error.code).toBe('deadline-passed');
    expect(!refused.ok && refused.error.message).toContain('Điều 15, khoản 3');
    const done = await preparationLifecycle.recordStep(t.ctx(late), officer, s.electionId, {
      to: 'rollPosted',
      on: '2024-11-13',
      override: { authorisedBy: 'Nguyễn Văn Tâm', reason: 'Bổ sung hộ mới chuyển đến, niêm yết lại' },
    });
    if (!done.ok) throw new Error(done.error.message);
    const last = done.value.history[done.value.history.length - 1]!;
    expect(last.override).toEqual({
      authorisedBy: 'Nguyễn Văn Tâm',
      reason: 'Bổ sung hộ mới chuyển đến, niêm yết lại',
    });
    expect(last.due).toBe('2024-11-12');
  });

  it('Tây Ninh Điều 15 k2, k5: complaints about candidates close at D-6; later ones wait until after the election', async () => {
    const inTime = await preparationComplaints.fileComplaint(t.ctx(), officer, s.electionId, {
      subject: 'candidate',
      nominationId: s.noms[0]!,
      complainant: 'Trần Văn Bảy',
      content: 'Người ứng cử chưa đủ thời gian cư trú',
      receivedOn: '2024-11-09',
    });
    if (!inTime.ok) throw new Error(inTime.error.message);
    expect(inTime.value.due).toBe('2024-11-11');
    expect(inTime.value.status).toBe('received');
    const tooLate = await preparationComplaints.resolveComplaint(t.ctx(), officer, inTime.value.id, {
      status: 'handled',
      resolution: 'Đã xác minh',
      on: '2024-11-12',
    });
    expect(!tooLate.ok && tooLate.error.code).toBe('complaint-deadline-passed');
    const handled = await preparationComplaints.resolveComplaint(t.ctx(), officer, inTime.value.id, {
      status: 'handled',
      resolution: 'Đã xác minh: người ứng cử thường trú tại ấp từ năm 2001',
      on: '2024-11-10',
    });
    expect(handled.ok && handled.value.status).toBe('handled');
    const roll = await preparationComplaints.fileComplaint(t.ctx(), officer, s.electionId, {
      subject: 'roll',
      complainant: 'Lê Thị Tám',
      content: 'Hộ tôi không có tên trong danh sách',
      receivedOn: '2024-11-16',
    });
    expect(roll.ok && roll.value.status).toBe('queued');
    expect(roll.ok && roll.value.due).toBe('2024-11-15');
    const before = await preparationComplaints.resolveComplaint(
      t.ctx(),
      officer,
      roll.ok ? roll.value.id : '',
      {
        status: 'handled',
        resolution: 'Bổ sung',
        on: '2024-11-16',
      },
    );
    expect(!before.ok && before.error.code).toBe('complaint-queued');
    const after = await preparationComplaints.resolveComplaint(
      t.ctx(),
      officer,
      roll.ok ? roll.value.id : '',
      {
        status: 'closed',
        resolution: 'Đã bổ sung sau bầu cử',
        on: '2024-11-20',
      },
    );
    expect(after.ok && after.value.status).toBe('closed');
  });

  it('issues the documents of the stage from the recorded data, numbered and stored with their hashes', async () => {
    const plan = await preparationDocuments.issueRoundDocument(t.ctx(), officer, s.roundId, 'plan', {
      date: '2024-10-01',
    });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.number).toBe(1);
    const day = await preparationDocuments.issueRoundDocument(
      t.ctx(),
      officer,
      s.roundId,
      'election-day-decision',
      {
        date: '2024-10-25',
      },
    );
    expect(day.ok && day.value.symbol).toBe('QĐ-UBND');
    const meetings = await preparationMeetings.getMeetings(t.ctx(), officer, s.electionId);
    if (!meetings.ok) throw new Error(meetings.error.message);
    const formOf = {
      frontCommittee: 'mau-05',
      votersConference: 'voters-conference-minutes',
      jointConference: 'joint-conference-minutes',
    } as const;
    for (const m of meetings.value.meetings) {
      const r = await preparationDocuments.issueElectionDocument(
        t.ctx(),
        officer,
        s.electionId,
        formOf[m.kind],
        {
          meetingId: m.id,
        },
      );
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.number).toBeNull();
    }
    for (const form of ['candidate-list', 'election-team-decision', 'invitation', 'notice'] as const) {
      const r = await preparationDocuments.issueElectionDocument(t.ctx(), officer, s.electionId, form, {
        date: '2024-11-07',
      });
      if (!r.ok) throw new Error(`${form}: ${r.error.message}`);
      expect(r.value.pdf_sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const list = await preparationDocuments.listPreparationDocuments(t.ctx(), officer, s.electionId);
    expect(list.ok && [...new Set(list.value.map((d) => d.form_id))].sort()).toEqual(
      [
        'candidate-list',
        'election-day-decision',
        'election-team-decision',
        'invitation',
        'joint-conference-minutes',
        'mau-05',
        'notice',
        'plan',
        'voters-conference-minutes',
      ].sort(),
    );
    const pdf = await t
      .store()
      .db.selectFrom('documents')
      .select('pdf')
      .where('form_id', '=', 'candidate-list')
      .executeTakeFirst();
    expect(Buffer.from(pdf!.pdf).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('issues the plan with the commune’s own DOCX wording when it uploaded one', async () => {
    const template = await renderDocx({
      meta: { title: 'Kế hoạch', date: '2024-10-01' },
      blocks: [{ kind: 'paragraph', runs: ['Kế hoạch riêng của phường: {{subject}}.'] }],
    });
    const up = await forms.uploadTemplate(t.ctx(), officer, COMMUNE, 'plan', {
      fileName: 'ke-hoach.docx',
      bytes: template,
    });
    if (!up.ok) throw new Error(up.error.message);
    const plan = await preparationDocuments.issueRoundDocument(t.ctx(), officer, s.roundId, 'plan', {
      date: '2024-10-02',
    });
    if (!plan.ok) throw new Error(plan.error.message);
    const row = await t
      .store()
      .db.selectFrom('documents')
      .select(['docx', 'pdf'])
      .where('id', '=', plan.value.id)
      .executeTakeFirstOrThrow();
    const xml = await (
      await JSZip.loadAsync(Buffer.from(row.docx))
    )
      .file('word/document.xml')!
      .async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toMatch(/^Kế hoạch riêng của phường: Tổ chức bầu .+ nhiệm kỳ .+\.$/);
    // The PDF keeps the built-in layout.
    expect(Buffer.from(row.pdf).subarray(0, 4).toString()).toBe('%PDF');
  });
});
