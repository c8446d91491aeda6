import { describe, expect, it } from 'vitest';
import { nd59 } from '../rules/nd59-2023';
import { quangTri2016 } from '../rules/quang-tri-2016';
import { tayNinh2019 } from '../rules/tay-ninh-2019';
import {
  checkCandidate,
  checkCandidateList,
  checkCountingTeam,
  checkElectionTeam,
  checkHouseholdRepresentatives,
  checkVoter,
  checkWitnesses,
  teamMemberRefusals,
} from './eligibility';
import type { TeamMember } from './eligibility';

const D = '2024-11-17';

describe('candidate eligibility', () => {
  it('TT04 Điều 11 / QĐ 01/2016 Điều 12: 21 on election day is old enough, a day short is not', () => {
    const base = { personId: 'p1', permanentResidenceInHamlet: true, regularResidenceInHamlet: true };
    expect(checkCandidate(quangTri2016, { ...base, birthDate: '2003-11-17' }, D).eligible).toBe(true);
    const young = checkCandidate(quangTri2016, { ...base, birthDate: '2003-11-18' }, D);
    expect(young.eligible).toBe(false);
    expect(young.refusals[0]).toMatchObject({
      code: 'candidate-too-young',
      rule: 'candidate.minAge',
      citation: { article: 'Điều 12' },
    });
    expect(young.refusals[0]?.message).toContain('đủ 21 tuổi');
  });

  it('QĐ 01/2016 Điều 12: permanent and regular residence in the hamlet', () => {
    const r = checkCandidate(
      quangTri2016,
      {
        personId: 'p',
        birthDate: '1980-01-01',
        permanentResidenceInHamlet: false,
        regularResidenceInHamlet: false,
      },
      D,
    );
    expect(r.refusals.map((x) => x.code)).toEqual([
      'candidate-permanent-residence',
      'candidate-regular-residence',
    ]);
  });

  it('ND59 Điều 6 k1b: a member of the election team cannot be a candidate', () => {
    const r = checkCandidate(
      nd59,
      {
        personId: 'p',
        birthDate: '1980-01-01',
        permanentResidenceInHamlet: true,
        regularResidenceInHamlet: true,
      },
      D,
      ['p'],
    );
    expect(r.refusals.map((x) => x.code)).toEqual(['candidate-on-election-team']);
  });

  it('QĐ 01/2016 Điều 15 k1c: 1 to 2 per position on the draft; Quy trình TN Điều 14 k2a: at least 2 on the official list', () => {
    expect(checkCandidateList(quangTri2016, 'draft', 3).refusals[0]?.code).toBe('candidates-too-many');
    expect(checkCandidateList(quangTri2016, 'official', 1).eligible).toBe(true);
    expect(checkCandidateList(tayNinh2019, 'official', 1).refusals[0]?.rule).toBe(
      'candidateCount.officialMin',
    );
  });
});

describe('voter eligibility', () => {
  it('QĐ 01/2016 Điều 14 k2: 18 or over, permanent residence, not in prison without suspension', () => {
    expect(
      checkVoter(quangTri2016, { birthDate: '2006-11-17', permanentResidenceInHamlet: true }, D).eligible,
    ).toBe(true);
    expect(
      checkVoter(quangTri2016, { birthDate: '2006-11-18', permanentResidenceInHamlet: true }, D).refusals[0]
        ?.code,
    ).toBe('voter-too-young');
    const prisoner = checkVoter(
      quangTri2016,
      { birthDate: '1980-01-01', permanentResidenceInHamlet: true, exclusions: ['prisonUnsuspended'] },
      D,
    );
    expect(prisoner.refusals[0]?.message).toContain('án treo');
  });

  it('Quy trình TN Điều 3: any length of residence; people under quản chế are excluded', () => {
    expect(checkVoter(tayNinh2019, { birthDate: '1980-01-01' }, D).eligible).toBe(true);
    expect(
      checkVoter(tayNinh2019, { birthDate: '1980-01-01', exclusions: ['underProbation'] }, D).eligible,
    ).toBe(false);
  });
});

describe('household representatives', () => {
  it('ND59 Điều 3 k2: one representative per household, with full legal capacity or nominated by the members', () => {
    const verdicts = checkHouseholdRepresentatives(
      nd59,
      [
        { householdId: 'h1', anyMemberWithFullCapacity: true },
        { householdId: 'h2', anyMemberWithFullCapacity: true },
        { householdId: 'h3', anyMemberWithFullCapacity: false },
        { householdId: 'h4', anyMemberWithFullCapacity: true },
      ],
      [
        { personId: 'a', householdId: 'h1', legalCapacity: 'full' },
        { personId: 'b', householdId: 'h2', legalCapacity: 'full' },
        { personId: 'c', householdId: 'h2', legalCapacity: 'full' },
        { personId: 'd', householdId: 'h3', legalCapacity: 'limited', nominatedByMembers: true },
        { personId: 'e', householdId: 'h4', legalCapacity: 'limited', nominatedByMembers: true },
      ],
      D,
    );
    expect(verdicts.get('h1')?.eligible).toBe(true);
    expect(verdicts.get('h2')?.refusals[0]?.code).toBe('household-too-many-representatives');
    expect(verdicts.get('h3')?.eligible).toBe(true);
    expect(verdicts.get('h4')?.refusals[0]?.code).toBe('representative-capacity');
  });
});

