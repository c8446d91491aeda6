/**
 * Seeded, repeatable demo population: households with plausible members for one hamlet. Used by the
 * demo database, the import template examples and the benchmarks (millions of residents), so it avoids
 * Date objects and per-person allocations beyond the resident itself.
 */
import { BIRTH_PROVINCE_CODES, isBirthProvinceCode } from '../domain/people/province-codes';
import { personalIdPrefix } from '../domain/people/personal-id';
import {
  dayNumberFromParts,
  formatCivilDate,
  parseCivilDate,
  partsFromDayNumber,
  toParts,
} from '../domain/calendar/civil-date';
import { familyName, fullName } from './names';
import { hashSeed, Random, weighted } from './random';

export type Sex = 'male' | 'female';
export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'other';

/**
 * `legalCapacity` records a court's declaration under the Civil Code (mất năng lực hành vi dân sự =
 * 'none', hạn chế năng lực hành vi dân sự = 'restricted'); minors without such a declaration are
 * 'full' here, so whoever applies the "full civil-act capacity" rule must also check the age.
 */
export interface DemoResident {
  fullName: string;
  sex: Sex;
  birthDate: string /* YYYY-MM-DD */;
  personalId: string;
  relation: Relation;
  residence: 'permanent' | 'temporary';
  legalCapacity: 'full' | 'restricted' | 'none';
}

export interface DemoHousehold {
  code: string; // unique within the hamlet, e.g. 'KP1-0001'
  address: string; // e.g. 'Số 12, đường Trần Phú'
  residentGroup: string | null; // name of the residents' group (tổ) it belongs to, or null
  members: DemoResident[]; // members[0] is the head ('head'), an adult with full legal capacity
}

/**
 * Hands out personal IDs that are unique by construction: within each 6-digit prefix (province,
 * century+sex, year) the n-th number is a fixed permutation of n, so share one allocator between
 * calls (e.g. the hamlets of one ward) to keep IDs unique across them.
 */
export interface PersonalIdAllocator {
  next(provinceCode: string, sex: Sex, birthYear: number): string;
}

export interface PopulationOptions {
  seed: number;
  households: number;
  codePrefix: string;
  birthProvinceCode: string; // 3-digit personal-ID province code most residents were born in
  referenceDate: string; // 'YYYY-MM-DD': ages are computed against this date
  residentGroups?: readonly string[];
  streets?: readonly string[];
  /** Optional extension: share IDs across calls. Defaults to a fresh allocator seeded by `seed`. */
  personalIds?: PersonalIdAllocator;
}

export const DEFAULT_STREETS: readonly string[] = [
  'Trần Phú',
  'Lê Hồng Phong',
  'Hai Bà Trưng',
  'Nguyễn Văn Cừ',
  'Phan Bội Châu',
  'Lý Thường Kiệt',
  'Kim Đồng',
  'Nguyễn Công Trứ',
];

/** An odd multiplier not divisible by 5 is a bijection on 0..999999. */
const SERIAL_MULTIPLIER = 482_917;
const SERIALS_PER_PREFIX = 1_000_000;

export function createPersonalIdAllocator(seed: number): PersonalIdAllocator {
  const issued = new Map<string, number>();
  return {
    next(provinceCode, sex, birthYear) {
      const prefix = personalIdPrefix(provinceCode, sex, birthYear);
      const n = issued.get(prefix) ?? 0;
      if (n >= SERIALS_PER_PREFIX) throw new RangeError(`all serials of prefix ${prefix} are used`);
      issued.set(prefix, n + 1);
      const offset = (hashSeed(seed ^ Number(prefix)) >>> 0) % SERIALS_PER_PREFIX;
      const serial = (SERIAL_MULTIPLIER * n + offset) % SERIALS_PER_PREFIX;
      return prefix + String(serial).padStart(6, '0');
    },
  };
}

// Household sizes 1..7, mean ≈ 3.6 (the 2019 census average is 3.5 persons per household).
const householdSize = weighted<number>([
  [1, 9],
  [2, 16],
  [3, 23],
  [4, 27],
  [5, 14],
  [6, 7],
  [7, 4],
]);

const headAgeBand = weighted<readonly [number, number]>([
  [[20, 29], 10],
  [[30, 39], 20],
  [[40, 49], 22],
  [[50, 59], 20],
  [[60, 69], 15],
  [[70, 79], 9],
  [[80, 88], 4],
]);

const P_BORN_ELSEWHERE = 0.1;
const P_TEMPORARY_HOUSEHOLD = 0.03;
const P_TEMPORARY_MEMBER = 0.01;
const P_CAPACITY_NONE = 0.003;
const P_CAPACITY_RESTRICTED = 0.002;
const P_HEAD_MALE = 0.7;

interface Context {
  readonly random: Random;
  readonly refDays: number;
  readonly homeProvince: string;
  readonly otherProvinces: readonly string[];
  readonly ids: PersonalIdAllocator;
}

interface Draft {
  readonly family: string;
  readonly sex: Sex;
  readonly age: number;
  readonly relation: Relation;
}

