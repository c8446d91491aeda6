import { compiledOnce } from './compiled-once';
import type { Db } from './database';

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: string;
  readonly scopeKind: string;
  readonly scopeId: string | null;
  readonly disabled: boolean;
}

const columns = [
  'id',
  'username',
  'display_name as displayName',
  'password_hash as passwordHash',
  'role',
  'scope_kind as scopeKind',
  'scope_id as scopeId',
  'disabled',
] as const;

function toUser(r: Omit<UserRow, 'disabled'> & { disabled: number }): UserRow {
  return { ...r, disabled: Number(r.disabled) === 1 };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('users').select(columns).where('username', '=', username).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  const rows = await db.selectFrom('users').select(columns).orderBy('username').execute();
  return rows.map(toUser);
}

export async function insertUser(db: Db, u: UserRow & { createdAt: string }): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      scope_kind: u.scopeKind,
      scope_id: u.scopeId,
      disabled: u.disabled ? 1 : 0,
      created_at: u.createdAt,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: null,
      totp_secret: null,
      totp_enabled: 0,
    })
    .execute();
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

export async function findSession(db: Db, id: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id as userId', 'expires_at as expiresAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

const sessionUser = compiledOnce(1, (db: Db, id: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.password_hash as passwordHash',
      'u.role',
      'u.scope_kind as scopeKind',
      'u.scope_id as scopeId',
      'u.disabled',
      's.expires_at as expiresAt',
    ])
    .where('s.id', '=', id),
);

/**
 * The session and its user in one query: every signed-in request starts with this lookup, so one
 * round trip instead of two (bench/count-api.bench.ts). Nothing is cached: a deleted session, a
 * disabled user or a changed role counts from the very next request, in every app process.
 */
export async function findSessionUser(
  db: Db,
  id: string,
): Promise<(UserRow & { readonly expiresAt: string }) | undefined> {
  const r = (await sessionUser(db, id)).rows[0];
  return r ? { ...toUser(r), expiresAt: r.expiresAt } : undefined;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', nowIso).execute();
}

export async function loginState(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['failed_logins as failedLogins', 'locked_until as lockedUntil'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function setLoginState(
  db: Db,
  userId: string,
  failedLogins: number,
  lockedUntil: string | null,
) {
  await db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function updatePassword(
  db: Db,
  userId: string,
  passwordHash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: at })
    .where('id', '=', userId)
    .execute();
}

/** The same password stored at a higher hashing cost: not a password change, so no date moves. */
export async function replacePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function totpState(db: Db, userId: string) {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret as secret', 'totp_enabled as enabled', 'totp_last_step as lastStep'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    secret: row.secret,
    enabled: Number(row.enabled) === 1,
    lastStep: row.lastStep === null ? null : Number(row.lastStep),
  };
}

/**
 * Records the step of an accepted code, only if it is later than the last one: false when another
 * login used this step (or a later one) first, so the same code cannot open two sessions.
 */
export async function useTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setTotp(
  db: Db,
  userId: string,
  secret: string | null,
  enabled: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled: enabled ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}
