import type { FastifyInstance } from 'fastify';
import { roleLabels, roles, auth } from '../../services';
import type { ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

export function usersRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get(
    '/api/users',
    {
      config: { access: 'admin' },
      preHandler,
      schema: { summary: 'List user accounts (administrator only)', tags: ['users'] },
    },
    async (request, reply) => {
      const result = await auth.listUsers(ctx, actorOf(request));
      if (!result.ok) return sendResult(reply, result);
      return reply.send({ users: result.value, roles: roles.map((r) => ({ id: r, label: roleLabels[r] })) });
    },
  );

  app.post<{ Body: auth.NewUserInput }>(
    '/api/users',
    {
      config: { access: 'admin' },
      preHandler,
      schema: {
        summary: 'Create a user account with a role and a scope (administrator only)',
        tags: ['users'],
        body: {
          type: 'object',
          required: ['username', 'displayName', 'password', 'role'],
          properties: {
            username: { type: 'string', maxLength: 100 },
            displayName: { type: 'string', maxLength: 200 },
            password: { type: 'string', maxLength: 200 },
            role: { type: 'string', maxLength: 40 },
            scopeId: { type: ['string', 'null'], maxLength: 64 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await auth.createUser(ctx, actorOf(request), request.body), 201),
  );
}

export default usersRoutes;
