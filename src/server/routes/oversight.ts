/** Oversight (issue 9): dashboards, reports to download, the progress report and search. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { oversight, demo } from '../../services';
import type { Result, ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { sendFile } from './people';
import { actorOf, requireActor } from '../session';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const tags = ['oversight'];
const param = (name: string) => ({
  type: 'object',
  required: [name],
  properties: { [name]: { type: 'string', maxLength: 64 } },
});

function file(reply: FastifyReply, r: Result<{ bytes: Buffer; name: string }>, type: string) {
  if (!r.ok) return sendResult(reply, r);
  return sendFile(reply, r.value.bytes, r.value.name, type);
}

export function oversightRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);
  const read = { access: 'read' as const };

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/oversight',
    {
      preHandler,
      config: read,
      schema: {
        summary: 'Commune dashboard: every hamlet with state, deadline, lateness, result',
        tags,
        params: param('id'),
      },
    },
    async (req, reply) =>
      sendResult(reply, await oversight.communeDashboard(ctx, actorOf(req), req.params.id)),
  );
  app.get(
    '/api/oversight/national',
    {
      preHandler,
      config: read,
      schema: {
        summary:
          'National roll-up: every province with hamlets per state, late items and results (administrators)',
        tags,
      },
    },
    async (req, reply) => sendResult(reply, await oversight.nationalRollup(ctx, actorOf(req))),
  );
  app.get<{ Params: { code: string }; Querystring: { all?: string } }>(
    '/api/provinces/:code/oversight',
    {
      preHandler,
      config: read,
      schema: {
        summary:
          'Province dashboard: every commune with hamlets per state, late items, re-elections, interim heads',
        tags,
        params: param('code'),
        querystring: { type: 'object', properties: { all: { type: 'string', enum: ['0', '1'] } } },
      },
    },
    async (req, reply) =>
      sendResult(
        reply,
        await oversight.provinceDashboard(ctx, actorOf(req), req.params.code, {
          onlyWithHamlets: req.query.all !== '1',
        }),
      ),
  );
  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/oversight/results.xlsx',
    {
      preHandler,
      config: read,
      schema: {
        summary: 'Commune results, one row per hamlet with totals (XLSX)',
        tags,
        params: param('id'),
      },
    },
    async (req, reply) =>
      file(reply, await oversight.communeResultsXlsx(ctx, actorOf(req), req.params.id), XLSX),
  );
  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/oversight/summary.pdf',
    {
      preHandler,
      config: read,
      schema: { summary: "Commune's summary report as an unnumbered draft (PDF)", tags, params: param('id') },
    },
    async (req, reply) =>
      file(reply, await oversight.communeSummaryPdf(ctx, actorOf(req), req.params.id), PDF),
  );
  app.post<{ Params: { id: string }; Body: { date?: string } }>(
    '/api/communes/:id/oversight/summary',
    {
      preHandler,
      config: { access: 'write' },
      schema: {
        summary: "Issue the commune's summary report (numbered, stored with its hash)",
        tags,
        params: param('id'),
        body: { type: 'object', properties: { date: { type: 'string', maxLength: 10 } } },
      },
    },
    async (req, reply) =>
      sendResult(
        reply,
        await oversight.issueCommuneSummary(ctx, actorOf(req), req.params.id, {
          date: req.body?.date,
        }),
        201,
      ),
  );
  app.get<{ Params: { code: string } }>(
    '/api/provinces/:code/oversight/aggregate.xlsx',
    {
      preHandler,
      config: read,
      schema: {
        summary: 'Province aggregate, one row per commune with totals (XLSX)',
        tags,
        params: param('code'),
      },
    },
    async (req, reply) =>
      file(reply, await oversight.provinceAggregateXlsx(ctx, actorOf(req), req.params.code), XLSX),
  );
  app.get<{ Params: { code: string } }>(
    '/api/provinces/:code/oversight/aggregate.pdf',
    {
      preHandler,
      config: read,
      schema: { summary: 'Province aggregate report (PDF)', tags, params: param('code') },
    },
    async (req, reply) =>
      file(reply, await oversight.provinceAggregatePdf(ctx, actorOf(req), req.params.code), PDF),
  );
  app.get<{ Params: { code: string }; Querystring: { deadline?: string } }>(
    '/api/units/:code/progress',
    {
      preHandler,
      config: read,
      schema: {
        summary:
          'Progress against a plan deadline: counts by state, late items and what is missing, per child unit',
        tags,
        params: param('code'),
        querystring: { type: 'object', properties: { deadline: { type: 'string', maxLength: 10 } } },
      },
    },
    async (req, reply) =>
      sendResult(
        reply,
        await oversight.progressReport(ctx, actorOf(req), req.params.code, {
          deadline: req.query.deadline,
        }),
      ),
  );
  app.get<{ Querystring: { q: string } }>(
    '/api/search',
    {
      preHandler,
      config: read,
      schema: {
        summary:
          'Search hamlets, people (without diacritics) and documents by number, within the caller’s scope',
        tags,
        querystring: {
          type: 'object',
          required: ['q'],
          properties: { q: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (req, reply) => sendResult(reply, await oversight.search(ctx, actorOf(req), req.query.q)),
  );
  app.post(
    '/api/demo/province',
    {
      preHandler,
      config: { access: 'admin' },
      schema: {
        summary: 'Load the demo province (four more communes of Lâm Đồng); administrator only',
        tags,
      },
    },
    async (_req, reply) => reply.send(await demo.loadDemoProvince(ctx)),
  );
}

export default oversightRoutes;
