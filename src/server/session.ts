import type { FastifyReply, FastifyRequest } from 'fastify';
import { auth } from '../services';
import type { Actor, ServiceContext } from '../services';
import { sendFailure } from './http-result';

export const SESSION_COOKIE = 'baucoso_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/**
 * A preHandler for routes that need a signed-in user: it loads the actor from the server-side
 * session. Role and scope checks happen in the services, on every call.
 */
export function requireActor(ctx: ServiceContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await auth.actorForToken(ctx, request.cookies[SESSION_COOKIE]);
    if (!result.ok) return sendFailure(reply, result.error);
    request.actor = result.value;
  };
}

/** The actor set by `requireActor`; routes that use it are always behind that preHandler. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route is missing the requireActor preHandler');
  return request.actor;
}
