import { describe, expect, it } from 'vitest';
import { allowedDeputies } from './deputies';
import { SHIPPED_PROFILES, createRegistry, getProfile, listProfiles } from './registry';
import type { RuleProfile } from './schema';
import { ruleProfileSchema } from './schema';
import { kienGiang2024 } from './kien-giang-2024';
import { nd59 } from './nd59-2023';
import { quangTri2016 } from './quang-tri-2016';
import { tayNinh2019 } from './tay-ninh-2019';

function params(x: unknown, path = ''): Array<[string, Record<string, unknown>]> {
  if (typeof x !== 'object' || x === null) return [];
  const o = x as Record<string, unknown>;
  if ('value' in o && 'citation' in o && 'confidence' in o) return [[path, o]];
  return Object.entries(o).flatMap(([k, v]) => params(v, path ? `${path}.${k}` : k));
}

describe('shipped profiles', () => {
  it.each(SHIPPED_PROFILES.map((p) => [p.id, p] as const))('%s validates against the schema', (_id, p) => {
    expect(ruleProfileSchema.safeParse(p).success).toBe(true);
  });

  it.each(SHIPPED_PROFILES.map((p) => [p.id, p] as const))(
    '%s: every value carries a citation and a confidence',
    (_id, p) => {
      const all = params(p);
      expect(all.length).toBeGreaterThan(40);
      for (const [path, param] of all) {
        const c = param.citation as { source: string; article: string };
        expect(c.source.length, path).toBeGreaterThan(3);
        expect(c.article.length, path).toBeGreaterThan(2);
      }
    },
  );

  it('lists the four profiles with their effective dates', () => {
    expect(listProfiles().map((p) => [p.id, p.effectiveFrom])).toEqual([
      ['kien-giang-2024', '2024-03-11'],
      ['nd59-2023', '2023-08-15'],
      ['quang-tri-2016', '2016-02-11'],
      ['tay-ninh-2019', '2019-01-01'],
    ]);
  });

  it('refuses an unknown profile and a date before it took effect', () => {
    const a = getProfile('ha-noi-2030');
    expect(!a.ok && a.error.code).toBe('unknown-profile');
    const b = getProfile('nd59-2023', '2023-08-14');
    expect(!b.ok && b.error.code).toBe('profile-not-in-force');
    expect(getProfile('nd59-2023', '2023-08-15').ok).toBe(true);
  });

  it('picks the version in force on a day when a profile has several', () => {
    const v1: RuleProfile = {
      ...nd59,
      effective: { ...nd59.effective, value: { from: '2023-08-15', to: '2026-06-30' } },
    };
    const v2: RuleProfile = {
      ...nd59,
      title: 'Nghị định mới (giả định)',
      effective: { ...nd59.effective, value: { from: '2026-07-01', to: null } },
    };
    const reg = createRegistry([v2, v1]);
    const old = reg.getProfile('nd59-2023', '2025-01-01');
    const current = reg.getProfile('nd59-2023', '2026-07-01');
    expect(old.ok && old.value.title).toBe(nd59.title);
    expect(current.ok && current.value.title).toBe('Nghị định mới (giả định)');
    const latest = reg.getProfile('nd59-2023');
    expect(latest.ok && latest.value.effective.value.from).toBe('2026-07-01');
  });
});

describe('nd59-2023', () => {
  it('TT04 Điều 12 k2: term 2.5 or 5 years, chosen by the province', () => {
    expect(nd59.term.value.options).toEqual([30, 60]);
  });
  it('TT 14/2018 Điều 1 k2: the deputy is chosen by the head, not elected', () => {
    expect(nd59.positions.value).toEqual(['head']);
    expect(nd59.deputies.value.mode).toBe('appointedByHead');
    expect(allowedDeputies(nd59, 'rural', 800)).toBe(1);
  });
  it('ND59 Điều 3 k2: one household representative per household with full legal capacity', () => {
    expect(nd59.electorate.value).toBe('householdRepresentatives');
    expect(nd59.householdRepresentative.value).toMatchObject({
      perHousehold: 1,
      requiresFullLegalCapacity: true,
    });
  });
  it('ND59 Điều 7: winner rule is unverified, > 50% of household representatives on the list', () => {
    expect(nd59.winner.confidence).toBe('unverified');
    expect(nd59.winner.value.meeting?.threshold).toEqual({
      numerator: 1,
      denominator: 2,
      strict: true,
      base: 'registered',
    });
  });
  it('ND59 Điều 9 k1: release petition by at least 50% of households', () => {
    const release = nd59.removal.find((r) => r.kind === 'release');
    expect(release?.petition.value).toEqual({
      numerator: 1,
      denominator: 2,
      strict: false,
      base: 'registered',
    });
    expect(release?.newElection.value).toEqual({ withinDays: 60, mode: 'decided' });
  });
});

