/** Polling day (secret ballot): check-in, turnout, the poll's hours and events, mobile box, ballots. */
import type { FailureCode } from '../domain/result';
import { endpoint } from './endpoint';
import { issuedDocument, lifecycleFailures } from './roll';
import { count, id, idParams, text, z } from './zod';

const tags = ['polling'];

export const pollingVoter = z.object({
  rollNumber: z.number().int(),
  residentId: z.string(),
  fullName: z.string(),
  residentGroup: z.string().nullable(),
  voted: z.boolean(),
  checkedInAt: z.string().nullable(),
  mobileBox: z.number().int().nullable(),
  cardCode: z.string(),
});
export type PollingVoter = z.infer<typeof pollingVoter>;

export const turnout = z.object({
  electionId: z.string(),
  hamletName: z.string(),
  registered: count,
  voted: count,
  percent: z.string(),
  groups: z.array(
    z.object({ group: z.string().nullable(), registered: count, voted: count, percent: z.string() }),
  ),
  /** The profile's minimum turnout for this form of election, or null when it sets none. */
  quorum: z.object({ needed: count, met: z.boolean(), rule: z.string(), citation: z.string() }).nullable(),
  allVoted: z.boolean(),
  /** Whether the profile provides a mobile ballot box, and where it says so. */
  mobileBox: z.object({ allowed: z.boolean(), citation: z.string() }),
  mobileBoxes: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      carriedBy: z.array(z.string()),
      leftAt: z.string(),
      voters: z.array(z.object({ rollNumber: z.number().int(), fullName: z.string() })),
    }),
  ),
  at: z.string(),
});
export type Turnout = z.infer<typeof turnout>;

export const pollStatus = z.enum(['notOpen', 'open', 'interrupted', 'closed']);

export const pollView = z.object({
  electionId: z.string(),
  status: pollStatus,
  window: z
    .object({
      opens: z.string(),
      ends: z.string(),
      latest: z.string(),
      citation: z.string(),
      /** The sessions the commune fixed (Tây Ninh Điều 16 k3f), empty when the profile's hours apply. */
      chosen: z.array(z.object({ start: z.string(), end: z.string() })),
    })
    .nullable(),
  electionDate: z.string().nullable(),
  events: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.string(),
      at: z.string(),
      time: z.string(),
      reason: z.string().nullable(),
      boxSealed: z.boolean().nullable(),
    }),
  ),
});
export type PollView = z.infer<typeof pollView>;

export const ballotsView = z.object({
  electionId: z.string(),
  pollStatus: z.string(),
  /** Whether the actor may issue the sealing record (the commune does; the team prints and signs). */
  canIssue: z.boolean(),
  positions: z.array(
    z.object({
      position: z.string(),
      title: z.string(),
      received: z.number().int(),
      issued: z.number().int(),
      spoiled: z.number().int(),
      unused: z.number().int(),
      seal: z
        .object({ sealedAt: z.string(), witnesses: z.array(z.string()), documentId: z.string().nullable() })
        .nullable(),
    }),
  ),
});
export type BallotsView = z.infer<typeof ballotsView>;

export const checkInInput = z.object({
  rollNumber: z.number().int().min(1).optional(),
  name: text(100).optional(),
  cardCode: text(80).optional(),
  mobileBoxId: z.string().max(64).nullish(),
});
export type CheckInInput = z.infer<typeof checkInInput>;

export const mobileBoxInput = z.object({
  carriedBy: z.array(text(100)).min(1).max(5),
  note: z.string().max(500).nullish(),
});
export type MobileBoxInput = z.infer<typeof mobileBoxInput>;

export const interruptionInput = z.object({ reason: text(500), boxSealed: z.boolean() });
export type InterruptionInput = z.infer<typeof interruptionInput>;

export const movementInput = z.object({
  position: text(30),
  kind: z.enum(['received', 'spoiledReplaced']),
  quantity: z.number().int().min(1).max(100000),
  note: z.string().max(500).nullish(),
});
export type MovementInput = z.infer<typeof movementInput>;

export const sealInput = z.object({
  position: text(30),
  /**
   * The voters, not candidates, who watch the sealing and then the count, chosen from the posted
   * roll: recorded as the count's witnesses. Typed names (`witnesses`) only print on the sealing
   * record; the count still needs its witnesses chosen from the roll.
   */
  witnessIds: z.array(z.string().max(64)).max(5).optional(),
  witnesses: z.array(text(100)).max(5).optional(),
  /** The unused ballots the team counted by hand: must equal what the records leave. */
  unusedCounted: z.number().int().min(0),
});
export type SealInput = z.infer<typeof sealInput>;

/** Casting a ballot opens the poll: refused outside the day or hours, or by the lifecycle. */
const castingFailures: FailureCode[] = [...lifecycleFailures, 'outside-polling-hours'];

