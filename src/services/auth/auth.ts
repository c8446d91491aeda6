import type { Failure } from '../../domain/result';
import { createHash, randomBytes } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { users as usersRepo } from '../../store';
import type { Actor, Scope } from '../common';
import { isRole } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { dummyHash, hashCost, hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';
import { newTotpSecret, otpauthUri, totpStep } from './totp';

export const SESSION_HOURS = 12;
/** Failed logins in a row before the account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toActor(u: usersRepo.UserRow): Actor | undefined {
  if (!isRole(u.role)) return undefined;
  const scope: Scope =
    u.scopeKind === 'all' ? { kind: 'all' } : ({ kind: u.scopeKind, id: u.scopeId ?? '' } as Scope);
  return { userId: u.id, username: u.username, displayName: u.displayName, role: u.role, scope };
}

export interface LoginSuccess {
  readonly token: string;
  readonly actor: Actor;
  readonly expiresAt: string;
}

/**
 * One answer for a wrong name, a wrong password and a locked account, so that the answer does not
 * tell which user names exist; it says what a locked user needs to know.
 */
const badLogin: Failure = {
  code: 'bad-credentials',
  message: `Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa sau ${MAX_FAILED_LOGINS} lần nhập sai liên tiếp. Hãy kiểm tra lại (chú ý chữ hoa, chữ thường) và thử lại sau ${LOCK_MINUTES} phút, hoặc liên hệ quản trị hệ thống.`,
};

/**
 * Checks the password and opens a server-side session; the token goes to the browser as a cookie.
 * A session the browser already had is ended (rotation on login). After MAX_FAILED_LOGINS wrong
 * passwords in a row the account is locked for LOCK_MINUTES, even for the right password.
 */
export async function login(
  ctx: ServiceContext,
  username: string,
  password: string,
  previousToken?: string,
  totpCode?: string,
): Promise<Result<LoginSuccess>> {
  const user = await usersRepo.findUserByUsername(ctx.store.db, username.trim().toLowerCase());
  const now = ctx.now();
  // Verify first, against a dummy hash when the user does not exist, so that neither the answer
  // nor its timing tells an unknown name from a locked account.
  const valid = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  if (user) {
    const state = await usersRepo.loginState(ctx.store.db, user.id);
    if (state.lockedUntil && state.lockedUntil > now.toISOString()) return err(badLogin);
  }
  const actor = user && valid && !user.disabled ? toActor(user) : undefined;
  if (!actor) {
    if (user) return recordFailure(ctx, user.id);
    return err(badLogin);
  }
  const totp = await usersRepo.totpState(ctx.store.db, actor.userId);
  if (totp.enabled && totp.secret) {
    if (!totpCode) return err(totpRequired);
    const step = totpStep(totp.secret, totpCode, now);
    if (step === null) return recordFailure(ctx, actor.userId, badCode);
    // A code is usable once (RFC 6238 §5.2): the step is taken atomically, so a replay, or a second
    // login racing the first with the same code, is refused.
    if (!(await usersRepo.useTotpStep(ctx.store.db, actor.userId, step)))
      return recordFailure(ctx, actor.userId, usedCode);
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  // A hash made at a lower cost than new hashes get is redone now, the one time the password is known.
  const rehashed = needsRehash(user!.passwordHash) ? await hashPassword(password) : null;
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.deleteExpiredSessions(db, now.toISOString());
    if (rehashed) await usersRepo.replacePasswordHash(db, actor.userId, rehashed);
    if (previousToken) await usersRepo.deleteSession(db, sessionId(previousToken));
    await usersRepo.setLoginState(db, actor.userId, 0, null);
    await usersRepo.insertSession(db, {
      id: sessionId(token),
      userId: actor.userId,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return {
      value: undefined,
      audit: {
        action: 'login',
        entity: 'user',
        entityId: actor.userId,
        ...(rehashed ? { data: { passwordRehashed: hashCost() } } : {}),
      },
    };
  });
  return ok({ token, actor, expiresAt });
}

const totpRequired: Failure = {
  code: 'totp-required',
  message: 'Tài khoản này dùng xác thực hai bước: hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.',
};
const usedCode: Failure = {
  code: 'bad-credentials',
  message:
    'Mã xác thực hai bước này đã được dùng. Hãy chờ mã mới hiện trong ứng dụng (sau ít giây) rồi nhập mã đó.',
};
const badCode: Failure = {
  code: 'bad-credentials',
  message: 'Mã xác thực hai bước không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện.',
};

async function recordFailure(
  ctx: ServiceContext,
  userId: string,
  failure: Failure = badLogin,
): Promise<Result<LoginSuccess>> {
  const now = ctx.now();
  const locked = await writeWithAudit(ctx, null, async (db) => {
    const state = await usersRepo.loginState(db, userId);
    const failures = state.failedLogins + 1;
    const lockedUntil =
      failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await usersRepo.setLoginState(db, userId, lockedUntil ? 0 : failures, lockedUntil);
    return {
      value: lockedUntil,
      audit: {
        action: lockedUntil ? 'login.locked' : 'login.failed',
        entity: 'user',
        entityId: userId,
        data: { failures },
      },
    };
  });
  return err(locked ? badLogin : failure);
}

/** The actor behind a session token, or a failure when the session is unknown or expired. */
export async function actorForToken(ctx: ServiceContext, token: string | undefined): Promise<Result<Actor>> {
  if (!token) return err(failures.unauthenticated());
  const user = await usersRepo.findSessionUser(ctx.store.db, sessionId(token));
  if (!user || user.expiresAt <= ctx.now().toISOString()) return err(failures.unauthenticated());
  const actor = !user.disabled ? toActor(user) : undefined;
  return actor ? ok(actor) : err(failures.unauthenticated());
}

export async function logout(ctx: ServiceContext, actor: Actor, token: string): Promise<Result<null>> {
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.deleteSession(db, sessionId(token));
    return { value: null, audit: { action: 'logout', entity: 'user', entityId: actor.userId } };
  });
  return ok(null);
}

