import { expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totpAt, verifyTotp } from './totp';

// RFC 6238 Appendix B test vectors for SHA-1 (secret "12345678901234567890"), truncated to 6 digits.
const SECRET = base32Encode(Buffer.from('12345678901234567890'));

it('RFC 6238 appendix B: SHA-1 vectors', () => {
  expect(totpAt(SECRET, new Date(59 * 1000))).toBe('287082');
  expect(totpAt(SECRET, new Date(1111111109 * 1000))).toBe('081804');
  expect(totpAt(SECRET, new Date(1234567890 * 1000))).toBe('005924');
  expect(totpAt(SECRET, new Date(2000000000 * 1000))).toBe('279037');
});

it('RFC 4226 appendix D: HOTP vectors', () => {
  expect([0, 1, 2, 9].map((c) => hotp(SECRET, c))).toEqual(['755224', '287082', '359152', '520489']);
});

it('accepts one step of clock drift either side, and nothing else', () => {
  const at = new Date(1234567890 * 1000);
  expect(verifyTotp(SECRET, totpAt(SECRET, new Date(at.getTime() - 30_000)), at)).toBe(true);
  expect(verifyTotp(SECRET, totpAt(SECRET, new Date(at.getTime() + 30_000)), at)).toBe(true);
  expect(verifyTotp(SECRET, totpAt(SECRET, new Date(at.getTime() + 90_000)), at)).toBe(false);
  expect(verifyTotp(SECRET, 'abcdef', at)).toBe(false);
  expect(verifyTotp(SECRET, '12345', at)).toBe(false);
});

it('round-trips base32', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255, 17, 99]);
  expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
});
