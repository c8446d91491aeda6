/**
 * Signing in and out, the signed-in user's own account (password, two-factor login, sessions), and
 * the administrator's user accounts. The session itself travels as an HttpOnly cookie the server
 * sets: no answer here carries the token.
 */
import { endpoint } from './endpoint';
import { z } from './zod';

const tags = ['auth'] as const;

/** The roles of an account; the server's list (services/common/actor.ts) must match. */
export const role = z.enum(['admin', 'communeOfficer', 'frontOfficer', 'teamMember', 'provinceViewer']);
export type Role = z.infer<typeof role>;

export const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('province'), id: z.string() }),
  z.object({ kind: z.literal('commune'), id: z.string() }),
  z.object({ kind: z.literal('election'), id: z.string() }),
]);

const province = z.object({ code: z.string(), name: z.string() });

/** Where the user's pages start: every province, one province, one commune, or one hamlet's election. */
export const home = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all'), provinces: z.array(province) }),
  z.object({ kind: z.literal('province'), provinceCode: z.string() }),
  z.object({ kind: z.literal('commune'), communeId: z.string() }),
  z.object({ kind: z.literal('hamlet'), hamletId: z.string(), electionId: z.string() }),
]);
export type Home = z.infer<typeof home>;

export const me = z.object({
  user: z.object({
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    role,
    scope,
    roleLabel: z.string(),
    totpEnabled: z.boolean(),
  }),
  home,
});
export type Me = z.infer<typeof me>;

const password = z.string().max(200);
/** A six-digit code from an authenticator app (a little room for spaces typed around it). */
const totpCode = z.string().max(12);

export const loginBody = z.object({
  username: z.string().max(100),
  password,
  code: totpCode.optional(),
});

export const login = endpoint({
  method: 'POST',
  path: '/api/auth/login',
  summary: 'Đăng nhập (log in): opens a server-side session and sets the session cookie',
  tags,
  access: 'public',
  body: loginBody,
  response: me,
  errors: ['bad-credentials', 'totp-required'],
});

export const getMe = endpoint({
  method: 'GET',
  path: '/api/me',
  summary: 'The signed-in user and where their pages start',
  tags,
  access: 'read',
  response: me,
  errors: [],
});

export const logout = endpoint({
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'Đăng xuất (log out)',
  tags,
  access: 'read',
  response: z.object({ ok: z.literal(true) }),
  errors: [],
});

export const logoutEverywhere = endpoint({
  method: 'POST',
  path: '/api/auth/logout-everywhere',
  summary: 'End every session of the signed-in user, on every device',
  tags,
  access: 'read',
  response: z.object({ sessions: z.number().int().min(0) }),
  errors: [],
});

export const passwordBody = z.object({ current: password, next: password });

export const changePassword = endpoint({
  method: 'POST',
  path: '/api/auth/password',
  summary: 'Change one’s own password; every other session ends',
  tags,
  access: 'read',
  body: passwordBody,
  response: z.object({ ok: z.literal(true) }),
  errors: ['bad-credentials'],
});

export const setupTotp = endpoint({
  method: 'POST',
  path: '/api/auth/totp/setup',
  summary: 'Start two-factor setup: a new TOTP secret for an authenticator app',
  tags,
  access: 'read',
  response: z.object({ secret: z.string(), uri: z.string() }),
  errors: ['conflict'],
});

export const enableTotp = endpoint({
  method: 'POST',
  path: '/api/auth/totp/enable',
  summary: 'Turn two-factor login on after checking a code from the app',
  tags,
  access: 'read',
  body: z.object({ code: totpCode }),
  response: z.object({ enabled: z.literal(true) }),
  errors: [],
});

export const disableTotp = endpoint({
  method: 'POST',
  path: '/api/auth/totp/disable',
  summary: 'Turn two-factor login off (needs the password)',
  tags,
  access: 'read',
  body: z.object({ password }),
  response: z.object({ enabled: z.literal(false) }),
  errors: ['bad-credentials'],
});

// The administrator's user accounts.

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  roleLabel: z.string(),
  scopeKind: z.string(),
  scopeId: z.string().nullable(),
});
export type UserView = z.infer<typeof userView>;

export const listUsers = endpoint({
  method: 'GET',
  path: '/api/users',
  summary: 'List user accounts (administrator only)',
  tags: ['users'],
  access: 'admin',
  response: z.object({
    users: z.array(userView),
    roles: z.array(z.object({ id: role, label: z.string() })),
  }),
  errors: [],
});

export const newUserBody = z.object({
  username: z.string().max(100),
  displayName: z.string().max(200),
  password,
  // Any text: the service names the roles that exist when it is not one of them.
  role: z.string().max(40),
  /** Commune id, province code or election id, as the role requires; ignored for admin. */
  scopeId: z.string().max(64).nullable().optional(),
});
export type NewUserBody = z.infer<typeof newUserBody>;

export const createUser = endpoint({
  method: 'POST',
  path: '/api/users',
  summary: 'Create a user account with a role and a scope (administrator only)',
  tags: ['users'],
  access: 'admin',
  body: newUserBody,
  response: userView,
  status: 201,
  errors: ['conflict'],
});
