import type { FastifyInstance, FastifyReply } from 'fastify';
import { people } from '../../services';
import type { ServiceContext } from '../../services';
import { sendFailure, sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

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
function parseMapping(text: string | undefined): people.ImportRequest['mapping'] | string {
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
  return mapping as people.ImportRequest['mapping'];
}

export function peopleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get(
    '/api/residents/template',
    {
      config: { access: 'read' },
      preHandler,
      schema: { summary: 'The residents spreadsheet template (XLSX, Vietnamese headers)', tags: ['people'] },
    },
    async (_request, reply) =>
      sendFile(reply, await people.residentsTemplate(), 'mau-danh-sach-nhan-khau.xlsx', XLSX),
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
      config: { access: 'write' },
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
      const run = request.query.confirm ? people.confirmResidentImport : people.previewResidentImport;
      return sendResult(reply, await run(ctx, actorOf(request), request.params.id, request.body, options));
    },
  );
  app.get<{
    Params: { id: string };
    Querystring: { q?: string; status?: 'active' | 'deceased' | 'moved'; limit?: number; offset?: number };
  }>(
    '/api/hamlets/:id/residents',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Residents of a hamlet; q searches names without diacritics ("nguyen" finds "Nguyễn")',
        tags: ['people'],
        params: idParam('id'),
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 100 },
            status: { type: 'string', enum: ['active', 'deceased', 'moved'] },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            offset: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await people.searchResidents(ctx, actorOf(request), request.params.id, request.query),
      ),
  );

  const residentBody = {
    type: 'object',
    required: ['fullName', 'birthDate', 'sex', 'relation', 'residence'],
    properties: {
      fullName: { type: 'string', maxLength: 200 },
      birthDate: { type: 'string', maxLength: 10 },
      sex: { type: 'string', enum: ['male', 'female'] },
      personalId: { type: ['string', 'null'], maxLength: 20 },
      relation: { type: 'string', maxLength: 20 },
      residence: { type: 'string', enum: ['permanent', 'temporary'] },
      legalCapacity: { type: 'string', enum: ['full', 'restricted', 'none'] },
      reason: { type: 'string', maxLength: 500 },
      version: { type: 'integer', minimum: 1 },
      householdId: { type: 'string', maxLength: 64 },
      newHousehold: {
        type: 'object',
        required: ['code'],
        properties: {
          code: { type: 'string', maxLength: 40 },
          address: { type: 'string', maxLength: 300 },
          residentGroupId: { type: ['string', 'null'], maxLength: 64 },
        },
      },
    },
  };

  app.post<{ Params: { id: string }; Body: Parameters<typeof people.addResident>[3] }>(
    '/api/hamlets/:id/residents',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Add a resident to a household of the hamlet (or to a new household)',
        tags: ['people'],
        params: idParam('id'),
        body: residentBody,
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await people.addResident(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/residents/:id',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'A resident with their history of changes',
        tags: ['people'],
        params: idParam('id'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await people.getResident(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: Parameters<typeof people.editResident>[3] }>(
    '/api/residents/:id',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: "Correct a resident's details (reason required; kept in the history)",
        tags: ['people'],
        params: idParam('id'),
        body: residentBody,
      },
    },
    async (request, reply) =>
      sendResult(reply, await people.editResident(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post<{ Params: { id: string }; Body: Parameters<typeof people.moveResident>[3] }>(
    '/api/residents/:id/move',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Move a resident to another household of the same hamlet',
        tags: ['people'],
        params: idParam('id'),
        body: {
          type: 'object',
          required: ['householdId', 'relation', 'reason'],
          properties: {
            householdId: { type: 'string', maxLength: 64 },
            relation: { type: 'string', maxLength: 20 },
            reason: { type: 'string', maxLength: 500 },
            effectiveOn: { type: 'string', maxLength: 10 },
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await people.moveResident(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post<{ Params: { id: string }; Body: Parameters<typeof people.markDeparture>[3] }>(
    '/api/residents/:id/departure',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Record a death or a move away (the resident stays in the history)',
        tags: ['people'],
        params: idParam('id'),
        body: {
          type: 'object',
          required: ['kind', 'effectiveOn'],
          properties: {
            kind: { type: 'string', enum: ['deceased', 'moved'] },
            effectiveOn: { type: 'string', maxLength: 10 },
            reason: { type: 'string', maxLength: 500 },
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await people.markDeparture(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/households/:id',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'A household, its members and its representative with the rule checked and explained',
        tags: ['people'],
        params: idParam('id'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await people.getHousehold(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: Parameters<typeof people.chooseRepresentative>[3] }>(
    '/api/households/:id/representative',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: "Choose the household's representative (reason needed when not the head)",
        tags: ['people'],
        params: idParam('id'),
        body: {
          type: 'object',
          required: ['residentId'],
          properties: {
            residentId: { type: 'string', maxLength: 64 },
            reason: { type: 'string', maxLength: 500 },
            nominatedByMembers: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await people.chooseRepresentative(ctx, actorOf(request), request.params.id, request.body),
      ),
  );
}

export default peopleRoutes;
