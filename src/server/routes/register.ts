/** The hamlet register over time: routes of the `register` contract. */
import * as contract from '../../contract/register';
import { ok } from '../../domain/result';
import { register } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const registerRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getHistory, ({ params }, { actor }) => register.getHistory(ctx, actor, params.id));
  route(app, ctx, contract.getAsOf, ({ params, query }, { actor }) =>
    register.getAsOf(ctx, actor, params.id, query.on),
  );
  route(app, ctx, contract.previewMerge, ({ params, body }, { actor }) =>
    register.previewMerge(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.applyMerge, ({ params, body }, { actor }) =>
    register.applyMerge(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.splitHamlet, ({ params, body }, { actor }) =>
    register.splitHamlet(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.attachCluster, ({ params, body }, { actor }) =>
    register.attachCluster(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.renameHamlet, ({ params, body }, { actor }) =>
    register.renameHamlet(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.dissolveHamlet, ({ params, body }, { actor }) =>
    register.dissolveHamlet(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.listEstablishments, ({ params }, { actor }) =>
    register.listEstablishments(ctx, actor, params.id),
  );
  route(app, ctx, contract.startEstablishment, ({ params, body }, { actor }) =>
    register.startEstablishment(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.recordItem, ({ params, body }, { actor }) =>
    register.recordItem(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.attachItemFile, ({ params, query, body }, { actor }) =>
    register.attachItemFile(ctx, actor, params.id, params.key, {
      fileName: query.name ?? 'van-ban',
      contentType: query.type ?? 'application/octet-stream',
      bytes: body,
    }),
  );
  route(app, ctx, contract.itemFile, async ({ params }, { actor }) => {
    const f = await register.itemFile(ctx, actor, params.id);
    if (!f.ok) return f;
    return ok({ bytes: f.value.bytes, fileName: f.value.fileName, type: f.value.contentType });
  });
};
export default registerRoutes;
