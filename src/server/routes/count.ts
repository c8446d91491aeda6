/** Polling day and the count: thin routes over the `counting` services. */
import type { FastifyInstance } from 'fastify';
import { count } from '../../services';
import type { ServiceContext } from '../../services';
import { sendFailure, sendResult } from '../http-result';
import { sendFile } from './people';
import { actorOf, requireActor } from '../session';

const ids = (...names: string[]) => ({
  type: 'object',
  required: names,
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string', maxLength: 64 }])),
});

const paper = {
  kept: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 50 },
  defect: { type: ['string', 'null'], maxLength: 40 },
};

const tags = ['polling'];

export function pollingRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);
  const read = { config: { access: 'read' as const }, preHandler };
  const write = { config: { access: 'write' as const }, preHandler };

  app.get<{ Params: { id: string } }>(
    '/api/elections/:id/counts',
    {
      ...read,
      schema: { summary: 'Positions to count in an election and their counts', tags, params: ids('id') },
    },
    async (request, reply) =>
      sendResult(reply, await count.listElectionCounts(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: count.OpenCountInput }>(
    '/api/elections/:id/counts',
    {
      ...write,
      schema: {
        summary: 'Open the count of one position (official list, posted roll, totals counted by the team)',
        tags,
        params: ids('id'),
        body: {
          type: 'object',
          required: ['position', 'voted', 'issued', 'received'],
          properties: {
            position: { type: 'string', maxLength: 30 },
            voted: { type: 'integer', minimum: 0 },
            issued: { type: 'integer', minimum: 0 },
            received: { type: 'integer', minimum: 0 },
            doubleEntry: { type: 'boolean' },
            ballotForm: { type: 'string', enum: ['strikeOut', 'agreeColumns'] },
            method: { type: 'string', enum: ['papers', 'hands'] },
            seats: { type: 'integer', minimum: 1, maximum: 10 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await count.openCount(ctx, actorOf(request), request.params.id, request.body), 201),
  );

  app.post<{ Params: { id: string }; Body: { onToday?: boolean } | undefined }>(
    '/api/elections/:id/polling/demo',
    {
      ...write,
      schema: {
        summary: 'Demo ward only: bring the election to polling day (official list, team, posted roll)',
        tags,
        params: ids('id'),
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await count.prepareDemoPolling(ctx, actorOf(request), request.params.id, {
          onToday: request.body?.onToday === true,
        }),
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/counts/:id',
    {
      ...read,
      schema: {
        summary: 'A count: batches, differences, running tally, what does not add up, the result',
        tags,
        params: ids('id'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await count.getCount(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: { size: number } }>(
    '/api/counts/:id/batches',
    {
      ...write,
      schema: {
        summary: 'Open a batch (a stack of papers counted by hand)',
        tags,
        params: ids('id'),
        body: {
          type: 'object',
          required: ['size'],
          properties: { size: { type: 'integer', minimum: 1, maximum: 1000 } },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await count.openBatch(ctx, actorOf(request), request.params.id, request.body), 201),
  );

  app.post<{ Params: { id: string }; Body: count.EntryInput }>(
    '/api/counts/:id/papers',
    {
      ...write,
      schema: {
        summary: 'Record one paper in a lane of a batch; the idempotency key makes a retry harmless',
        tags,
        params: ids('id'),
        body: {
          type: 'object',
          required: ['batchId', 'lane', 'kept', 'key'],
          properties: {
            batchId: { type: 'string', maxLength: 64 },
            lane: { type: 'integer', enum: [1, 2] },
            key: { type: 'string', minLength: 8, maxLength: 100 },
            ...paper,
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await count.enterPaper(ctx, actorOf(request), request.params.id, request.body), 201),
  );

  app.post<{ Params: { id: string }; Body: { papers: count.EntryInput[] } }>(
    '/api/counts/:id/papers/bulk',
    {
      ...write,
      schema: {
        summary:
          'Record the papers a phone has queued (up to 50), each with its own idempotency key and acknowledgement; all or nothing',
        tags,
        params: ids('id'),
        body: {
          type: 'object',
          required: ['papers'],
          properties: {
            papers: {
              type: 'array',
              minItems: 1,
              maxItems: count.MAX_PAPERS_PER_REQUEST,
              items: {
                type: 'object',
                required: ['batchId', 'lane', 'kept', 'key'],
                properties: {
                  batchId: { type: 'string', maxLength: 64 },
                  lane: { type: 'integer', enum: [1, 2] },
                  key: { type: 'string', minLength: 8, maxLength: 100 },
                  ...paper,
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await count.enterPapers(ctx, actorOf(request), request.params.id, request.body), 201),
  );

  app.post<{ Params: { id: string; entryId: string } }>(
    '/api/counts/:id/papers/:entryId/undo',
    {
      ...write,
      schema: {
        summary: 'Undo the last paper of a lane (a void record)',
        tags,
        params: ids('id', 'entryId'),
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await count.undoEntry(ctx, actorOf(request), request.params.id, request.params.entryId),
      ),
  );

  app.post<{
    Params: { id: string; batchId: string };
    Body: count.PaperInput & { seq: number; note?: string | null };
  }>(
    '/api/counts/:id/batches/:batchId/resolutions',
    {
      ...write,
      schema: {
        summary: 'Record how the team settled a paper the two entries disagree on',
        tags,
        params: ids('id', 'batchId'),
        body: {
          type: 'object',
          required: ['seq', 'kept'],
          properties: {
            seq: { type: 'integer', minimum: 1 },
            note: { type: ['string', 'null'], maxLength: 500 },
            ...paper,
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await count.resolveDifference(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.batchId,
          request.body,
        ),
      ),
  );

  app.post<{ Params: { id: string; batchId: string } }>(
    '/api/counts/:id/batches/:batchId/close',
    { ...write, schema: { summary: 'Close a reconciled batch', tags, params: ids('id', 'batchId') } },
    async (request, reply) =>
      sendResult(
        reply,
        await count.closeBatch(ctx, actorOf(request), request.params.id, request.params.batchId),
      ),
  );

  app.post<{
    Params: { id: string; batchId: string };
    Body: count.PaperInput & { seq: number; reason: string };
  }>(
    '/api/counts/:id/batches/:batchId/corrections',
    {
      ...write,
      schema: {
        summary: 'Correct a paper of a closed batch (a new record with its reason)',
        tags,
        params: ids('id', 'batchId'),
        body: {
          type: 'object',
          required: ['seq', 'kept', 'reason'],
          properties: {
            seq: { type: 'integer', minimum: 1 },
            reason: { type: 'string', maxLength: 500 },
            ...paper,
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await count.correctPaper(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.batchId,
          request.body,
        ),
      ),
  );

  app.post<{ Params: { id: string }; Body: { votes: Record<string, number> } }>(
    '/api/counts/:id/hands',
    {
      ...write,
      schema: {
        summary: 'Record a show-of-hands reading per candidate',
        tags,
        params: ids('id'),
        body: {
          type: 'object',
          required: ['votes'],
          properties: { votes: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await count.recordHands(ctx, actorOf(request), request.params.id, request.body.votes),
      ),
  );

  app.post<{ Params: { id: string } }>(
    '/api/counts/:id/close',
    {
      ...write,
      schema: {
        summary: 'Close the count when everything adds up; the result comes from the rules engine',
        tags,
        params: ids('id'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await count.closeCount(ctx, actorOf(request), request.params.id)),
  );
  app.get<{ Params: { id: string } }>(
    '/api/counts/:id/record.pdf',
    {
      ...read,
      schema: {
        summary: 'The count record as a PDF to print and sign (not numbered, not stored)',
        tags,
        params: ids('id'),
      },
    },
    async (request, reply) => {
      const r = await count.printCountRecord(ctx, actorOf(request), request.params.id);
      if (!r.ok) return sendFailure(reply, r.error);
      return sendFile(reply, r.value.pdf, r.value.fileName, 'application/pdf');
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/counts/:id/record',
    {
      ...write,
      schema: { summary: 'Issue the count record through the document registry', tags, params: ids('id') },
    },
    async (request, reply) =>
      sendResult(reply, await count.issueCountRecord(ctx, actorOf(request), request.params.id), 201),
  );

  app.post<{ Params: { id: string } }>(
    '/api/counts/:id/report',
    {
      ...write,
      schema: {
        summary: "Issue the team leader's result report; the election becomes reported",
        tags,
        params: ids('id'),
      },
    },
    async (request, reply) =>
      sendResult(reply, await count.issueResultReport(ctx, actorOf(request), request.params.id), 201),
  );
}

export default pollingRoutes;
