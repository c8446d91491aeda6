/** Preparing an election: plan, tasks, steps, candidates, meetings, team, complaints, documents. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { documents, candidates, complaints, plan, team } from '../../services';
import type { Result, ServiceContext } from '../../services';
import { sendResult } from '../http-result';
import { actorOf, requireActor } from '../session';

const id = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } };
const anyBody = { type: 'object', additionalProperties: true };
const tags = ['preparation'];

function sendFile(
  reply: FastifyReply,
  result: Result<{ bytes: Buffer }>,
  name: string,
  contentType: string,
): FastifyReply | Promise<FastifyReply> {
  if (!result.ok) return sendResult(reply, result);
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(result.value.bytes);
}

export function preparationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const preHandler = requireActor(ctx);
  const get = <P>(
    url: string,
    summary: string,
    run: (p: P, q: Record<string, string>, actor: ReturnType<typeof actorOf>) => Promise<Result<unknown>>,
  ) =>
    app.get<{ Params: P; Querystring: Record<string, string> }>(
      url,
      { preHandler, config: { access: 'read' }, schema: { summary, tags, params: id } },
      async (request, reply) =>
        sendResult(reply, await run(request.params as P, request.query, actorOf(request))),
    );
  const post = <P, B>(
    url: string,
    summary: string,
    run: (p: P, b: B, actor: ReturnType<typeof actorOf>) => Promise<Result<unknown>>,
    status = 200,
  ) =>
    app.post<{ Params: P; Body: B }>(
      url,
      { preHandler, config: { access: 'write' }, schema: { summary, tags, params: id, body: anyBody } },
      async (request, reply) =>
        sendResult(
          reply,
          await run(request.params as P, (request.body ?? {}) as B, actorOf(request)),
          status,
        ),
    );

  get<{ id: string }>('/api/communes/:id/rounds', 'The election rounds (plans) of a commune', (p, _q, a) =>
    plan.listRounds(ctx, a, p.id),
  );
  post<{ id: string }, Omit<plan.CreateRoundInput, 'communeId'>>(
    '/api/communes/:id/rounds',
    'Plan a round of hamlet elections: elections per hamlet, tasks from the profile timeline and the plan',
    (p, b, a) => plan.createRound(ctx, a, { ...b, communeId: p.id }),
    201,
  );
  get<{ id: string }>(
    '/api/rounds/:id',
    'A plan with its elections, tasks (due this week, overdue) and officials',
    (p, _q, a) => plan.getRound(ctx, a, p.id),
  );
  post<{ id: string }, plan.TaskUpdate>(
    '/api/tasks/:id',
    'Edit a plan task: status, due date, lead and partner bodies',
    (p, b, a) => plan.updateTask(ctx, a, p.id, b),
  );
  post<{ id: string; form: 'plan' | 'election-day-decision' }, plan.IssueOptions>(
    '/api/rounds/:id/documents/:form',
    'Issue the plan or the decision fixing election day from the round',
    (p, b, a) => plan.issueRoundDocument(ctx, a, p.id, p.form, b),
    201,
  );

  get<{ id: string }>(
    '/api/elections/:id/lifecycle',
    'The step history of an election and its next steps with deadlines',
    (p, _q, a) => plan.getLifecycle(ctx, a, p.id),
  );
  post<{ id: string }, plan.StepInput>(
    '/api/elections/:id/steps',
    'Record a step; refused out of order or after its legal deadline unless the chair’s override is given',
    (p, b, a) => plan.recordStep(ctx, a, p.id, b),
    201,
  );

  get<{ id: string }>(
    '/api/elections/:id/residents',
    'Search the hamlet’s residents by name, with or without diacritics (q)',
    (p, q, a) => candidates.searchResidents(ctx, a, p.id, q['q'] ?? ''),
  );
  get<{ id: string }>(
    '/api/elections/:id/candidates',
    'Nominations with eligibility, dossier files and the official list',
    (p, _q, a) => candidates.getCandidates(ctx, a, p.id),
  );
  post<{ id: string }, candidates.NominateInput>(
    '/api/elections/:id/nominations',
    'Nominate a resident (Front committee, households, self)',
    (p, b, a) => candidates.nominate(ctx, a, p.id, b),
    201,
  );
  post<{ id: string }, { reason: string }>(
    '/api/nominations/:id/exception',
    'Record an exception where the law allows one',
    (p, b, a) => candidates.recordException(ctx, a, p.id, b.reason),
  );
  app.post<{
    Params: { id: string };
    Querystring: { kind: candidates.FileKind; name?: string; type?: string };
    Body: Buffer;
  }>(
    '/api/nominations/:id/files',
    {
      preHandler,
      config: { access: 'write' },
      schema: {
        summary: 'Upload a dossier file (the raw file as the body; kind=letter|cv|other, name, type)',
        tags,
        params: id,
        querystring: {
          type: 'object',
          required: ['kind'],
          properties: {
            kind: { type: 'string' },
            name: { type: 'string', maxLength: 200 },
            type: { type: 'string', maxLength: 100 },
          },
        },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await candidates.uploadDossierFile(ctx, actorOf(request), request.params.id, {
          kind: request.query.kind,
          fileName: request.query.name ?? 'ho-so',
          contentType: request.query.type ?? 'application/octet-stream',
          bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        }),
        201,
      ),
  );
  app.get<{ Params: { id: string } }>(
    '/api/candidate-files/:id',
    {
      preHandler,
      config: { access: 'read' },
      schema: { summary: 'Download a dossier file, checked against its SHA-256', tags, params: id },
    },
    async (request, reply) => {
      const r = await candidates.downloadDossierFile(ctx, actorOf(request), request.params.id);
      return sendFile(reply, r, r.ok ? r.value.info.file_name : '', r.ok ? r.value.info.content_type : '');
    },
  );

  get<{ id: string }>(
    '/api/elections/:id/meetings',
    'The meetings on the candidate list, with quorum and votes',
    (p, _q, a) => candidates.getMeetings(ctx, a, p.id),
  );
  post<{ id: string }, candidates.MeetingInput>(
    '/api/elections/:id/meetings',
    'Record a meeting (Mẫu 05, voters’ conference, joint conference)',
    (p, b, a) => candidates.recordMeeting(ctx, a, p.id, b),
    201,
  );
  post<{ id: string }, { meetingId: string }>(
    '/api/elections/:id/official-list',
    'Fix the official list in the order the deciding meeting set',
    (p, b, a) => candidates.fixOfficialList(ctx, a, p.id, b),
  );

  get<{ id: string }>('/api/elections/:id/team', 'The election team with its composition check', (p, _q, a) =>
    team.getTeam(ctx, a, p.id),
  );
  post<{ id: string }, team.TeamMemberInput>(
    '/api/elections/:id/team',
    'Add a member (or a count witness) to the election team',
    (p, b, a) => team.addTeamMember(ctx, a, p.id, b),
    201,
  );
  app.delete<{ Params: { id: string } }>(
    '/api/team-members/:id',
    {
      preHandler,
      config: { access: 'write' },
      schema: { summary: 'Remove a team member before the team is formed', tags, params: id },
    },
    async (request, reply) =>
      sendResult(reply, await team.removeTeamMember(ctx, actorOf(request), request.params.id)),
  );
  post<{ id: string }, Record<string, never>>(
    '/api/elections/:id/team/accounts',
    'Accounts for the team members, scoped to the election (passwords shown once)',
    (_p, _b, a) => team.createTeamAccounts(ctx, a, _p.id),
    201,
  );

  get<{ id: string }>(
    '/api/elections/:id/complaints',
    'Complaints about candidates and the roll',
    (p, _q, a) => complaints.listComplaints(ctx, a, p.id),
  );
  post<{ id: string }, complaints.ComplaintInput>(
    '/api/elections/:id/complaints',
    'Receive a complaint (queued after the election when late)',
    (p, b, a) => complaints.fileComplaint(ctx, a, p.id, b),
    201,
  );
  post<{ id: string }, { status: 'handled' | 'closed'; resolution: string; on: string }>(
    '/api/complaints/:id/resolve',
    'Handle or close a complaint within its deadline',
    (p, b, a) => complaints.resolveComplaint(ctx, a, p.id, b),
  );

  get<{ id: string }>(
    '/api/elections/:id/documents',
    'Documents issued for this election and its plan',
    (p, _q, a) => plan.listPreparationDocuments(ctx, a, p.id),
  );
  post<
    { id: string; form: Exclude<plan.PreparationForm, 'plan' | 'election-day-decision'> },
    plan.IssueOptions
  >(
    '/api/elections/:id/documents/:form',
    'Issue a document of the stage from the recorded data',
    (p, b, a) => plan.issueElectionDocument(ctx, a, p.id, p.form, b),
    201,
  );
  app.get<{ Params: { id: string; format: 'pdf' | 'docx' } }>(
    '/api/preparation/documents/:id/:format',
    {
      preHandler,
      config: { access: 'read' },
      schema: {
        summary: 'Download an issued document (pdf or docx), checked against its hash',
        tags,
        params: {
          type: 'object',
          properties: { id: { type: 'string' }, format: { type: 'string', enum: ['pdf', 'docx'] } },
        },
      },
    },
    async (request, reply) => {
      const { id: docId, format } = request.params;
      const r = await documents.downloadDocument(ctx, actorOf(request), docId, format);
      const type =
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      const name = r.ok ? `${r.value.info.title}.${format}` : '';
      return sendFile(reply, r, name, type);
    },
  );
}

export default preparationRoutes;
