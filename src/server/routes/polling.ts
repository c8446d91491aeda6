/** Polling day (secret ballot): routes of the `polling` contract over the polling services. */
import * as contract from '../../contract/polling';
import { polling } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const pollingRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.findVoters, ({ params, query }, { actor }) =>
    polling.findVoters(ctx, actor, params.id, query.q ?? ''),
  );
  route(app, ctx, contract.checkIn, ({ params, body }, { actor }) =>
    polling.checkIn(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.getTurnout, ({ params }, { actor }) => polling.getTurnout(ctx, actor, params.id));
  route(app, ctx, contract.getPoll, ({ params }, { actor }) => polling.getPoll(ctx, actor, params.id));
  route(app, ctx, contract.sendMobileBox, ({ params, body }, { actor }) =>
    polling.sendMobileBox(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.recordBoxReturned, ({ params }, { actor }) =>
    polling.recordBoxReturned(ctx, actor, params.id, params.boxId),
  );
  route(app, ctx, contract.recordInterruption, ({ params, body }, { actor }) =>
    polling.recordInterruption(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.resumePolling, ({ params }, { actor }) =>
    polling.resumePolling(ctx, actor, params.id),
  );
  route(app, ctx, contract.closePolling, ({ params }, { actor }) =>
    polling.closePolling(ctx, actor, params.id),
  );
  route(app, ctx, contract.getBallots, ({ params }, { actor }) => polling.getBallots(ctx, actor, params.id));
  route(app, ctx, contract.recordBallots, ({ params, body }, { actor }) =>
    polling.recordBallots(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.sealUnusedBallots, ({ params, body }, { actor }) =>
    polling.sealUnusedBallots(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.listCountWitnesses, ({ params, query }, { actor }) =>
    polling.getCountWitnesses(ctx, actor, params.id, query.position),
  );
  route(app, ctx, contract.recordCountWitnesses, ({ params, body }, { actor }) =>
    polling.recordCountWitnesses(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.issueSealingRecord, ({ params, body }, { actor }) =>
    polling.issueSealingRecord(ctx, actor, params.id, body.position),
  );
};
export default pollingRoutes;
