import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  centurySexDigit,
  makePersonalId,
  normalizePersonalId,
  parsePersonalId,
  validatePersonalId,
  type PersonalIdFailureCode,
} from './personal-id';
import { BIRTH_PROVINCE_CODES } from './province-codes';

function failureCode(
  id: string,
  expected?: Parameters<typeof validatePersonalId>[1],
): PersonalIdFailureCode | null {
  const r = validatePersonalId(id, expected);
  return r.ok ? null : (r.error.code as PersonalIdFailureCode);
}

describe('province table (Thông tư 59/2021/TT-BCA, Phụ lục)', () => {
  it('has the 63 pre-2025 provinces, codes 001..096', () => {
    const codes = Object.keys(BIRTH_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(codes.every((c) => /^0\d\d$/.test(c) && Number(c) >= 1 && Number(c) <= 96)).toBe(true);
    expect(BIRTH_PROVINCE_CODES['001']).toBe('Hà Nội');
    expect(BIRTH_PROVINCE_CODES['068']).toBe('Lâm Đồng');
    expect(BIRTH_PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    expect(BIRTH_PROVINCE_CODES['003']).toBeUndefined();
  });
});

describe('NĐ 137/2015 Điều 13: structure of the personal ID number', () => {
  it('century+sex digit: 0/1 for 1900-1999, 2/3 for 2000-2099, 4/5 for 2100-2199 (even = male)', () => {
    expect(centurySexDigit('male', 1900)).toBe(0);
    expect(centurySexDigit('female', 1999)).toBe(1);
    expect(centurySexDigit('male', 2000)).toBe(2);
    expect(centurySexDigit('female', 2099)).toBe(3);
    expect(centurySexDigit('male', 2100)).toBe(4);
    expect(centurySexDigit('female', 2150)).toBe(5);
    expect(() => centurySexDigit('male', 1899)).toThrow(RangeError);
  });

  it('decodes province, sex and birth year', () => {
    const r = parsePersonalId('068185001234');
    expect(r).toEqual({
      ok: true,
      value: {
        provinceCode: '068',
        provinceName: 'Lâm Đồng',
        sex: 'female',
        birthYear: 1985,
        serial: '001234',
      },
    });
    expect(parsePersonalId('001203000001')).toMatchObject({
      ok: true,
      value: { sex: 'male', birthYear: 2003 },
    });
  });

  it('makePersonalId and validatePersonalId agree for every province, sex and year 1900-2399', () => {
    const codes = Object.keys(BIRTH_PROVINCE_CODES);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 1900, max: 2399 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 1, max: 12 }),
        (provinceCode, sex, birthYear, serial, month) => {
          const id = makePersonalId({ provinceCode, sex, birthYear, serial });
          const birthDate = `${birthYear}-${String(month).padStart(2, '0')}-15`;
          const r = validatePersonalId(id, { birthDate, sex });
          expect(r).toMatchObject({ ok: true, value: { provinceCode, sex, birthYear } });
        },
      ),
    );
  });
});

describe('validatePersonalId rejections', () => {
  it('not 12 digits', () => {
    for (const bad of ['', '06818500123', '0681850012345', '06818500123a', '068 185 001234']) {
      expect(failureCode(bad)).toBe('personalId.format');
    }
    const r = validatePersonalId('12345');
    expect(!r.ok && r.error.message).toContain('phải gồm đúng 12 chữ số');
    expect(!r.ok && r.error.field).toBe('personalId');
  });

  it('unknown birth-registration province code', () => {
    expect(failureCode('003185001234')).toBe('personalId.province');
    expect(failureCode('097185001234')).toBe('personalId.province');
    const r = validatePersonalId('000185001234');
    expect(!r.ok && r.error.message).toContain("'000' không phải là mã tỉnh");
  });

  it('century/sex digit inconsistent with the birth year', () => {
    expect(failureCode('068185001234', { birthDate: '2085-03-01' })).toBe('personalId.century');
    expect(failureCode('068203001234', { birthDate: '1903-03-01' })).toBe('personalId.century');
    expect(failureCode('068185001234', { birthDate: '1885-03-01' })).toBe('personalId.century');
  });

  it('birth year digits mismatch', () => {
    expect(failureCode('068185001234', { birthDate: '1986-01-01' })).toBe('personalId.year');
    const r = validatePersonalId('068185001234', { birthDate: '1986-01-01' });
    expect(!r.ok && r.error.message).toContain("phải là '86'");
  });

  it('sex mismatch', () => {
    expect(failureCode('068185001234', { sex: 'male' })).toBe('personalId.sex');
    expect(failureCode('068085001234', { sex: 'female', birthDate: '1985-06-30' })).toBe('personalId.sex');
    const r = validatePersonalId('068085001234', { sex: 'female' });
    expect(!r.ok && r.error.message).toContain('giới tính nam');
  });

  it('accepts a consistent number, and ignores missing expectations', () => {
    expect(failureCode('068085001234', { sex: 'male', birthDate: '1985-12-31' })).toBeNull();
    expect(failureCode('068085001234')).toBeNull();
  });

  it('writes every message in Vietnamese NFC', () => {
    const r = validatePersonalId('068185001234', { sex: 'male' });
    expect(!r.ok && r.error.message.normalize('NFC')).toBe(!r.ok && r.error.message);
  });
});

describe('normalizePersonalId', () => {
  it('removes the spaces, dots and dashes used to group digits', () => {
    expect(normalizePersonalId(' 068 185.001-234 ')).toBe('068185001234');
  });
});
