import { describe, expect, it } from 'vitest';
import { nd59 } from '../rules/nd59-2023';
import { quangTri2016 } from '../rules/quang-tri-2016';
import { tayNinh2019 } from '../rules/tay-ninh-2019';
import type { ElectionForm, RuleProfile } from '../rules/schema';
import type { OutcomeInput } from './outcome';
import { decideOutcome } from './outcome';

const candidates = [
  { id: 'a', birthDate: '1970-05-01' },
  { id: 'b', birthDate: '1965-03-12' },
  { id: 'c', birthDate: '1980-01-20' },
];

/** A show of hands at the meeting: each person present may raise a hand for several candidates. */
const hands = (votes: number[], seats = 1, form: ElectionForm = 'meeting'): OutcomeInput => ({
  form,
  seats,
  round: 1,
  registered: 100,
  voted: 90,
  valid: 90,
  candidates: candidates.slice(0, votes.length),
  votes,
});

/** The profile with the highest-votes condition of one form switched off (as an override would). */
function withoutHighest(profile: RuleProfile, form: ElectionForm): RuleProfile {
  const rule = profile.winner.value[form];
  if (!rule) throw new Error(`no winner rule for ${form}`);
  return {
    ...profile,
    winner: {
      ...profile.winner,
      value: { ...profile.winner.value, [form]: { ...rule, requireHighest: false } },
    },
  };
}

describe('winner: the most votes among those over the threshold (requireHighest)', () => {
  it('every profile requires the highest votes for every form it allows', () => {
    for (const p of [nd59, quangTri2016, tayNinh2019])
      for (const form of p.electionForms.value) expect(p.winner.value[form]?.requireHighest).toBe(true);
  });

  it('QĐ 01/2016 Quảng Trị Điều 15 k2d: two over 50% for one seat, the one with more votes is elected', () => {
    const r = decideOutcome(quangTri2016, hands([55, 60]));
    expect(r).toEqual({ outcome: 'elected', elected: ['b'], reasons: [] });
  });

  it('QĐ 01/2016 Quảng Trị Điều 15 k2d: the highest must still be over 50% of the roll', () => {
    const r = decideOutcome(quangTri2016, hands([50, 45]));
    expect(r.outcome).toBe('rerun');
    expect(r.reasons).toEqual(['no-candidate-over-threshold']);
  });

  it('Tây Ninh 2019 Điều 2 and Điều 16 k3e: equal highest votes over the threshold, the older is elected', () => {
    const r = decideOutcome(tayNinh2019, hands([60, 60]));
    expect(r).toEqual({ outcome: 'elected', elected: ['b'], reasons: ['tie-broken-by-age'] });
  });

  it('ND59 Điều 7 [U]: more candidates over the threshold than seats, the seats go by votes', () => {
    const r = decideOutcome(nd59, hands([70, 52, 65], 2));
    expect(r.outcome).toBe('elected');
    expect(r.elected).toEqual(['a', 'c']);
  });

  it('without requireHighest (an override): everyone over the threshold is elected when they fit the seats', () => {
    const r = decideOutcome(withoutHighest(quangTri2016, 'meeting'), hands([51, 60, 10], 2));
    expect(r).toEqual({ outcome: 'elected', elected: ['a', 'b'], reasons: [] });
  });

  it('without requireHighest: more over the threshold than seats cannot be decided, so a re-election', () => {
    const r = decideOutcome(withoutHighest(quangTri2016, 'meeting'), hands([55, 60]));
    expect(r.outcome).toBe('rerun');
    expect(r.elected).toEqual([]);
    expect(r.reasons).toEqual(['more-over-threshold-than-seats']);
  });

  it('without requireHighest: nobody over the threshold is still a re-election', () => {
    const r = decideOutcome(withoutHighest(quangTri2016, 'meeting'), hands([40, 45]));
    expect(r.reasons).toEqual(['no-candidate-over-threshold']);
  });
});
