/** The voter roll of an election: build, read, count, post, amend, export and print. */
import { documentInfo } from './documents';
import type { DocumentInfo } from './documents';
import type { FailureCode } from '../domain/result';
import { endpoint, fileAnswer, MIME } from './endpoint';
import { civilDate, count, id, idParams, text, z } from './zod';

const tags = ['roll'];

export const rollElectorate = z.enum(['allVoters', 'householdRepresentatives']);
export const sex = z.enum(['male', 'female']);

/** Why a person is not on the roll (or was taken off it): the rule applied and its article. */
export const rollReason = z.object({
  code: z.string(),
  rule: z.string(),
  citation: z.string(),
  message: z.string(),
});

export const rollEntry = z.object({
  id: z.string(),
  rollNumber: z.number().int().nullable(),
  residentId: z.string(),
  householdId: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  sex,
  address: z.string(),
  residentGroup: z.string().nullable(),
  status: z.enum(['listed', 'excluded', 'removed']),
  reasons: z.array(rollReason),
  amendmentSeq: z.number().int().nullable(),
  /** The person's residence type was assumed by an import (the list did not say). */
  residenceAssumed: z.boolean(),
});
export type RollEntry = z.infer<typeof rollEntry>;

export const rollAmendment = z.object({
  seq: z.number().int(),
  kind: z.enum(['add', 'remove', 'correct']),
  residentId: z.string(),
  rollNumber: z.number().int().nullable(),
  fullName: z.string(),
  reason: z.string(),
  approvedBy: z.string(),
  effectiveOn: z.string(),
  chairOverride: z.object({ chairName: z.string(), reason: z.string() }).nullable(),
  changes: z.record(z.string(), z.object({ from: z.string(), to: z.string() })).nullable(),
  at: z.string(),
});
export type RollAmendment = z.infer<typeof rollAmendment>;

export const rollCounts = z.object({
  registered: count,
  byGroup: z.array(z.object({ group: z.string().nullable(), registered: count })),
});

export const rollView = z.object({
  electionId: z.string(),
  hamletId: z.string(),
  hamletName: z.string(),
  electionDate: z.string(),
  electionState: z.string(),
  profileId: z.string(),
  termLabel: z.string(),
  position: z.string(),
  electorateRule: z.object({
    fixed: rollElectorate.nullable(),
    decidedBy: z.string().nullable(),
    citation: z.string(),
  }),
  roll: z
    .object({
      id: z.string(),
      electorate: rollElectorate,
      electorateLabel: z.string(),
      decision: z
        .object({
          source: z.enum(['profile', 'round', 'decision']),
          decidedBy: z.string().nullable(),
          citation: z.string(),
          reference: z.string().nullable(),
        })
        .nullable(),
      referenceDate: z.string(),
      state: z.enum(['draft', 'posted']),
      builtAt: z.string(),
    })
    .nullable(),
  groups: z.array(z.object({ name: z.string().nullable(), entries: z.array(rollEntry) })),
  excluded: z.array(rollEntry),
  removed: z.array(rollEntry),
  counts: rollCounts,
  snapshots: z.array(
    z.object({
      number: z.number().int(),
      kind: z.string(),
      postedOn: z.string(),
      registered: count,
      amendmentSeq: z.number().int().nullable(),
    }),
  ),
  amendments: z.array(rollAmendment),
  /**
   * Whether the profile makes permanent residence a condition of voting (with its article), and how
   * many people on the roll have a residence an import assumed: the team verifies those.
   */
  residence: z.object({
    required: z.boolean(),
    citation: z.string(),
    confidence: z.string(),
    assumed: count,
  }),
  cutoff: z.object({
    stepId: z.string(),
    title: z.string(),
    lastDay: z.string(),
    citation: z.string(),
    passed: z.boolean(),
  }),
  canManage: z.boolean(),
});
export type RollView = z.infer<typeof rollView>;

/** A document issued through the registry: one schema, the documents feature's. */
export const issuedDocument = documentInfo;
export type IssuedDocument = DocumentInfo;

export const buildInput = z.object({
  /** Required when the profile leaves the electorate to the commune chair and the plan did not fix it. */
  electorate: rollElectorate.optional(),
  /** The chair's decision (number and date) choosing the electorate. */
  decisionReference: text(200).optional(),
});
export type BuildInput = z.infer<typeof buildInput>;

