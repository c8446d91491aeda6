import type { FastifyInstance } from 'fastify';
import { office, removal } from '../../services';
import type { ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

const date = { type: 'string', maxLength: 10 } as const;
const text = { type: ['string', 'null'], maxLength: 500 } as const;
const texts = { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 1000 } } as const;
const override = {
  type: ['object', 'null'],
  properties: {
    authorisedBy: { type: 'string', maxLength: 200 },
    reason: { type: 'string', maxLength: 1000 },
  },
} as const;
const tags = ['office'];

/** After the vote: the office-holders register, recognition, interim heads, deputies and removal. */
export function officeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);

  app.get<{ Params: { id: string }; Querystring: { monthsAhead?: number; interimWarnDays?: number } }>(
    '/api/communes/:id/office-register',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary:
          'Office-holders of every hamlet (current and history) with alerts: terms ending, interim limits, no head, deputies',
        tags,
        params: idParam,
        querystring: {
          type: 'object',
          properties: {
            monthsAhead: { type: 'integer', minimum: 0, maximum: 120 },
            interimWarnDays: { type: 'integer', minimum: 0, maximum: 366 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await office.getRegister(ctx, actorOf(request), request.params.id, request.query)),
  );

  app.post<{
    Params: { id: string };
    Querystring: { confirm?: boolean; profileId?: string; termMonths?: number };
    Body: Buffer;
  }>(
    '/api/communes/:id/office-holders/import',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          'Import the current office-holders from an XLSX or CSV file (raw body); preview unless confirm=true',
        tags,
        params: idParam,
        querystring: {
          type: 'object',
          properties: {
            confirm: { type: 'boolean' },
            profileId: { type: 'string', maxLength: 64 },
            termMonths: { type: 'integer', minimum: 1, maximum: 120 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await office.importOfficeHolders(
          ctx,
          actorOf(request),
          request.params.id,
          request.body,
          request.query,
        ),
      ),
  );

  app.post<{ Params: { id: string }; Body: office.EndInput }>(
    '/api/office-terms/:id/end',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary: 'Record the end of a term (reason and reference)',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['on', 'reason'],
          properties: { on: date, reason: { type: 'string', maxLength: 32 }, ref: text },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await office.endOffice(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/hamlets/:id/office-people',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary:
          'Households (with who signs for each) and adults of a hamlet, for petitions and appointments',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await office.hamletPeople(ctx, actorOf(request), request.params.id)),
  );

  const person = {
    residentId: { type: ['string', 'null'], maxLength: 64 },
    name: text,
    on: date,
    signerName: text,
  };

  app.post<{ Params: { id: string }; Body: Omit<office.DeputyInput, 'hamletId'> }>(
    '/api/hamlets/:id/deputies',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          "Recognise the deputy chosen by the head (TT 14/2018); checks the number allowed by the hamlet's households",
        tags,
        params: idParam,
        body: { type: 'object', required: ['on'], properties: person },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await office.recogniseDeputy(ctx, actorOf(request), {
          ...request.body,
          hamletId: request.params.id,
        }),
        201,
      ),
  );

  app.post<{ Params: { id: string }; Body: Omit<office.InterimInput, 'hamletId'> }>(
    '/api/hamlets/:id/interim',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          'Appoint an interim head after a vacancy, a failed last round or a removal; tracks the new-election deadline',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['on', 'reason'],
          properties: {
            ...person,
            reason: { type: 'string', enum: ['vacancy', 'failedElection', 'removal'] },
            electionId: { type: ['string', 'null'], maxLength: 64 },
            profileId: { type: ['string', 'null'], maxLength: 64 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await office.appointInterim(ctx, actorOf(request), {
          ...request.body,
          hamletId: request.params.id,
        }),
        201,
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/recognitions',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: "The commune's inbox of reported elections with the recognition due date (working days)",
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await office.recognitionInbox(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: office.DecisionInput }>(
    '/api/elections/:id/recognition',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          'Decide on a reported election: recognise the person elected, order a re-election, or reply in writing',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['decision', 'on'],
          properties: {
            decision: { type: 'string', enum: ['recognise', 'rerun', 'reply'] },
            on: date,
            signerName: text,
            residentId: { type: ['string', 'null'], maxLength: 64 },
            holderName: text,
            termMonths: { type: ['integer', 'null'], minimum: 1, maximum: 120 },
            rerunDate: { type: ['string', 'null'], maxLength: 10 },
            rerunTime: { type: ['string', 'null'], maxLength: 5 },
            rerunVenue: text,
            reasons: texts,
            override,
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await office.decideRecognition(ctx, actorOf(request), request.params.id, request.body),
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/api/communes/:id/removals',
    {
      config: { access: 'read' },
      preHandler,
      schema: {
        summary: 'Removal cases of the commune (cho thôi làm, miễn nhiệm, bãi nhiệm)',
        tags,
        params: idParam,
      },
    },
    async (request, reply) =>
      sendResult(reply, await removal.listRemovals(ctx, actorOf(request), request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/removals/:id',
    {
      config: { access: 'read' },
      preHandler,
      schema: { summary: 'One removal case with its deadlines and documents', tags, params: idParam },
    },
    async (request, reply) =>
      sendResult(reply, await removal.getRemoval(ctx, actorOf(request), request.params.id)),
  );

  app.post<{ Body: removal.OpenInput }>(
    '/api/removals',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          "Open a removal case on a trigger the profile allows; a petition's signatures are counted per household",
        tags,
        body: {
          type: 'object',
          required: ['termId', 'kind', 'trigger', 'on'],
          properties: {
            termId: { type: 'string', maxLength: 64 },
            kind: { type: 'string', enum: ['release', 'dismissal', 'recall'] },
            trigger: { type: 'string', maxLength: 40 },
            on: date,
            grounds: texts,
            proposer: text,
            hasLetter: { type: 'boolean' },
            signatures: {
              type: 'array',
              maxItems: 5000,
              items: {
                type: 'object',
                required: ['householdId', 'signerName'],
                properties: {
                  householdId: { type: 'string', maxLength: 64 },
                  signerName: { type: 'string', maxLength: 200 },
                  residentId: { type: ['string', 'null'], maxLength: 64 },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await removal.openRemoval(ctx, actorOf(request), request.body), 201),
  );

  const member = {
    type: 'object',
    required: ['name', 'role'],
    properties: { name: { type: 'string', maxLength: 200 }, role: { type: 'string', maxLength: 100 } },
  };
  const n = { type: 'integer', minimum: 0, maximum: 1000000 } as const;

  app.post<{ Params: { id: string }; Body: removal.MeetingInput }>(
    '/api/removals/:id/meeting',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          'Record the community meeting on a removal: convenor, guests, quorum, method, counting team, vote; issues the minutes',
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: [
            'heldOn',
            'time',
            'endTime',
            'venue',
            'convenorRole',
            'convenorName',
            'secretaryName',
            'present',
            'method',
            'approve',
            'disapprove',
          ],
          properties: {
            heldOn: date,
            time: { type: 'string', maxLength: 5 },
            endTime: { type: 'string', maxLength: 5 },
            venue: { type: 'string', maxLength: 300 },
            convenorRole: { type: 'string', enum: ['frontCommitteeHead', 'communeChair'] },
            convenorName: { type: 'string', maxLength: 200 },
            frontHeadIsHead: { type: 'boolean' },
            secretaryName: { type: 'string', maxLength: 200 },
            guests: texts,
            registered: n,
            present: n,
            method: { type: 'string', enum: ['hands', 'secret'] },
            countingTeam: { type: 'array', maxItems: 20, items: member },
            witnesses: texts,
            issued: n,
            received: n,
            valid: n,
            approve: n,
            disapprove: n,
            reportReceivedOn: { type: ['string', 'null'], maxLength: 10 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await removal.recordRemovalMeeting(ctx, actorOf(request), request.params.id, request.body),
      ),
  );

  app.post<{ Params: { id: string }; Body: removal.DecideInput }>(
    '/api/removals/:id/decision',
    {
      config: { access: 'write' },
      preHandler,
      schema: {
        summary:
          "The commune's decision on a removal within its working-day limit (or a written reply); may appoint the interim head",
        tags,
        params: idParam,
        body: {
          type: 'object',
          required: ['decision', 'on'],
          properties: {
            decision: { type: 'string', enum: ['recognise', 'reply'] },
            on: date,
            reasons: texts,
            signerName: text,
            override,
            interim: {
              type: ['object', 'null'],
              properties: { residentId: { type: ['string', 'null'], maxLength: 64 }, name: text },
            },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(reply, await removal.decideRemoval(ctx, actorOf(request), request.params.id, request.body)),
  );
}

export default officeRoutes;
