import { expect, it } from 'vitest';
import { auth, demo } from '../../src/services';
import { crossSiteRefusal } from '../../src/server/app';
import { describeEachDatabase } from '../support/databases';

const at = (iso: string) => () => new Date(iso);

describeEachDatabase('login hardening', (t) => {
  it('locks an account after five wrong passwords in a row, even for the right one, for 15 minutes', async () => {
    await demo.loadDemo(t.ctx());
    const ctx = t.ctx(at('2024-10-01T02:00:00Z'));
    for (let i = 0; i < 4; i++) {
      const r = await auth.login(ctx, 'mttq.phuong2', 'wrong-password-1');
      expect(!r.ok && r.error.code).toBe('bad-credentials');
    }
    const fifth = await auth.login(ctx, 'mttq.phuong2', 'wrong-password-1');
    expect(!fifth.ok && fifth.error.code).toBe('bad-credentials');
    expect(!fifth.ok && fifth.error.message).toContain('tạm khóa');
    const right = await auth.login(t.ctx(at('2024-10-01T02:10:00Z')), 'mttq.phuong2', demo.DEMO_PASSWORD);
    expect(!right.ok && right.error.code).toBe('bad-credentials');
    // A locked account and a name that does not exist get the same answer: names cannot be probed.
    const unknown = await auth.login(t.ctx(at('2024-10-01T02:10:00Z')), 'khong.co.ai', demo.DEMO_PASSWORD);
    expect(!unknown.ok && !right.ok && unknown.error).toEqual(!right.ok && right.error);
    const later = await auth.login(t.ctx(at('2024-10-01T02:16:00Z')), 'mttq.phuong2', demo.DEMO_PASSWORD);
    expect(later.ok).toBe(true);
  });

  it('resets the failure count after a successful login', async () => {
    const ctx = t.ctx(at('2024-10-02T02:00:00Z'));
    for (let i = 0; i < 4; i++) await auth.login(ctx, 'ubnd.phuong2', 'wrong-password-1');
    expect((await auth.login(ctx, 'ubnd.phuong2', demo.DEMO_PASSWORD)).ok).toBe(true);
    const again = await auth.login(ctx, 'ubnd.phuong2', 'wrong-password-1');
    expect(!again.ok && again.error.code).toBe('bad-credentials');
  });

  it('ends the previous session of the browser on login (rotation)', async () => {
    const first = await auth.login(t.ctx(), 'tinh.lamdong', demo.DEMO_PASSWORD);
    if (!first.ok) throw new Error(first.error.message);
    const second = await auth.login(t.ctx(), 'tinh.lamdong', demo.DEMO_PASSWORD, first.value.token);
    if (!second.ok) throw new Error(second.error.message);
    expect((await auth.actorForToken(t.ctx(), first.value.token)).ok).toBe(false);
    expect((await auth.actorForToken(t.ctx(), second.value.token)).ok).toBe(true);
  });

  it('changes the password only with the current one, and ends every other session', async () => {
    const a = await auth.login(t.ctx(), 'quantri', demo.DEMO_PASSWORD);
    const b = await auth.login(t.ctx(), 'quantri', demo.DEMO_PASSWORD);
    if (!a.ok || !b.ok) throw new Error('login');
    const wrong = await auth.changePassword(t.ctx(), a.value.actor, {
      current: 'nope-12345',
      next: 'matkhaumoi2025',
    });
    expect(!wrong.ok && wrong.error.field).toBe('current');
    const weak = await auth.changePassword(t.ctx(), a.value.actor, {
      current: demo.DEMO_PASSWORD,
      next: 'abc',
    });
    expect(!weak.ok && weak.error.field).toBe('next');
    const changed = await auth.changePassword(t.ctx(), a.value.actor, {
      current: demo.DEMO_PASSWORD,
      next: 'matkhaumoi2025',
    });
    if (!changed.ok) throw new Error(changed.error.message);
    expect((await auth.actorForToken(t.ctx(), a.value.token)).ok).toBe(false);
    expect((await auth.actorForToken(t.ctx(), b.value.token)).ok).toBe(false);
    expect((await auth.actorForToken(t.ctx(), changed.value.token)).ok).toBe(true);
    expect((await auth.login(t.ctx(), 'quantri', 'matkhaumoi2025')).ok).toBe(true);
    expect((await auth.login(t.ctx(), 'quantri', demo.DEMO_PASSWORD)).ok).toBe(false);
  });

  it('logs out everywhere', async () => {
    const a = await auth.login(t.ctx(), 'tobaucu.kp1', demo.DEMO_PASSWORD);
    const b = await auth.login(t.ctx(), 'tobaucu.kp1', demo.DEMO_PASSWORD);
    if (!a.ok || !b.ok) throw new Error('login');
    const out = await auth.logoutEverywhere(t.ctx(), a.value.actor);
    expect(out.ok && out.value.sessions).toBeGreaterThanOrEqual(2);
    expect((await auth.actorForToken(t.ctx(), b.value.token)).ok).toBe(false);
  });
});

