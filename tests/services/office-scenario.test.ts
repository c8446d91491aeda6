import { expect, it } from 'vitest';
import { office, scenario, plan } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import type { ElectionState } from '../../src/domain/election';
import { aCommuneOfficer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import type { HandsOutcome } from './office-support';
import { WARD, adults, at, countAndReport, loadWard, reportedElection } from './office-support';

const officer = aCommuneOfficer(WARD);

/** The two example scenarios of docs/after-the-vote.md (Khu phố 1 and Khu phố 3 of the demo ward). */
export const FAILED_THEN_INTERIM = [
  {
    do: 'rerun',
    on: '2026-02-10',
    rerunDate: '2026-02-22',
    reasons: ['Không có người ứng cử nào đạt trên 50% tổng số đại diện hộ gia đình'],
  },
  { do: 'step', to: 'polling', on: '2026-02-22' },
  // The second round counted by show of hands and reported by the team (no one elected again).
  { do: 'count', outcome: 'failed', on: '2026-02-22' },
  {
    do: 'interim',
    on: '2026-02-24',
    reason: 'failedElection',
    person: { adult: 1 },
    signer: 'Lê Thanh Bình',
  },
] as const;

export const RECALL = [
  { do: 'recognise', on: '2026-02-10', signer: 'Lê Thanh Bình' },
  {
    do: 'removal',
    on: '2026-03-02',
    ref: 'r1',
    kind: 'release',
    trigger: 'householdPetition',
    grounds: ['Không hoàn thành nhiệm vụ'],
    households: 400,
  },
  {
    do: 'removalMeeting',
    on: '2026-03-08',
    ref: 'r1',
    convenorName: 'Châu Văn Long',
    secretaryName: 'Vũ Thị Kim Oanh',
    guests: ['Đại diện UBND Phường 2'],
    method: 'secret',
    countingTeam: [
      { name: 'Lý Văn Nam', role: 'Tổ trưởng' },
      { name: 'Đỗ Thị Hằng', role: 'Thành viên' },
      { name: 'Phan Hữu Quang', role: 'Thành viên' },
    ],
    witnesses: ['Ngô Văn Hải', 'Dương Thị Châu'],
    present: 380,
    valid: 378,
    approve: 330,
    disapprove: 48,
  },
  { do: 'removalDecision', on: '2026-03-13', ref: 'r1', interim: { adult: 2 }, signer: 'Lê Thanh Bình' },
] as const;

async function run(
  ctx: (day: string) => ServiceContext,
  electionId: string,
  hamletId: string,
  steps: readonly unknown[],
) {
  const people = await adults(ctx('2026-01-01'), hamletId, 10);
  const env = {
    electionId,
    hamletId,
    refs: new Map<string, string>(),
    person: (ref: Record<string, string | number>) => people[Number(ref['adult'])]!.id,
  };
  const forms: string[] = [];
  for (const raw of steps) {
    const s = raw as { do: string; on: string; to?: ElectionState; outcome?: HandsOutcome };
    if (s.do === 'count') {
      await countAndReport(ctx(s.on), electionId, s.on, s.outcome!);
      continue;
    }
    if (s.do === 'step') {
      const r = await plan.recordStep(ctx(s.on), officer, electionId, {
        to: s.to!,
        on: s.on,
      });
      if (!r.ok) throw new Error(`${s.do} ${s.to}: ${r.error.message}`);
      continue;
    }
    const step = scenario.officeStepSchema.parse(raw);
    const out = await scenario.performOfficeStep(ctx(step.on), officer, step, env);
    if (!out.result.ok) throw new Error(`${step.do}: ${out.result.error.message}`);
    forms.push(...out.documents.map((d) => d.form_id));
  }
  return forms;
}

describeEachDatabase('after-the-vote scenario steps', (t) => {
  const ctx = (day: string) => t.ctx(at(day));

  it('a failed election goes to a re-election and then to an interim head, with the new-election deadline', async () => {
    const hs = await loadWard(ctx('2026-02-10'));
    const id = await reportedElection(ctx('2026-02-10'), {
      hamletId: hs[0]!.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
      count: 'failed',
    });
    const forms = await run(ctx, id, hs[0]!.id, FAILED_THEN_INTERIM);
    expect(forms).toEqual(['rerun-decision', 'interim-head-decision']);
    const reg = await office.getRegister(ctx('2026-02-24'), officer, WARD);
    if (!reg.ok) throw new Error(reg.error.message);
    expect(reg.value.hamlets.find((h) => h.id === hs[0]!.id)!.current[0]!.newElectionBy).toBe('2026-08-24');
  });

  it('a head is recognised, then relieved after a household petition, with every document', async () => {
    const hs = await loadWard(ctx('2026-02-10'));
    const id = await reportedElection(ctx('2026-02-10'), {
      hamletId: hs[2]!.id,
      electionDate: '2026-02-08',
      receivedOn: '2026-02-09',
      count: 'elected',
    });
    const forms = await run(ctx, id, hs[2]!.id, RECALL);
    expect(forms).toEqual([
      'recognition-decision',
      'removal-petition',
      'removal-minutes',
      'removal-count',
      'removal-recognition-decision',
      'interim-head-decision',
    ]);
    expect(() => scenario.officeStepSchema.parse({ do: 'recognise' })).toThrow();
    expect(scenario.OFFICE_STEPS).toContain('removalMeeting');
  });
});
