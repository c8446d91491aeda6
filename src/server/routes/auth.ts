/** Signing in and out and the signed-in user's own account: routes of the `auth` contract. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as contract from '../../contract/auth';
import { ok } from '../../domain/result';
import { auth, roleLabels, territory } from '../../services';
import type { Actor, ServiceContext } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';
import { LOGIN_LIMIT } from '../rate-limits';
import { SESSION_COOKIE } from '../session';

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

const authRoutes: FeatureRoutes = (app, ctx) => {
  route(
    app,
    ctx,
    contract.login,
    async ({ body }, { request, reply }) => {
      const previous = request.cookies[SESSION_COOKIE];
      const result = await auth.login(ctx, body.username, body.password, previous, body.code);
      if (!result.ok) return result;
      setSessionCookie(request, reply, result.value);
      return ok(await me(ctx, result.value.actor));
    },
    // Password spraying over many accounts, per address; one account's guessing is its lockout's.
    { perAddress: LOGIN_LIMIT },
  );

  route(app, ctx, contract.getMe, async (_input, { actor }) => ok(await me(ctx, actor)));

  route(app, ctx, contract.logout, async (_input, { actor, request, reply }) => {
    await auth.logout(ctx, actor, request.cookies[SESSION_COOKIE] ?? '');
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return ok({ ok: true as const });
  });

  route(app, ctx, contract.logoutEverywhere, async (_input, { actor, reply }) => {
    const result = await auth.logoutEverywhere(ctx, actor);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return ok(result.ok ? result.value : { sessions: 0 });
  });

  route(app, ctx, contract.changePassword, async ({ body }, { actor, request, reply }) => {
    const result = await auth.changePassword(ctx, actor, body);
    if (!result.ok) return result;
    setSessionCookie(request, reply, result.value);
    return ok({ ok: true as const });
  });

  route(app, ctx, contract.setupTotp, (_input, { actor }) => auth.setupTotp(ctx, actor));
  route(app, ctx, contract.enableTotp, ({ body }, { actor }) => auth.enableTotp(ctx, actor, body.code));
  route(app, ctx, contract.disableTotp, ({ body }, { actor }) => auth.disableTotp(ctx, actor, body.password));
};
export default authRoutes;
