import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  formatVerificationCode,
  parseVerificationCode,
  verificationPath,
} from './verification-code';

describe('verification code', () => {
  it('is twelve Crockford symbols in three groups', () => {
    const code = formatVerificationCode(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0]));
    expect(code).toBe('0000-0000-0000');
    const full = formatVerificationCode(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255]));
    expect(full).toBe('ZZZZ-ZZZZ-ZZZZ');
    expect(formatVerificationCode(new Uint8Array([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0]))).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
  });

  it('refuses too few random bytes', () => {
    expect(() => formatVerificationCode(new Uint8Array(7))).toThrow();
  });

  it('reads back what it wrote, however a person types it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = formatVerificationCode(bytes);
        expect(parseVerificationCode(code)).toBe(code);
        expect(parseVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
        expect(parseVerificationCode(code.replace(/-/g, ''))).toBe(code);
      }),
    );
  });

  it('takes O for zero and I or L for one, as read from paper', () => {
    expect(parseVerificationCode('oo1l-iAB2-XYZ9')).toBe('0011-1AB2-XYZ9');
  });

  it('refuses what cannot be a code', () => {
    expect(parseVerificationCode('')).toBeNull();
    expect(parseVerificationCode('ABCD-EFGH')).toBeNull();
    expect(parseVerificationCode('ABCD-EFGH-JKMNP')).toBeNull();
    expect(parseVerificationCode('ABCD-EFGH-JKU1')).toBeNull();
    expect(parseVerificationCode('ABCD-EFGH-JK#1')).toBeNull();
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('opens the public page under /kiem-tra', () => {
    expect(verificationPath('ABCD-EFGH-JKMN')).toBe('/kiem-tra/ABCD-EFGH-JKMN');
  });
});
