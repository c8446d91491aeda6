/**
 * Planning an election: the commune's rounds (plans) with their elections and tasks, each
 * election's steps through its lifecycle, and the documents of the preparation stage.
 */
import type { FailureCode } from '../domain/result';
import { ELECTION_STATES } from '../domain/election/lifecycle';
import {
  ballotMethodSchema,
  citationSchema,
  electionFormSchema,
  electorateSchema,
  positionSchema,
} from '../domain/rules/schema';
import { documentFormat, documentInfo } from './documents';
import { MIME, endpoint, fileAnswer } from './endpoint';
import { civilDate, id, idParams, text, timeOfDay, z } from './zod';

const tags = ['preparation'] as const;

/** What a profile may refuse when a round is planned or a step recorded. */
const profileFailures = ['unknown-profile', 'profile-not-in-force'] as const satisfies readonly FailureCode[];

/** Codes issuing a document of the stage may give: the registry and the data it reads. */
const issueFailures = [
  ...profileFailures,
  'conflict',
  'integrity',
  'team-invalid',
  'list-not-drafted',
  'list-not-official',
  'template-not-docx',
  'template-has-macros',
] as const satisfies readonly FailureCode[];

export const taskStatus = z.enum(['todo', 'doing', 'done']);
export type TaskStatus = z.infer<typeof taskStatus>;

