/** Planning an election: rounds, tasks, lifecycle steps and the documents of the preparation stage. */
import * as contract from '../../contract/plan';
import { MIME } from '../../contract/endpoint';
import { ok } from '../../domain/result';
import { documents, plan } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const planRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listRounds, ({ params }, { actor }) => plan.listRounds(ctx, actor, params.id));
  route(app, ctx, contract.createRound, ({ params, body }, { actor }) =>
    plan.createRound(ctx, actor, { ...body, communeId: params.id }),
  );
  route(app, ctx, contract.getRound, ({ params }, { actor }) => plan.getRound(ctx, actor, params.id));
  route(app, ctx, contract.updateTask, ({ params, body }, { actor }) =>
    plan.updateTask(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.issueRoundDocument, ({ params, body }, { actor }) =>
    plan.issueRoundDocument(ctx, actor, params.id, params.form, body ?? {}),
  );
  route(app, ctx, contract.getLifecycle, ({ params }, { actor }) => plan.getLifecycle(ctx, actor, params.id));
  route(app, ctx, contract.recordStep, ({ params, body }, { actor }) =>
    plan.recordStep(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.listElectionDocuments, ({ params }, { actor }) =>
    plan.listPreparationDocuments(ctx, actor, params.id),
  );
  route(app, ctx, contract.issueElectionDocument, ({ params, body }, { actor }) =>
    plan.issueElectionDocument(ctx, actor, params.id, params.form, body ?? {}),
  );
  route(app, ctx, contract.downloadPreparationDocument, async ({ params }, { actor }) => {
    const result = await documents.downloadDocument(ctx, actor, params.id, params.format);
    if (!result.ok) return result;
    return ok({
      bytes: result.value.bytes,
      fileName: `${result.value.info.title}.${params.format}`,
      type: MIME[params.format],
    });
  });
};
export default planRoutes;
