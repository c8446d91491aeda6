import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * OWASP Password Storage Cheat Sheet: scrypt with a CPU/memory cost of at least 2^17, a block size
 * of 8 and a parallelism of 1. That is 128 MiB and a few hundred milliseconds per guess (and per
 * login: Node runs at most four at once on its thread pool, so a login burst peaks near 512 MiB).
 */
export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/** A cheap cost for the test suite only, so that hundreds of logins stay fast. */
const TEST_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

let cost: ScryptCost = OWASP_SCRYPT;

/**
 * Lowers the cost for the test run (tests/support/fast-hashing.ts, Vitest's setup file). It throws
 * outside Vitest, and buildServer refuses to start at a cost below OWASP_SCRYPT outside Vitest, so a
 * deployment cannot run with it.
 */
export function useTestHashCost(on = true): void {
  if (process.env['VITEST'] === undefined) throw new Error('the test hashing cost is for Vitest only');
  cost = on ? TEST_SCRYPT : OWASP_SCRYPT;
}

/** The cost new hashes get. */
export const hashCost = (): ScryptCost => cost;

/** Whether a cost is below OWASP's figure in any of its parameters. */
export const belowOwasp = (c: ScryptCost): boolean =>
  c.N < OWASP_SCRYPT.N || c.r < OWASP_SCRYPT.r || c.p < OWASP_SCRYPT.p;

const KEYLEN = 32;
const maxmem = (c: ScryptCost) => 256 * c.N * c.r + 1024 * 1024;

/** Encodes the parameters with the hash so they can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const c = cost;
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, { ...c, maxmem: maxmem(c) });
  return ['scrypt', c.N, c.r, c.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A hash of nothing at the current cost: verified when the user does not exist, so timing tells nothing. */
export const dummyHash = (): string =>
  ['scrypt', cost.N, cost.r, cost.p, 'A'.repeat(22) + '==', 'A'.repeat(43) + '='].join('$');

function costOf(encoded: string): ScryptCost | null {
  const [scheme, n, r, p] = encoded.split('$');
  if (scheme !== 'scrypt') return null;
  const c = { N: Number(n), r: Number(r), p: Number(p) };
  return [c.N, c.r, c.p].every((v) => Number.isInteger(v) && v > 0) ? c : null;
}

/** Whether a stored hash was made at a lower cost than new hashes get: rehashed at the next login. */
export function needsRehash(encoded: string): boolean {
  const c = costOf(encoded);
  return c !== null && (c.N < cost.N || c.r < cost.r || c.p < cost.p);
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [, , , , salt, hash] = encoded.split('$');
  const c = costOf(encoded);
  if (!c || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    ...c,
    maxmem: maxmem(c),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Rejects passwords too weak to protect an election record. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'Mật khẩu phải có ít nhất 8 ký tự.';
  if (!/[0-9]/.test(password) || !/[^0-9]/.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  return null;
}
