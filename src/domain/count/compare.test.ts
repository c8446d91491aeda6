import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nd59 } from '../rules/nd59-2023';
import { compareResults, parseStoredResult } from './compare';
import { tally } from './tally';
import type { Paper, TallyResult } from './types';

const names = new Map([
  ['a', 'Nguyễn Văn An'],
  ['b', 'Trần Thị Bình'],
]);

/** A count of 100 on the roll decided by the rules engine from `forA` and `forB` papers. */
function counted(forA: number, forB: number, spoilt = 0): TallyResult {
  const papers: Paper[] = [
    ...Array.from({ length: forA }, () => ({ kept: ['a'] })),
    ...Array.from({ length: forB }, () => ({ kept: ['b'] })),
    ...Array.from({ length: spoilt }, () => ({ kept: [], defects: ['unstamped' as const] })),
  ];
  const r = tally(nd59, {
    position: 'head',
    seats: 1,
    round: 1,
    registered: 100,
    voted: papers.length,
    issued: papers.length,
    received: papers.length,
    candidates: [
      { id: 'a', name: 'Nguyễn Văn An', birthDate: '1970-05-01' },
      { id: 'b', name: 'Trần Thị Bình', birthDate: '1965-03-12' },
    ],
    papers,
    form: 'meeting',
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The stored copy as closing wrote it: the result plus its Vietnamese conclusion. */
const storedOf = (r: TallyResult) =>
  JSON.parse(JSON.stringify({ ...r, conclusion: 'x', reasonLabels: [] })) as Record<string, unknown>;

describe('a stored count result against the papers', () => {
  it('agrees with itself: a result written at closing and recomputed unchanged has no difference', () => {
    const r = counted(60, 30, 2);
    expect(compareResults(storedOf(r), r, names)).toEqual([]);
  });

  it('the loser made elected in the stored copy: outcome figures and the person elected differ, side by side', () => {
    const truth = counted(60, 30);
    const forged = { ...storedOf(truth), elected: ['b'] };
    const d = compareResults(forged, truth, names);
    expect(d).toEqual([
      {
        field: 'elected',
        label: 'Người trúng cử',
        kind: 'text',
        stored: 'Trần Thị Bình',
        recomputed: 'Nguyễn Văn An',
      },
    ]);
  });

  it('votes swapped in the stored copy: both candidates’ votes and ratios differ', () => {
    const truth = counted(60, 30);
    const forged = storedOf(counted(30, 60));
    const fields = compareResults(forged, truth, names).map((x) => [x.field, x.stored, x.recomputed]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['candidates.a.votes', '30', '60'],
        ['candidates.b.votes', '60', '30'],
        ['candidates.a.percentOfRegistered', '30.00', '60.00'],
        ['elected', 'Trần Thị Bình', 'Nguyễn Văn An'],
      ]),
    );
  });

  it('a spoilt paper reason added or removed shows as that reason', () => {
    const truth = counted(60, 30, 1);
    const forged = { ...storedOf(truth), invalidReasons: {} };
    const d = compareResults(forged, truth, names);
    expect(d.map((x) => [x.field, x.stored, x.recomputed])).toEqual([['invalidReasons.unstamped', '0', '1']]);
  });

  it('papers that no longer give a result: every stored figure is shown against nothing', () => {
    const stored = storedOf(counted(60, 30));
    const d = compareResults(stored, null, names);
    expect(d.find((x) => x.field === 'valid')).toMatchObject({ stored: '90', recomputed: null });
    expect(d.find((x) => x.field === 'elected')).toMatchObject({ stored: 'Nguyễn Văn An', recomputed: null });
  });

  it('a stored copy edited into something that is not a result is read as nothing', () => {
    expect(parseStoredResult('not json')).toBeNull();
    expect(parseStoredResult('[1,2]')).toBeNull();
    const d = compareResults({ valid: 'ninety' }, counted(60, 30), names);
    expect(d.find((x) => x.field === 'valid')).toMatchObject({ stored: null, recomputed: '90' });
  });

  it('property: any change of a candidate’s stored votes is found', () => {
    const truth = counted(55, 35, 3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 1), (votes, i) => {
        const stored = storedOf(truth);
        const cands = (stored['candidates'] as { id: string; votes: number }[]).map((c, j) =>
          j === i ? { ...c, votes } : c,
        );
        const d = compareResults({ ...stored, candidates: cands }, truth, names);
        const changed = votes !== truth.candidates[i]!.votes;
        return changed === d.some((x) => x.field === `candidates.${truth.candidates[i]!.id}.votes`);
      }),
    );
  });
});
