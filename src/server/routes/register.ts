import type { FastifyInstance } from 'fastify';
import { register } from '../../services';
import type { Actor, Result, ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;
const date = { type: 'string', maxLength: 10 } as const;
const text = { type: ['string', 'null'], maxLength: 500 } as const;
const ids = { type: 'array', maxItems: 5000, items: { type: 'string', maxLength: 64 } } as const;
/** The decision every change is recorded with. */
const decision = {
  decisionNumber: { type: 'string', maxLength: 100 },
  decisionDate: date,
  issuingBody: text,
  effectiveOn: date,
  note: text,
} as const;
const tags = ['hamlet register'];

type Body = Record<string, unknown>;
type Handler = (ctx: ServiceContext, actor: Actor, id: string, body: never) => Promise<Result<unknown>>;

/** The hamlet register over time: history, as-of view, merge, split, attach, rename, dissolve, establish. */
export function registerRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  const post = (url: string, summary: string, body: Body, handler: Handler, status = 201) =>
    app.post<{ Params: { id: string }; Body: never }>(
      url,
      {
        config: { access: 'write' },
        preHandler,
        schema: { summary, tags, params: idParam, body: { type: 'object', properties: body } },
      },
      async (request, reply) =>
        sendResult(
          reply,
          await handler(ctx, actorOf(request), request.params.id, request.body as never),
          status,
        ),
    );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/hamlet-history',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Changes to the hamlets of a commune, and its former hamlets',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await register.getHistory(ctx, actorOf(request), request.params.id)),
  );

  app.get<{ Params: { id: string }; Querystring: { on: string } }>(
    '/api/communes/:id/hamlet-history/as-of',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'The commune as it was on a day: hamlets, names, heads, households',
        tags,
        params: idParam,
        querystring: { type: 'object', required: ['on'], properties: { on: date } },
      },
    },
    async (request, reply) =>
      sendResult(reply, await register.getAsOf(ctx, actorOf(request), request.params.id, request.query.on)),
  );

  const merge = {
    ...decision,
    sourceIds: ids,
    targetId: text,
    newName: text,
    newKind: text,
    keepElectionIds: ids,
  };
  post(
    '/api/communes/:id/hamlet-merges/preview',
    'What a merge would move (nothing is changed)',
    merge,
    register.previewMerge,
    200,
  );
  post(
    '/api/communes/:id/hamlet-merges',
    'Merge hamlets into a new or an existing one',
    merge,
    register.applyMerge,
  );
  const selection = {
    ...decision,
    sourceId: { type: 'string', maxLength: 64 },
    householdIds: ids,
    groupIds: ids,
  };
  post(
    '/api/communes/:id/hamlet-splits',
    'Split chosen households and groups off into a new hamlet',
    { ...selection, newName: text, newKind: text },
    register.splitHamlet,
  );
  post(
    '/api/communes/:id/hamlet-attachments',
    'Attach a residential cluster to an existing hamlet',
    { ...selection, targetId: text },
    register.attachCluster,
  );
  post(
    '/api/communes/:id/hamlet-renames',
    'Rename a hamlet (the old name stays in the history)',
    { ...decision, hamletId: text, newName: text },
    register.renameHamlet,
  );
  post(
    '/api/communes/:id/hamlet-dissolutions',
    'Dissolve an empty hamlet',
    { ...decision, hamletId: text },
    register.dissolveHamlet,
  );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/hamlet-establishments',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Dossiers of hamlets being established, with their checklists',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await register.listEstablishments(ctx, actorOf(request), request.params.id)),
  );
  post(
    '/api/communes/:id/hamlet-establishments',
    'Open the dossier of a new hamlet (checked against the profile conditions)',
    { name: text, kind: text, area: text, households: { type: 'integer' }, exception: text, profileId: text },
    register.startEstablishment,
  );
  post(
    '/api/hamlet-establishments/:id/items',
    'Record a checklist document; the decision creates the hamlet',
    {
      key: { type: 'string', maxLength: 50 },
      number: text,
      date,
      issuingBody: text,
      effectiveOn: { type: ['string', 'null'], maxLength: 10 },
    },
    register.recordItem,
  );

  app.post<{
    Params: { id: string; key: string };
    Querystring: { name?: string; type?: string };
    Body: Buffer;
  }>(
    '/api/hamlet-establishments/:id/items/:key/file',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Attach the scanned document of a recorded item (raw file as the body)',
        tags,
        params: {
          type: 'object',
          required: ['id', 'key'],
          properties: { id: { type: 'string', maxLength: 64 }, key: { type: 'string', maxLength: 50 } },
        },
        querystring: {
          type: 'object',
          properties: { name: { type: 'string', maxLength: 200 }, type: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await register.attachItemFile(ctx, actorOf(request), request.params.id, request.params.key, {
          fileName: request.query.name ?? 'van-ban',
          contentType: request.query.type ?? 'application/octet-stream',
          bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        }),
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/hamlet-establishment-files/:id',
    {
      config: { access: 'read' },
      preHandler,
      schema: { summary: 'Download the file of a checklist item (hash checked)', tags, params: idParam },
    },
    async (request, reply) => {
      const f = await register.itemFile(ctx, actorOf(request), request.params.id);
      if (!f.ok) return sendResult(reply, f);
      return reply
        .header('content-type', f.value.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.value.fileName)}`)
        .send(f.value.bytes);
    },
  );
}

export default registerRoutes;
