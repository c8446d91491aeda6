import { failures } from '../services';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auth } from '../services';
import type { Actor, ServiceContext } from '../services';
import { sendFailure } from './http-result';

export const SESSION_COOKIE = 'baucoso_session';

/**
 * Every route declares who may call it (`config: { access }`); a test fails for a route without it.
 * - public: anyone (login, health, API docs);
 * - read: any signed-in user (the service then checks the scope);
 * - write: signed-in users who may change data: never a province viewer (read-only by role);
 * - admin: the system administrator only.
 */
export type Access = 'public' | 'read' | 'write' | 'admin';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/**
 * An onRequest hook: refuses what the route's access level forbids before the body is even parsed,
 * so an unauthorised caller learns nothing from validation errors. Scope checks stay in the services.
 */
export function accessGate(ctx: ServiceContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const result = await auth.actorForToken(ctx, request.cookies[SESSION_COOKIE]);
    if (!result.ok) return sendFailure(reply, result.error);
    const actor = result.value;
    if (access === 'write' && actor.role === 'provinceViewer') {
      return sendFailure(reply, failures.forbidden('thay đổi dữ liệu: tài khoản cấp tỉnh chỉ được xem'));
    }
    if (access === 'admin' && actor.role !== 'admin') {
      return sendFailure(reply, failures.forbidden('dùng chức năng quản trị hệ thống'));
    }
    request.actor = actor;
  };
}

/**
 * A preHandler for routes that need a signed-in user: it loads the actor from the server-side
 * session. Role and scope checks happen in the services, on every call.
 */
export function requireActor(ctx: ServiceContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.actor) return; // already loaded by the access gate
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
