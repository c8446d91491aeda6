import { createHash, randomBytes } from 'node:crypto';
import { err, ok } from '../domain/result';
import type { Result } from '../domain/result';
import { users as usersRepo } from '../store';
import type { Actor, Scope } from './actor';
import { isRole } from './actor';
import type { ServiceContext } from './context';
import { writeWithAudit } from './context';
import { failures } from './failures';
import { verifyPassword } from './passwords';

export const SESSION_HOURS = 12;

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

const badLogin = {
  code: 'bad-credentials',
  message: 'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (chú ý chữ hoa, chữ thường).',
};

/** Checks the password and opens a server-side session; the token goes to the browser as a cookie. */
export async function login(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<Result<LoginSuccess>> {
  const user = await usersRepo.findUserByUsername(ctx.store.db, username.trim().toLowerCase());
  // Verify against a dummy hash when the user does not exist, so timing does not reveal usernames.
  const valid = await verifyPassword(password, user?.passwordHash ?? dummyHash);
  const actor = user && valid && !user.disabled ? toActor(user) : undefined;
  if (!actor) return err(badLogin);
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.deleteExpiredSessions(db, now.toISOString());
    await usersRepo.insertSession(db, {
      id: sessionId(token),
      userId: actor.userId,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return { value: undefined, audit: { action: 'login', entity: 'user', entityId: actor.userId } };
  });
  return ok({ token, actor, expiresAt });
}

const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The actor behind a session token, or a failure when the session is unknown or expired. */
export async function actorForToken(ctx: ServiceContext, token: string | undefined): Promise<Result<Actor>> {
  if (!token) return err(failures.unauthenticated());
  const session = await usersRepo.findSession(ctx.store.db, sessionId(token));
  if (!session || session.expiresAt <= ctx.now().toISOString()) return err(failures.unauthenticated());
  const user = await usersRepo.getUser(ctx.store.db, session.userId);
  const actor = user && !user.disabled ? toActor(user) : undefined;
  return actor ? ok(actor) : err(failures.unauthenticated());
}

export async function logout(ctx: ServiceContext, actor: Actor, token: string): Promise<Result<null>> {
  await writeWithAudit(ctx, actor, async (db) => {
    await usersRepo.deleteSession(db, sessionId(token));
    return { value: null, audit: { action: 'logout', entity: 'user', entityId: actor.userId } };
  });
  return ok(null);
}
