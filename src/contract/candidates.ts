/**
 * Candidates of an election: residents found by name, nominations with their eligibility and
 * dossier files, the meetings that draft and fix the list, and the official list.
 */
import type { FailureCode } from '../domain/result';
import { FAILURE_CODES } from '../domain/result';
import { citationSchema, confidenceSchema, positionSchema } from '../domain/rules/schema';
import { MIME, endpoint, fileAnswer, fileUpload } from './endpoint';
import { civilDate, count, id, idParams, text, timeOfDay, z } from './zod';

const tags = ['preparation'] as const;

/** Loading an election reads its rule profile. */
export const electionFailures = [
  'unknown-profile',
  'profile-not-in-force',
] as const satisfies readonly FailureCode[];

/** A meeting or the official list refused by a nominee's eligibility or the list's size. */
const listFailures = [
  'candidate-too-young',
  'candidate-birth-date-missing',
  'candidate-permanent-residence',
  'candidate-regular-residence',
  'candidate-on-election-team',
  'candidates-too-few',
  'candidates-too-many',
] as const satisfies readonly FailureCode[];

const codes = Object.keys(FAILURE_CODES) as [FailureCode, ...FailureCode[]];

/** One reason the law refuses a person or a team, with the rule and its citation. */
export const refusal = z.object({
  code: z.enum(codes),
  rule: z.string(),
  citation: citationSchema,
  confidence: confidenceSchema,
  message: z.string(),
});
export type Refusal = z.infer<typeof refusal>;

export const verdict = z.object({ eligible: z.boolean(), refusals: z.array(refusal) });
export type Verdict = z.infer<typeof verdict>;

export const NOMINATION_SOURCES = ['frontCommittee', 'households', 'self'] as const;
export const nominationSource = z.enum(NOMINATION_SOURCES);
export type NominationSource = z.infer<typeof nominationSource>;

export const FILE_KINDS = ['letter', 'cv', 'other'] as const;
export const fileKind = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof fileKind>;

export const personView = z.object({
  id: z.string(),
  fullName: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  ageOnElectionDay: z.number().int(),
  residence: z.string(),
  address: z.string(),
  groupName: z.string().nullable(),
});
export type PersonView = z.infer<typeof personView>;

/** A dossier file as stored (without its bytes). */
export const fileInfo = z.object({
  id: z.string(),
  nomination_id: z.string(),
  kind: z.string(),
  file_name: z.string(),
  content_type: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  uploaded_at: z.string(),
  uploaded_by: z.string().nullable(),
});
export type FileInfo = z.infer<typeof fileInfo>;

export const nominationView = z.object({
  id: z.string(),
  electionId: z.string(),
  position: z.string(),
  source: nominationSource,
  sourceLabel: z.string(),
  nominatedOn: z.string(),
  person: personView,
  education: z.string(),
  occupation: z.string(),
  eligible: z.boolean(),
  refusals: z.array(refusal),
  exceptionReason: z.string().nullable(),
  drafted: z.boolean(),
  approved: z.boolean().nullable(),
  official: z.boolean(),
  ballotOrder: z.number().int().nullable(),
  files: z.array(fileInfo),
  dossierMissing: z.array(fileKind),
});
export type NominationView = z.infer<typeof nominationView>;

export const candidatesView = z.object({
  electionId: z.string(),
  electionDate: z.string(),
  dossier: z.object({ due: z.string(), citation: z.string(), kinds: z.array(fileKind) }).nullable(),
  nominations: z.array(nominationView),
  official: z.array(nominationView),
  canManage: z.boolean(),
});
export type CandidatesView = z.infer<typeof candidatesView>;

export const searchResidents = endpoint({
  method: 'GET',
  path: '/api/elections/:id/residents',
  summary: 'Search the hamlet’s residents by name, with or without diacritics (q)',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({ q: text(200).optional() }),
  response: z.array(personView),
  errors: electionFailures,
});

export const getCandidates = endpoint({
  method: 'GET',
  path: '/api/elections/:id/candidates',
  summary: 'Nominations with eligibility, dossier files and the official list',
  tags,
  access: 'read',
  params: idParams,
  response: candidatesView,
  errors: electionFailures,
});

export const nominationInput = z.object({
  residentId: id,
  source: nominationSource,
  nominatedOn: civilDate,
  position: positionSchema.optional(),
  education: text(200).optional(),
  occupation: text(200).optional(),
});
export type NominateInput = z.infer<typeof nominationInput>;

export const nominate = endpoint({
  method: 'POST',
  path: '/api/elections/:id/nominations',
  summary: 'Nominate a resident (Front committee, households, self)',
  tags,
  access: 'write',
  params: idParams,
  body: nominationInput,
  response: nominationView,
  status: 201,
  errors: [...electionFailures, 'conflict'],
});

