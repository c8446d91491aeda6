/**
 * Tallies 1,000,000 ballot papers and prints papers per second, next to a reference loop over the
 * same array measured in the same run. Never asserts timing. Run: npx tsx bench/tally.bench.ts
 * (same size with --quick and --full: 1,000,000 papers is the size and takes a second)
 */
import { countPapers, tally } from '../src/domain/count';
import type { Paper } from '../src/domain/count';
import { quangTri2016 } from '../src/domain/rules';
import { figure } from './format';

const N = 1_000_000;
const ids = ['a', 'b', 'c'];

/** Deterministic mix: mostly one name kept, some blanks, two names, defects. */
function makePapers(n: number): Paper[] {
  const papers: Paper[] = new Array<Paper>(n);
  let x = 2024;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    const r = (x >>> 16) % 100;
    if (r < 55) papers[i] = { kept: ['a'] };
    else if (r < 88) papers[i] = { kept: ['b'] };
    else if (r < 93) papers[i] = { kept: ['c'] };
    else if (r < 96) papers[i] = { kept: ['a', 'b'] };
    else if (r < 98) papers[i] = { kept: [] };
    else papers[i] = { kept: ['a'], defects: ['unstamped'] };
  }
  return papers;
}

function time<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e9];
}

const papers = makePapers(N);
const rules = { invalidReasons: quangTri2016.invalidReasons.value, seats: 1 };

// Warm up the JIT on a slice.
for (let i = 0; i < 3; i++) countPapers(papers.slice(0, 100_000), ids, rules);

const [refSum, refSeconds] = time(() => {
  let s = 0;
  for (let i = 0; i < papers.length; i++) s += (papers[i] as Paper).kept.length;
  return s;
});

const runs: number[] = [];
let last: ReturnType<typeof countPapers> | undefined;
for (let i = 0; i < 5; i++) {
  const [r, seconds] = time(() => countPapers(papers, ids, rules));
  last = r;
  runs.push(seconds);
}
const best = Math.min(...runs);

const [full, fullSeconds] = time(() =>
  tally(quangTri2016, {
    position: 'head',
    seats: 1,
    round: 1,
    registered: N + 50_000,
    voted: N,
    issued: N,
    received: N,
    candidates: ids.map((id) => ({ id })),
    papers,
  }),
);

const reference = { name: 'bare loop over the same papers', value: N / refSeconds, unit: 'papers/s' };
figure({
  name: 'tally in memory, countPapers (best of 5)',
  value: N / best,
  unit: 'papers/s',
  reference,
  goals: [{ kind: 'min', value: 5_000_000 }],
});
figure({
  name: 'tally in memory, full tally with outcome',
  value: N / fullSeconds,
  unit: 'papers/s',
  reference,
  goals: [{ kind: 'min', value: 5_000_000 }],
});
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`papers: ${fmt(N)}`);
console.log(
  `reference loop (sum of kept lengths = ${refSum}): ${(refSeconds * 1000).toFixed(1)} ms, ${fmt(N / refSeconds)} papers/s`,
);
console.log(`countPapers best of ${runs.length}: ${(best * 1000).toFixed(1)} ms, ${fmt(N / best)} papers/s`);
console.log(
  `full tally with outcome: ${(fullSeconds * 1000).toFixed(1)} ms, ${fmt(N / fullSeconds)} papers/s`,
);
if (last?.ok)
  console.log(
    `valid ${last.value.valid}, invalid ${last.value.invalid}, votes ${last.value.votes.join('/')}`,
  );
if (full.ok) console.log(`outcome: ${full.value.outcome} ${full.value.elected.join(',')}`);
