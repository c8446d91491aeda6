/** Oversight: dashboards, reports to download or issue, the progress report and search. */
import * as contract from '../../contract/oversight';
import { MIME } from '../../contract/endpoint';
import { ok } from '../../domain/result';
import { demo, oversight } from '../../services';
import type { Result } from '../../services';
import type { FeatureRoutes } from '../app';
import type { FileReply } from '../contract-route';
import { route } from '../contract-route';

/** A report the service rendered, as the file to send. */
const asFile = (r: Result<oversight.FileOut>, type: string): Result<FileReply> =>
  r.ok ? ok({ bytes: r.value.bytes, fileName: r.value.name, type }) : r;

const oversightRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getCommune, ({ params }, { actor }) =>
    oversight.communeDashboard(ctx, actor, params.id),
  );
  route(app, ctx, contract.getNational, (_input, { actor }) => oversight.nationalRollup(ctx, actor));
  route(app, ctx, contract.getProvince, ({ params, query }, { actor }) =>
    oversight.provinceDashboard(ctx, actor, params.code, { onlyWithHamlets: query.all !== '1' }),
  );
  route(app, ctx, contract.communeResultsXlsx, async ({ params }, { actor }) =>
    asFile(await oversight.communeResultsXlsx(ctx, actor, params.id), MIME.xlsx),
  );
  route(app, ctx, contract.communeSummaryPdf, async ({ params }, { actor }) =>
    asFile(await oversight.communeSummaryPdf(ctx, actor, params.id), MIME.pdf),
  );
  route(app, ctx, contract.issueSummary, ({ params, body }, { actor }) =>
    oversight.issueCommuneSummary(ctx, actor, params.id, { date: body?.date }),
  );
  route(app, ctx, contract.provinceAggregateXlsx, async ({ params }, { actor }) =>
    asFile(await oversight.provinceAggregateXlsx(ctx, actor, params.code), MIME.xlsx),
  );
  route(app, ctx, contract.provinceAggregatePdf, async ({ params }, { actor }) =>
    asFile(await oversight.provinceAggregatePdf(ctx, actor, params.code), MIME.pdf),
  );
  route(app, ctx, contract.getProgress, ({ params, query }, { actor }) =>
    oversight.progressReport(ctx, actor, params.code, { deadline: query.deadline }),
  );
  route(app, ctx, contract.search, ({ query }, { actor }) => oversight.search(ctx, actor, query.q));
  route(app, ctx, contract.loadDemoProvince, async () => ok(await demo.loadDemoProvince(ctx)));
};
export default oversightRoutes;
