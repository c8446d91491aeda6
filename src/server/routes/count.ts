/** The count: routes of the `count` contract over the count services. */
import * as contract from '../../contract/count';
import { count } from '../../services';
import type { FeatureRoutes } from '../app';
import { MIME, route } from '../contract-route';

const countRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listElectionCounts, ({ params }, { actor }) =>
    count.listElectionCounts(ctx, actor, params.id),
  );
  route(app, ctx, contract.openCount, ({ params, body }, { actor }) =>
    count.openCount(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.prepareDemoPolling, ({ params, body }, { actor }) =>
    count.prepareDemoPolling(ctx, actor, params.id, { onToday: body?.onToday === true }),
  );
  route(app, ctx, contract.startDemoPollingDay, ({ params }, { actor }) =>
    count.startDemoPollingDay(ctx, actor, params.id),
  );
  route(app, ctx, contract.getCount, ({ params }, { actor }) => count.getCount(ctx, actor, params.id));
  route(app, ctx, contract.getEntryContext, ({ params }, { actor }) =>
    count.getEntryContext(ctx, actor, params.id),
  );
  route(app, ctx, contract.openBatch, ({ params, body }, { actor }) =>
    count.openBatch(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.enterPaper, ({ params, body }, { actor }) =>
    count.enterPaper(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.enterPapers, ({ params, body }, { actor }) =>
    count.enterPapers(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.undoEntry, ({ params }, { actor }) =>
    count.undoEntry(ctx, actor, params.id, params.entryId),
  );
  route(app, ctx, contract.resolveDifference, ({ params, body }, { actor }) =>
    count.resolveDifference(ctx, actor, params.id, params.batchId, body),
  );
  route(app, ctx, contract.closeBatch, ({ params }, { actor }) =>
    count.closeBatch(ctx, actor, params.id, params.batchId),
  );
  route(app, ctx, contract.correctPaper, ({ params, body }, { actor }) =>
    count.correctPaper(ctx, actor, params.id, params.batchId, body),
  );
  route(app, ctx, contract.recordHands, ({ params, body }, { actor }) =>
    count.recordHands(ctx, actor, params.id, body.votes),
  );
  route(app, ctx, contract.closeCount, ({ params }, { actor }) => count.closeCount(ctx, actor, params.id));
  route(app, ctx, contract.printCountRecord, async ({ params }, { actor }) => {
    const r = await count.printCountRecord(ctx, actor, params.id);
    return r.ok ? { ok: true, value: { bytes: r.value.pdf, fileName: r.value.fileName, type: MIME.pdf } } : r;
  });
  route(app, ctx, contract.issueCountRecord, ({ params }, { actor }) =>
    count.issueCountRecord(ctx, actor, params.id),
  );
  route(app, ctx, contract.issueResultReport, ({ params }, { actor }) =>
    count.issueResultReport(ctx, actor, params.id),
  );
};
export default countRoutes;