/** Ends every session of the user, on every device. */
export async function logoutEverywhere(
  ctx: ServiceContext,
  actor: Actor,
): Promise<Result<{ sessions: number }>> {
  const sessions = await writeWithAudit(ctx, actor, async (db) => {
    const n = await usersRepo.deleteSessionsOfUser(db, actor.userId);
    return {
      value: n,
      audit: { action: 'logout.everywhere', entity: 'user', entityId: actor.userId, data: { sessions: n } },
    };
  });
  return ok({ sessions });
}

/**
 * Changes the user's own password after checking the current one. Every session ends, this one
 * included, and a fresh session is opened: a stolen session does not survive a password change.
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  input: { current: string; next: string },
): Promise<Result<LoginSuccess>> {
  const user = await usersRepo.getUser(ctx.store.db, actor.userId);
  if (!user || !(await verifyPassword(input.current, user.passwordHash))) {
    return err({ code: 'bad-credentials', field: 'current', message: 'Mật khẩu hiện tại không đúng.' });
  }
  const weak = passwordProblem(input.next);
  if (weak) return err(failures.invalid('next', weak));
  if (input.next === input.current)
    return err(failures.invalid('next', 'Mật khẩu mới phải khác mật khẩu hiện tại.'));
  const hash = await hashPassword(input.next);
  const now = ctx.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.updatePassword(db, actor.userId, hash, now.toISOString());
    await usersRepo.deleteSessionsOfUser(db, actor.userId);
    await usersRepo.insertSession(db, {
      id: sessionId(token),
      userId: actor.userId,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return { value: undefined, audit: { action: 'password.change', entity: 'user', entityId: actor.userId } };
  });
  return ok({ token, actor, expiresAt });
}

/**
 * Starts two-factor setup: a new secret the user adds to an authenticator app. It takes effect only
 * after `enableTotp` confirms a code, so a half-finished setup never locks anyone out.
 */
export async function setupTotp(
  ctx: ServiceContext,
  actor: Actor,
): Promise<Result<{ secret: string; uri: string }>> {
  const state = await usersRepo.totpState(ctx.store.db, actor.userId);
  if (state.enabled) {
    return err(failures.conflict('totp', 'Xác thực hai bước đang bật. Hãy tắt trước khi thiết lập lại.'));
  }
  const secret = newTotpSecret();
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.setTotp(db, actor.userId, secret, false);
    return { value: undefined, audit: { action: 'totp.setup', entity: 'user', entityId: actor.userId } };
  });
  return ok({ secret, uri: otpauthUri(secret, actor.username) });
}

export async function enableTotp(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
): Promise<Result<{ enabled: true }>> {
  const state = await usersRepo.totpState(ctx.store.db, actor.userId);
  if (!state.secret) return err(failures.invalid('code', 'Hãy bắt đầu thiết lập xác thực hai bước trước.'));
  const step = totpStep(state.secret, code, ctx.now());
  if (step === null) {
    return err(
      failures.invalid('code', 'Mã không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiện.'),
    );
  }
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.setTotp(db, actor.userId, state.secret, true);
    // The code that switched it on cannot also open a session.
    await usersRepo.useTotpStep(db, actor.userId, step);
    return { value: undefined, audit: { action: 'totp.enable', entity: 'user', entityId: actor.userId } };
  });
  return ok({ enabled: true });
}

export async function disableTotp(
  ctx: ServiceContext,
  actor: Actor,
  password: string,
): Promise<Result<{ enabled: false }>> {
  const user = await usersRepo.getUser(ctx.store.db, actor.userId);
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    return err({ code: 'bad-credentials', field: 'password', message: 'Mật khẩu không đúng.' });
  }
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.setTotp(db, actor.userId, null, false);
    return { value: undefined, audit: { action: 'totp.disable', entity: 'user', entityId: actor.userId } };
  });
  return ok({ enabled: false });
}

export async function totpEnabled(ctx: ServiceContext, actor: Actor): Promise<boolean> {
  return (await usersRepo.totpState(ctx.store.db, actor.userId)).enabled;
}
