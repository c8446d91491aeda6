/** The election team: members, count witnesses and their accounts. */
import * as contract from '../../contract/team';
import { team } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const teamRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getTeam, ({ params }, { actor }) => team.getTeam(ctx, actor, params.id));
  route(app, ctx, contract.addTeamMember, ({ params, body }, { actor }) =>
    team.addTeamMember(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.removeTeamMember, ({ params }, { actor }) =>
    team.removeTeamMember(ctx, actor, params.id),
  );
  route(app, ctx, contract.createTeamAccounts, ({ params }, { actor }) =>
    team.createTeamAccounts(ctx, actor, params.id),
  );
};
export default teamRoutes;
