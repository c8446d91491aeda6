import type { FastifyInstance, FastifyReply } from 'fastify';
import { documents, roll } from '../../services';
import type { ServiceContext } from '../../services';
import { sendFailure, sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const contentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Sends a document file; the name is ASCII-safe with the UTF-8 name alongside (RFC 6266). */
export function sendDocumentFile(
  reply: FastifyReply,
  bytes: Buffer,
  fileName: string,
  format: 'pdf' | 'docx',
) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return reply
    .header('content-type', contentTypes[format])
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(bytes);
}

const formatParam = { type: 'string', enum: ['pdf', 'docx'] };
const params = (extra: Record<string, object> = {}) => ({
  type: 'object',
  required: ['id', ...Object.keys(extra)],
  properties: { id: { type: 'string', maxLength: 64 }, ...extra },
});

export function documentsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/forms',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Every official form, its template fields and the commune’s own template',
        tags: ['documents'],
        params: params(),
      },
    },
    async (request, reply) =>
      sendResult(reply, await documents.catalogue(ctx, actorOf(request), request.params.id)),
  );

  app.get<{ Params: { id: string; formId: string; format: 'pdf' | 'docx' } }>(
    '/api/communes/:id/forms/:formId/sample/:format',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'A form filled with its sample data (to preview the layout or the commune template)',
        tags: ['documents'],
        params: params({ formId: { type: 'string', maxLength: 64 }, format: formatParam }),
      },
    },
    async (request, reply) => {
      const { id, formId, format } = request.params;
      const result = await documents.sampleFile(ctx, actorOf(request), id, formId, format);
      if (!result.ok) return sendFailure(reply, result.error);
      return sendDocumentFile(reply, result.value.bytes, result.value.fileName, format);
    },
  );

  app.post<{ Params: { id: string; formId: string }; Body: Buffer; Headers: { 'x-file-name'?: string } }>(
    '/api/communes/:id/forms/:formId/template',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Upload the commune’s own DOCX wording for a form (raw .docx body; X-File-Name header)',
        tags: ['documents'],
        params: params({ formId: { type: 'string', maxLength: 64 } }),
      },
    },
    async (request, reply) => {
      const fileName = decodeURIComponent(request.headers['x-file-name'] ?? 'mau.docx');
      const result = await documents.uploadTemplate(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.formId,
        {
          fileName,
          bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        },
      );
      return sendResult(reply, result, 201);
    },
  );

  app.delete<{ Params: { id: string; formId: string } }>(
    '/api/communes/:id/forms/:formId/template',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Go back to the built-in wording of a form',
        tags: ['documents'],
        params: params({ formId: { type: 'string', maxLength: 64 } }),
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await documents.removeTemplate(ctx, actorOf(request), request.params.id, request.params.formId),
      ),
  );

  app.get<{ Params: { id: string }; Querystring: { hamletId?: string } }>(
    '/api/communes/:id/documents',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Documents issued in a commune (or one hamlet), newest first',
        tags: ['documents'],
        params: params(),
        querystring: { type: 'object', properties: { hamletId: { type: 'string', maxLength: 64 } } },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await documents.listDocuments(ctx, actorOf(request), {
          communeId: request.params.id,
          hamletId: request.query.hamletId,
        }),
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/elections/:id/polling-pack.pdf',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary:
          'Everything the team prints for polling day in one PDF: roll, voter cards, ballots, rules, blank count record',
        tags: ['documents'],
        params: params(),
      },
    },
    async (request, reply) => {
      const result = await roll.electionPackPdf(ctx, actorOf(request), request.params.id);
      if (!result.ok) return sendFailure(reply, result.error);
      return sendDocumentFile(reply, result.value, 'tai-lieu-ngay-bau-cu.pdf', 'pdf');
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/polling-pack.pdf',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary:
          'The polling-day packs of every ready hamlet of a commune in one PDF (X-Skipped-Hamlets lists the others)',
        tags: ['documents'],
        params: params(),
      },
    },
    async (request, reply) => {
      const result = await roll.communePack(ctx, actorOf(request), request.params.id);
      if (!result.ok) return sendFailure(reply, result.error);
      void reply.header('x-skipped-hamlets', encodeURIComponent(JSON.stringify(result.value.skipped)));
      return sendDocumentFile(reply, result.value.pdf, 'tai-lieu-ngay-bau-cu-ca-xa.pdf', 'pdf');
    },
  );

  app.get<{ Params: { id: string; format: 'pdf' | 'docx' } }>(
    '/api/documents/:id/:format',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Download an issued document, byte for byte as issued (hash checked)',
        tags: ['documents'],
        params: params({ format: formatParam }),
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const result = await documents.downloadDocument(ctx, actorOf(request), id, format);
      if (!result.ok) return sendFailure(reply, result.error);
      const { info, bytes } = result.value;
      const number = info.number ? `${String(info.number).padStart(2, '0')}-${info.symbol ?? ''}-` : '';
      void reply.header('x-content-sha256', format === 'pdf' ? info.pdf_sha256 : info.docx_sha256);
      return sendDocumentFile(reply, bytes, `${number}${info.form_id}-v${info.version}.${format}`, format);
    },
  );
}

export default documentsRoutes;
