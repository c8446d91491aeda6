/**
 * The demo province: several real communes of Tỉnh Lâm Đồng (2025 dataset codes) besides the demo
 * ward, each with hamlets whose elections stand in various states, so that the province's view has
 * something to show: communes that finished, communes on time, communes late, a re-election and an
 * interim head. Dates are offsets from a reference day (the day the demo is loaded), so the picture
 * stays the same whenever it is loaded. Households come from the population generator.
 */
import type { DemoHousehold, PersonalIdAllocator } from './population';
import { createPersonalIdAllocator, generateHouseholds } from './population';

export type DemoState =
  | 'none'
  | 'planned'
  | 'candidatesDrafted'
  | 'listOfficial'
  | 'teamFormed'
  | 'rollPosted'
  | 'counted'
  | 'reported'
  | 'recognised'
  | 'rerunOrdered'
  | 'interim';

export interface DemoProvinceHamlet {
  readonly name: string;
  readonly kind: 'khu-pho' | 'thon' | 'to-dan-pho';
  readonly households: number;
  /** The state the head election has reached; 'none' leaves the hamlet without a plan. */
  readonly state: DemoState;
  /** Election day, in days from the reference day (negative: already held). */
  readonly electionOffset: number;
  /** Leave the tasks due before the reference day undone (the hamlet is late). */
  readonly lagging?: boolean;
  /** Share of the households' representatives who took part, in per cent (counted states). */
  readonly turnoutPercent?: number;
}

export interface DemoProvinceCommune {
  readonly code: string;
  readonly name: string;
  readonly termLabel: string;
  /** Plan day and the plan's final deadline, in days from the reference day. */
  readonly planOffset: number;
  readonly deadlineOffset: number;
  readonly hamlets: readonly DemoProvinceHamlet[];
}

const h = (
  name: string,
  kind: DemoProvinceHamlet['kind'],
  households: number,
  state: DemoState,
  electionOffset: number,
  extra: Partial<DemoProvinceHamlet> = {},
): DemoProvinceHamlet => ({ name, kind, households, state, electionOffset, ...extra });

export const demoProvince: {
  readonly provinceCode: string;
  readonly communes: readonly DemoProvinceCommune[];
} = {
  provinceCode: '68',
  communes: [
    {
      code: '24823',
      name: 'Phường 1 Bảo Lộc',
      termLabel: '2025-2030',
      planOffset: -70,
      deadlineOffset: -5,
      hamlets: [
        h('Khu phố 1', 'khu-pho', 48, 'recognised', -28, { turnoutPercent: 86 }),
        h('Khu phố 2', 'khu-pho', 52, 'recognised', -28, { turnoutPercent: 79 }),
        h('Khu phố 3', 'khu-pho', 40, 'reported', -21, { turnoutPercent: 74 }),
        h('Khu phố 4', 'khu-pho', 45, 'recognised', -21, { turnoutPercent: 91 }),
        h('Khu phố 5', 'khu-pho', 38, 'interim', -14, { turnoutPercent: 58 }),
      ],
    },
    {
      code: '24841',
      name: 'Phường 3 Bảo Lộc',
      termLabel: '2025-2030',
      planOffset: -60,
      deadlineOffset: 10,
      hamlets: [
        h('Khu phố 1', 'khu-pho', 44, 'recognised', -14, { turnoutPercent: 82 }),
        h('Khu phố 2', 'khu-pho', 50, 'rerunOrdered', -14, { turnoutPercent: 47 }),
        h('Khu phố 3', 'khu-pho', 36, 'counted', -7, { turnoutPercent: 77 }),
        h('Khu phố 4', 'khu-pho', 41, 'rollPosted', 6),
      ],
    },
    {
      code: '24778',
      name: 'Phường Lâm Viên - Đà Lạt',
      termLabel: '2025-2030',
      planOffset: -45,
      deadlineOffset: 20,
      hamlets: [
        h('Tổ dân phố 1', 'to-dan-pho', 35, 'teamFormed', 8),
        h('Tổ dân phố 2', 'to-dan-pho', 42, 'listOfficial', 13),
        h('Tổ dân phố 3', 'to-dan-pho', 39, 'candidatesDrafted', 13, { lagging: true }),
        h('Tổ dân phố 4', 'to-dan-pho', 33, 'planned', 12, { lagging: true }),
      ],
    },
    {
      code: '25000',
      name: 'Xã Di Linh',
      termLabel: '2025-2030',
      planOffset: -50,
      deadlineOffset: 5,
      hamlets: [
        h('Thôn 1', 'thon', 46, 'planned', 4, { lagging: true }),
        h('Thôn 2', 'thon', 37, 'candidatesDrafted', 4, { lagging: true }),
        h('Thôn 3', 'thon', 55, 'recognised', -10, { turnoutPercent: 88 }),
        h('Thôn Đồng Lạc', 'thon', 30, 'none', 0),
      ],
    },
  ],
};

/** Households of one demo hamlet, from the population generator (seeded per commune and hamlet). */
export function demoProvinceHouseholds(
  commune: DemoProvinceCommune,
  hamletIndex: number,
  referenceDate: string,
  personalIds: PersonalIdAllocator = createPersonalIdAllocator(6800),
): DemoHousehold[] {
  const hamlet = commune.hamlets[hamletIndex]!;
  const seed = Number(commune.code) * 100 + hamletIndex;
  return generateHouseholds({
    households: hamlet.households,
    codePrefix: `${commune.code}-${hamletIndex + 1}`,
    referenceDate,
    seed,
    birthProvinceCode: '068',
    personalIds,
  });
}
