/** A hamlet's people: routes of the `people` contract (residents, households, the residents import). */
import * as contract from '../../contract/people';
import { MIME } from '../../contract/endpoint';
import { ok } from '../../domain/result';
import { people } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const peopleRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listHouseholds, ({ params, query }, { actor }) =>
    people.listHouseholds(ctx, actor, params.id, query),
  );
  route(app, ctx, contract.residentsTemplate, async () =>
    ok({
      bytes: await people.residentsTemplate(),
      fileName: 'mau-danh-sach-nhan-khau.xlsx',
      type: MIME.xlsx,
    }),
  );
  route(app, ctx, contract.importResidents, ({ params, query, body }, { actor }) => {
    const options = {
      mapping: query.mapping,
      layout: query.layout,
      residenceDefault: query.residenceDefault,
      fileName: query.fileName ?? null,
      ...(query.previewId ? { previewId: query.previewId } : {}),
    };
    const run = query.confirm ? people.confirmResidentImport : people.previewResidentImport;
    return run(ctx, actor, params.id, body, options);
  });
  route(app, ctx, contract.searchResidents, ({ params, query }, { actor }) =>
    people.searchResidents(ctx, actor, params.id, query),
  );
  route(app, ctx, contract.addResident, ({ params, body }, { actor }) =>
    people.addResident(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.getResident, ({ params }, { actor }) => people.getResident(ctx, actor, params.id));
  route(app, ctx, contract.editResident, ({ params, body }, { actor }) =>
    people.editResident(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.moveResident, ({ params, body }, { actor }) =>
    people.moveResident(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.markDeparture, ({ params, body }, { actor }) =>
    people.markDeparture(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.getHousehold, ({ params }, { actor }) =>
    people.getHousehold(ctx, actor, params.id),
  );
  route(app, ctx, contract.chooseRepresentative, ({ params, body }, { actor }) =>
    people.chooseRepresentative(ctx, actor, params.id, body),
  );
};
export default peopleRoutes;
