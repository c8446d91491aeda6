import { randomBytes, scryptSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { auth, demo } from '../../src/services';
import { describeEachDatabase } from '../support/databases';

/** A stored hash as an older release made it: the same format at a lower cost. */
const oldHash = (password: string, N: number) => {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 });
  return ['scrypt', N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
};

describeEachDatabase('password hashing cost (OWASP scrypt) and rehash at login', (t) => {
  const stored = async (username: string) =>
    (
      await t
        .ctx()
        .store.db.selectFrom('users')
        .select('password_hash')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).password_hash;
  const setStored = (username: string, hash: string) =>
    t
      .ctx()
      .store.db.updateTable('users')
      .set({ password_hash: hash })
      .where('username', '=', username)
      .execute();

  it('hashes new passwords at N=2^17, r=8, p=1 (the OWASP Password Storage Cheat Sheet figure)', async () => {
    expect(auth.OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    auth.useTestHashCost(false);
    try {
      expect(auth.hashCost()).toEqual(auth.OWASP_SCRYPT);
      const hash = await auth.hashPassword('baucoso2024');
      expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await auth.verifyPassword('baucoso2024', hash)).toBe(true);
      expect(await auth.verifyPassword('baucoso2025', hash)).toBe(false);
    } finally {
      auth.useTestHashCost();
    }
  });

  it('rehashes a hash of the old N=2^15 at a successful login, to the current cost', async () => {
    await demo.loadDemo(t.ctx());
    await setStored('quantri', oldHash(demo.DEMO_PASSWORD, 2 ** 15));
    auth.useTestHashCost(false);
    try {
      const wrong = await auth.login(t.ctx(), 'quantri', 'sai-mat-khau-1');
      expect(wrong.ok).toBe(false);
      expect(await stored('quantri')).toMatch(/^scrypt\$32768\$/);
      const r = await auth.login(t.ctx(), 'quantri', demo.DEMO_PASSWORD);
      expect(r.ok).toBe(true);
      expect(await stored('quantri')).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await auth.verifyPassword(demo.DEMO_PASSWORD, await stored('quantri'))).toBe(true);
    } finally {
      auth.useTestHashCost();
    }
    // The login's audit event says so; no password change is recorded.
    const event = await t
      .ctx()
      .store.db.selectFrom('audit_events')
      .select(['data'])
      .where('action', '=', 'login')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data ?? '{}')).toEqual({ passwordRehashed: auth.OWASP_SCRYPT });
  });

  it('keeps a hash at the current cost as it is', async () => {
    const before = await stored('ubnd.phuong2');
    expect(auth.needsRehash(before)).toBe(false);
    expect((await auth.login(t.ctx(), 'ubnd.phuong2', demo.DEMO_PASSWORD)).ok).toBe(true);
    expect(await stored('ubnd.phuong2')).toBe(before);
  });

  it('cannot run below the OWASP cost outside the test runner', async () => {
    const vitest = process.env['VITEST'];
    delete process.env['VITEST'];
    try {
      // The suite's cheap cost is in force: a server would refuse to start with it...
      await expect(buildServer(t.ctx(), { webRoot: '/nonexistent' })).rejects.toThrow(/OWASP/);
      // ...and nothing outside Vitest can lower it.
      expect(() => auth.useTestHashCost()).toThrow(/Vitest only/);
    } finally {
      process.env['VITEST'] = vitest;
    }
  });
});
