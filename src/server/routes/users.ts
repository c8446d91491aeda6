/** The administrator's user accounts: routes of the `auth` contract's user endpoints. */
import * as contract from '../../contract/auth';
import { ok } from '../../domain/result';
import { auth, roleLabels, roles } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const usersRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listUsers, async (_input, { actor }) => {
    const result = await auth.listUsers(ctx, actor);
    if (!result.ok) return result;
    return ok({ users: result.value, roles: roles.map((r) => ({ id: r, label: roleLabels[r] })) });
  });
  route(app, ctx, contract.createUser, ({ body }, { actor }) => auth.createUser(ctx, actor, body));
};
export default usersRoutes;
