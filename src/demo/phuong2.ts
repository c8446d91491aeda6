/**
 * The demo ward, modelled on seed 000 (UBND Phường 2, Kế hoạch tổ chức bầu Khu phố trưởng nhiệm kỳ
 * 2024-2027, 24/07/2024). Since 01/07/2025 the unit is "Phường 2 Bảo Lộc", Tỉnh Lâm Đồng (statistics
 * codes: province 68, commune 24820). Household counts and residents' groups are invented (the seed
 * gives none); the officials and the khu phố each supports are section IV of the seed.
 */
import { createPersonalIdAllocator, generateHouseholds, type DemoHousehold, type Sex } from './population';

export interface DemoHamlet {
  readonly name: string;
  /** Prefix of household codes, e.g. 'KP1' gives 'KP1-0001'. */
  readonly code: string;
  readonly households: number;
  readonly residentGroups: readonly string[];
  readonly streets: readonly string[];
}

export interface DemoOfficial {
  readonly fullName: string;
  readonly sex: Sex;
  /** As written in the seed. */
  readonly position: string;
  readonly role: 'chair' | 'viceChair' | 'staff';
  /** Names of the khu phố the official directs or supports (seed 000, IV). */
  readonly hamlets: readonly string[];
}

export interface DemoWard {
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly displayName: string;
  readonly officialName: string;
  readonly provinceName: string;
  /** Personal-ID birth-registration code of Lâm Đồng, where most residents were born. */
  readonly birthProvinceCode: string;
  readonly hamlets: readonly DemoHamlet[];
  readonly officials: readonly DemoOfficial[];
}

const groups = (n: number): string[] => Array.from({ length: n }, (_, i) => `Tổ ${i + 1}`);

const KP = (n: number): string => `Khu phố ${n}`;

export const demoWard: DemoWard = {
  provinceCode: '68',
  communeCode: '24820',
  displayName: 'Phường 2',
  officialName: 'Phường 2 Bảo Lộc',
  provinceName: 'Tỉnh Lâm Đồng',
  birthProvinceCode: '068',
  hamlets: [
    {
      name: KP(1),
      code: 'KP1',
      households: 412,
      residentGroups: groups(5),
      streets: ['Trần Phú', 'Hai Bà Trưng'],
    },
    {
      name: KP(2),
      code: 'KP2',
      households: 365,
      residentGroups: groups(4),
      streets: ['Lê Hồng Phong', 'Kim Đồng'],
    },
    {
      name: KP(3),
      code: 'KP3',
      households: 538,
      residentGroups: groups(6),
      streets: ['Nguyễn Văn Cừ', 'Phan Bội Châu', 'Lý Tự Trọng'],
    },
    {
      name: KP(4),
      code: 'KP4',
      households: 276,
      residentGroups: groups(4),
      streets: ['Lý Thường Kiệt', 'Nguyễn Công Trứ'],
    },
    {
      name: KP(5),
      code: 'KP5',
      households: 168,
      residentGroups: groups(3),
      streets: ['Hà Giang', 'Lam Sơn'],
    },
  ],
  officials: [
    {
      fullName: 'Lê Thanh Bình',
      sex: 'male',
      position: 'Chủ tịch UBND phường',
      role: 'chair',
      hamlets: [KP(4), KP(5)],
    },
    {
      fullName: 'Nguyễn Thuận',
      sex: 'male',
      position: 'Phó Chủ tịch UBND phường',
      role: 'viceChair',
      hamlets: [KP(1), KP(2), KP(3)],
    },
    {
      fullName: 'Nguyễn Thanh Sơn',
      sex: 'male',
      position: 'Công chức Văn hóa – Xã hội',
      role: 'staff',
      hamlets: [KP(1)],
    },
    {
      fullName: 'Nguyễn Thị Hồng Thủy',
      sex: 'female',
      position: 'Chủ tịch Hội Chữ thập đỏ, Văn thư lưu trữ',
      role: 'staff',
      hamlets: [KP(1)],
    },
    {
      fullName: 'Lê Thị Vũ Ngọc',
      sex: 'female',
      position: 'Công chức Văn phòng - Thống kê',
      role: 'staff',
      hamlets: [KP(2)],
    },
    {
      fullName: 'Đoàn Thị Ni Na',
      sex: 'female',
      position: 'Cán bộ Đài truyền thanh',
      role: 'staff',
      hamlets: [KP(2)],
    },
    {
      fullName: 'Phan Thị Hải Yến',
      sex: 'female',
      position: 'Công chức Tài chính - Kế toán',
      role: 'staff',
      hamlets: [KP(3)],
    },
    {
      fullName: 'Hoàng Phước Đông',
      sex: 'male',
      position: 'Công chức Địa chính - Xây dựng',
      role: 'staff',
      hamlets: [KP(3)],
    },
    {
      fullName: 'Nguyễn Thị Hồng Lý',
      sex: 'female',
      position: 'Công chức Văn phòng - Thống kê',
      role: 'staff',
      hamlets: [KP(4)],
    },
    {
      fullName: 'Nguyễn Ngọc Thành',
      sex: 'male',
      position: 'Công chức LĐTB&XH',
      role: 'staff',
      hamlets: [KP(4)],
    },
    {
      fullName: 'Phạm Quý Hưng',
      sex: 'male',
      position: 'Chỉ huy trưởng Ban CHQS',
      role: 'staff',
      hamlets: [KP(5)],
    },
    {
      fullName: 'Nguyễn Thị Túy Hải',
      sex: 'female',
      position: 'Công chức Địa chính - Xây dựng',
      role: 'staff',
      hamlets: [KP(5)],
    },
    {
      fullName: 'Lê Ngọc Nam',
      sex: 'male',
      position: 'Nhân viên khuyến nông',
      role: 'staff',
      hamlets: [KP(5)],
    },
    {
      fullName: 'Lê Thị Bích Liên',
      sex: 'female',
      position: 'Cán bộ thú y',
      role: 'staff',
      hamlets: [KP(5)],
    },
  ],
};

export interface DemoHamletPopulation {
  readonly hamlet: DemoHamlet;
  readonly households: DemoHousehold[];
}

/**
 * Every hamlet of the demo ward, with personal IDs unique across the whole ward. Hamlet i uses seed
 * `seed + i`, so one hamlet can be regenerated alone only together with the shared ID allocator.
 */
export function generateDemoWard(referenceDate: string, seed = 2024): DemoHamletPopulation[] {
  const personalIds = createPersonalIdAllocator(seed);
  return demoWard.hamlets.map((hamlet, i) => ({
    hamlet,
    households: generateHouseholds({
      seed: seed + i,
      households: hamlet.households,
      codePrefix: hamlet.code,
      birthProvinceCode: demoWard.birthProvinceCode,
      referenceDate,
      residentGroups: hamlet.residentGroups,
      streets: hamlet.streets,
      personalIds,
    }),
  }));
}