describe('quang-tri-2016', () => {
  it('QĐ 01/2016 Điều 4 k1–3: deputies by the number of households', () => {
    expect(allowedDeputies(quangTri2016, 'rural', 49)).toBe(0);
    expect(allowedDeputies(quangTri2016, 'rural', 50)).toBe(1);
    expect(allowedDeputies(quangTri2016, 'rural', 500)).toBe(1);
    expect(allowedDeputies(quangTri2016, 'rural', 501)).toBe(2);
    expect(allowedDeputies(quangTri2016, 'urban', 59)).toBe(0);
    expect(allowedDeputies(quangTri2016, 'urban', 60)).toBe(1);
    expect(allowedDeputies(quangTri2016, 'urban', 600)).toBe(1);
    expect(allowedDeputies(quangTri2016, 'urban', 601)).toBe(2);
  });
  it('QĐ 01/2016 Điều 4 k4a: term 30 months; Điều 13: head and deputy elected together', () => {
    expect(quangTri2016.term.value.months).toBe(30);
    expect(quangTri2016.positions.value).toEqual(['head', 'deputyHead']);
  });
  it('QĐ 01/2016 Điều 14 k1, Điều 15 k2a: Sunday, 07:00–12:00, never before 05:00 or after 22:00', () => {
    expect(quangTri2016.pollingDays.value).toEqual([0]);
    expect(quangTri2016.pollingHours.value).toEqual({
      sessionStarts: ['07:00'],
      end: '12:00',
      earliestStart: '05:00',
      latestEnd: '22:00',
      earlyClose: 'allVoted',
    });
  });
  it('QĐ 01/2016 Điều 15 k1đ: election team of 5 to 7, led by the Front committee head', () => {
    expect(quangTri2016.electionTeam.value).toMatchObject({
      minSize: 5,
      maxSize: 7,
      leader: 'frontCommitteeHead',
      excludesCandidates: true,
    });
  });
  it('QĐ 01/2016 Điều 15 k1i: four reasons for an invalid ballot', () => {
    expect(quangTri2016.invalidReasons.value).toEqual([
      'unofficial-form',
      'unstamped',
      'too-many-kept',
      'extra-name',
    ]);
  });
});

describe('tay-ninh-2019', () => {
  it('Quy trình TN Điều 16 3e: tie goes to the older candidate; turnout at least 50%', () => {
    expect(tayNinh2019.tieBreak.value).toBe('olderWins');
    expect(tayNinh2019.turnoutMinimum.value.separateBallot).toMatchObject({
      strict: false,
      base: 'registered',
    });
  });
  it('Quy trình TN Điều 16 3d: all names struck out is invalid', () => {
    expect(tayNinh2019.allStruckOut.value).toBe('invalid');
    expect(tayNinh2019.invalidReasons.value).toContain('all-struck');
  });
  it('Quy trình TN Điều 14 k2a: at least 2 candidates on the official list', () => {
    expect(tayNinh2019.candidateCount.value.officialMin).toBe(2);
  });
  it('Quy trình TN Điều 10 k1: recall petition by at least one third of household representatives', () => {
    const recall = tayNinh2019.removal.find((r) => r.kind === 'recall');
    expect(recall?.petition.value).toEqual({
      numerator: 1,
      denominator: 3,
      strict: false,
      base: 'registered',
    });
  });
});

describe('kien-giang-2024', () => {
  it('Kế hoạch 65/KH-UBND: heads under ND59 for 2024–2029, Tổ nhân dân tự quản 2-year term (unverified)', () => {
    expect(kienGiang2024.winner).toEqual(nd59.winner);
    expect(kienGiang2024.term.value.months).toBe(60);
    expect(kienGiang2024.residentGroup.value).toEqual({
      positions: ['groupLeader', 'groupDeputy', 'groupSecretary'],
      termMonths: 24,
    });
    expect(kienGiang2024.residentGroup.confidence).toBe('unverified');
  });
});
