/** The community meeting's agenda votes and show-of-hands count: thin routes over `meeting`. */
import type { FastifyInstance } from 'fastify';
import { meeting } from '../../services';
import type { ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
};
const tags = ['polling'];
const count = { type: 'integer', minimum: 0, maximum: 1_000_000 };

export function meetingRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);
  const read = { config: { access: 'read' as const }, preHandler };
  const write = { config: { access: 'write' as const }, preHandler };
  type P = { Params: { id: string } };

  app.get<P>(
    '/api/elections/:id/meeting',
    {
      ...read,
      schema: {
        summary: "The community meeting's agenda: votes recorded, the rule of each step, the next step",
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await meeting.getMeeting(ctx, actorOf(request), request.params.id)),
  );

  app.post<P & { Body: meeting.MeetingVoteInput }>(
    '/api/elections/:id/meeting/votes',
    {
      ...write,
      schema: {
        summary: 'Record one agenda vote (opening, secretary, voting form, counting team) by show of hands',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['step'],
          properties: {
            step: { type: 'string', enum: ['opening', 'secretary', 'votingForm', 'countingTeam'] },
            present: count,
            name: { type: 'string', maxLength: 200 },
            method: { type: 'string', maxLength: 20 },
            members: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 20 },
            votesFor: count,
            against: count,
            abstained: count,
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await meeting.recordMeetingVote(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.post<P & { Body: meeting.MeetingHandsInput }>(
    '/api/elections/:id/meeting/hands',
    {
      ...write,
      schema: {
        summary: 'Record the show of hands per candidate and close the count (result by the rules engine)',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['position', 'votes'],
          properties: {
            position: { type: 'string', maxLength: 30 },
            votes: { type: 'object', additionalProperties: count, maxProperties: 50 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await meeting.recordMeetingHands(ctx, actorOf(request), request.params.id, request.body),
        201,
      ),
  );

  app.post<P & { Body: meeting.MinutesInput | undefined }>(
    '/api/elections/:id/meeting/minutes',
    {
      ...write,
      schema: {
        summary:
          "Issue the community meeting's minutes or resolution (Mẫu 03) from the recorded agenda and count",
        tags,
        params: idParam,
        body: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: ['minutes', 'resolution'] },
            position: { type: 'string', maxLength: 30 },
            guests: { type: 'string', maxLength: 500 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await meeting.issueMeetingMinutes(ctx, actorOf(request), request.params.id, request.body ?? {}),
        201,
      ),
  );
}

export default meetingRoutes;
