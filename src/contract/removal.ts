/**
 * Removing a head from office (cho thôi làm, miễn nhiệm, bãi nhiệm): the case and its trigger,
 * the household petition, the community meeting, the commune's decision.
 */
import type { FailureCode } from '../domain/result';
import { endpoint } from './endpoint';
import { documentInfo, interimOutcome, override, reasonLines, termView } from './office';
import { civilDate, count, id, idParams, z } from './zod';

const tags = ['office'] as const;

const note = z.string().max(500).nullable().optional();

export const removalKind = z.enum(['release', 'dismissal', 'recall']);

export const signature = z.object({
  householdId: id,
  signerName: z.string().max(200),
  residentId: id.nullable().optional(),
});
export type SignatureInput = z.infer<typeof signature>;

export const openBody = z.object({
  termId: id,
  kind: removalKind,
  trigger: z.string().max(40),
  /** The day the letter, proposal or petition reached the commune. */
  on: civilDate,
  grounds: reasonLines.optional(),
  /** Who proposes (the Front committee head, the commune or Front chair). */
  proposer: note,
  /** The head's own letter is on file (resignation). */
  hasLetter: z.boolean().optional(),
  signatures: z.array(signature).max(5000).optional(),
});
export type OpenInput = z.infer<typeof openBody>;

export const countingMember = z.object({ name: z.string().max(200), role: z.string().max(100) });
export type CountingMember = z.infer<typeof countingMember>;

const names = z.array(z.string().max(1000)).max(50);

export const meetingBody = z.object({
  heldOn: civilDate,
  time: z.string().max(5),
  endTime: z.string().max(5),
  venue: z.string().max(300),
  /** frontCommitteeHead, or communeChair when the Front committee head is the head concerned. */
  convenorRole: z.enum(['frontCommitteeHead', 'communeChair']),
  convenorName: z.string().max(200),
  /** The Front committee head is the head whose removal is considered (ND59 Điều 3 k1). */
  frontHeadIsHead: z.boolean().optional(),
  secretaryName: z.string().max(200),
  /** Invited guests (UBND, UBMTTQ): they may speak, they do not vote and are not counted. */
  guests: names.optional(),
  /** Household representatives of the whole hamlet; the hamlet's households when absent. */
  registered: count.optional(),
  present: count,
  method: z.enum(['hands', 'secret']),
  countingTeam: z.array(countingMember).max(20).optional(),
  witnesses: names.optional(),
  issued: count.optional(),
  received: count.optional(),
  valid: count.optional(),
  approve: count,
  disapprove: count,
  /** The day the meeting's report reached the commune; the meeting day when absent. */
  reportReceivedOn: civilDate.nullable().optional(),
});
export type MeetingInput = z.infer<typeof meetingBody>;

export const decideBody = z.object({
  decision: z.enum(['recognise', 'reply']),
  on: civilDate,
  reasons: reasonLines.optional(),
  signerName: note,
  override,
  /** Appoint the interim head in the same step. */
  interim: z.object({ residentId: id.nullable().optional(), name: note }).nullable().optional(),
});
export type DecideInput = z.infer<typeof decideBody>;

const voteResult = z.object({
  outcome: z.enum(['passed', 'rejected', 'notQuorate']),
  quorate: z.boolean(),
  passed: z.boolean(),
  required: z.number().int(),
  message: z.string(),
});

/** What the case keeps as it goes: grounds, petition, meeting and vote, documents, decision. */
export const caseData = z.object({
  grounds: z.array(z.string()),
  proposer: z.string().nullable(),
  hasLetter: z.boolean(),
  signatures: z.number().int(),
  meeting: meetingBody.extend({ registered: z.number().int(), guests: z.array(z.string()) }).optional(),
  vote: voteResult.optional(),
  reportReceivedOn: z.string().optional(),
  documents: z.record(z.string(), z.string()),
  decision: z
    .object({
      kind: z.string(),
      on: z.string(),
      late: z.boolean(),
      override: z.object({ authorisedBy: z.string(), reason: z.string() }).nullable(),
      reasons: z.array(z.string()),
    })
    .optional(),
  interimTermId: z.string().optional(),
});

export const caseView = z.object({
  id: z.string(),
  hamletId: z.string(),
  hamletName: z.string(),
  term: termView,
  profileId: z.string(),
  kind: removalKind,
  kindLabel: z.string(),
  trigger: z.string(),
  triggerLabel: z.string(),
  openedOn: z.string(),
  state: z.string(),
  registered: z.number().int().nullable(),
  signatures: z.number().int(),
  petitionRequired: z.number().int().nullable(),
  recognitionDue: z.string().nullable(),
  late: z.boolean(),
  newElectionBy: z.string().nullable(),
  newElectionMode: z.enum(['held', 'decided']),
  data: caseData,
  documents: z.array(documentInfo),
  canDecide: z.boolean(),
});
export type RemovalCase = z.infer<typeof caseView>;

/** Codes the removal procedure may give: the profile's rules, its deadlines, the registry. */
const procedureFailures = [
  'conflict',
  'unknown-profile',
  'profile-not-in-force',
  'removal-kind-not-in-profile',
  'integrity',
] as const satisfies readonly FailureCode[];

export const listRemovals = endpoint({
  method: 'GET',
  path: '/api/communes/:id/removals',
  summary: 'Removal cases of the commune (cho thôi làm, miễn nhiệm, bãi nhiệm)',
  tags,
  access: 'read',
  params: idParams,
  response: z.array(caseView),
  errors: [],
});

export const getRemoval = endpoint({
  method: 'GET',
  path: '/api/removals/:id',
  summary: 'One removal case with its deadlines and documents',
  tags,
  access: 'read',
  params: idParams,
  response: caseView,
  errors: ['unknown-profile', 'removal-kind-not-in-profile'],
});

export const openRemoval = endpoint({
  method: 'POST',
  path: '/api/removals',
  summary:
    "Open a removal case on a trigger the profile allows; a petition's signatures are counted per household",
  tags,
  access: 'write',
  body: openBody,
  response: caseView,
  status: 201,
  errors: [
    ...procedureFailures,
    'trigger-not-allowed',
    'letter-required',
    'no-petition',
    'petition-below-threshold',
  ],
});

export const recordMeeting = endpoint({
  method: 'POST',
  path: '/api/removals/:id/meeting',
  summary:
    'Record the community meeting on a removal: convenor, guests, quorum, method, counting team, vote; issues the minutes',
  tags,
  access: 'write',
  params: idParams,
  body: meetingBody,
  response: caseView,
  errors: [...procedureFailures, 'invalid-number', 'convenor-not-allowed', 'counting-team-size'],
});

export const decideRemoval = endpoint({
  method: 'POST',
  path: '/api/removals/:id/decision',
  summary:
    "The commune's decision on a removal within its working-day limit (or a written reply); may appoint the interim head",
  tags,
  access: 'write',
  params: idParams,
  body: decideBody,
  response: z.object({ view: caseView, interim: interimOutcome.nullable() }),
  errors: [
    ...procedureFailures,
    'deadline-passed',
    'invalid-override',
    'override-incomplete',
    'invalid-transition',
    'due-passed',
    'interim-too-early',
    'interim-not-candidate',
    'term-not-allowed',
  ],
});