describe('teams and witnesses', () => {
  const team = (n: number, extra: Partial<TeamMember> = {}): TeamMember[] => [
    { personId: 'lead', role: 'leader', isFrontCommitteeHead: true, ...extra },
    { personId: 'sec', role: 'secretary' },
    ...Array.from({ length: n - 2 }, (_, i) => ({ personId: `m${i}`, role: 'member' as const })),
  ];

  it('QĐ 01/2016 Điều 15 k1đ: 5 to 7 people led by the Front committee head, no candidates', () => {
    expect(checkElectionTeam(quangTri2016, team(5), []).eligible).toBe(true);
    expect(checkElectionTeam(quangTri2016, team(4), []).refusals[0]?.code).toBe(
      'electionTeam.size-too-small',
    );
    expect(checkElectionTeam(quangTri2016, team(8), []).refusals[0]?.code).toBe(
      'electionTeam.size-too-large',
    );
    expect(
      checkElectionTeam(quangTri2016, team(5, { isFrontCommitteeHead: false }), []).refusals[0]?.code,
    ).toBe('election-team-leader');
    expect(checkElectionTeam(quangTri2016, team(5), ['m0']).refusals[0]?.code).toBe(
      'election-team-candidate',
    );
  });

  it('ND59 Điều 3 k5: a counting team of 3 to 5', () => {
    const members: TeamMember[] = [
      { personId: 'a', role: 'leader' },
      { personId: 'b', role: 'member' },
    ];
    expect(checkCountingTeam(nd59, members, []).refusals[0]?.code).toBe('countingTeam.size-too-small');
    expect(checkCountingTeam(nd59, [...members, { personId: 'c', role: 'member' }], []).eligible).toBe(true);
  });

  it('QĐ 01/2016 Điều 15 k2d: 2 witnesses who are not candidates', () => {
    expect(checkWitnesses(quangTri2016, ['x', 'y'], ['a']).eligible).toBe(true);
    expect(checkWitnesses(quangTri2016, ['x'], ['a']).refusals[0]?.code).toBe('witness-count');
    expect(checkWitnesses(quangTri2016, ['x', 'a'], ['a']).refusals[0]?.code).toBe('witness-candidate');
  });
});

describe('who may sit on the election team (ND59 Điều 6 khoản 1 điểm b; QĐ 01/2016 Điều 15 khoản 1 điểm đ)', () => {
  const profile = quangTri2016;
  const member = (over: Partial<TeamMember>): TeamMember => ({
    personId: 'p1',
    name: 'Nguyễn Văn An',
    role: 'member',
    birthDate: '2000-01-01',
    residentOfHamlet: true,
    ...over,
  });

  it('BLDS Điều 20: refuses a member under 18 on the appointment day, by name and age; 18 that day is an adult', () => {
    const minor = teamMemberRefusals(profile, member({ birthDate: '2008-03-08' }), '2024-03-07');
    expect(minor.map((r) => r.code)).toEqual(['election-team-minor']);
    expect(minor[0]!.message).toMatch(/^Nguyễn Văn An mới 15 tuổi vào ngày 07\/03\/2024/);
    expect(minor[0]!.rule).toBe('civilMajorityAge');
    expect(teamMemberRefusals(profile, member({ birthDate: '2006-03-07' }), '2024-03-07')).toEqual([]);
    expect(teamMemberRefusals(profile, member({ birthDate: '2006-03-08' }), '2024-03-07')).toHaveLength(1);
  });

  it('refuses a member who does not live in the hamlet; an official named by hand is not checked', () => {
    const away = teamMemberRefusals(profile, member({ residentOfHamlet: false }), '2024-03-07');
    expect(away.map((r) => r.code)).toEqual(['election-team-not-resident']);
    expect(away[0]!.message).toMatch(/Điều 15/);
    expect(
      teamMemberRefusals(profile, member({ birthDate: null, residentOfHamlet: null }), '2024-03-07'),
    ).toEqual([]);
  });

  it('checkElectionTeam names each failing member with the rule: the minor, the outsider and the candidate', () => {
    const team: TeamMember[] = [
      member({ personId: 'a', name: 'A', role: 'leader', isFrontCommitteeHead: true }),
      member({ personId: 'b', name: 'B', role: 'secretary', birthDate: '2013-01-01' }),
      member({ personId: 'c', name: 'C', residentOfHamlet: false }),
      member({ personId: 'd', name: 'D' }),
      member({ personId: 'e', name: 'E' }),
    ];
    const v = checkElectionTeam(profile, team, ['d'], '2024-03-07');
    expect(v.refusals.map((r) => [r.code, r.message.slice(0, 1)])).toEqual([
      ['election-team-minor', 'B'],
      ['election-team-not-resident', 'C'],
      ['election-team-candidate', 'D'],
    ]);
  });
});
