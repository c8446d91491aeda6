import type { FastifyInstance } from 'fastify';
import { auth, roleLabels, territory } from '../services';
import type { Actor, ServiceContext } from '../services';
import { sendFailure } from './http-result';
import { SESSION_COOKIE, actorOf, requireActor } from './session';

async function me(ctx: ServiceContext, actor: Actor) {
  return {
    user: { ...actor, roleLabel: roleLabels[actor.role] },
    home: await territory.homeOf(ctx, actor),
  };
}

export function authRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      schema: {
        summary: 'Đăng nhập (log in): opens a server-side session and sets the session cookie',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', maxLength: 100 },
            password: { type: 'string', maxLength: 200 },
          },
        },
      },
    },
    async (request, reply) => {
      const result = await auth.login(ctx, request.body.username, request.body.password);
      if (!result.ok) return sendFailure(reply, result.error);
      void reply.setCookie(SESSION_COOKIE, result.value.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        expires: new Date(result.value.expiresAt),
      });
      return reply.send(await me(ctx, result.value.actor));
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { summary: 'Đăng xuất (log out)', tags: ['auth'] }, preHandler: requireActor(ctx) },
    async (request, reply) => {
      await auth.logout(ctx, actorOf(request), request.cookies[SESSION_COOKIE] ?? '');
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.send({ ok: true });
    },
  );

  app.get(
    '/api/me',
    {
      schema: { summary: 'The signed-in user and where their pages start', tags: ['auth'] },
      preHandler: requireActor(ctx),
    },
    async (request) => me(ctx, actorOf(request)),
  );
}