it('refuses cross-site writes: another origin, or a body a plain HTML form can send', () => {
  const json = { host: 'localhost:3000', 'content-type': 'application/json' };
  expect(crossSiteRefusal('POST', json)).toBeNull();
  expect(crossSiteRefusal('POST', { ...json, origin: 'http://localhost:3000' })).toBeNull();
  expect(crossSiteRefusal('POST', { ...json, origin: 'https://evil.example' })).toContain('trang web khác');
  expect(
    crossSiteRefusal('POST', { host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded' }),
  ).toContain('không được chấp nhận');
  expect(
    crossSiteRefusal('POST', { host: 'localhost:3000', 'content-type': 'text/plain;charset=UTF-8' }),
  ).not.toBeNull();
  expect(crossSiteRefusal('GET', { host: 'localhost:3000', origin: 'https://evil.example' })).toBeNull();
});

describeEachDatabase('two-factor login (TOTP)', (t) => {
  it('asks for the code once enabled, refuses a wrong one, and can be turned off with the password', async () => {
    const { totpAt } = await import('../../src/services/auth/totp');
    await demo.loadDemo(t.ctx());
    const now = new Date('2024-10-01T02:00:00Z');
    const ctx = t.ctx(() => now);
    const first = await auth.login(ctx, 'ubnd.phuong2', demo.DEMO_PASSWORD);
    if (!first.ok) throw new Error(first.error.message);
    const actor = first.value.actor;
    const setup = await auth.setupTotp(ctx, actor);
    if (!setup.ok) throw new Error(setup.error.message);
    expect(setup.value.uri).toContain('otpauth://totp/baucoso%3Aubnd.phuong2?secret=');
    // Not enabled until a code is confirmed: login still works without one.
    expect((await auth.login(ctx, 'ubnd.phuong2', demo.DEMO_PASSWORD)).ok).toBe(true);
    const wrong = await auth.enableTotp(ctx, actor, '000000');
    expect(!wrong.ok && wrong.error.field).toBe('code');
    expect((await auth.enableTotp(ctx, actor, totpAt(setup.value.secret, now))).ok).toBe(true);

    const noCode = await auth.login(ctx, 'ubnd.phuong2', demo.DEMO_PASSWORD);
    expect(!noCode.ok && noCode.error.code).toBe('totp-required');
    const badCode = await auth.login(ctx, 'ubnd.phuong2', demo.DEMO_PASSWORD, undefined, '123456');
    expect(!badCode.ok && badCode.error.message).toContain('Mã xác thực hai bước không đúng');
    // RFC 6238 §5.2: the code that switched two-factor on cannot also open a session.
    const reused = await auth.login(
      ctx,
      'ubnd.phuong2',
      demo.DEMO_PASSWORD,
      undefined,
      totpAt(setup.value.secret, now),
    );
    expect(!reused.ok && reused.error.message).toContain('đã được dùng');
    const later = new Date(now.getTime() + 30_000);
    const good = await auth.login(
      t.ctx(() => later),
      'ubnd.phuong2',
      demo.DEMO_PASSWORD,
      undefined,
      totpAt(setup.value.secret, later),
    );
    expect(good.ok).toBe(true);
    // The same code a second time (a replay, or a second login racing the first) is refused.
    const replay = await auth.login(
      t.ctx(() => later),
      'ubnd.phuong2',
      demo.DEMO_PASSWORD,
      undefined,
      totpAt(setup.value.secret, later),
    );
    expect(!replay.ok && replay.error.message).toContain('đã được dùng');
    const wrongPassword = await auth.login(
      ctx,
      'ubnd.phuong2',
      'wrong-pass-1',
      undefined,
      totpAt(setup.value.secret, now),
    );
    expect(!wrongPassword.ok && wrongPassword.error.code).toBe('bad-credentials');

    expect((await auth.disableTotp(ctx, actor, 'nope-nope-1')).ok).toBe(false);
    expect((await auth.disableTotp(ctx, actor, demo.DEMO_PASSWORD)).ok).toBe(true);
    expect((await auth.login(ctx, 'ubnd.phuong2', demo.DEMO_PASSWORD)).ok).toBe(true);
  });
});
