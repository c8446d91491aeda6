import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nd59 } from '../rules/nd59-2023';
import { quangTri2016 } from '../rules/quang-tri-2016';
import { tayNinh2019 } from '../rules/tay-ninh-2019';
import type { RuleProfile } from '../rules/schema';
import { parseCountInput } from './input';
import { tally } from './tally';
import { invalidReasonOf, paperRulesOf } from './papers';
import type { CountInput, Paper, TallyResult } from './types';

/** A count builder: `aCount().registered(100).papers(51, ['a']).papers(40, ['b'])`. */
function aCount() {
  const papers: Paper[] = [];
  let base: Omit<CountInput, 'papers' | 'issued' | 'received' | 'voted'> & { voted?: number } = {
    position: 'head',
    seats: 1,
    round: 1,
    registered: 100,
    candidates: [
      { id: 'a', name: 'Nguyễn Văn An', birthDate: '1970-05-01' },
      { id: 'b', name: 'Trần Thị Bình', birthDate: '1965-03-12' },
    ],
  };
  const builder = {
    registered(n: number) {
      base = { ...base, registered: n };
      return builder;
    },
    round(n: number) {
      base = { ...base, round: n };
      return builder;
    },
    voted(n: number) {
      base = { ...base, voted: n };
      return builder;
    },
    candidates(c: CountInput['candidates']) {
      base = { ...base, candidates: c };
      return builder;
    },
    papers(n: number, kept: string[], defects?: Paper['defects']) {
      for (let i = 0; i < n; i++) papers.push(defects ? { kept, defects } : { kept });
      return builder;
    },
    build(): CountInput {
      const voted = base.voted ?? papers.length;
      return { ...base, voted, issued: Math.max(voted, papers.length), received: papers.length, papers };
    },
    tally(profile: RuleProfile): TallyResult {
      const r = tally(profile, builder.build());
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
  };
  return builder;
}

describe('QĐ 01/2016 Quảng Trị (separate secret ballot)', () => {
  it('QĐ 01/2016 Điều 15 k2d: elected needs > 50% of the roll: 50 of 100 is not enough', () => {
    const r = aCount().papers(50, ['a']).papers(30, ['b']).tally(quangTri2016);
    expect(r.outcome).toBe('rerun');
    expect(r.reasons).toEqual(['no-candidate-over-threshold']);
    expect(r.candidates[0]).toEqual({ id: 'a', votes: 50, percentOfRegistered: '50.00' });
  });

  it('QĐ 01/2016 Điều 15 k2d: 51 of 100 on the roll is elected', () => {
    const r = aCount().papers(51, ['a']).papers(30, ['b']).tally(quangTri2016);
    expect(r.outcome).toBe('elected');
    expect(r.elected).toEqual(['a']);
  });

  it('QĐ 01/2016 Điều 15 k3: exactly 50% turnout fails ("chưa được quá nửa")', () => {
    const r = aCount().papers(50, ['a']).tally(quangTri2016);
    expect(r.outcome).toBe('rerun');
    expect(r.reasons).toEqual(['turnout']);
  });

  it('QĐ 01/2016 Điều 15 k3: a failed second round leads to an interim head', () => {
    const r = aCount().round(2).papers(40, ['a']).papers(20, ['b']).tally(quangTri2016);
    expect(r.outcome).toBe('interim');
    expect(r.elected).toEqual([]);
  });

  it('QĐ 01/2016 Điều 15 k1i: unstamped, unofficial, two names, an added name are invalid', () => {
    const r = aCount()
      .papers(55, ['a'])
      .papers(2, ['a'], ['unstamped'])
      .papers(1, ['a'], ['unofficial-form'])
      .papers(3, ['a', 'b'])
      .papers(1, ['b'], ['extra-name'])
      .tally(quangTri2016);
    expect(r.valid).toBe(55);
    expect(r.invalid).toBe(7);
    expect(r.invalidReasons).toEqual({
      'unofficial-form': 1,
      unstamped: 2,
      'too-many-kept': 3,
      'extra-name': 1,
    });
  });

  it('QĐ 01/2016 Điều 15 k1i: a paper with every name struck out is not listed, so it is valid and counts for nobody', () => {
    const r = aCount().papers(52, ['a']).papers(5, []).tally(quangTri2016);
    expect(r.valid).toBe(57);
    expect(r.invalid).toBe(0);
    expect(r.elected).toEqual(['a']);
  });

  it('QĐ 01/2016 Điều 15 k2d: a tie has no tie-break, so the round is re-run', () => {
    // Two seats are needed for two candidates to both clear 50% of the roll; with seats 1 a tie
    // cannot clear it, so use a deputy race with two seats and three tied candidates.
    const r = tally(quangTri2016, {
      position: 'deputyHead',
      seats: 2,
      round: 1,
      registered: 100,
      voted: 90,
      issued: 90,
      received: 90,
      candidates: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      papers: [
        ...Array.from({ length: 30 }, () => ({ kept: ['a', 'b'] })),
        ...Array.from({ length: 30 }, () => ({ kept: ['b', 'c'] })),
        ...Array.from({ length: 30 }, () => ({ kept: ['a', 'c'] })),
      ],
    });
    expect(r.ok && r.value.outcome).toBe('rerun');
    expect(r.ok && r.value.reasons).toEqual(['tie-unresolved']);
  });
});

describe('Quy trình Tây Ninh 2019 (separate secret ballot)', () => {
  it('Quy trình TN Điều 16 3e: exactly 50% turnout is valid ("ít nhất 50%")', () => {
    const r = aCount().papers(50, ['a']).tally(tayNinh2019);
    expect(r.reasons).not.toContain('turnout');
    expect(r.outcome).toBe('elected');
  });

  it('Quy trình TN Điều 16 3e: below 50% turnout is re-run', () => {
    const r = aCount().papers(49, ['a']).tally(tayNinh2019);
    expect(r.reasons).toEqual(['turnout']);
  });

  it('Quy trình TN Điều 16 3e: > 50% of the representatives who took part', () => {
    const win = aCount().papers(31, ['a']).papers(29, ['b']).tally(tayNinh2019);
    expect(win.elected).toEqual(['a']);
    const lose = aCount()
      .papers(30, ['a'])
      .papers(30, ['b'])
      .candidates([{ id: 'a' }, { id: 'b' }])
      .tally(tayNinh2019);
    expect(lose.outcome).toBe('rerun');
  });

  it('Quy trình TN Điều 16 3d: every name struck out, and X in both columns, are invalid', () => {
    const r = aCount().papers(40, ['a']).papers(10, []).papers(2, ['b'], ['both-columns']).tally(tayNinh2019);
    expect(r.invalidReasons).toEqual({ 'all-struck': 10, 'both-columns': 2 });
    expect(r.valid + r.invalid).toBe(r.received);
  });

  it('Quy trình TN Điều 16 3e: on a tie the older candidate wins', () => {
    const r = tally(tayNinh2019, {
      position: 'head',
      seats: 1,
      round: 1,
      registered: 100,
      voted: 60,
      issued: 60,
      received: 60,
      candidates: [
        { id: 'a', birthDate: '1970-05-01' },
        { id: 'b', birthDate: '1965-03-12' },
      ],
      hands: { a: 60, b: 60 },
      form: 'meeting',
    });
    expect(r.ok && r.value.elected).toEqual(['b']);
    expect(r.ok && r.value.reasons).toEqual(['tie-broken-by-age']);
  });

  it('Quy trình TN Điều 16 3e: a tie between candidates born the same day is unresolved', () => {
    const r = tally(tayNinh2019, {
      position: 'head',
      seats: 1,
      round: 1,
      registered: 100,
      voted: 60,
      issued: 60,
      received: 60,
      candidates: [
        { id: 'a', birthDate: '1970-05-01' },
        { id: 'b', birthDate: '1970-05-01' },
      ],
      hands: { a: 60, b: 60 },
    });
    expect(r.ok && r.value.outcome).toBe('rerun');
    expect(r.ok && r.value.reasons).toEqual(['tie-unresolved']);
  });

  it('Quy trình TN Điều 7 k1: a meeting with 50% present is not quorate', () => {
    const r = tally(tayNinh2019, {
      position: 'head',
      seats: 1,
      round: 1,
      registered: 100,
      voted: 50,
      issued: 50,
      received: 50,
      candidates: [{ id: 'a' }, { id: 'b' }],
      hands: { a: 50 },
    });
    expect(r.ok && r.value.reasons).toEqual(['meeting-not-quorate']);
  });
});

describe('ND59 (community meeting)', () => {
  it('ND59 Điều 3 k5, Điều 7: show of hands at a quorate meeting, > 50% of the representatives', () => {
    const r = tally(nd59, {
      position: 'head',
      seats: 1,
      round: 1,
      registered: 412,
      voted: 380,
      issued: 380,
      received: 380,
      candidates: [{ id: 'a' }, { id: 'b' }],
      hands: { a: 220, b: 150 },
    });
    expect(r.ok && r.value).toMatchObject({ outcome: 'elected', elected: ['a'], valid: 380, invalid: 0 });
    expect(r.ok && r.value.candidates[0]?.percentOfRegistered).toBe('53.40');
  });

  it('ND59 Điều 7 [U]: no tie-break, a tie is re-run', () => {
    const r = tally(nd59, {
      position: 'head',
      seats: 1,
      round: 1,
      registered: 100,
      voted: 100,
      issued: 100,
      received: 100,
      candidates: [{ id: 'a' }, { id: 'b' }],
      hands: { a: 60, b: 60 },
    });
    expect(r.ok && r.value.reasons).toEqual(['tie-unresolved']);
  });
});

describe('count input', () => {
  const good = {
    position: 'head',
    seats: 1,
    round: 1,
    registered: 412,
    voted: 380,
    issued: 380,
    received: 3,
    candidates: [{ id: 'a', name: 'A', birthDate: '1970-01-01' }, { id: 'b' }],
    papers: [{ kept: ['a'] }, { kept: ['a', 'b'] }, { kept: [], defects: ['unstamped'] }],
  };
  it('accepts the contract example', () => {
    expect(parseCountInput(good, quangTri2016).ok).toBe(true);
  });
  it.each([
    [{ ...good, received: 400 }, 'received'],
    [{ ...good, registered: -1 }, 'registered'],
    [{ ...good, voted: 500 }, 'voted'],
    [{ ...good, received: 2 }, 'papers'],
    [{ ...good, position: 'mayor' }, 'position'],
    [{ ...good, position: 'deputyHead' }, 'position'],
    [{ ...good, candidates: [{ id: 'a' }, { id: 'a' }] }, 'candidates[1].id'],
    [{ ...good, candidates: [{ id: 'a', birthDate: '01/01/1970' }] }, 'candidates[0].birthDate'],
    [{ ...good, hands: { a: 1 } }, 'papers'],
  ])('names the bad field (%#)', (input, field) => {
    const r = parseCountInput(input, tayNinh2019);
    expect(!r.ok && r.error.field).toBe(field);
  });
  it('refuses an unknown candidate id on a paper, naming the paper', () => {
    const input = parseCountInput(
      { ...good, papers: [{ kept: ['a'] }, { kept: ['z'] }, { kept: [] }] },
      quangTri2016,
    );
    expect(input.ok).toBe(true);
    const r = input.ok ? tally(quangTri2016, input.value) : undefined;
    expect(r && !r.ok && r.error.field).toBe('papers[1].kept');
  });
  it('refuses hands where the profile requires a secret ballot (QĐ 01/2016 Điều 15 k1i)', () => {
    const { papers: _p, ...rest } = good;
    const r = parseCountInput({ ...rest, hands: { a: 200 } }, quangTri2016);
    expect(!r.ok && r.error.field).toBe('hands');
  });
  it('refuses an unknown candidate in hands', () => {
    const { papers: _p, ...rest } = good;
    const r = parseCountInput({ ...rest, hands: { zz: 2 } }, nd59);
    expect(!r.ok && r.error.field).toBe('hands.zz');
  });
});

const paperArb = fc.record(
  {
    kept: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
    defects: fc.subarray(['unofficial-form', 'unstamped', 'extra-name', 'both-columns'] as const),
  },
  { requiredKeys: ['kept'] },
);
const profiles = [nd59, quangTri2016, tayNinh2019];

describe('tally invariants (properties)', () => {
  const three = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('valid + invalid = received, and a candidate never has more votes than there are valid papers', () => {
    fc.assert(
      fc.property(fc.array(paperArb, { maxLength: 200 }), fc.constantFrom(...profiles), (papers, profile) => {
        const n = papers.length;
        const r = tally(profile, {
          position: 'head',
          seats: 1,
          round: 1,
          registered: n + 10,
          voted: n,
          issued: n,
          received: n,
          candidates: three,
          papers,
          form: profile.defaultPaperForm.value,
        });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.valid + r.value.invalid).toBe(r.value.received);
        for (const c of r.value.candidates) expect(c.votes).toBeLessThanOrEqual(r.value.valid);
      }),
    );
  });

  it('adding a vote for the leader never un-elects them', () => {
    fc.assert(
      fc.property(
        fc.array(paperArb, { maxLength: 150 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(...profiles),
        (papers, spare, profile) => {
          const run = (ps: Paper[], voters: number) =>
            tally(profile, {
              position: 'head',
              seats: 1,
              round: 1,
              registered: papers.length + spare + 1,
              voted: voters,
              issued: voters,
              received: voters,
              candidates: three,
              papers: ps,
              form: profile.defaultPaperForm.value,
            });
          const before = run(papers, papers.length);
          if (!before.ok || before.value.outcome !== 'elected') return;
          const leader = before.value.elected[0] as string;
          const after = run([...papers, { kept: [leader] }], papers.length + 1);
          expect(after.ok && after.value.elected).toEqual([leader]);
        },
      ),
    );
  });
});

describe('a paper with every name struck (allStruckOut)', () => {
  const struck = { kept: [] as string[] };
  it('Tây Ninh Điều 16 k3 d: invalid', () => {
    const rules = paperRulesOf(tayNinh2019, 1);
    expect(invalidReasonOf(struck, rules)).toBe('all-struck');
  });
  it('Quảng Trị Điều 15 k1 i (not among the invalid papers): a valid paper that elects no one', () => {
    const rules = paperRulesOf(quangTri2016, 1);
    expect(invalidReasonOf(struck, rules)).toBeUndefined();
  });
  it('follows allStruckOut even where an override left invalidReasons behind', () => {
    const overridden = {
      ...quangTri2016,
      allStruckOut: { ...quangTri2016.allStruckOut, value: 'invalid' as const },
    };
    expect(invalidReasonOf(struck, paperRulesOf(overridden, 1))).toBe('all-struck');
  });
});
