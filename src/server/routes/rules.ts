/** The rule profiles: routes of the `rules` contract. */
import { ok } from '../../domain/result';
import * as contract from '../../contract/rules';
import { rules } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const rulesRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listProfiles, () => ok(rules.profiles()));
  route(app, ctx, contract.getProfile, ({ params }) => rules.profileDetail(params.id));
};
export default rulesRoutes;
