/**
 * The community meeting (an election held at the hamlet's meeting): the agenda's votes by show of
 * hands (opening, secretary, the list of candidates where the profile has that vote, voting form,
 * counting team), the show of hands per candidate that
 * closes the count, and the minutes or resolution (Mẫu 03).
 */
import type { FailureCode } from '../domain/result';
import { ballotMethodSchema, confidenceSchema, thresholdSchema } from '../domain/rules/schema';
import { countResult } from './count';
import { endpoint } from './endpoint';
import { issuedDocument, lifecycleFailures } from './roll';
import { count, idParams, text, z } from './zod';

const tags = ['polling'];

export const meetingStep = z.enum(['opening', 'secretary', 'candidateList', 'votingForm', 'countingTeam']);
export type MeetingStep = z.infer<typeof meetingStep>;

export const stepRule = z.object({
  threshold: thresholdSchema,
  description: z.string(),
  citation: z.string(),
  confidence: confidenceSchema,
  confidenceLabel: z.string(),
});

export const meetingVote = z.object({
  seq: z.number().int(),
  step: meetingStep,
  stepLabel: z.string(),
  subject: z.object({
    name: z.string().optional(),
    method: ballotMethodSchema.optional(),
    members: z.array(z.string()).optional(),
    /** The list of candidates the meeting voted on, in ballot order (Tây Ninh Điều 7 k2đ). */
    candidates: z.array(z.string()).optional(),
  }),
  present: z.number().int(),
  votesFor: z.number().int(),
  against: z.number().int(),
  abstained: z.number().int(),
  /** Recomputed from the numbers under the step's rule, never read back from the stored verdict. */
  passed: z.boolean(),
  /** The stored verdict differs from the numbers. */
  mismatch: z.boolean(),
  rule: stepRule,
  /** One sentence for the screen and the minutes: the count, the percentage, the rule and its source. */
  summary: z.string(),
  recordedAt: z.string(),
});
export type MeetingVote = z.infer<typeof meetingVote>;

export const meetingPosition = z.object({
  position: z.string(),
  title: z.string(),
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  /**
   * The count of the position this round, its method, and the conclusion recomputed from its papers
   * once closed; `mismatch` when the stored result differs from them.
   */
  count: z
    .object({
      id: z.string(),
      method: z.string(),
      closed: z.boolean(),
      conclusion: z.string().nullable(),
      mismatch: z.boolean(),
    })
    .nullable(),
});
export type MeetingPosition = z.infer<typeof meetingPosition>;

