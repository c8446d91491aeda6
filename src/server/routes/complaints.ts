/** Complaints about candidates and the roll. */
import * as contract from '../../contract/complaints';
import { complaints } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const complaintsRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listComplaints, ({ params }, { actor }) =>
    complaints.listComplaints(ctx, actor, params.id),
  );
  route(app, ctx, contract.fileComplaint, ({ params, body }, { actor }) =>
    complaints.fileComplaint(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.resolveComplaint, ({ params, body }, { actor }) =>
    complaints.resolveComplaint(ctx, actor, params.id, body),
  );
};
export default complaintsRoutes;
