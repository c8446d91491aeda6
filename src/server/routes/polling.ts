/** Polling day (secret ballot): thin routes over the `pollingDay` services. */
import type { FastifyInstance } from 'fastify';
import { polling } from '../../services';
import type { ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
};
const tags = ['polling'];
const text = (max: number) => ({ type: 'string', maxLength: max });

export function pollingDayRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);
  const read = { config: { access: 'read' as const }, preHandler };
  const write = { config: { access: 'write' as const }, preHandler };
  type P = { Params: { id: string } };

  app.get<P & { Querystring: { q?: string } }>(
    '/api/elections/:id/polling/voters',
    {
      ...read,
      schema: {
        summary: 'Find voters on the posted roll by roll number, card code or name (diacritics ignored)',
        tags,
        params: idParam,
        querystring: { type: 'object', properties: { q: text(100) } },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await polling.findVoters(ctx, actorOf(request), request.params.id, request.query.q ?? ''),
      ),
  );

  app.post<P & { Body: polling.CheckInInput }>(
    '/api/elections/:id/polling/check-ins',
    {
      ...write,
      schema: {
        summary:
          'Check a voter in (once): by roll number, name or voter card code; optionally the mobile box',
        tags,
        params: idParam,
        body: {
          type: 'object',
          properties: {
            rollNumber: { type: 'integer', minimum: 1 },
            name: text(100),
            cardCode: text(80),
            mobileBoxId: { type: ['string', 'null'], maxLength: 64 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await polling.checkIn(ctx, actorOf(request), request.params.id, request.body), 201),
  );

  app.get<P>(
    '/api/elections/:id/polling/turnout',
    {
      ...read,
      schema: {
        summary: 'Live turnout and quorum per residents group and in total, mobile boxes',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await polling.getTurnout(ctx, actorOf(request), request.params.id)),
  );

  app.get<P>(
    '/api/elections/:id/polling',
    {
      ...read,
      schema: {
        summary: 'The poll: status, polling hours, events (interruptions, close)',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await polling.getPoll(ctx, actorOf(request), request.params.id)),
  );

  app.post<P & { Body: polling.MobileBoxInput }>(
    '/api/elections/:id/polling/mobile-boxes',
    {
      ...write,
      schema: {
        summary: 'The mobile ballot box leaves, carried by the named team members',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['carriedBy'],
          properties: {
            carriedBy: { type: 'array', items: text(100), minItems: 1, maxItems: 5 },
            note: { type: ['string', 'null'], maxLength: 500 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await polling.sendMobileBox(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.post<{ Params: { id: string; boxId: string } }>(
    '/api/elections/:id/polling/mobile-boxes/:boxId/return',
    {
      ...write,
      schema: {
        summary: 'The mobile ballot box is back at the polling station',
        tags,
        params: {
          type: 'object',
          required: ['id', 'boxId'],
          properties: { id: text(64), boxId: text(64) },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await polling.recordBoxReturned(ctx, actorOf(request), request.params.id, request.params.boxId),
      ),
  );

  app.post<P & { Body: polling.InterruptionInput }>(
    '/api/elections/:id/polling/interruptions',
    {
      ...write,
      schema: {
        summary: 'Record an interruption of the poll: reason, and whether the box was sealed',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['reason', 'boxSealed'],
          properties: { reason: text(500), boxSealed: { type: 'boolean' } },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await polling.recordInterruption(ctx, actorOf(request), request.params.id, request.body),
      ),
  );

  app.post<P>(
    '/api/elections/:id/polling/resume',
    { ...write, schema: { summary: 'Resume the poll after an interruption', tags, params: idParam } },
    async (request, reply) =>
      sendResult(reply, await polling.resumePolling(ctx, actorOf(request), request.params.id)),
  );

  app.post<P>(
    '/api/elections/:id/polling/close',
    {
      ...write,
      schema: {
        summary: 'Close the poll (before the announced end only when everyone on the roll voted)',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await polling.closePolling(ctx, actorOf(request), request.params.id)),
  );

  app.get<P>(
    '/api/elections/:id/polling/ballots',
    {
      ...read,
      schema: {
        summary: 'Ballots per position: received, issued, spoiled, unused, seal',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await polling.getBallots(ctx, actorOf(request), request.params.id)),
  );

  app.post<P & { Body: polling.MovementInput }>(
    '/api/elections/:id/polling/ballots',
    {
      ...write,
      schema: {
        summary: 'Record ballots received, or spoiled ballots exchanged for new ones',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['position', 'kind', 'quantity'],
          properties: {
            position: text(30),
            kind: { type: 'string', enum: ['received', 'spoiledReplaced'] },
            quantity: { type: 'integer', minimum: 1, maximum: 100000 },
            note: { type: ['string', 'null'], maxLength: 500 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await polling.recordBallots(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.post<P & { Body: polling.SealInput }>(
    '/api/elections/:id/polling/seals',
    {
      ...write,
      schema: {
        summary: 'Count and seal the unused ballots of a position before the box is opened',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['position', 'witnesses', 'unusedCounted'],
          properties: {
            position: text(30),
            witnesses: { type: 'array', items: text(100), maxItems: 5 },
            unusedCounted: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await polling.sealUnusedBallots(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.post<P & { Body: { position: string } }>(
    '/api/elections/:id/polling/seals/document',
    {
      ...write,
      schema: {
        summary: 'Issue the sealing record of unused ballots through the document registry (commune)',
        tags,
        params: idParam,
        body: { type: 'object', required: ['position'], properties: { position: text(30) } },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await polling.issueSealingRecord(ctx, actorOf(request), request.params.id, request.body.position),
        201,
      ),
  );
}

export default pollingDayRoutes;