export const postInput = z.object({
  /** The posting date; today (in Vietnam) when omitted. */
  postedOn: civilDate.optional(),
  /** The commune chair's permission to post after the posting deadline. */
  override: z.object({ authorisedBy: text(120), reason: text(1000) }).nullish(),
});
export type PostInput = z.infer<typeof postInput>;

export const correction = z.object({
  fullName: text(120).optional(),
  birthDate: text(10).optional(),
  sex: sex.optional(),
  address: text(300).optional(),
});
export type Correction = z.infer<typeof correction>;

export const chairOverride = z.object({
  /** The commune chair who approved the late amendment. */
  chairName: text(120),
  reason: text(1000),
});
export type ChairOverride = z.infer<typeof chairOverride>;

export const amendInput = z.object({
  kind: z.enum(['add', 'remove', 'correct']),
  residentId: text(64),
  reason: text(1000),
  /** The officer who approved the amendment (name). */
  approvedBy: text(120),
  correction: correction.optional(),
  override: chairOverride.nullish(),
});
export type AmendInput = z.infer<typeof amendInput>;

/** What recording the "roll posted" step through the lifecycle may refuse. */
export const lifecycleFailures: FailureCode[] = [
  'conflict',
  'invalid-transition',
  'deadline-passed',
  'due-passed',
  'weekday-not-allowed',
  'invalid-override',
  'override-incomplete',
  'invalid-date',
  'profile-not-in-force',
  'team-invalid',
  'list-not-drafted',
  'list-not-official',
  'rule',
  'rule-refused',
];

export const getRoll = endpoint({
  method: 'GET',
  path: '/api/elections/:id/roll',
  summary:
    "The election's voter roll: listed by group, excluded with reasons, amendments, snapshots, cut-off",
  tags,
  access: 'read',
  params: idParams,
  response: rollView,
  errors: [],
});

export const rollCountsOf = endpoint({
  method: 'GET',
  path: '/api/elections/:id/roll/counts',
  summary: 'Registered voters of the roll in force (posted as amended), total and per residents’ group',
  tags,
  access: 'read',
  params: idParams,
  response: rollCounts.extend({ posted: z.boolean(), snapshotNumber: z.number().int().nullable() }),
  errors: [],
});

export const buildRoll = endpoint({
  method: 'POST',
  path: '/api/elections/:id/roll/build',
  summary: 'Build (or rebuild, before posting) the roll from the hamlet’s residents',
  tags,
  access: 'write',
  params: idParams,
  body: buildInput.nullish(),
  response: rollView,
  errors: [
    'conflict',
    'electorate-fixed',
    'electorate-undecided',
    'household-no-head',
    'household-choose-representative',
    'household-already-represented',
    'household-too-many-representatives',
  ],
});

export const postRoll = endpoint({
  method: 'POST',
  path: '/api/elections/:id/roll/post',
  summary: 'Post the roll (niêm yết): freeze snapshot 1 and record the "roll posted" step',
  tags,
  access: 'write',
  params: idParams,
  body: postInput.nullish(),
  response: rollView,
  errors: lifecycleFailures,
});

export const amendRoll = endpoint({
  method: 'POST',
  path: '/api/elections/:id/roll/amendments',
  summary:
    'Amend the posted roll (add, remove, correct) with reason and approver; after the cut-off only with the chair’s override',
  tags,
  access: 'write',
  params: idParams,
  body: amendInput,
  response: rollView,
  status: 201,
  errors: ['conflict', 'amendment-cutoff-passed', 'amendment-remove', 'invalid-date'],
});

export const rollXlsx = endpoint({
  method: 'GET',
  path: '/api/elections/:id/roll.xlsx',
  summary: 'The roll as XLSX: roll, counts per group, amendments, people not listed with reasons',
  tags,
  access: 'read',
  params: idParams,
  response: fileAnswer(MIME.xlsx),
  errors: [],
});

export const issueRollDocument = endpoint({
  method: 'POST',
  path: '/api/elections/:id/roll/documents/:kind',
  summary:
    'Issue the roll for posting or the voter cards (PDF and DOCX, stored with hash); download with /api/documents/:id/pdf',
  tags,
  access: 'write',
  params: z.object({ id, kind: z.enum(['roll', 'cards']) }),
  body: z.object({ date: civilDate.optional() }).nullish(),
  response: issuedDocument,
  status: 201,
  errors: ['conflict', 'integrity', 'invalid-date'],
});