export const findVoters = endpoint({
  method: 'GET',
  path: '/api/elections/:id/polling/voters',
  summary: 'Find voters on the posted roll by roll number, card code or name (diacritics ignored)',
  tags,
  access: 'read',
  params: idParams,
  query: z.object({ q: text(100).optional() }),
  response: z.array(pollingVoter),
  errors: ['conflict'],
});

export const checkIn = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/check-ins',
  summary: 'Check a voter in (once): by roll number, name or voter card code; optionally the mobile box',
  tags,
  access: 'write',
  params: idParams,
  body: checkInInput,
  response: pollingVoter,
  status: 201,
  errors: [...castingFailures, 'rule-refused'],
});

export const getTurnout = endpoint({
  method: 'GET',
  path: '/api/elections/:id/polling/turnout',
  summary: 'Live turnout and quorum per residents group and in total, mobile boxes',
  tags,
  access: 'read',
  params: idParams,
  response: turnout,
  errors: ['conflict'],
});

export const getPoll = endpoint({
  method: 'GET',
  path: '/api/elections/:id/polling',
  summary: 'The poll: status, polling hours, events (interruptions, close)',
  tags,
  access: 'read',
  params: idParams,
  response: pollView,
  errors: ['conflict'],
});

export const sendMobileBox = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/mobile-boxes',
  summary: 'The mobile ballot box leaves, carried by the named team members',
  tags,
  access: 'write',
  params: idParams,
  body: mobileBoxInput,
  response: z.object({ id: z.string(), number: z.number().int() }),
  status: 201,
  errors: castingFailures,
});

export const recordBoxReturned = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/mobile-boxes/:boxId/return',
  summary: 'The mobile ballot box is back at the polling station',
  tags,
  access: 'write',
  params: z.object({ id, boxId: id }),
  response: pollView,
  errors: ['conflict'],
});

export const recordInterruption = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/interruptions',
  summary: 'Record an interruption of the poll: reason, and whether the box was sealed',
  tags,
  access: 'write',
  params: idParams,
  body: interruptionInput,
  response: pollView,
  errors: ['conflict'],
});

export const resumePolling = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/resume',
  summary: 'Resume the poll after an interruption',
  tags,
  access: 'write',
  params: idParams,
  response: pollView,
  errors: ['conflict'],
});

export const closePolling = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/close',
  summary: 'Close the poll (before the announced end only when everyone on the roll voted)',
  tags,
  access: 'write',
  params: idParams,
  response: pollView,
  errors: [...lifecycleFailures, 'early-close'],
});

export const getBallots = endpoint({
  method: 'GET',
  path: '/api/elections/:id/polling/ballots',
  summary: 'Ballots per position: received, issued, spoiled, unused, seal',
  tags,
  access: 'read',
  params: idParams,
  response: ballotsView,
  errors: ['conflict'],
});

export const recordBallots = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/ballots',
  summary: 'Record ballots received, or spoiled ballots exchanged for new ones',
  tags,
  access: 'write',
  params: idParams,
  body: movementInput,
  response: ballotsView,
  status: 201,
  errors: ['conflict'],
});

export const sealUnusedBallots = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/seals',
  summary: 'Count and seal the unused ballots of a position before the box is opened',
  tags,
  access: 'write',
  params: idParams,
  body: sealInput,
  response: ballotsView,
  status: 201,
  errors: ['conflict', 'witness-count', 'witness-candidate', 'witness-not-on-roll', 'witness-on-team'],
});

export const issueSealingRecord = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/seals/document',
  summary: 'Issue the sealing record of unused ballots through the document registry (commune)',
  tags,
  access: 'write',
  params: idParams,
  body: z.object({ position: text(30) }),
  response: issuedDocument,
  status: 201,
  errors: ['conflict', 'integrity'],
});

export const countWitnessesInput = z.object({
  position: text(30),
  /** Residents on the posted roll, not candidates, as many as the profile's rule. */
  witnessIds: z.array(z.string().max(64)).max(5),
});
export type CountWitnessesInput = z.infer<typeof countWitnessesInput>;

export const countWitnessesView = z.array(z.object({ residentId: z.string(), fullName: z.string() }));

export const listCountWitnesses = endpoint({
  method: 'GET',
  path: '/api/elections/:id/polling/witnesses',
  summary: "The voters recorded as witnesses of a position's count this round",
  tags,
  access: 'read',
  params: idParams,
  query: z.object({ position: text(30) }),
  response: countWitnessesView,
  errors: [],
});

export const recordCountWitnesses = endpoint({
  method: 'POST',
  path: '/api/elections/:id/polling/witnesses',
  summary: "Record the two voters, not candidates, who witness a position's count (chosen from the roll)",
  tags,
  access: 'write',
  params: idParams,
  body: countWitnessesInput,
  response: countWitnessesView,
  status: 201,
  errors: ['conflict', 'witness-count', 'witness-candidate', 'witness-not-on-roll', 'witness-on-team'],
});
