/** After the vote: the office-holders register, its import, interim heads, deputies, recognition. */
import * as contract from '../../contract/office';
import { office } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const officeRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getRegister, ({ params, query }, { actor }) =>
    office.getRegister(ctx, actor, params.id, query),
  );
  route(app, ctx, contract.importHolders, ({ params, query, body }, { actor }) =>
    office.importOfficeHolders(ctx, actor, params.id, body, query),
  );
  route(app, ctx, contract.endTerm, ({ params, body }, { actor }) =>
    office.endOffice(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.getHamletPeople, ({ params }, { actor }) =>
    office.hamletPeople(ctx, actor, params.id),
  );
  route(app, ctx, contract.recogniseDeputy, ({ params, body }, { actor }) =>
    office.recogniseDeputy(ctx, actor, { ...body, hamletId: params.id }),
  );
  route(app, ctx, contract.appointInterim, ({ params, body }, { actor }) =>
    office.appointInterim(ctx, actor, { ...body, hamletId: params.id }),
  );
  route(app, ctx, contract.recognitionInbox, ({ params }, { actor }) =>
    office.recognitionInbox(ctx, actor, params.id),
  );
  route(app, ctx, contract.decideRecognition, ({ params, body }, { actor }) =>
    office.decideRecognition(ctx, actor, params.id, body),
  );
};
export default officeRoutes;