export function generateHouseholds(opts: PopulationOptions): DemoHousehold[] {
  validateOptions(opts);
  const checked = parseCivilDate(opts.referenceDate, 'referenceDate');
  if (!checked.ok) throw new RangeError(checked.error.message);
  const ref = toParts(checked.value);
  const random = new Random(opts.seed);
  const ctx: Context = {
    random,
    refDays: dayNumberFromParts(ref.year, ref.month, ref.day),
    homeProvince: opts.birthProvinceCode,
    otherProvinces: Object.keys(BIRTH_PROVINCE_CODES).filter((c) => c !== opts.birthProvinceCode),
    ids: opts.personalIds ?? createPersonalIdAllocator(opts.seed),
  };
  const streets = opts.streets && opts.streets.length > 0 ? opts.streets : DEFAULT_STREETS;
  const groups = opts.residentGroups ?? [];
  const width = Math.max(4, String(opts.households).length);
  const perStreet = Math.ceil(opts.households / streets.length);
  const households: DemoHousehold[] = new Array<DemoHousehold>(opts.households);
  let houseNumber = 0;
  for (let i = 0; i < opts.households; i++) {
    if (i % perStreet === 0) houseNumber = 0;
    houseNumber += random.int(1, 3);
    const temporary = random.chance(P_TEMPORARY_HOUSEHOLD);
    households[i] = {
      code: `${opts.codePrefix}-${String(i + 1).padStart(width, '0')}`,
      address: `Số ${houseNumber}, đường ${streets[Math.floor(i / perStreet)] as string}`,
      residentGroup:
        groups.length > 0 ? (groups[Math.floor((i * groups.length) / opts.households)] as string) : null,
      members: planHousehold(random).map((draft) => toResident(ctx, draft, temporary)),
    };
  }
  return households;
}

function validateOptions(opts: PopulationOptions): void {
  if (!Number.isInteger(opts.households) || opts.households < 0) {
    throw new RangeError(`households must be a non-negative integer, got ${opts.households}`);
  }
  if (!isBirthProvinceCode(opts.birthProvinceCode)) {
    throw new RangeError(`unknown personal-ID province code '${opts.birthProvinceCode}'`);
  }
}

/** Who lives in the household, before names and IDs: ages follow from the head's age. */
function planHousehold(random: Random): Draft[] {
  const size = householdSize(random);
  const [minAge, maxAge] = headAgeBand(random);
  const headAge = random.int(minAge, maxAge);
  const headSex: Sex = random.chance(P_HEAD_MALE) ? 'male' : 'female';
  const headFamily = familyName(random);
  const drafts: Draft[] = [{ family: headFamily, sex: headSex, age: headAge, relation: 'head' }];
  let fatherFamily = headSex === 'male' ? headFamily : null;
  let youngestParentAge = headAge;
  if (size > 1 && random.chance(headAge >= 70 ? 0.6 : 0.85)) {
    const sex: Sex = headSex === 'male' ? 'female' : 'male';
    const gap = random.int(0, 6);
    const age = Math.max(18, headSex === 'male' ? headAge - gap : headAge + gap);
    const family = familyName(random);
    if (sex === 'male') fatherFamily = family;
    youngestParentAge = Math.min(headAge, age);
    drafts.push({ family, sex, age, relation: 'spouse' });
  }
  if (drafts.length < size && headAge <= 45 && random.chance(0.2)) {
    drafts.push({
      family: headFamily,
      sex: random.chance(0.5) ? 'male' : 'female',
      age: Math.min(95, headAge + random.int(22, 35)),
      relation: 'parent',
    });
  }
  addDescendants(random, drafts, size, youngestParentAge, fatherFamily ?? headFamily);
  return drafts;
}

function addDescendants(
  random: Random,
  drafts: Draft[],
  size: number,
  parentAge: number,
  family: string,
): void {
  const maxChildren = parentAge >= 60 ? 2 : 5;
  let nextChildAge = parentAge - random.int(20, 32);
  let children = 0;
  let oldestChildAge = -1;
  while (drafts.length < size) {
    const sex: Sex = random.chance(0.51) ? 'male' : 'female';
    if (nextChildAge >= 0 && children < maxChildren) {
      drafts.push({ family, sex, age: nextChildAge, relation: 'child' });
      oldestChildAge = Math.max(oldestChildAge, nextChildAge);
      nextChildAge -= random.int(1, 5);
      children++;
      continue;
    }
    const grandchildAge = oldestChildAge - random.int(20, 30);
    if (grandchildAge >= 0) {
      drafts.push({
        family: random.chance(0.6) ? family : familyName(random),
        sex,
        age: grandchildAge,
        relation: 'grandchild',
      });
      continue;
    }
    const head = drafts[0] as Draft;
    if (random.chance(0.5)) {
      drafts.push({
        family: head.family,
        sex,
        age: Math.max(0, head.age + random.int(-10, 10)),
        relation: 'sibling',
      });
    } else {
      drafts.push({ family: familyName(random), sex, age: random.int(16, 60), relation: 'other' });
    }
  }
}

function toResident(ctx: Context, draft: Draft, temporaryHousehold: boolean): DemoResident {
  const { random } = ctx;
  // A birth day uniformly inside the year of life that gives exactly `age` on the reference date.
  const birthDays = ctx.refDays - Math.floor((draft.age + random.next()) * 365.2425);
  const birth = partsFromDayNumber(birthDays);
  const province = random.chance(P_BORN_ELSEWHERE) ? random.pick(ctx.otherProvinces) : ctx.homeProvince;
  const isHead = draft.relation === 'head';
  return {
    fullName: fullName(random, draft.family, draft.sex, birth.year),
    sex: draft.sex,
    birthDate: formatCivilDate(birth),
    personalId: ctx.ids.next(province, draft.sex, birth.year),
    relation: draft.relation,
    residence:
      temporaryHousehold || (!isHead && random.chance(P_TEMPORARY_MEMBER)) ? 'temporary' : 'permanent',
    legalCapacity: isHead || draft.age < 18 ? 'full' : capacity(random),
  };
}

function capacity(random: Random): DemoResident['legalCapacity'] {
  const r = random.next();
  if (r < P_CAPACITY_NONE) return 'none';
  if (r < P_CAPACITY_NONE + P_CAPACITY_RESTRICTED) return 'restricted';
  return 'full';
}
