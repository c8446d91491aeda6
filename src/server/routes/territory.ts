import type { FastifyInstance } from 'fastify';
import { territory, people } from '../../services';
import type { ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const idParam = (name: string) => ({
  type: 'object',
  required: [name],
  properties: { [name]: { type: 'string', maxLength: 64 } },
});

export function territoryRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get<{ Params: { code: string } }>(
    '/api/provinces/:code',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'A province with its communes and their hamlet counts',
        tags: ['territory'],
        params: idParam('code'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await territory.getProvince(ctx, actorOf(request), request.params.code)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: "A commune with its hamlets, residents' groups and elections",
        tags: ['territory'],
        params: idParam('id'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await territory.getCommune(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: { name: string; kind: string; residentGroups?: string[] } }>(
    '/api/communes/:id/hamlets',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Create a hamlet (thôn, ấp, khu phố, tổ dân phố ...) in a commune',
        tags: ['territory'],
        params: idParam('id'),
        body: {
          type: 'object',
          required: ['name', 'kind'],
          properties: {
            name: { type: 'string', maxLength: 200 },
            kind: { type: 'string', maxLength: 40 },
            residentGroups: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 100 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await territory.createHamlet(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.post<{ Params: { id: string }; Querystring: { confirm?: boolean }; Body: Buffer }>(
    '/api/communes/:id/hamlets/import',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          'Import a list of hamlets from an XLSX or CSV file (the raw file as the body); preview unless confirm=true',
        tags: ['territory'],
        params: idParam('id'),
        querystring: { type: 'object', properties: { confirm: { type: 'boolean' } } },
      },
    },
    async (request, reply) => {
      const run = request.query.confirm ? territory.importHamletList : territory.previewHamletList;
      return sendResult(reply, await run(ctx, actorOf(request), request.params.id, request.body));
    },
  );

  app.post<{ Body: territory.HistoricalCommuneInput }>(
    '/api/historical-communes',
    {
      config: { access: 'admin' },
      preHandler,
      schema: {
        summary: 'Record a commune as it was before 2025-07-01, under its district (administrator only)',
        tags: ['territory'],
        body: {
          type: 'object',
          required: ['provinceCode', 'districtName', 'communeName'],
          properties: {
            provinceCode: { type: 'string', maxLength: 8 },
            districtName: { type: 'string', maxLength: 200 },
            communeName: { type: 'string', maxLength: 200 },
            communeCode: { type: ['string', 'null'], maxLength: 20 },
            validTo: { type: 'string', maxLength: 10 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await territory.recordHistoricalCommune(ctx, actorOf(request), request.body), 201),
  );

  app.get<{ Params: { id: string } }>(
    '/api/hamlets/:id',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'A hamlet with its groups, counts and elections',
        tags: ['territory'],
        params: idParam('id'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await territory.getHamlet(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: { name: string } }>(
    '/api/hamlets/:id/resident-groups',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: "Create a residents' self-managed group in a hamlet",
        tags: ['territory'],
        params: idParam('id'),
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await territory.createResidentGroup(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.get<{ Params: { id: string }; Querystring: { limit?: number; offset?: number } }>(
    '/api/hamlets/:id/households',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Households of a hamlet, a page at a time',
        tags: ['people'],
        params: idParam('id'),
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            offset: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await people.listHouseholds(ctx, actorOf(request), request.params.id, request.query)),
  );
}

export default territoryRoutes;