export const taskView = z.object({
  id: z.string(),
  hamletId: z.string().nullable(),
  hamletName: z.string().nullable(),
  electionId: z.string().nullable(),
  stepId: z.string().nullable(),
  source: z.string(),
  title: z.string(),
  lead: z.string(),
  partners: z.array(z.string()),
  due: z.string(),
  status: taskStatus,
  citation: z.string().nullable(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  dueThisWeek: z.boolean(),
  /** Sent back with an edit (optimistic concurrency). */
  version: z.number().int(),
});
export type TaskView = z.infer<typeof taskView>;

export const roundElection = z.object({
  id: z.string(),
  hamletId: z.string(),
  hamletName: z.string(),
  headTitle: z.string(),
  position: z.string(),
  /** The position as the plan names it ("Trưởng ấp", "Tổ trưởng Tổ nhân dân tự quản"). */
  positionTitle: z.string(),
  /** The residents' self-managed group the election is of; null for the hamlet's own. */
  residentGroupId: z.string().nullable(),
  groupName: z.string().nullable(),
  /** The term of this election: the groups' own (2024–2026 in Kiên Giang) differs from the heads'. */
  termLabel: z.string(),
  electionDate: z.string().nullable(),
  startTime: z.string().nullable(),
  venue: z.string().nullable(),
  /** The polling sessions the commune fixed, when it did (Tây Ninh Điều 16 k3f). */
  pollingSessions: z.array(z.object({ start: z.string(), end: z.string() })),
  form: z.string().nullable(),
  state: z.string(),
  overdue: z.number().int(),
});

export const assignment = z.object({
  id: z.string(),
  round_id: z.string(),
  hamlet_id: z.string().nullable(),
  official_name: z.string(),
  position: z.string(),
  duty: z.string(),
});

export const roundView = z.object({
  id: z.string(),
  communeId: z.string(),
  communeName: z.string(),
  termLabel: z.string(),
  profileId: z.string(),
  profileTitle: z.string(),
  positions: z.array(positionSchema),
  form: z.string(),
  ballotMethod: z.string().nullable(),
  electorate: z.string(),
  finalDeadline: z.string().nullable(),
  chairName: z.string(),
  frontChairName: z.string(),
  planDate: z.string(),
  today: z.string(),
  week: z.object({ from: z.string(), to: z.string() }),
  elections: z.array(roundElection),
  tasks: z.array(taskView),
  assignments: z.array(assignment),
  warnings: z.array(z.string()),
  canManage: z.boolean(),
});
export type RoundView = z.infer<typeof roundView>;

export const roundSummary = z.object({
  id: z.string(),
  termLabel: z.string(),
  profileId: z.string(),
  planDate: z.string(),
  elections: z.number().int(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const listRounds = endpoint({
  method: 'GET',
  path: '/api/communes/:id/rounds',
  summary: 'The election rounds (plans) of a commune',
  tags,
  access: 'read',
  params: idParams,
  response: z.array(roundSummary),
  errors: [],
});

const name = text(200);

export const roundInput = z.object({
  termLabel: text(40),
  profileId: id,
  positions: z.array(positionSchema).max(10).optional(),
  form: electionFormSchema,
  ballotMethod: ballotMethodSchema.nullish(),
  electorate: electorateSchema.optional(),
  finalDeadline: civilDate.nullish(),
  chairName: name,
  frontChairName: name,
  planDate: civilDate,
  hamlets: z
    .array(
      z.object({
        hamletId: id,
        electionDate: civilDate,
        startTime: timeOfDay.nullish(),
        venue: text(300).nullish(),
        /** The sessions the commune fixes where its profile leaves them to it (Tây Ninh Điều 16 k3f). */
        pollingSessions: z
          .array(z.object({ start: timeOfDay, end: timeOfDay }))
          .max(4)
          .nullish(),
        /**
         * The residents' self-managed groups of the hamlet that elect their officers in this round
         * (seed 001 mục II.1.6), when the plan has the groups' positions; without it, every group of
         * the hamlet; an empty list, none.
         */
        groupIds: z.array(id).max(100).nullish(),
      }),
    )
    .max(500),
  assignments: z
    .array(
      z.object({
        hamletId: id.nullish(),
        officialName: name,
        position: name,
        duty: text(1000),
      }),
    )
    .max(500)
    .optional(),
});
export type RoundInput = z.infer<typeof roundInput>;

export const createRound = endpoint({
  method: 'POST',
  path: '/api/communes/:id/rounds',
  summary:
    'Plan a round of hamlet elections: elections per hamlet, tasks from the profile timeline and the plan',
  tags,
  access: 'write',
  params: idParams,
  body: roundInput,
  response: roundView,
  status: 201,
  errors: [...profileFailures, 'conflict', 'weekday-not-allowed', 'due-passed', 'outside-polling-hours'],
});

export const getRound = endpoint({
  method: 'GET',
  path: '/api/rounds/:id',
  summary: 'A plan with its elections, tasks (due this week, overdue) and officials',
  tags,
  access: 'read',
  params: idParams,
  response: roundView,
  errors: ['unknown-profile'],
});

export const taskUpdate = z.object({
  status: taskStatus.optional(),
  due: civilDate.optional(),
  lead: text(300).optional(),
  partners: z.array(text(300)).max(50).optional(),
  /** The version the form was filled from (optimistic concurrency). */
  version: z.number().int().min(0).optional(),
});
export type TaskUpdate = z.infer<typeof taskUpdate>;

export const updateTask = endpoint({
  method: 'POST',
  path: '/api/tasks/:id',
  summary: 'Edit a plan task: status, due date, lead and partner bodies',
  tags,
  access: 'write',
  params: idParams,
  body: taskUpdate,
  response: taskView,
  errors: ['conflict'],
});

export const issueOptions = z.object({
  /** The date the document bears; today in Vietnam when absent. */
  date: civilDate.optional(),
  /** For the minutes: which meeting. */
  meetingId: id.optional(),
  /** For the invitation: the invitee line. */
  invitee: text(300).nullish(),
});
export type IssueOptions = z.infer<typeof issueOptions>;

export const ROUND_FORMS = ['plan', 'election-day-decision'] as const;
export const roundForm = z.enum(ROUND_FORMS);
export const ELECTION_FORMS = [
  'mau-05',
  'voters-conference-minutes',
  'joint-conference-minutes',
  'candidate-list',
  'election-team-decision',
  'invitation',
  'notice',
] as const;
export const electionForm = z.enum(ELECTION_FORMS);
export type ElectionFormId = z.infer<typeof electionForm>;
export type PreparationForm = (typeof ROUND_FORMS)[number] | ElectionFormId;

export const issueRoundDocument = endpoint({
  method: 'POST',
  path: '/api/rounds/:id/documents/:form',
  summary: 'Issue the plan or the decision fixing election day from the round',
  tags,
  access: 'write',
  params: z.object({ id, form: roundForm }),
  body: issueOptions.nullish(),
  response: documentInfo,
  status: 201,
  errors: issueFailures,
});

export const electionState = z.enum(ELECTION_STATES);

const deadline = z.object({
  stepId: z.string(),
  title: z.string(),
  due: z.string(),
  citation: citationSchema,
});

export const lifecycleView = z.object({
  electionId: z.string(),
  /** Where the election is, for the pages' breadcrumbs and links. */
  hamletId: z.string(),
  communeId: z.string(),
  hamletName: z.string(),
  headTitle: z.string(),
  position: z.string(),
  /** The position this election chooses, as officials name it. */
  positionTitle: z.string(),
  /** The residents' self-managed group it is of, as documents name it; null for the hamlet's own. */
  groupName: z.string().nullable(),
  termLabel: z.string(),
  electionDate: z.string().nullable(),
  roundId: z.string().nullable(),
  profileId: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  history: z.array(
    z.object({
      seq: z.number().int(),
      from: z.string(),
      to: z.string(),
      toLabel: z.string(),
      on: z.string(),
      due: z.string().nullable(),
      stepId: z.string().nullable(),
      override: z.object({ authorisedBy: z.string(), reason: z.string() }).nullable(),
      note: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  next: z.array(
    z.object({
      to: electionState,
      label: z.string(),
      deadline: deadline.extend({ citationText: z.string(), passed: z.boolean() }).nullable(),
      /** For a state only a service can earn (a closed count, a report, a decision): where that is done. */
      earnedBy: z.string().nullable(),
    }),
  ),
});
export type LifecycleView = z.infer<typeof lifecycleView>;

export const getLifecycle = endpoint({
  method: 'GET',
  path: '/api/elections/:id/lifecycle',
  summary: 'The step history of an election and its next steps with deadlines',
  tags,
  access: 'read',
  params: idParams,
  response: lifecycleView,
  errors: ['unknown-profile'],
});

export const stepInput = z.object({
  to: electionState,
  on: civilDate,
  /** The commune chair's permission to record the step after its deadline. */
  override: z.object({ authorisedBy: text(200), reason: text(1000) }).nullish(),
  note: text(1000).nullish(),
});
export type StepInput = z.infer<typeof stepInput>;

export const recordStep = endpoint({
  method: 'POST',
  path: '/api/elections/:id/steps',
  summary:
    'Record a step; refused out of order, after its legal deadline unless the chair’s override is given, and for the states only the count, its report and the commune’s decisions move to',
  tags,
  access: 'write',
  params: idParams,
  body: stepInput,
  response: lifecycleView,
  status: 201,
  errors: [
    ...profileFailures,
    'conflict',
    'invalid-transition',
    'step-earned',
    'deadline-passed',
    'list-not-drafted',
    'list-not-official',
    'team-invalid',
  ],
});

export const listElectionDocuments = endpoint({
  method: 'GET',
  path: '/api/elections/:id/documents',
  summary: 'Documents issued for this election and its plan',
  tags,
  access: 'read',
  params: idParams,
  response: z.array(documentInfo),
  errors: [],
});

export const issueElectionDocument = endpoint({
  method: 'POST',
  path: '/api/elections/:id/documents/:form',
  summary: 'Issue a document of the stage from the recorded data',
  tags,
  access: 'write',
  params: z.object({ id, form: electionForm }),
  body: issueOptions.nullish(),
  response: documentInfo,
  status: 201,
  errors: issueFailures,
});

export const downloadPreparationDocument = endpoint({
  method: 'GET',
  path: '/api/preparation/documents/:id/:format',
  summary: 'Download an issued document (pdf or docx), checked against its hash',
  tags,
  access: 'read',
  params: z.object({ id, format: documentFormat }),
  response: fileAnswer(MIME.pdf, MIME.docx),
  errors: ['integrity'],
});
