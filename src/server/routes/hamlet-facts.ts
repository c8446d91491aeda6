import type { FastifyInstance } from 'fastify';
import { territory, hamletFacts, office } from '../../services';
import type { ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;
const date = { type: 'string', maxLength: 10 } as const;
const short = { type: ['string', 'null'], maxLength: 200 } as const;
const money = { type: ['integer', 'null'], minimum: 0, maximum: 1_000_000_000 } as const;
const tags = ['hamlet-facts'];

const decision = {
  decisionNumber: short,
  decisionDate: { type: ['string', 'null'], maxLength: 10 },
  decisionBody: short,
} as const;

const rateBody = {
  type: 'object',
  required: ['effectiveFrom', 'decisionNumber', 'decisionDate', 'decisionBody'],
  properties: {
    classification: { type: ['string', 'null'], maxLength: 2 },
    coefficient: { type: ['string', 'null'], maxLength: 10 },
    amountVnd: money,
    baseSalaryVnd: money,
    effectiveFrom: date,
    ...decision,
    note: { type: ['string', 'null'], maxLength: 1000 },
  },
} as const;

type RateBody = Omit<hamletFacts.RateInput, 'provinceCode' | 'hamletId'>;

/** Hamlet facts, the head's allowance, office-holders' commendations and discipline, commune lineage. */
export function hamletFactsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get<{ Params: { id: string }; Querystring: { on?: string; profileId?: string } }>(
    '/api/hamlets/:id/facts',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary:
          'Facts of a hamlet on a day: classification, households, deputies allowed, allowance, interim limit',
        tags,
        params: idParam,
        querystring: {
          type: 'object',
          properties: { on: date, profileId: { type: 'string', maxLength: 64 } },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await hamletFacts.getHamletFacts(ctx, actorOf(request), request.params.id, request.query),
      ),
  );

  app.post<{ Params: { id: string }; Body: Omit<hamletFacts.FactInput, 'hamletId'> }>(
    '/api/hamlets/:id/facts',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Record a dated fact of a hamlet (a new record; the earlier ones stay as history)',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['fact', 'value', 'effectiveFrom'],
          properties: {
            fact: { type: 'string', maxLength: 32 },
            value: { type: 'string', maxLength: 20 },
            effectiveFrom: date,
            ...decision,
            note: { type: ['string', 'null'], maxLength: 1000 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await hamletFacts.recordHamletFact(ctx, actorOf(request), {
          ...request.body,
          hamletId: request.params.id,
        }),
        201,
      ),
  );

  app.post<{ Params: { id: string }; Body: RateBody & { provinceCode: string } }>(
    '/api/hamlets/:id/allowance-rates',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: "Record a decision on one hamlet head's monthly allowance",
        tags,
        params: idParam,
        body: {
          ...rateBody,
          required: [...rateBody.required, 'provinceCode'],
          properties: { ...rateBody.properties, provinceCode: { type: 'string', maxLength: 8 } },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await hamletFacts.recordAllowanceRate(ctx, actorOf(request), {
          ...request.body,
          hamletId: request.params.id,
        }),
        201,
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/provinces/:id/allowance-rates',
    {
      config: { access: 'read' },
      preHandler,
      schema: { summary: "The province's table of hamlet heads' allowances", tags, params: idParam },
    },
    async (request, reply) =>
      sendResult(reply, await hamletFacts.listAllowanceRates(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: RateBody }>(
    '/api/provinces/:id/allowance-rates',
    {
      config: { access: 'admin' },
      preHandler,
      schema: {
        summary: "Record a province's decision on hamlet heads' allowances (all hamlets or one class)",
        tags,
        params: idParam,
        body: rateBody,
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await hamletFacts.recordAllowanceRate(ctx, actorOf(request), {
          ...request.body,
          provinceCode: request.params.id,
          hamletId: null,
        }),
        201,
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/office-records',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: "Commendations and disciplinary records of the commune's office-holders",
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await office.listOfficeRecords(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: Omit<office.RecordInput, 'termId'> }>(
    '/api/office-terms/:id/records',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Record a commendation or a disciplinary decision against an office term',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['form', 'decidedOn', 'decisionNumber', 'decisionBody', 'content'],
          properties: {
            form: { type: 'string', maxLength: 32 },
            decidedOn: date,
            decisionNumber: { type: 'string', maxLength: 200 },
            decisionBody: { type: 'string', maxLength: 200 },
            content: { type: 'string', maxLength: 2000 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await office.recordOfficeRecord(ctx, actorOf(request), {
          ...request.body,
          termId: request.params.id,
        }),
        201,
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/lineage',
    {
      config: { access: 'read' },
      preHandler,
      schema: { summary: 'The pre-2025 communes merged into this commune', tags, params: idParam },
    },
    async (request, reply) =>
      sendResult(reply, await territory.listLineage(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Querystring: { confirm?: boolean }; Body: Buffer }>(
    '/api/admin/commune-lineage/import',
    {
      config: { access: 'admin' },
      preHandler,
      schema: {
        summary:
          'Import the lineage of communes (CSV or XLSX, raw body); preview unless confirm=true; all rows or none',
        tags,
        querystring: { type: 'object', properties: { confirm: { type: 'boolean' } } },
      },
    },
    async (request, reply) => {
      const body = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(JSON.stringify(request.body ?? ''));
      return sendResult(reply, await territory.importLineage(ctx, actorOf(request), body, request.query));
    },
  );
}

export default hamletFactsRoutes;
