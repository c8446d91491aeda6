/**
 * Signing keys of offline packages. Each instance (a team laptop, the commune server) has its own
 * ed25519 key pair in its data directory, created on first use. The commune server is given the
 * laptop's public key when the laptop is set up (`baucoso package key` on the laptop, `baucoso
 * package trust` on the server) and accepts only packages signed by a key it trusts (or its own).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InstanceKey {
  readonly keyId: string;
  readonly publicKey: string;
  readonly privateKey: KeyObject;
}

export interface TrustedKey {
  readonly keyId: string;
  readonly name: string;
  readonly publicKey: string;
}

const KEY_FILE = 'package-key.json';
const TRUST_FILE = 'package-trusted-keys.json';

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI PEM). */
export function keyIdOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem.trim()).digest('hex').slice(0, 16);
}

/** The data directory's instance key, created (mode 0600) when it does not exist yet. */
export function instanceKey(dataDir: string): InstanceKey {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const pair = generateKeyPairSync('ed25519');
    const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, JSON.stringify({ publicKey, privateKey }, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  return {
    keyId: keyIdOf(stored.publicKey),
    publicKey: stored.publicKey,
    privateKey: createPrivateKey(stored.privateKey),
  };
}

export function trustedKeys(dataDir: string): TrustedKey[] {
  const file = join(dataDir, TRUST_FILE);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as TrustedKey[];
}

/** Adds a laptop's public key to the keys this instance accepts packages from. */
export function trustKey(dataDir: string, name: string, publicKeyPem: string): TrustedKey {
  createPublicKey(publicKeyPem); // throws on something that is not a public key
  const key = { keyId: keyIdOf(publicKeyPem), name: name.trim(), publicKey: publicKeyPem.trim() + '\n' };
  const list = trustedKeys(dataDir).filter((k) => k.keyId !== key.keyId);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, TRUST_FILE), JSON.stringify([...list, key], null, 2));
  return key;
}

/** The public keys an import accepts, by key id: the trusted ones and the instance's own. */
export function acceptedKeys(dataDir: string): Map<string, string> {
  const own = instanceKey(dataDir);
  const map = new Map(trustedKeys(dataDir).map((k) => [k.keyId, k.publicKey]));
  map.set(own.keyId, own.publicKey);
  return map;
}
