/**
 * Hamlet facts, the head's allowance, office-holders' commendations and discipline, commune lineage:
 * routes of the `hamlet-facts` contract.
 */
import * as contract from '../../contract/hamlet-facts';
import { territory, hamletFacts, office } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const hamletFactsRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getHamletFacts, ({ params, query }, { actor }) =>
    hamletFacts.getHamletFacts(ctx, actor, params.id, query),
  );
  route(app, ctx, contract.recordHamletFact, ({ params, body }, { actor }) =>
    hamletFacts.recordHamletFact(ctx, actor, { ...body, hamletId: params.id }),
  );
  route(app, ctx, contract.recordHamletRate, ({ params, body }, { actor }) =>
    hamletFacts.recordAllowanceRate(ctx, actor, { ...body, hamletId: params.id }),
  );
  route(app, ctx, contract.listAllowanceRates, ({ params }, { actor }) =>
    hamletFacts.listAllowanceRates(ctx, actor, params.id),
  );
  route(app, ctx, contract.recordProvinceRate, ({ params, body }, { actor }) =>
    hamletFacts.recordAllowanceRate(ctx, actor, { ...body, provinceCode: params.id, hamletId: null }),
  );
  route(app, ctx, contract.listOfficeRecords, ({ params }, { actor }) =>
    office.listOfficeRecords(ctx, actor, params.id),
  );
  route(app, ctx, contract.recordOfficeRecord, ({ params, body }, { actor }) =>
    office.recordOfficeRecord(ctx, actor, { ...body, termId: params.id }),
  );
  route(app, ctx, contract.listLineage, ({ params }, { actor }) =>
    territory.listLineage(ctx, actor, params.id),
  );
  route(app, ctx, contract.importLineage, ({ query, body }, { actor }) =>
    territory.importLineage(ctx, actor, body, query),
  );
};
export default hamletFactsRoutes;
