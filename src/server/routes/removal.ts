/** Removing a head from office: the case, the community meeting, the commune's decision. */
import * as contract from '../../contract/removal';
import { removal } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const removalRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listRemovals, ({ params }, { actor }) =>
    removal.listRemovals(ctx, actor, params.id),
  );
  route(app, ctx, contract.getRemoval, ({ params }, { actor }) => removal.getRemoval(ctx, actor, params.id));
  route(app, ctx, contract.openRemoval, ({ body }, { actor }) => removal.openRemoval(ctx, actor, body));
  route(app, ctx, contract.recordMeeting, ({ params, body }, { actor }) =>
    removal.recordRemovalMeeting(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.decideRemoval, ({ params, body }, { actor }) =>
    removal.decideRemoval(ctx, actor, params.id, body),
  );
};
export default removalRoutes;
