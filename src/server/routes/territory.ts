/** Provinces, communes, hamlets and their residents' groups: routes of the `territory` contract. */
import * as contract from '../../contract/territory';
import { territory } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const territoryRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getProvince, ({ params }, { actor }) =>
    territory.getProvince(ctx, actor, params.code),
  );
  route(app, ctx, contract.getCommune, ({ params }, { actor }) =>
    territory.getCommune(ctx, actor, params.id),
  );
  route(app, ctx, contract.createHamlet, ({ params, body }, { actor }) =>
    territory.createHamlet(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.importHamlets, ({ params, query, body }, { actor }) => {
    const run = query.confirm ? territory.importHamletList : territory.previewHamletList;
    return run(ctx, actor, params.id, body);
  });
  route(app, ctx, contract.recordHistoricalCommune, ({ body }, { actor }) =>
    territory.recordHistoricalCommune(ctx, actor, body),
  );
  route(app, ctx, contract.getHamlet, ({ params }, { actor }) => territory.getHamlet(ctx, actor, params.id));
  route(app, ctx, contract.createResidentGroup, ({ params, body }, { actor }) =>
    territory.createResidentGroup(ctx, actor, params.id, body),
  );
};
export default territoryRoutes;
