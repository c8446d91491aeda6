import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { count, demo, office, people, polling, territory } from '../../src/services';
import { aCommuneOfficer, aTeamMember, anAdmin } from '../support/actors';
import { describeEachDatabase, fixedNow } from '../support/databases';
import { must } from '../support/demo-election';

// The route-by-role walk (route-access.test.ts) sends empty bodies; here every write route that takes
// an id in its body gets the id of a record in another commune. Each must be refused before anything
// is read or written: no 2xx, no 5xx, no schema refusal standing in for the check, no audit event,
// and nothing of the other commune's resident (name, birth date, address) in the answer.
const WARD = '24820';
const OTHER = '24823';
const FOREIGN = { fullName: 'Lâm Thị Ngoài Xã', birthDate: '1961-03-17', address: 'Số 9 đường Ngoài Xã' };
const schemaRefusal = /^Dữ liệu gửi lên không hợp lệ/;

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));
const heads = (hamlet: string, name: string) =>
  csv([
    ['Thôn/Tổ dân phố', 'Chức danh', 'Họ và tên', 'Ngày bắt đầu'],
    [hamlet, hamlet.startsWith('Thôn') ? 'Trưởng thôn' : 'Khu phố trưởng', name, '01/09/2024'],
  ]);

// The server runs on the tests' fixed clock: "today" is its day in Vietnam, so that a date refusal
// (a decision not yet issued, a day in the future) never stands in for the scope check.
const vnToday = () => new Date(fixedNow().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The Front committee's meeting that proposes one nominee. */
const frontMeeting = (heldOn: string, nominationId: string) => ({
  kind: 'frontCommittee',
  heldOn,
  startTime: '19:30',
  venue: 'Nhà văn hóa',
  chairName: 'Phạm Văn Hùng',
  chairPosition: 'Trưởng ban công tác Mặt trận',
  secretaryName: 'Lê Thị Thu Hà',
  convened: 12,
  present: 11,
  votes: [{ nominationId, agree: 11 }],
});

/** A plan of one election in `hamletId`, 40 days from today. */
const roundBody = (hamletId: string, today: string) => ({
  communeId: WARD,
  termLabel: '2026-2031',
  profileId: 'nd59-2023',
  form: 'meeting',
  chairName: 'Lê Thanh Bình',
  frontChairName: 'Trần Thị Kim Loan',
  planDate: plus(today, -5),
  hamlets: [{ hamletId, electionDate: plus(today, 40), startTime: '07:30', venue: 'Nhà văn hóa' }],
  assignments: [],
});

describeEachDatabase('every id in every body stays in the actor’s scope', (t) => {
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const ours = { hamlet: '', household: '', resident: '', election: '', kp4: '', kp4Household: '' };
  /** A nomination of another election of the same commune: not one of `ours.election`'s. */
  let otherNomination = '';
  const theirs = { hamlet: '', household: '', resident: '' };

  const call = async (user: string, method: string, url: string, payload?: unknown) =>
    app.inject({
      method: method as 'POST',
      url,
      headers: { cookie: cookies[user]!, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });

  beforeAll(async () => {
    const ctx = t.ctx();
    await demo.loadDemo(ctx);
    const hamlet = await territory.createHamlet(ctx, anAdmin(), OTHER, {
      name: 'Thôn Ngoài Xã',
      kind: 'thon',
    });
    if (!hamlet.ok) throw new Error(hamlet.error.message);
    const person = await people.addResident(ctx, anAdmin(), hamlet.value.id, {
      fullName: FOREIGN.fullName,
      birthDate: FOREIGN.birthDate,
      sex: 'female',
      personalId: '079161000123',
      relation: 'head',
      residence: 'permanent',
      newHousehold: { code: 'NX-01', address: FOREIGN.address },
    });
    if (!person.ok) throw new Error(person.error.message);
    Object.assign(theirs, {
      hamlet: hamlet.value.id,
      household: person.value.householdId,
      resident: person.value.id,
    });
    app = await buildServer(ctx, { webRoot: '/nonexistent' });
    await app.ready();
    for (const username of ['quantri', 'ubnd.phuong2', 'tobaucu.kp1']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: demo.DEMO_PASSWORD },
      });
      cookies[username] = `baucoso_session=${res.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
    }
    const ward = (await call('ubnd.phuong2', 'GET', `/api/communes/${WARD}`)).json();
    const kp3 = (ward.hamlets as { id: string; name: string }[]).find((h) => h.name === 'Khu phố 3')!;
    ours.hamlet = kp3.id;
    const residents = (await call('ubnd.phuong2', 'GET', `/api/hamlets/${kp3.id}/residents?limit=1`)).json();
    ours.resident = residents.items[0].id;
    ours.household = residents.items[0].householdId;
    const today = vnToday();
    const round = await call(
      'ubnd.phuong2',
      'POST',
      `/api/communes/${WARD}/rounds`,
      roundBody(kp3.id, today),
    );
    expect(round.statusCode).toBe(201);
    ours.election = round.json().elections[0].id;
    const kp4 = (ward.hamlets as { id: string; name: string }[]).find((h) => h.name === 'Khu phố 4')!;
    const other = await call(
      'ubnd.phuong2',
      'POST',
      `/api/communes/${WARD}/rounds`,
      roundBody(kp4.id, today),
    );
    expect(other.statusCode).toBe(201);
    const kp4People = (await call('ubnd.phuong2', 'GET', `/api/hamlets/${kp4.id}/residents?limit=1`)).json();
    ours.kp4 = kp4.id;
    ours.kp4Household = kp4People.items[0].householdId;
    const nominated = await call(
      'ubnd.phuong2',
      'POST',
      `/api/elections/${other.json().elections[0].id}/nominations`,
      {
        residentId: kp4People.items[0].id,
        source: 'frontCommittee',
        nominatedOn: today,
      },
    );
    expect(nominated.statusCode).toBe(201);
    otherNomination = nominated.json().id;
  });

  const events = async () =>
    Number(
      (
        await t
          .ctx()
          .store.db.selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Each request is refused by the scope check itself, changes nothing and tells nothing of the other side. */
  const refusesEach = async (user: string, cases: [string, string, unknown][]) => {
    for (const [method, url, body] of cases) {
      const before = await events();
      const res = await call(user, method, url, body);
      const what = `${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')} ${JSON.stringify(body).slice(0, 60)}`;
      expect(res.statusCode, `${what} -> ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${what} -> ${res.body}`).toBeLessThan(500);
      const error = res.json().error as { message: string };
      expect(error.message, what).not.toMatch(schemaRefusal);
      for (const secret of Object.values(FOREIGN)) expect(res.body, what).not.toContain(secret);
      expect(await events(), what).toBe(before);
    }
  };

  it('refuses an officer every write whose body names a resident, household or hamlet of another commune', async () => {
    const today = vnToday();
    const decision = { effectiveOn: today, decisionNumber: '12/QĐ-UBND', decisionDate: today };
    const cases: [string, string, unknown][] = [
      [
        'POST',
        `/api/elections/${ours.election}/nominations`,
        { residentId: theirs.resident, source: 'frontCommittee', nominatedOn: today },
      ],
      [
        'POST',
        `/api/elections/${ours.election}/team`,
        { residentId: theirs.resident, represents: 'Chi hội Phụ nữ', role: 'member' },
      ],
      [
        'POST',
        `/api/hamlets/${ours.hamlet}/interim`,
        { residentId: theirs.resident, on: today, reason: 'vacancy' },
      ],
      ['POST', `/api/households/${ours.household}/representative`, { residentId: theirs.resident }],
      [
        'POST',
        `/api/residents/${ours.resident}/move`,
        { householdId: theirs.household, relation: 'other', reason: 'Chuyển sang hộ khác' },
      ],
      [
        'POST',
        `/api/hamlets/${ours.hamlet}/residents`,
        {
          fullName: 'Người Mới',
          birthDate: '1990-05-05',
          sex: 'male',
          relation: 'other',
          residence: 'permanent',
          householdId: theirs.household,
        },
      ],
      ['POST', `/api/communes/${WARD}/rounds`, roundBody(theirs.hamlet, today)],
      [
        'POST',
        `/api/communes/${WARD}/hamlet-renames`,
        { ...decision, hamletId: theirs.hamlet, newName: 'Tên Mới' },
      ],
      ['POST', `/api/communes/${WARD}/hamlet-dissolutions`, { ...decision, hamletId: theirs.hamlet }],
      [
        'POST',
        `/api/communes/${WARD}/hamlet-merges`,
        { ...decision, sourceIds: [theirs.hamlet], targetId: ours.hamlet },
      ],
      [
        'POST',
        `/api/communes/${WARD}/hamlet-merges/preview`,
        { ...decision, sourceIds: [ours.hamlet, theirs.hamlet], targetId: ours.kp4 },
      ],
      [
        'POST',
        `/api/communes/${WARD}/hamlet-attachments`,
        { ...decision, sourceId: ours.hamlet, householdIds: [theirs.household], targetId: ours.kp4 },
      ],
      [
        'POST',
        `/api/communes/${WARD}/hamlet-attachments`,
        { ...decision, sourceId: ours.kp4, householdIds: [ours.kp4Household], targetId: theirs.hamlet },
      ],
      [
        'POST',
        `/api/communes/${WARD}/hamlet-splits`,
        {
          ...decision,
          sourceId: theirs.hamlet,
          householdIds: [theirs.household],
          newName: 'Mới',
          newKind: 'thon',
        },
      ],
      // Ids of another election of the same commune are not this election's either.
      [
        'POST',
        `/api/elections/${ours.election}/complaints`,
        {
          subject: 'candidate',
          nominationId: otherNomination,
          complainant: 'Nguyễn Văn Khiếu',
          content: 'Khiếu nại về người ứng cử',
          receivedOn: today,
        },
      ],
      ['POST', `/api/elections/${ours.election}/meetings`, frontMeeting(today, otherNomination)],
    ];
    await refusesEach('ubnd.phuong2', cases);
    // The other commune's records are as they were.
    const row = await t
      .ctx()
      .store.db.selectFrom('hamlets')
      .select(['name', 'dissolved_on'])
      .where('id', '=', theirs.hamlet)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Thôn Ngoài Xã', dissolved_on: null });
  });

  it('refuses the ids a first pass missed: resident group, assignment hamlet, meeting, removal term, signer', async () => {
    const ctx = t.ctx();
    const today = vnToday();
    const group = must(
      await territory.createResidentGroup(ctx, anAdmin(), theirs.hamlet, { name: 'Tổ Ngoài' }),
    );
    must(
      await office.importOfficeHolders(ctx, anAdmin(), OTHER, heads('Thôn Ngoài Xã', 'Đào Văn Ngoài'), {
        confirm: true,
      }),
    );
    must(
      await office.importOfficeHolders(ctx, aCommuneOfficer(WARD), WARD, heads('Khu phố 2', 'Hồ Văn Tư'), {
        confirm: true,
      }),
    );
    const termOf = async (communeId: string) =>
      await ctx.store.db
        .selectFrom('office_terms as t')
        .innerJoin('hamlets as h', 'h.id', 't.hamlet_id')
        .select(['t.id', 't.hamlet_id'])
        .where('h.commune_id', '=', communeId)
        .executeTakeFirstOrThrow();
    const theirTerm = await termOf(OTHER);
    const ourTerm = await termOf(WARD);
    // Every household of Khu phố 2 signs, so the petition passes its threshold: one signer named by
    // the id of a resident of another commune is what is refused.
    const ourHouseholds = await ctx.store.db
      .selectFrom('households as h')
      .innerJoin('residents as r', 'r.household_id', 'h.id')
      .select(['h.id', 'r.full_name'])
      .where('h.hamlet_id', '=', ourTerm.hamlet_id)
      .where('r.relation', '=', 'head')
      .execute();
    // A meeting of another election of the same commune.
    const elections = await ctx.store.db
      .selectFrom('nominations')
      .select('election_id')
      .where('id', '=', otherNomination)
      .executeTakeFirstOrThrow();
    const meeting = await call(
      'ubnd.phuong2',
      'POST',
      `/api/elections/${elections.election_id}/meetings`,
      frontMeeting(today, otherNomination),
    );
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetingId = meeting.json().id as string;
    // And one of ours: the other election, its list drafted, may not fix its list from our meeting.
    const ourNomination = await call('ubnd.phuong2', 'POST', `/api/elections/${ours.election}/nominations`, {
      residentId: ours.resident,
      source: 'frontCommittee',
      nominatedOn: today,
    });
    expect(ourNomination.statusCode, ourNomination.body).toBe(201);
    const ourMeeting = await call(
      'ubnd.phuong2',
      'POST',
      `/api/elections/${ours.election}/meetings`,
      frontMeeting(today, ourNomination.json().id as string),
    );
    expect(ourMeeting.statusCode, ourMeeting.body).toBe(201);
    const drafted = await call('ubnd.phuong2', 'POST', `/api/elections/${elections.election_id}/steps`, {
      to: 'candidatesDrafted',
      on: today,
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const petition = {
      kind: 'release',
      trigger: 'householdPetition',
      on: plus(today, -1),
      proposer: 'Trưởng ban công tác Mặt trận',
    };
    await refusesEach('ubnd.phuong2', [
      [
        'POST',
        `/api/hamlets/${ours.hamlet}/residents`,
        {
          fullName: 'Người Mới',
          birthDate: '1990-05-05',
          sex: 'male',
          relation: 'head',
          residence: 'permanent',
          newHousehold: { code: 'KP3-MOI-01', address: 'Số 1', residentGroupId: group.id },
        },
      ],
      [
        'POST',
        `/api/communes/${WARD}/rounds`,
        {
          ...roundBody(ours.hamlet, today),
          hamlets: [
            {
              hamletId: ours.hamlet,
              electionDate: plus(today, 41),
              startTime: '07:30',
              venue: 'Nhà văn hóa',
            },
          ],
          termLabel: '2027-2032',
          assignments: [
            { hamletId: theirs.hamlet, officialName: 'Lê Văn Phụ', position: 'Công chức', duty: 'Phụ trách' },
          ],
        },
      ],
      // Khu phố 2 has a head now, so a deputy may be chosen there: the person is what is refused.
      ['POST', `/api/hamlets/${ourTerm.hamlet_id}/deputies`, { residentId: theirs.resident, on: today }],
      ['POST', `/api/elections/${elections.election_id}/official-list`, { meetingId: ourMeeting.json().id }],
      ['POST', `/api/elections/${ours.election}/documents/mau-05`, { meetingId }],
      ['POST', '/api/removals', { ...petition, termId: theirTerm.id, signatures: [] }],
      [
        'POST',
        '/api/removals',
        {
          ...petition,
          termId: ourTerm.id,
          signatures: [{ householdId: theirs.household, signerName: FOREIGN.fullName }],
        },
      ],
      [
        'POST',
        '/api/removals',
        {
          ...petition,
          termId: ourTerm.id,
          signatures: ourHouseholds.map((h, i) => ({
            householdId: h.id,
            signerName: h.full_name,
            ...(i === 0 ? { residentId: theirs.resident } : {}),
          })),
        },
      ],
    ]);
  });

  it('refuses a team the batch and the mobile box of another election’s count and poll', async () => {
    const ctx = t.ctx();
    const officer = aCommuneOfficer(WARD);
    const ward = must(await territory.getCommune(ctx, officer, WARD));
    const hamletId = (name: string) => ward.hamlets.find((h) => h.name === name)!.id;
    // Two trial elections on today's date; the demo team ends on the second (Khu phố 1).
    const first = must(await polling.startDemoPollingDay(ctx, officer, hamletId('Khu phố 2'))).electionId;
    const second = must(await polling.startDemoPollingDay(ctx, officer, hamletId('Khu phố 1'))).electionId;
    const open = async (electionId: string) => {
      const team = aTeamMember(electionId);
      const c = must(
        await count.openCount(ctx, team, electionId, {
          position: 'head',
          voted: 10,
          issued: 10,
          received: 10,
          doubleEntry: false,
        }),
      );
      const batch = must(await count.openBatch(ctx, team, c.id, { size: 5 }));
      return {
        countId: c.id,
        batchId: batch.id,
        candidate: must(await count.getCount(ctx, team, c.id)).candidates[0]!.id,
      };
    };
    // ND59 has no mobile box, so no election here has one: any box id is another election's.
    const box = { id: '5d1c9a7e-3b2f-4c6d-8e9a-0f1b2c3d4e5f' };
    const a = await open(first);
    const b = await open(second);
    const paper = {
      batchId: a.batchId,
      lane: 1,
      kept: [b.candidate],
      defect: null,
      key: '7b3f1c2e-0d4a-4e8b-9c1f-2a6d5e8b7c40',
    };
    await refusesEach('tobaucu.kp1', [
      ['POST', `/api/counts/${b.countId}/papers`, paper],
      ['POST', `/api/counts/${b.countId}/papers/bulk`, { papers: [paper] }],
      ['POST', `/api/elections/${second}/polling/check-ins`, { rollNumber: 1, mobileBoxId: box.id }],
    ]);
    // A posted roll, past its amendment deadline with the chair's leave: the person is what is refused.
    await refusesEach('ubnd.phuong2', [
      [
        'POST',
        `/api/elections/${first}/roll/amendments`,
        {
          kind: 'add',
          residentId: theirs.resident,
          reason: 'Bổ sung cử tri',
          approvedBy: 'Lê Thanh Bình',
          override: { chairName: 'Lê Thanh Bình', reason: 'Cử tri chuyển đến trước ngày bầu cử' },
        },
      ],
    ]);
  });

  it('serves an election team its hamlet’s residents without personal ID numbers', async () => {
    const ward = (await call('quantri', 'GET', `/api/communes/${WARD}`)).json();
    const kp1 = (ward.hamlets as { id: string; name: string }[]).find((h) => h.name === 'Khu phố 1')!;
    const asOfficer = (await call('ubnd.phuong2', 'GET', `/api/hamlets/${kp1.id}/residents?limit=50`)).json();
    const withId = (asOfficer.items as { id: string; personalId: string | null }[]).find((r) => r.personalId);
    expect(withId).toBeDefined();
    const list = await call('tobaucu.kp1', 'GET', `/api/hamlets/${kp1.id}/residents?limit=50`);
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { personalId: string | null }[]).every((r) => r.personalId === null)).toBe(
      true,
    );
    expect(list.body).not.toContain(withId!.personalId!);
    const detail = await call('tobaucu.kp1', 'GET', `/api/residents/${withId!.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().resident.personalId).toBeNull();
    expect(detail.body).not.toContain(withId!.personalId!);
    const household = await call(
      'tobaucu.kp1',
      'GET',
      `/api/households/${detail.json().resident.householdId}`,
    );
    expect(household.statusCode).toBe(200);
    expect(household.body).not.toContain(withId!.personalId!);
    // The officer still sees it.
    const officerDetail = (await call('ubnd.phuong2', 'GET', `/api/residents/${withId!.id}`)).json();
    expect(officerDetail.resident.personalId).toBe(withId!.personalId);
  });

  it('refuses every role the steps past the count on the step route, with where they are earned', async () => {
    for (const user of ['tobaucu.kp1', 'ubnd.phuong2', 'quantri']) {
      for (const to of ['counted', 'reported', 'recognised', 'rerunOrdered', 'interim']) {
        const before = await events();
        const res = await call(user, 'POST', `/api/elections/${ours.election}/steps`, { to, on: vnToday() });
        expect(`${user} ${to} -> ${res.statusCode}`).toBe(`${user} ${to} -> 422`);
        expect(res.json().error.code).toBe('step-earned');
        expect(res.json().error.message).toMatch(/^Không ghi tay bước/);
        expect(await events()).toBe(before);
      }
    }
  });
});
