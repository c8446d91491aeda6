import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auth, roleLabels, territory } from '../../services';
import type { Actor, ServiceContext } from '../../services';
import { sendFailure, sendResult } from '../http-result';
import { SESSION_COOKIE, actorOf, requireActor } from '../session';

async function me(ctx: ServiceContext, actor: Actor) {
  return {
    user: { ...actor, roleLabel: roleLabels[actor.role], totpEnabled: await auth.totpEnabled(ctx, actor) },
    home: await territory.homeOf(ctx, actor),
  };
}

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: string },
) {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: new Date(session.expiresAt),
  });
}

export function authRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // Failed logins per client address (password spraying); the account lockout is in auth.login.
  const throttle = auth.createLoginThrottle();
  app.post(
    '/api/auth/logout-everywhere',
    {
      config: { access: 'read' },
      schema: { summary: 'End every session of the signed-in user, on every device', tags: ['auth'] },
      preHandler: requireActor(ctx),
    },
    async (request, reply) => {
      const result = await auth.logoutEverywhere(ctx, actorOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.send(result.ok ? result.value : { sessions: 0 });
    },
  );

  app.post<{ Body: { current: string; next: string } }>(
    '/api/auth/password',
    {
      config: { access: 'read' },
      preHandler: requireActor(ctx),
      schema: {
        summary: 'Change one’s own password; every other session ends',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['current', 'next'],
          properties: {
            current: { type: 'string', maxLength: 200 },
            next: { type: 'string', maxLength: 200 },
          },
        },
      },
    },
    async (request, reply) => {
      const result = await auth.changePassword(ctx, actorOf(request), request.body);
      if (!result.ok) return sendFailure(reply, result.error);
      setSessionCookie(request, reply, result.value);
      return reply.send({ ok: true });
    },
  );

  app.post<{ Body: { username: string; password: string; code?: string } }>(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Đăng nhập (log in): opens a server-side session and sets the session cookie',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', maxLength: 100 },
            password: { type: 'string', maxLength: 200 },
            code: { type: 'string', maxLength: 12 },
          },
        },
      },
    },
    async (request, reply) => {
      const throttled = throttle.check(request.ip, ctx.now());
      if (throttled) return sendFailure(reply, throttled);
      const previous = request.cookies[SESSION_COOKIE];
      const { username, password, code } = request.body;
      const result = await auth.login(ctx, username, password, previous, code);
      if (!result.ok && result.error.code !== 'totp-required') throttle.fail(request.ip, ctx.now());
      if (!result.ok) return sendFailure(reply, result.error);
      setSessionCookie(request, reply, result.value);
      return reply.send(await me(ctx, result.value.actor));
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'read' },
      schema: { summary: 'Đăng xuất (log out)', tags: ['auth'] },
      preHandler: requireActor(ctx),
    },
    async (request, reply) => {
      await auth.logout(ctx, actorOf(request), request.cookies[SESSION_COOKIE] ?? '');
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.send({ ok: true });
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'read' },
      preHandler: requireActor(ctx),
      schema: {
        summary: 'Start two-factor setup: a new TOTP secret for an authenticator app',
        tags: ['auth'],
      },
    },
    async (request, reply) => sendResult(reply, await auth.setupTotp(ctx, actorOf(request))),
  );

  app.post<{ Body: { code: string } }>(
    '/api/auth/totp/enable',
    {
      config: { access: 'read' },
      preHandler: requireActor(ctx),
      schema: {
        summary: 'Turn two-factor login on after checking a code from the app',
        tags: ['auth'],
        body: { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 12 } } },
      },
    },
    async (request, reply) =>
      sendResult(reply, await auth.enableTotp(ctx, actorOf(request), request.body.code)),
  );

  app.post<{ Body: { password: string } }>(
    '/api/auth/totp/disable',
    {
      config: { access: 'read' },
      preHandler: requireActor(ctx),
      schema: {
        summary: 'Turn two-factor login off (needs the password)',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['password'],
          properties: { password: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await auth.disableTotp(ctx, actorOf(request), request.body.password)),
  );

  app.get(
    '/api/me',
    {
      config: { access: 'read' },
      schema: { summary: 'The signed-in user and where their pages start', tags: ['auth'] },
      preHandler: requireActor(ctx),
    },
    async (request) => me(ctx, actorOf(request)),
  );
}

export default authRoutes;
