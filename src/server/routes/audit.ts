/** The audit trail of an election, hamlet or commune: read, export, verify the chain. */
import * as contract from '../../contract/audit';
import { ok } from '../../domain/result';
import { audit } from '../../services';
import type { FeatureRoutes } from '../app';
import { MIME, route } from '../contract-route';

const auditRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listTrail, ({ params, query }, { actor }) =>
    audit.listAuditTrail(ctx, actor, params, query),
  );
  route(app, ctx, contract.exportTrail, async ({ params, query }, { actor }) => {
    const format = query.format ?? 'xlsx';
    const r = await audit.exportAuditTrail(ctx, actor, params, format);
    if (!r.ok) return r;
    const type = format === 'csv' ? `${MIME.csv}; charset=utf-8` : MIME.xlsx;
    return ok({ ...r.value, type });
  });
  route(app, ctx, contract.verifyChain, (_input, { actor }) => audit.verifyAuditChain(ctx, actor));
};
export default auditRoutes;
