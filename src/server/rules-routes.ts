import type { FastifyInstance } from 'fastify';
import { rules } from '../services';
import type { ServiceContext } from '../services';
import { sendResult } from './http-result';
import { requireActor } from './session';

export function rulesRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);
  app.get(
    '/api/rules/profiles',
    {
      config: { access: 'read' },
      preHandler,
      schema: { summary: 'The rule profiles shipped (national law and provinces)', tags: ['rules'] },
    },
    () => rules.profiles(),
  );
  app.get<{ Params: { id: string } }>(
    '/api/rules/profiles/:id',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Every parameter, deadline and removal rule of a profile, with citation and confidence',
        tags: ['rules'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
      },
    },
    async (request, reply) => sendResult(reply, rules.profileDetail(request.params.id)),
  );
}
