import { expect, it } from 'vitest';
import { demo, plan, candidates } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import type { CreateRoundInput } from '../../src/services/plan/plan';
import { aCommuneOfficer, aProvinceViewer, anAdmin } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const WARD = '24820';
const officer = aCommuneOfficer(WARD);
// The tests run on 2024-10-01 (fixedNow); a clock for later days of the same process.
const at = (day: string) => () => new Date(`${day}T03:00:00.000Z`);

async function hamletIds(ctx: ServiceContext): Promise<{ id: string; name: string }[]> {
  const rows = await ctx.store.db
    .selectFrom('hamlets')
    .select(['id', 'name'])
    .where('commune_id', '=', WARD)
    .orderBy('name')
    .execute();
  return rows;
}

const roundInput = (hamlets: { id: string }[], over: Partial<CreateRoundInput> = {}): CreateRoundInput => ({
  communeId: WARD,
  termLabel: '2025-2030',
  profileId: 'nd59-2023',
  form: 'meeting',
  chairName: 'Lê Thanh Bình',
  frontChairName: 'Trần Thị Kim Loan',
  planDate: '2024-09-20',
  hamlets: hamlets.map((h, n) => ({
    hamletId: h.id,
    electionDate: n === 0 ? '2024-10-20' : '2024-11-17',
    startTime: '07:30',
    venue: `Nhà văn hóa ${n + 1}`,
  })),
  assignments: [
    {
      hamletId: hamlets[0]!.id,
      officialName: 'Nguyễn Thuận',
      position: 'Phó Chủ tịch UBND',
      duty: 'Theo dõi, chỉ đạo',
    },
  ],
  ...over,
});

