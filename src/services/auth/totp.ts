import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 6238 time-based one-time passwords (30-second steps, 6 digits, HMAC-SHA1), as authenticator apps use. */
const STEP_SECONDS = 30;
const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The code for a given 30-second counter (RFC 4226 HOTP with dynamic truncation). */
export function hotp(secret: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = digest[digest.length - 1]! & 15;
  const binary = (digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
  return String(binary).padStart(DIGITS, '0');
}

export function totpAt(secret: string, at: Date): string {
  return hotp(secret, Math.floor(at.getTime() / 1000 / STEP_SECONDS));
}

/**
 * The step of the matching code, looking at the current step and one either side (clock drift of
 * phones), or null when the code matches none. The caller makes the step usable once.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  const given = Buffer.from(code.replace(/\s/g, ''));
  if (!/^\d{6}$/.test(given.toString())) return null;
  const counter = Math.floor(at.getTime() / 1000 / STEP_SECONDS);
  for (const d of [-1, 0, 1]) {
    const expected = Buffer.from(hotp(secret, counter + d));
    if (timingSafeEqual(expected, given)) return counter + d;
  }
  return null;
}

export function verifyTotp(secret: string, code: string, at: Date): boolean {
  return totpStep(secret, code, at) !== null;
}

export function otpauthUri(secret: string, username: string): string {
  const label = encodeURIComponent(`baucoso:${username}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=baucoso&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}