export const recordException = endpoint({
  method: 'POST',
  path: '/api/nominations/:id/exception',
  summary: 'Record an exception where the law allows one',
  tags,
  access: 'write',
  params: idParams,
  body: z.object({ reason: text(1000) }),
  response: nominationView,
  errors: [...electionFailures, 'conflict', 'exception-not-allowed'],
});

export const uploadDossierFile = endpoint({
  method: 'POST',
  path: '/api/nominations/:id/files',
  summary: 'Upload a dossier file (the raw file as the body; kind=letter|cv|other, name, type)',
  tags,
  access: 'write',
  params: idParams,
  query: z.object({ kind: fileKind, name: text(200).optional(), type: text(100).optional() }),
  body: fileUpload(MIME.octet),
  response: fileInfo,
  status: 201,
  errors: [...electionFailures, 'conflict', 'unsupported-file'],
});

export const downloadDossierFile = endpoint({
  method: 'GET',
  path: '/api/candidate-files/:id',
  summary: 'Download a dossier file, checked against its SHA-256',
  tags,
  access: 'read',
  params: idParams,
  response: fileAnswer(MIME.octet),
  errors: [...electionFailures, 'integrity'],
});

export const MEETING_KINDS = ['frontCommittee', 'votersConference', 'jointConference'] as const;
export const meetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof meetingKind>;

const absence = z.object({ name: text(200), reason: text(500) });

export const meetingView = z.object({
  id: z.string(),
  kind: meetingKind,
  kindLabel: z.string(),
  heldOn: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  venue: z.string(),
  chairName: z.string(),
  chairPosition: z.string(),
  secretaryName: z.string(),
  participants: z.string(),
  convened: z.number().int(),
  present: z.number().int(),
  absences: z.array(z.object({ name: z.string(), reason: z.string() })),
  decisions: z.array(z.string()),
  quorum: z.object({
    required: z.boolean(),
    met: z.boolean(),
    rule: z.string().nullable(),
    citation: z.string().nullable(),
    minimum: z.number().nullable(),
  }),
  votes: z.array(
    z.object({
      nominationId: z.string(),
      name: z.string(),
      order: z.number().int(),
      agree: z.number().int().nullable(),
      approved: z.boolean(),
    }),
  ),
});
export type MeetingView = z.infer<typeof meetingView>;

export const meetingsView = z.object({
  kinds: z.array(
    z.object({
      kind: meetingKind,
      label: z.string(),
      stepDue: z.string().nullable(),
      citation: z.string().nullable(),
    }),
  ),
  decidingKind: meetingKind,
  approvalRule: z.string().nullable(),
  meetings: z.array(meetingView),
});
export type MeetingsView = z.infer<typeof meetingsView>;

export const getMeetings = endpoint({
  method: 'GET',
  path: '/api/elections/:id/meetings',
  summary: 'The meetings on the candidate list, with quorum and votes',
  tags,
  access: 'read',
  params: idParams,
  response: meetingsView,
  errors: electionFailures,
});

export const meetingInput = z.object({
  kind: meetingKind,
  heldOn: civilDate,
  startTime: timeOfDay,
  endTime: timeOfDay.nullish(),
  venue: text(300),
  chairName: text(200),
  chairPosition: text(200),
  secretaryName: text(200),
  participants: text(2000).optional(),
  convened: count,
  present: count,
  absences: z.array(absence).max(500).optional(),
  decisions: z.array(text(2000)).max(100).optional(),
  /** In list order; for the deciding meeting this is the ballot order. */
  votes: z.array(z.object({ nominationId: id, agree: count.nullish() })).max(200),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const recordMeeting = endpoint({
  method: 'POST',
  path: '/api/elections/:id/meetings',
  summary: 'Record a meeting (Mẫu 05, voters’ conference, joint conference)',
  tags,
  access: 'write',
  params: idParams,
  body: meetingInput,
  response: meetingView,
  status: 201,
  errors: [
    ...electionFailures,
    'conflict',
    'meeting-not-in-profile',
    'quorum-not-met',
    'wrong-meeting',
    'nominee-not-approved',
    'dossier-missing',
    ...listFailures,
  ],
});

export const fixOfficialList = endpoint({
  method: 'POST',
  path: '/api/elections/:id/official-list',
  summary: 'Fix the official list in the order the deciding meeting set',
  tags,
  access: 'write',
  params: idParams,
  body: z.object({ meetingId: id }),
  response: meetingsView,
  errors: [
    ...electionFailures,
    'conflict',
    'wrong-meeting',
    'quorum-not-met',
    'nominee-not-approved',
    'dossier-missing',
    ...listFailures,
  ],
});