describeEachDatabase('preparation: plan and lifecycle', (t) => {
  it('plans a round: one election per hamlet, tasks from the ND59 timeline and the seed-000 plan', async () => {
    await demo.loadDemo(t.ctx());
    const hamlets = (await hamletIds(t.ctx())).slice(0, 2);
    const r = await plan.createRound(t.ctx(), officer, roundInput(hamlets));
    if (!r.ok) throw new Error(r.error.message);
    const round = r.value;
    expect(round.elections).toHaveLength(2);
    expect(round.elections.every((e) => e.state === 'planned')).toBe(true);
    const first = round.elections.find((e) => e.hamletId === hamlets[0]!.id)!;
    const formTeam = round.tasks.find((x) => x.electionId === first.id && x.stepId === 'form-team')!;
    // ND59 Điều 6 k1b: team formed at the latest 10 days before election day.
    expect(formTeam.due).toBe('2024-10-10');
    expect(formTeam.citation).toContain('Điều 6');
    expect(round.tasks.some((x) => x.source === 'plan' && x.hamletId === null)).toBe(true);
    expect(round.assignments).toHaveLength(1);
    // Today is 2024-10-01 (Tuesday): announce (D-20 = 2024-09-30) is overdue; draft list due 2024-10-05 is this week.
    const announce = round.tasks.find((x) => x.electionId === first.id && x.stepId === 'announce')!;
    expect(announce.overdue).toBe(true);
    const draft = round.tasks.find((x) => x.electionId === first.id && x.stepId === 'draft-candidates')!;
    expect(draft.dueThisWeek).toBe(true);
    expect(first.overdue).toBeGreaterThan(0);
  });

  it('edits a task (status, due date, lead, partners); a province viewer may not', async () => {
    const rounds = await plan.listRounds(t.ctx(), officer, WARD);
    if (!rounds.ok) throw new Error(rounds.error.message);
    const round = await plan.getRound(t.ctx(), officer, rounds.value[0]!.id);
    if (!round.ok) throw new Error(round.error.message);
    const task = round.value.tasks.find((x) => x.overdue)!;
    const done = await plan.updateTask(t.ctx(), officer, task.id, {
      status: 'done',
      lead: 'UBND Phường 2',
      partners: ['UBMTTQVN Phường 2'],
    });
    expect(done.ok && done.value.overdue).toBe(false);
    expect(done.ok && done.value.partners).toEqual(['UBMTTQVN Phường 2']);
    const moved = await plan.updateTask(t.ctx(), officer, task.id, { due: '2024-12-01' });
    expect(moved.ok && moved.value.due).toBe('2024-12-01');
    const viewer = await plan.updateTask(t.ctx(), aProvinceViewer('68'), task.id, {
      status: 'todo',
    });
    expect(!viewer.ok && viewer.error.code).toBe('forbidden');
  });

  it('refuses a plan that a hamlet already has for the same term, and a form the profile does not know', async () => {
    const hamlets = (await hamletIds(t.ctx())).slice(0, 1);
    const again = await plan.createRound(t.ctx(), officer, roundInput(hamlets));
    expect(!again.ok && again.error.code).toBe('conflict');
    const form = await plan.createRound(
      t.ctx(),
      officer,
      roundInput(hamlets, { termLabel: '2030-2035', form: 'separateBallot' }),
    );
    expect(!form.ok && form.error.message).toContain('Nghị định 59/2023/NĐ-CP');
  });

  it('QĐ 01/2016 Quảng Trị Điều 14 k1: a separate election must fall on a Sunday', async () => {
    const hamlets = (await hamletIds(t.ctx())).slice(2, 3);
    const r = await plan.createRound(
      t.ctx(),
      anAdmin(),
      roundInput(hamlets, {
        profileId: 'quang-tri-2016',
        form: 'separateBallot',
        electorate: 'householdRepresentatives',
        hamlets: [{ hamletId: hamlets[0]!.id, electionDate: '2024-11-16' }],
      }),
    );
    expect(!r.ok && r.error.code).toBe('weekday-not-allowed');
    expect(!r.ok && r.error.message).toContain('Điều 14');
  });

  it('refuses an out-of-order step, naming the rule and its citation', async () => {
    const rounds = await plan.listRounds(t.ctx(), officer, WARD);
    const round = await plan.getRound(t.ctx(), officer, rounds.ok ? rounds.value[0]!.id : '');
    const election = round.ok ? round.value.elections[1]! : undefined;
    const r = await plan.recordStep(t.ctx(), officer, election!.id, {
      to: 'teamFormed',
      on: '2024-10-01',
    });
    expect(!r.ok && r.error.code).toBe('invalid-transition');
    expect(!r.ok && r.error.message).toContain('Nghị định 59/2023/NĐ-CP');
  });

  it('ND59 Điều 6 k1: a step recorded after its deadline is refused unless the chair overrides it', async () => {
    const rounds = await plan.listRounds(t.ctx(), officer, WARD);
    const round = await plan.getRound(t.ctx(), officer, rounds.ok ? rounds.value[0]!.id : '');
    // Election day 2024-10-20: the drafted list was due 2024-10-05 (D-15).
    const election = round.ok
      ? round.value.elections.find((e) => e.electionDate === '2024-10-20')!
      : undefined;
    const late = at('2024-10-08');
    const refused = await plan.recordStep(t.ctx(late), officer, election!.id, {
      to: 'candidatesDrafted',
      on: '2024-10-07',
    });
    expect(!refused.ok && refused.error.code).toBe('deadline-passed');
    expect(!refused.ok && refused.error.message).toContain('05/10/2024');
    expect(!refused.ok && refused.error.details?.['rule']).toBe('timeline.draft-candidates');
    const thinReason = await plan.recordStep(t.ctx(late), officer, election!.id, {
      to: 'candidatesDrafted',
      on: '2024-10-07',
      override: { authorisedBy: 'Lê Thanh Bình', reason: 'ốm' },
    });
    expect(!thinReason.ok && thinReason.error.field).toBe('override.reason');
    // With the override the lateness passes; the step still needs its drafted list.
    const noList = await plan.recordStep(t.ctx(late), officer, election!.id, {
      to: 'candidatesDrafted',
      on: '2024-10-07',
      override: { authorisedBy: 'Lê Thanh Bình', reason: 'Ban CTMT họp muộn do mưa bão' },
    });
    expect(!noList.ok && noList.error.code).toBe('list-not-drafted');
    const future = await plan.recordStep(t.ctx(late), officer, election!.id, {
      to: 'candidatesDrafted',
      on: '2024-10-09',
    });
    expect(!future.ok && future.error.field).toBe('on');
  });

  it('shows the history and the next steps with their deadlines', async () => {
    const rounds = await plan.listRounds(t.ctx(), officer, WARD);
    const round = await plan.getRound(t.ctx(), officer, rounds.ok ? rounds.value[0]!.id : '');
    const election = round.ok ? round.value.elections[0]! : undefined;
    const view = await plan.getLifecycle(t.ctx(), aProvinceViewer('68'), election!.id);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.history.map((h) => h.to)).toEqual(['planned']);
    expect(view.value.next[0]!.to).toBe('candidatesDrafted');
    expect(view.value.next[0]!.deadline?.citationText).toContain('Điều 6');
  });

  it('refuses a meeting the profile does not have (ND59 has no voters’ conference on the list)', async () => {
    const rounds = await plan.listRounds(t.ctx(), officer, WARD);
    const round = await plan.getRound(t.ctx(), officer, rounds.ok ? rounds.value[0]!.id : '');
    const election = round.ok ? round.value.elections[0]! : undefined;
    const r = await candidates.recordMeeting(t.ctx(), officer, election!.id, {
      kind: 'votersConference',
      heldOn: '2024-10-01',
      startTime: '08:00',
      venue: 'Nhà văn hóa',
      chairName: 'Phạm Văn Hùng',
      chairPosition: 'Khu phố trưởng',
      secretaryName: 'Lê Thị Thu Hà',
      convened: 100,
      present: 80,
      votes: [],
    });
    expect(!r.ok && r.error.code).toBe('meeting-not-in-profile');
  });
});
