import type { FastifyInstance } from 'fastify';
import { roll } from '../../services';
import type { ServiceContext } from '../../services';
import { sendFailure, sendResult } from '../http-result';
import { sendFile } from './people';
import { actorOf, requireActor } from '../session';

const electionParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The voter roll of an election: build, read, count, post, amend, export and print. */
export function rollRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get<{ Params: { id: string } }>(
    '/api/elections/:id/roll',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary:
          "The election's voter roll: listed by group, excluded with reasons, amendments, snapshots, cut-off",
        tags: ['roll'],
        params: electionParams,
      },
    },
    async (request, reply) => sendResult(reply, await roll.getRoll(ctx, actorOf(request), request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/elections/:id/roll/counts',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Registered voters of the roll in force (posted as amended), total and per residents’ group',
        tags: ['roll'],
        params: electionParams,
      },
    },
    async (request, reply) =>
      sendResult(reply, await roll.rollCounts(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: roll.BuildInput }>(
    '/api/elections/:id/roll/build',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Build (or rebuild, before posting) the roll from the hamlet’s residents',
        tags: ['roll'],
        params: electionParams,
        body: {
          type: 'object',
          properties: {
            electorate: { type: 'string', enum: ['allVoters', 'householdRepresentatives'] },
            decisionReference: text(200),
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await roll.buildRoll(ctx, actorOf(request), request.params.id, request.body ?? {})),
  );

  app.post<{ Params: { id: string }; Body: roll.PostInput }>(
    '/api/elections/:id/roll/post',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Post the roll (niêm yết): freeze snapshot 1 and record the "roll posted" step',
        tags: ['roll'],
        params: electionParams,
        body: {
          type: 'object',
          properties: {
            postedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            override: {
              type: ['object', 'null'],
              properties: { authorisedBy: text(120), reason: text(1000) },
            },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await roll.postRoll(ctx, actorOf(request), request.params.id, request.body ?? {})),
  );

  app.post<{ Params: { id: string }; Body: roll.AmendInput }>(
    '/api/elections/:id/roll/amendments',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          'Amend the posted roll (add, remove, correct) with reason and approver; after the cut-off only with the chair’s override',
        tags: ['roll'],
        params: electionParams,
        body: {
          type: 'object',
          required: ['kind', 'residentId', 'reason', 'approvedBy'],
          properties: {
            kind: { type: 'string', enum: ['add', 'remove', 'correct'] },
            residentId: text(64),
            reason: text(1000),
            approvedBy: text(120),
            correction: {
              type: 'object',
              properties: {
                fullName: text(120),
                birthDate: text(10),
                sex: { type: 'string', enum: ['male', 'female'] },
                address: text(300),
              },
            },
            override: {
              type: ['object', 'null'],
              properties: { chairName: text(120), reason: text(1000) },
            },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await roll.amendRoll(ctx, actorOf(request), request.params.id, request.body), 201),
  );

  app.get<{ Params: { id: string } }>(
    '/api/elections/:id/roll.xlsx',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'The roll as XLSX: roll, counts per group, amendments, people not listed with reasons',
        tags: ['roll'],
        params: electionParams,
      },
    },
    async (request, reply) => {
      const result = await roll.rollXlsx(ctx, actorOf(request), request.params.id);
      if (!result.ok) return sendFailure(reply, result.error);
      return sendFile(reply, result.value.bytes, result.value.fileName, XLSX);
    },
  );

  app.post<{ Params: { id: string; kind: 'roll' | 'cards' }; Body: { date?: string } }>(
    '/api/elections/:id/roll/documents/:kind',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          'Issue the roll for posting or the voter cards (PDF and DOCX, stored with hash); download with /api/documents/:id/pdf',
        tags: ['roll'],
        params: {
          type: 'object',
          required: ['id', 'kind'],
          properties: { id: text(64), kind: { type: 'string', enum: ['roll', 'cards'] } },
        },
        body: {
          type: ['object', 'null'],
          properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, kind } = request.params;
      const result =
        kind === 'cards'
          ? await roll.issueVoterCards(ctx, actor, id)
          : await roll.issueRollDocument(
              ctx,
              actor,
              id,
              request.body?.date ? { date: request.body.date } : {},
            );
      return sendResult(reply, result, 201);
    },
  );
}

export default rollRoutes;
