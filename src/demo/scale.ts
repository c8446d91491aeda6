/**
 * Data at scale (issue 11): a province of many communes with thousands of hamlets and millions of
 * residents, or every commune of the country with one election and one result per hamlet. Pure and
 * seeded: the same seed and communes give the same plan on every machine. The loader
 * (services/demo-scale.ts) turns a plan into rows; households come from the demo population
 * generator (`generateHouseholds`), hamlet by hamlet, so memory stays bounded.
 */
import type { DemoState } from './province';
import { fullName, familyName } from './names';
import type { DemoHousehold, PersonalIdAllocator } from './population';
import { generateHouseholds } from './population';
import { Random, weighted } from './random';

export interface ScaleCommuneRef {
  readonly id: string;
  readonly name: string;
}

export interface ScaleHamlet {
  readonly name: string;
  readonly kind: 'khu-pho' | 'thon' | 'to-dan-pho';
  readonly households: number;
  readonly state: Exclude<DemoState, 'none'>;
  /** Election day in days from the reference day (negative: held already). */
  readonly electionOffset: number;
  /** Tasks due before the reference day are left undone. */
  readonly lagging: boolean;
  /** Share of the households' representatives who took part, per cent (counted states). */
  readonly turnoutPercent: number;
}

export interface ScaleCommune {
  readonly id: string;
  readonly termLabel: string;
  readonly planOffset: number;
  readonly deadlineOffset: number;
  readonly hamlets: readonly ScaleHamlet[];
}

export type ScaleMode = 'province' | 'national';

export interface ScaleOptions {
  readonly seed: number;
  readonly mode: ScaleMode;
  /** Hamlets in all, spread evenly over the communes (the first ones get one more). */
  readonly hamlets: number;
  /** Households in all, spread evenly over the hamlets; 0 for the national election tables. */
  readonly households: number;
}

/** Where a commune's campaign stands: ahead of the vote, voting, or finished. */
const PROVINCE_PHASE = weighted<'early' | 'voting' | 'late' | 'done'>([
  ['early', 15],
  ['voting', 30],
  ['late', 15],
  ['done', 40],
]);

const BEFORE_VOTE: readonly ScaleHamlet['state'][] = [
  'planned',
  'candidatesDrafted',
  'listOfficial',
  'teamFormed',
  'rollPosted',
];

/** After the count: most hamlets elect their head; a few need a re-run or an interim head. */
const AFTER_COUNT = weighted<ScaleHamlet['state']>([
  ['recognised', 80],
  ['reported', 9],
  ['counted', 5],
  ['rerunOrdered', 4],
  ['interim', 2],
]);

function spread(total: number, parts: number, index: number): number {
  const base = Math.floor(total / parts);
  return base + (index < total % parts ? 1 : 0);
}

function hamletName(communeName: string, n: number): { name: string; kind: ScaleHamlet['kind'] } {
  if (communeName.startsWith('Phường')) return { name: `Khu phố ${n}`, kind: 'khu-pho' };
  if (communeName.startsWith('Đặc khu')) return { name: `Tổ dân phố ${n}`, kind: 'to-dan-pho' };
  return { name: `Thôn ${n}`, kind: 'thon' };
}

function hamletState(
  random: Random,
  mode: ScaleMode,
  phase: ReturnType<typeof PROVINCE_PHASE>,
): {
  state: ScaleHamlet['state'];
  electionOffset: number;
  lagging: boolean;
} {
  if (mode === 'national' || phase === 'done')
    return { state: AFTER_COUNT(random), electionOffset: -random.int(10, 40), lagging: false };
  if (phase === 'voting' && random.chance(0.5))
    return { state: AFTER_COUNT(random), electionOffset: -random.int(3, 15), lagging: false };
  const ahead = phase === 'early' ? random.int(12, 30) : random.int(2, 14);
  const reached = Math.min(BEFORE_VOTE.length - 1, Math.floor(((30 - ahead) * BEFORE_VOTE.length) / 30));
  const lagging = phase === 'late' ? random.chance(0.6) : random.chance(0.05);
  const state = BEFORE_VOTE[lagging ? Math.max(0, reached - 2) : reached]!;
  return { state, electionOffset: ahead, lagging };
}

/** The plan of every commune: hamlets, their election's state and dates, deterministic by seed. */
export function planScale(communes: readonly ScaleCommuneRef[], opts: ScaleOptions): ScaleCommune[] {
  if (communes.length === 0) throw new RangeError('no communes to fill');
  if (!Number.isInteger(opts.hamlets) || opts.hamlets < communes.length)
    throw new RangeError(`need at least one hamlet per commune (${communes.length}), got ${opts.hamlets}`);
  const random = new Random(opts.seed);
  let hamletIndex = 0;
  return communes.map((c, i) => {
    const r = random.fork(i + 1);
    const phase = PROVINCE_PHASE(r);
    const count = spread(opts.hamlets, communes.length, i);
    const hamlets: ScaleHamlet[] = [];
    for (let n = 1; n <= count; n++) {
      const { name, kind } = hamletName(c.name, n);
      hamlets.push({
        name,
        kind,
        households: opts.households > 0 ? spread(opts.households, opts.hamlets, hamletIndex) : 0,
        ...hamletState(r, opts.mode, phase),
        turnoutPercent: r.int(55, 97),
      });
      hamletIndex += 1;
    }
    const latest = Math.max(...hamlets.map((h) => h.electionOffset));
    const earliest = Math.min(...hamlets.map((h) => h.electionOffset));
    return {
      id: c.id,
      termLabel: '2025-2030',
      // The plan is made at least 25 days before the first vote (the timeline's first steps).
      planOffset: earliest - 40,
      deadlineOffset: phase === 'late' ? Math.max(1, latest - 5) : latest + 15,
      hamlets,
    };
  });
}

/** The households of one hamlet of the plan (seeded by commune and hamlet). */
export function scaleHouseholds(
  communeId: string,
  hamletIndex: number,
  hamlet: ScaleHamlet,
  referenceDate: string,
  seed: number,
  personalIds: PersonalIdAllocator,
  birthProvinceCode: string,
): DemoHousehold[] {
  return generateHouseholds({
    households: hamlet.households,
    codePrefix: `${communeId}-${hamletIndex + 1}`,
    referenceDate,
    seed: (seed * 7919 + Number(communeId) * 97 + hamletIndex) | 0,
    birthProvinceCode,
    personalIds,
  });
}

/** Two candidate names for a hamlet without generated households (the national tables). */
export function candidateNames(seed: number, referenceYear: number): [string, string] {
  const random = new Random(seed);
  const one = (): string => {
    const sex = random.chance(0.6) ? 'male' : 'female';
    return fullName(random, familyName(random), sex, referenceYear - random.int(30, 60));
  };
  return [one(), one()];
}
