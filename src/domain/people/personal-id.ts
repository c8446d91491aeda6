/**
 * Personal ID numbers (số định danh cá nhân, printed on the CCCD / căn cước card): 12 digits =
 * 3-digit birth-registration province code, 1 digit encoding century of birth and sex, 2 digits of
 * the birth year, 6 digits of serial (Nghị định 137/2015/NĐ-CP Điều 13; Thông tư 59/2021/TT-BCA).
 */
import { err, ok, type Result } from '../result';
import { birthProvinceName, isBirthProvinceCode } from './province-codes';

export type Sex = 'male' | 'female';

export interface PersonalIdParts {
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly sex: Sex;
  readonly birthYear: number;
  readonly serial: string;
}

export interface PersonalIdExpectations {
  /** 'YYYY-MM-DD'; only the year is compared. */
  readonly birthDate?: string;
  readonly sex?: Sex;
}

export type PersonalIdFailureCode =
  'personalId.format' | 'personalId.province' | 'personalId.century' | 'personalId.year' | 'personalId.sex';

/** The scheme's century digit covers births 1900-2399 (0..9, two digits per century). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2399;

const SEX_LABEL: Record<Sex, string> = { male: 'nam', female: 'nữ' };

function failure(code: PersonalIdFailureCode, message: string) {
  return err({ code, message, field: 'personalId' });
}

function centuryIndex(year: number): number {
  return Math.floor((year - FIRST_YEAR) / 100);
}

/** The 4th digit for a person of this sex born in this year. */
export function centurySexDigit(sex: Sex, birthYear: number): number {
  if (!Number.isInteger(birthYear) || birthYear < FIRST_YEAR || birthYear > LAST_YEAR) {
    throw new RangeError(`birth year ${birthYear} is outside ${FIRST_YEAR}-${LAST_YEAR}`);
  }
  return centuryIndex(birthYear) * 2 + (sex === 'female' ? 1 : 0);
}

/** The first six digits (province, century+sex, year): generators append a 6-digit serial. */
export function personalIdPrefix(provinceCode: string, sex: Sex, birthYear: number): string {
  if (!isBirthProvinceCode(provinceCode)) throw new RangeError(`unknown province code ${provinceCode}`);
  const yy = birthYear % 100;
  return `${provinceCode}${centurySexDigit(sex, birthYear)}${yy < 10 ? '0' : ''}${yy}`;
}

export interface PersonalIdSpec {
  readonly provinceCode: string;
  readonly sex: Sex;
  readonly birthYear: number;
  /** 0..999999 */
  readonly serial: number;
}

export function makePersonalId(spec: PersonalIdSpec): string {
  if (!Number.isInteger(spec.serial) || spec.serial < 0 || spec.serial > 999_999) {
    throw new RangeError(`serial ${spec.serial} is outside 0-999999`);
  }
  return personalIdPrefix(spec.provinceCode, spec.sex, spec.birthYear) + String(spec.serial).padStart(6, '0');
}

/** Removes the spaces, dots and dashes people type to group the digits. */
export function normalizePersonalId(raw: string): string {
  return raw.replace(/[\s.\-\u200B-\u200D\uFEFF]/g, '');
}

/** Decodes the number without comparing it to anything. */
export function parsePersonalId(id: string): Result<PersonalIdParts> {
  if (!/^\d{12}$/.test(id)) {
    const shown = id.length > 20 ? `${id.slice(0, 20)}…` : id;
    return failure(
      'personalId.format',
      `Số định danh cá nhân '${shown}' không hợp lệ: phải gồm đúng 12 chữ số (đang có ${id.length} ký tự).`,
    );
  }
  const provinceCode = id.slice(0, 3);
  const provinceName = birthProvinceName(provinceCode);
  if (provinceName === undefined) {
    return failure(
      'personalId.province',
      `Số định danh cá nhân '${id}' không hợp lệ: 3 chữ số đầu '${provinceCode}' không phải là mã tỉnh, thành phố nơi đăng ký khai sinh.`,
    );
  }
  const digit = Number(id[3]);
  const birthYear = FIRST_YEAR + Math.floor(digit / 2) * 100 + Number(id.slice(4, 6));
  return ok({
    provinceCode,
    provinceName,
    sex: digit % 2 === 0 ? 'male' : 'female',
    birthYear,
    serial: id.slice(6),
  });
}

function birthYearOf(birthDate: string): number | undefined {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(birthDate);
  return m ? Number(m[1]) : undefined;
}

/**
 * Checks the format and the province code, then the century+sex digit and the two year digits against
 * the birth date and sex when they are given.
 */
export function validatePersonalId(
  id: string,
  expected: PersonalIdExpectations = {},
): Result<PersonalIdParts> {
  const parsed = parsePersonalId(id);
  if (!parsed.ok) return parsed;
  const parts = parsed.value;
  const year = expected.birthDate === undefined ? undefined : birthYearOf(expected.birthDate);
  if (year !== undefined) {
    const century = centuryIndex(year);
    if (year < FIRST_YEAR || year > LAST_YEAR || century !== centuryIndex(parts.birthYear)) {
      const digit = id[3];
      return failure(
        'personalId.century',
        `Số định danh cá nhân '${id}' không khớp với năm sinh ${year}: chữ số thứ 4 là '${digit}' (mã thế kỷ và giới tính), ứng với người sinh trong các năm ${centuryStart(parts.birthYear)}–${centuryStart(parts.birthYear) + 99}.`,
      );
    }
    if (parts.birthYear !== year) {
      return failure(
        'personalId.year',
        `Số định danh cá nhân '${id}' không khớp với năm sinh ${year}: chữ số thứ 5 và 6 là '${id.slice(4, 6)}', phải là '${String(year % 100).padStart(2, '0')}'.`,
      );
    }
  }
  if (expected.sex !== undefined && expected.sex !== parts.sex) {
    return failure(
      'personalId.sex',
      `Số định danh cá nhân '${id}' không khớp với giới tính: chữ số thứ 4 là '${id[3]}' (giới tính ${SEX_LABEL[parts.sex]}), nhưng người này có giới tính ${SEX_LABEL[expected.sex]}.`,
    );
  }
  return ok(parts);
}

function centuryStart(year: number): number {
  return FIRST_YEAR + centuryIndex(year) * 100;
}
