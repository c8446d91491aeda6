/** Documents: forms and commune templates, the registry of issued documents, polling-day packs. */
import * as contract from '../../contract/documents';
import { MIME } from '../../contract/endpoint';
import { ok } from '../../domain/result';
import { documents, roll } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const documentsRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.listForms, ({ params }, { actor }) => documents.catalogue(ctx, actor, params.id));
  route(app, ctx, contract.sampleFile, async ({ params }, { actor }) => {
    const result = await documents.sampleFile(ctx, actor, params.id, params.formId, params.format);
    if (!result.ok) return result;
    return ok({ ...result.value, type: MIME[params.format] });
  });
  route(app, ctx, contract.uploadTemplate, ({ params, body }, { actor, request }) => {
    const header = request.headers['x-file-name'];
    return documents.uploadTemplate(ctx, actor, params.id, params.formId, {
      fileName: decodeURIComponent(typeof header === 'string' ? header : 'mau.docx'),
      bytes: body,
    });
  });
  route(app, ctx, contract.removeTemplate, ({ params }, { actor }) =>
    documents.removeTemplate(ctx, actor, params.id, params.formId),
  );
  route(app, ctx, contract.listDocuments, ({ params, query }, { actor }) =>
    documents.listDocuments(ctx, actor, { communeId: params.id, hamletId: query.hamletId }),
  );
  route(app, ctx, contract.electionPack, async ({ params }, { actor }) => {
    const result = await roll.electionPackPdf(ctx, actor, params.id);
    if (!result.ok) return result;
    return ok({ bytes: result.value, fileName: 'tai-lieu-ngay-bau-cu.pdf', type: MIME.pdf });
  });
  route(app, ctx, contract.communePack, async ({ params }, { actor, reply }) => {
    const result = await roll.communePack(ctx, actor, params.id);
    if (!result.ok) return result;
    void reply.header('x-skipped-hamlets', encodeURIComponent(JSON.stringify(result.value.skipped)));
    return ok({ bytes: result.value.pdf, fileName: 'tai-lieu-ngay-bau-cu-ca-xa.pdf', type: MIME.pdf });
  });
  route(app, ctx, contract.downloadDocument, async ({ params }, { actor, reply }) => {
    const result = await documents.downloadDocument(ctx, actor, params.id, params.format);
    if (!result.ok) return result;
    const { info, bytes } = result.value;
    // "03-QĐ-UBND Quyết định công nhận ... v1", folded to ASCII when sent (download-name.ts).
    const number = info.number ? `${String(info.number).padStart(2, '0')}-${info.symbol ?? ''} ` : '';
    void reply.header('x-content-sha256', params.format === 'pdf' ? info.pdf_sha256 : info.docx_sha256);
    return ok({
      bytes,
      fileName: `${number}${info.title}${info.version > 1 ? ` v${info.version}` : ''}.${params.format}`,
      type: MIME[params.format],
    });
  });
};
export default documentsRoutes;