export const meetingView = z.object({
  electionId: z.string(),
  hamletName: z.string(),
  profileId: z.string(),
  /** The election is held at a community meeting (else the agenda does not apply). */
  isMeeting: z.boolean(),
  registered: z.number().int(),
  round: z.number().int(),
  rules: z.partialRecord(meetingStep, stepRule),
  countingTeamSize: z
    .object({ min: z.number().int().nullable(), max: z.number().int().nullable() })
    .nullable(),
  methods: z.array(ballotMethodSchema),
  votes: z.array(meetingVote),
  /** The passed vote of each step, if any. */
  adopted: z.partialRecord(meetingStep, meetingVote),
  present: z.number().int().nullable(),
  method: ballotMethodSchema.nullable(),
  next: z
    .enum(['opening', 'secretary', 'candidateList', 'votingForm', 'countingTeam', 'hands', 'ballot'])
    .nullable(),
  positions: z.array(meetingPosition),
  /** Nominations made at the meeting (ND59 Điều 3 k5; Tây Ninh Điều 7 k2 d–đ) and the rule for them. */
  floor: z.object({
    allowed: z.boolean(),
    /** Open now: after the opening, before the step the profile names (voting form or list vote). */
    open: z.boolean(),
    /** The step that closes the floor: the voting form, or the list vote (Tây Ninh Điều 7 k2đ). */
    until: z.enum(['votingForm', 'candidateList']),
    citation: z.string(),
    confidenceLabel: z.string(),
    nominations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        position: z.string(),
        /** Null: the person stood themselves. */
        nominatedBy: z.string().nullable(),
        consent: z.boolean(),
      }),
    ),
  }),
  /** Set once the meeting, not quorate, turned the election to household opinion ballots (Mẫu 04). */
  householdBallots: z
    .object({
      reason: z.string(),
      documents: z.array(z.object({ id: z.string(), title: z.string(), formId: z.string() })),
    })
    .nullable(),
  canWrite: z.boolean(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const floorNominationInput = z.object({
  residentId: z.string().max(64),
  position: text(30).optional(),
  /** The household representative who nominates; null or absent when the person stands themselves. */
  nominatedBy: text(200).nullish(),
  /** The nominee agreed, at the meeting, to stand. */
  consent: z.boolean(),
});
export type FloorNominationInput = z.infer<typeof floorNominationInput>;

export const meetingVoteInput = z.object({
  step: meetingStep,
  /** Opening: the household representatives present. */
  present: count.optional(),
  /** Secretary: the person proposed. */
  name: text(200).optional(),
  /** Voting form: the form proposed. */
  method: text(20).optional(),
  /** Counting team: the people proposed. */
  members: z.array(text(200)).max(20).optional(),
  votesFor: count.optional(),
  against: count.optional(),
  abstained: count.optional(),
});
export type MeetingVoteInput = z.infer<typeof meetingVoteInput>;

export const householdBallotsInput = z.object({
  /** When the households return the ballots, as printed on each ("17 giờ ngày 17/11/2024"). */
  returnBy: text(100).optional(),
});
export type HouseholdBallotsInput = z.infer<typeof householdBallotsInput>;

export const meetingHandsInput = z.object({
  position: text(30),
  /** Hands raised per candidate id. */
  votes: z
    .record(z.string().max(64), count)
    .refine((v) => Object.keys(v).length <= 50, 'Quá nhiều người ứng cử.'),
});
export type MeetingHandsInput = z.infer<typeof meetingHandsInput>;

export const minutesInput = z.object({
  /** 'minutes' (biên bản, default) or 'resolution' (nghị quyết). */
  kind: z.enum(['minutes', 'resolution']).optional(),
  position: text(30).optional(),
  guests: text(500).optional(),
});
export type MinutesInput = z.infer<typeof minutesInput>;

const voteFailures: FailureCode[] = [
  'conflict',
  'ballot-method',
  'counting-team-size',
  'no-such-step',
  'counting-team-candidate',
  'candidates-too-few',
];

export const getMeeting = endpoint({
  method: 'GET',
  path: '/api/elections/:id/meeting',
  summary: "The community meeting's agenda: votes recorded, the rule of each step, the next step",
  tags,
  access: 'read',
  params: idParams,
  response: meetingView,
  errors: ['conflict'],
});

export const recordMeetingVote = endpoint({
  method: 'POST',
  path: '/api/elections/:id/meeting/votes',
  summary: 'Record one agenda vote (opening, secretary, voting form, counting team) by show of hands',
  tags,
  access: 'write',
  params: idParams,
  body: meetingVoteInput,
  response: meetingView,
  status: 201,
  errors: voteFailures,
});

export const switchToHouseholdBallots = endpoint({
  method: 'POST',
  path: '/api/elections/:id/meeting/household-ballots',
  summary:
    'The meeting had no quorum: hold the same election by household opinion ballots (Mẫu 04) and issue the ballots',
  tags,
  access: 'write',
  params: idParams,
  body: householdBallotsInput.nullish(),
  response: meetingView,
  status: 201,
  errors: ['conflict', 'election-form', 'invalid-input', 'not-found', 'forbidden', 'invalid-date'],
});

export const nominateAtMeeting = endpoint({
  method: 'POST',
  path: '/api/elections/:id/meeting/nominations',
  summary: 'Record a nomination made at the meeting, after the list is introduced and before the voting form',
  tags,
  access: 'write',
  params: idParams,
  body: floorNominationInput,
  response: meetingView,
  status: 201,
  errors: [
    'conflict',
    'invalid-input',
    'floor-nomination-closed',
    'not-found',
    'candidate-birth-date-missing',
    'candidate-on-election-team',
    'candidate-permanent-residence',
    'candidate-regular-residence',
    'candidate-too-young',
  ],
});

export const recordMeetingHands = endpoint({
  method: 'POST',
  path: '/api/elections/:id/meeting/hands',
  summary: 'Record the show of hands per candidate and close the count (result by the rules engine)',
  tags,
  access: 'write',
  params: idParams,
  body: meetingHandsInput,
  response: z.object({
    countId: z.string(),
    result: countResult.nullable(),
    electionState: z.string().nullable(),
  }),
  status: 201,
  errors: [
    ...lifecycleFailures,
    'position',
    'ballot-form',
    'ballot-method',
    'count-not-reconciled',
    'count-inconsistent',
    'invalid-count-input',
    'candidate-list-vote-missing',
  ],
});

export const issueMeetingMinutes = endpoint({
  method: 'POST',
  path: '/api/elections/:id/meeting/minutes',
  summary: "Issue the community meeting's minutes or resolution (Mẫu 03) from the recorded agenda and count",
  tags,
  access: 'write',
  params: idParams,
  body: minutesInput.nullish(),
  response: issuedDocument,
  status: 201,
  errors: ['conflict', 'integrity', 'invalid-date'],
});
