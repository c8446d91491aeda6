import type { FastifyInstance, FastifyReply } from 'fastify';
import { residentsImport } from '../services';
import type { ServiceContext } from '../services';
import { sendFailure, sendResult } from './http-result';
import { actorOf, requireActor } from './session';

const idParam = (name: string) => ({
  type: 'object',
  required: [name],
  properties: { [name]: { type: 'string', maxLength: 64 } },
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file to download; the name is given in ASCII and in UTF-8 (RFC 6266). */
export function sendFile(reply: FastifyReply, bytes: Buffer, fileName: string, type: string) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(bytes);
}

const FIELDS = new Set([
  'householdCode',
  'fullName',
  'birthDate',
  'sex',
  'personalId',
  'relation',
  'residence',
  'legalCapacity',
  'residentGroup',
  'address',
]);

/** The officer's column mapping arrives as JSON in the query string: {"0": "fullName", "3": null}. */
function parseMapping(text: string | undefined): residentsImport.ImportRequest['mapping'] | string {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'Cách ghép cột không đọc được (không phải JSON).';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'Cách ghép cột không hợp lệ.';
  const mapping: Record<number, string | null> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!/^\d{1,3}$/.test(k) || (v !== null && (typeof v !== 'string' || !FIELDS.has(v))))
      return `Cột ${k}: trường '${JSON.stringify(v)}' không có trong tệp mẫu.`;
    mapping[Number(k)] = v;
  }
  return mapping as residentsImport.ImportRequest['mapping'];
}

export function peopleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get(
    '/api/residents/template',
    {
      preHandler,
      schema: { summary: 'The residents spreadsheet template (XLSX, Vietnamese headers)', tags: ['people'] },
    },
    async (_request, reply) =>
      sendFile(reply, await residentsImport.residentsTemplate(), 'mau-danh-sach-nhan-khau.xlsx', XLSX),
  );

  app.post<{
    Params: { id: string };
    Querystring: {
      confirm?: boolean;
      mapping?: string;
      layout?: 'residents' | 'households';
      fileName?: string;
    };
    Body: Buffer;
  }>(
    '/api/hamlets/:id/residents/import',
    {
      preHandler,
      schema: {
        summary:
          "Import a hamlet's residents from an XLSX or CSV file (the raw file as the body): preview, or write all accepted rows in one transaction when confirm=true",
        tags: ['people'],
        params: idParam('id'),
        querystring: {
          type: 'object',
          properties: {
            confirm: { type: 'boolean' },
            mapping: { type: 'string', maxLength: 2000 },
            layout: { type: 'string', enum: ['residents', 'households'] },
            fileName: { type: 'string', maxLength: 255 },
          },
        },
      },
    },
    async (request, reply) => {
      const mapping = parseMapping(request.query.mapping);
      if (typeof mapping === 'string')
        return sendFailure(reply, { code: 'invalid-input', field: 'mapping', message: mapping });
      if (!Buffer.isBuffer(request.body))
        return sendFailure(reply, {
          code: 'invalid-input',
          field: 'file',
          message: 'Hãy gửi tệp XLSX hoặc CSV (nội dung tệp là thân yêu cầu).',
        });
      const options = { mapping, layout: request.query.layout, fileName: request.query.fileName ?? null };
      const run = request.query.confirm
        ? residentsImport.confirmResidentImport
        : residentsImport.previewResidentImport;
      return sendResult(reply, await run(ctx, actorOf(request), request.params.id, request.body, options));
    },
  );
}
