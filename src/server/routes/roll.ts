/** The voter roll of an election: routes of the `roll` contract (build, read, count, post, amend, export). */
import * as contract from '../../contract/roll';
import { MIME } from '../../contract/endpoint';
import { ok } from '../../domain/result';
import { roll } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const rollRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getRoll, ({ params }, { actor }) => roll.getRoll(ctx, actor, params.id));
  route(app, ctx, contract.rollCountsOf, ({ params }, { actor }) => roll.rollCounts(ctx, actor, params.id));
  route(app, ctx, contract.buildRoll, ({ params, body }, { actor }) =>
    roll.buildRoll(ctx, actor, params.id, body ?? {}),
  );
  route(app, ctx, contract.postRoll, ({ params, body }, { actor }) =>
    roll.postRoll(ctx, actor, params.id, body ?? {}),
  );
  route(app, ctx, contract.amendRoll, ({ params, body }, { actor }) =>
    roll.amendRoll(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.rollXlsx, async ({ params }, { actor }) => {
    const result = await roll.rollXlsx(ctx, actor, params.id);
    if (!result.ok) return result;
    return ok({ bytes: result.value.bytes, fileName: result.value.fileName, type: MIME.xlsx });
  });
  route(app, ctx, contract.issueRollDocument, ({ params, body }, { actor }) =>
    params.kind === 'cards'
      ? roll.issueVoterCards(ctx, actor, params.id)
      : roll.issueRollDocument(ctx, actor, params.id, body?.date ? { date: body.date } : {}),
  );
};
export default rollRoutes;
