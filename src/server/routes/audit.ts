/** The audit trail of an election, hamlet or commune: read, export, verify the chain. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../../services';
import type { ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { sendFile } from './people';
import { actorOf, requireActor } from '../session';

const tags = ['audit'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

const scopeParams = {
  type: 'object',
  required: ['kind', 'id'],
  properties: {
    kind: { type: 'string', enum: ['election', 'hamlet', 'commune'] },
    id: { type: 'string', maxLength: 64 },
  },
} as const;

type ScopeParams = { kind: audit.TrailScope['kind']; id: string };

export function auditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);
  const config = { access: 'read' as const };

  app.get<{ Params: ScopeParams; Querystring: { page?: number; pageSize?: number; action?: string } }>(
    '/api/audit/:kind/:id',
    {
      preHandler,
      config,
      schema: {
        summary: 'The audit trail of an election, hamlet or commune, newest first, one page',
        tags,
        params: scopeParams,
        querystring: {
          type: 'object',
          properties: {
            page: { type: 'integer', minimum: 1, maximum: 1_000_000 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200 },
            action: { type: 'string', maxLength: 60 },
          },
        },
      },
    },
    async (req, reply) =>
      sendResult(
        reply,
        await audit.listAuditTrail(
          ctx,
          actorOf(req),
          { kind: req.params.kind, id: req.params.id },
          req.query,
        ),
      ),
  );

  app.get<{ Params: ScopeParams; Querystring: { format?: 'csv' | 'xlsx' } }>(
    '/api/audit/:kind/:id/export',
    {
      preHandler,
      config,
      schema: {
        summary: 'The whole audit trail of a scope as CSV or XLSX (formula cells neutralised)',
        tags,
        params: scopeParams,
        querystring: { type: 'object', properties: { format: { type: 'string', enum: ['csv', 'xlsx'] } } },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'xlsx';
      const r = await audit.exportAuditTrail(
        ctx,
        actorOf(req),
        { kind: req.params.kind, id: req.params.id },
        format,
      );
      if (!r.ok) return sendResult(reply, r);
      return sendFile(reply, r.value.bytes, r.value.fileName, format === 'csv' ? CSV : XLSX);
    },
  );

  app.get(
    '/api/audit-chain/verify',
    {
      preHandler,
      config,
      schema: { summary: 'Recompute the hash chain of every audit event: {ok, events, firstBadEvent}', tags },
    },
    async (req, reply) => sendResult(reply, await audit.verifyAuditChain(ctx, actorOf(req))),
  );
}

export default auditRoutes;
