/**
 * The verification code printed on every issued document: twelve Crockford base32 symbols in three
 * groups (XXXX-XXXX-XXXX, 60 random bits), short enough to type from a posted paper, long enough
 * that guessing one that exists is hopeless. Crockford's alphabet leaves out I, L, O and U, and a
 * reader's O, I and L are read as 0, 1 and 1, so what a resident types from paper still matches.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_SYMBOLS = 12;
const GROUP = 4;

/** The public page a code opens, as printed and as encoded in the QR. */
export const VERIFY_PATH = '/kiem-tra';

/** Formats 60 bits taken from the first eight bytes of `random` as XXXX-XXXX-XXXX. */
export function formatVerificationCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('a verification code needs 8 random bytes');
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(random[i]!);
  bits >>= 4n;
  let symbols = '';
  for (let i = 0; i < CODE_SYMBOLS; i++) {
    symbols = CODE_ALPHABET[Number(bits & 31n)]! + symbols;
    bits >>= 5n;
  }
  return groups(symbols);
}

function groups(symbols: string): string {
  const parts: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) parts.push(symbols.slice(i, i + GROUP));
  return parts.join('-');
}

/**
 * Reads a code as a person typed it: any case, with or without dashes or spaces, O for 0 and I or
 * L for 1. Returns the canonical XXXX-XXXX-XXXX, or null when it cannot be a code.
 */
export function parseVerificationCode(text: string): string | null {
  const cleaned = text
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_SYMBOLS) return null;
  for (const c of cleaned) if (!CODE_ALPHABET.includes(c)) return null;
  return groups(cleaned);
}

/** The path of a code's public page: /kiem-tra/XXXX-XXXX-XXXX. */
export function verificationPath(code: string): string {
  return `${VERIFY_PATH}/${code}`;
}
