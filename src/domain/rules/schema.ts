/**
 * The RuleProfile: every number and choice that differs between the national law and a province
 * (DOMAIN.md §1), each with the article it comes from and how far it has been checked. The TypeScript
 * types are inferred from the zod schema so that the two cannot drift apart.
 */
import { z } from 'zod';
import { parseCivilDate } from '../calendar/civil-date';
import { establishmentSchema } from './establishment-schema';

export const confidenceSchema = z.enum(['verified', 'secondary', 'unverified']);
export type Confidence = z.infer<typeof confidenceSchema>;

export const citationSchema = z.object({
  source: z.string().min(1),
  article: z.string().min(1),
  clause: z.string().min(1).optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const overrideRecordSchema = z.object({
  path: z.string().min(1),
  reason: z.string().min(1),
  by: z.string().min(1),
  at: z.string().min(1),
  previousValue: z.unknown(),
});
export type OverrideRecord = z.infer<typeof overrideRecordSchema>;

/** A value with its citation and confidence; overrides keep the history of who changed it and why. */
export function param<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    citation: citationSchema,
    confidence: confidenceSchema,
    note: z.string().optional(),
    overrides: z.array(overrideRecordSchema).optional(),
  });
}

export interface Param<T> {
  readonly value: T;
  readonly citation: Citation;
  readonly confidence: Confidence;
  readonly note?: string;
  readonly overrides?: readonly OverrideRecord[];
}

export const civilDateSchema = z
  .string()
  .refine((s) => parseCivilDate(s).ok, { message: 'not a YYYY-MM-DD date' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const count = z.number().int().nonnegative();

export const thresholdBaseSchema = z.enum(['registered', 'participated', 'present', 'valid']);
export type ThresholdBase = z.infer<typeof thresholdBaseSchema>;

/** An exact rational threshold: strict ? votes*den > num*base : votes*den >= num*base. */
export const thresholdSchema = z
  .object({
    numerator: count,
    denominator: z.number().int().positive(),
    strict: z.boolean(),
    base: thresholdBaseSchema,
  })
  .refine((t) => t.numerator <= t.denominator, { message: 'numerator must not exceed denominator' });
export type Threshold = z.infer<typeof thresholdSchema>;

export const positionSchema = z.enum(['head', 'deputyHead', 'groupLeader', 'groupDeputy', 'groupSecretary']);
export type Position = z.infer<typeof positionSchema>;

export const invalidReasonSchema = z.enum([
  'unofficial-form',
  'unstamped',
  'too-many-kept',
  'all-struck',
  'extra-name',
  'both-columns',
]);
export type InvalidReason = z.infer<typeof invalidReasonSchema>;

export const electionFormSchema = z.enum(['meeting', 'separateBallot', 'householdBallots']);
export type ElectionForm = z.infer<typeof electionFormSchema>;

export const ballotMethodSchema = z.enum(['hands', 'secret']);
export type BallotMethod = z.infer<typeof ballotMethodSchema>;

export const authoritySchema = z.enum(['peoplesCommittee', 'chair']);
export type Authority = z.infer<typeof authoritySchema>;

export const electorateSchema = z.enum([
  'householdRepresentatives',
  'allVoters',
  'allVotersOrHouseholdRepresentatives',
]);
export type Electorate = z.infer<typeof electorateSchema>;

export const voterExclusionSchema = z.enum([
  'prisonUnsuspended',
  'lostLegalCapacity',
  'mentalIllness',
  'underProbation',
  'courtDeprived',
]);
export type VoterExclusion = z.infer<typeof voterExclusionSchema>;

export const hamletKindSchema = z.enum(['rural', 'urban']);
export type HamletKind = z.infer<typeof hamletKindSchema>;

const winnerRuleSchema = z.object({ threshold: thresholdSchema, requireHighest: z.boolean() });
export type WinnerRule = z.infer<typeof winnerRuleSchema>;

/** Per election form, because the same profile may allow a meeting vote and a separate ballot. */
function perForm<T extends z.ZodType>(value: T) {
  return z.object({
    meeting: value.nullable(),
    separateBallot: value.nullable(),
    householdBallots: value.nullable(),
  });
}

export const stepIdSchema = z.string().regex(/^[a-z]+(-[a-z]+)*$/);

export const timelineStepSchema = z.object({
  id: stepIdSchema,
  /** Days relative to election day D: -20 means "chậm nhất 20 ngày trước ngày bầu cử". */
  offsetDays: z.number().int(),
  unit: z.enum(['calendar', 'working']),
  title: z.string().min(1),
  actor: z.string().min(1),
  document: z.string().min(1),
});
export type TimelineStep = z.infer<typeof timelineStepSchema>;

export const removalTriggerSchema = z.object({
  code: z.enum([
    'resignation',
    'transfer',
    'frontCommitteeProposal',
    'communeChairProposal',
    'frontChairProposal',
    'householdPetition',
  ]),
  label: z.string().min(1),
  letterRequired: z.boolean(),
});
export type RemovalTrigger = z.infer<typeof removalTriggerSchema>;

export const removalKindSchema = z.enum(['release', 'dismissal', 'recall']);
export type RemovalKind = z.infer<typeof removalKindSchema>;

export const removalProcedureSchema = z.object({
  kind: removalKindSchema,
  title: z.string().min(1),
  triggers: param(z.array(removalTriggerSchema).min(1)),
  petition: param(thresholdSchema.nullable()),
  convenor: param(z.string().min(1)),
  quorum: param(thresholdSchema.nullable()),
  passRule: param(thresholdSchema),
  countingTeam: param(z.object({ minSize: count, maxSize: count }).nullable()),
  recognition: param(z.object({ workingDays: z.number().int().positive(), authority: authoritySchema })),
  interimAppointedBy: param(z.string().min(1)),
  newElection: param(
    z.object({ withinDays: z.number().int().positive(), mode: z.enum(['held', 'decided']) }),
  ),
});
export type RemovalProcedure = z.infer<typeof removalProcedureSchema>;

export const ruleProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    status: z.enum(['current', 'legacy']),
    effective: param(z.object({ from: civilDateSchema, to: civilDateSchema.nullable() })),
    sources: z.array(
      z.object({ tag: z.string().min(1), title: z.string().min(1), note: z.string().optional() }),
    ),
    positions: param(z.array(positionSchema).min(1)),
    deputies: param(
      z.object({
        mode: z.enum(['none', 'appointedByHead', 'electedWithHead']),
        base: count,
        secondAbove: z.object({ rural: count, urban: count }).nullable(),
        noneBelow: z.object({ rural: count, urban: count }).nullable(),
      }),
    ),
    term: param(
      z.object({ months: z.number().int().positive(), options: z.array(z.number().int().positive()).min(1) }),
    ),
    residentGroup: param(
      z
        .object({ positions: z.array(positionSchema).min(1), termMonths: z.number().int().positive() })
        .nullable(),
    ),
    electorate: param(electorateSchema),
    electorateDecidedBy: param(authoritySchema.nullable()),
    voter: param(
      z.object({
        minAge: count.nullable(),
        permanentResidence: z.boolean(),
        exclusions: z.array(voterExclusionSchema),
        inPersonOnly: z.boolean(),
        mobileBox: z.boolean(),
      }),
    ),
    householdRepresentative: param(
      z.object({
        perHousehold: z.number().int().positive(),
        requiresFullLegalCapacity: z.boolean(),
        minAge: count.nullable(),
        fallbackNominated: z.boolean(),
      }),
    ),
    /** Bộ luật Dân sự 2015 Điều 20: the age of civil majority (full civil-act capacity). */
    civilMajorityAge: param(count),
    candidate: param(
      z.object({
        /** Reached on election day: no source names another reference date. */
        minAge: count,
        permanentResidence: z.boolean(),
        regularResidence: z.boolean(),
        standards: z.array(z.string().min(1)),
      }),
    ),
    candidateCount: param(z.object({ draftMin: count, draftMax: count.nullable(), officialMin: count })),
    nomineeApproval: param(thresholdSchema.nullable()),
    electionForms: param(z.array(electionFormSchema).min(1)),
    /** The form a ballot-paper count is under unless the count says otherwise. */
    defaultPaperForm: param(electionFormSchema),
    /** The ways the vote may be taken; with more than one, the meeting chooses (ND59 Điều 3 k5 g). */
    ballotMethod: param(z.object({ options: z.array(ballotMethodSchema).min(1) })),
    ballotForm: param(z.enum(['strikeOut', 'agreeColumns', 'strikeOutOrAgreeColumns'])),
    /**
     * Nominations at the meeting itself (ND59 Điều 3 k5; Tây Ninh Điều 7 k2 d–đ): whether those
     * present may nominate themselves or others there, after the Front committee's list is
     * introduced and until the voting form is chosen.
     */
    /** Nominations from the floor, open until the agenda step named (the list vote closes the list). */
    floorNominations: param(
      z.object({ allowed: z.boolean(), until: z.enum(['votingForm', 'candidateList']) }),
    ),
    /**
     * The meeting's own show of hands on the number and the list of candidates the team fixed, an
     * agenda step that must pass before the vote (Tây Ninh Điều 7 k2đ); null: no such step.
     */
    candidateListVote: param(thresholdSchema.nullable()),
    meetingQuorum: param(thresholdSchema.nullable()),
    proceduralVote: param(thresholdSchema.nullable()),
    winner: param(perForm(winnerRuleSchema)),
    turnoutMinimum: param(perForm(thresholdSchema)),
    tieBreak: param(z.enum(['olderWins', 'none'])),
    invalidReasons: param(z.array(invalidReasonSchema)),
    allStruckOut: param(z.enum(['invalid', 'validBlank'])),
    pollingDays: param(z.array(z.number().int().min(0).max(6)).min(1).nullable()),
    pollingHours: param(
      z
        .object({
          sessionStarts: z.array(hhmm).min(1),
          end: hhmm,
          earliestStart: hhmm.nullable(),
          latestEnd: hhmm.nullable(),
          /**
           * Closing before the end: `allVoted` once everyone on the roll has voted (Quảng Trị Điều 15
           * k2a); `none` when the source gives no early close, the poll then runs to the end of the
           * sessions the commune fixed (Tây Ninh Điều 16 k3f).
           */
          earlyClose: z.enum(['allVoted', 'none']),
        })
        .nullable(),
    ),
    electionTeam: param(
      z.object({
        minSize: count.nullable(),
        maxSize: count.nullable(),
        leader: z.enum(['frontCommitteeHead', 'frontCommitteeRepresentative']),
        secretary: z.boolean(),
        excludesCandidates: z.boolean(),
        formedBy: authoritySchema,
      }),
    ),
    countingTeam: param(
      z.object({
        counter: z.enum(['countingTeam', 'electionTeam']),
        minSize: count.nullable(),
        maxSize: count.nullable(),
        approval: thresholdSchema.nullable(),
        excludesCandidates: z.boolean(),
      }),
    ),
    witnesses: param(z.object({ count, excludesCandidates: z.boolean() })),
    timeline: z.array(param(timelineStepSchema)).min(1),
    resultReport: param(z.object({ withinDays: count })),
    recognition: param(
      z.object({
        workingDays: z.number().int().positive(),
        authority: authoritySchema,
        from: z.string().min(1),
      }),
    ),
    recognitionCounting: param(z.enum(['fromDayAfterReceipt', 'includingDayOfReceipt'])),
    rerun: param(z.object({ withinDays: z.number().int().positive(), decidedBy: authoritySchema })),
    interim: param(
      z.object({
        afterFailedRounds: z.number().int().positive(),
        appointedBy: authoritySchema,
        fromCandidates: z.boolean(),
        maxMonths: z.number().int().positive().nullable(),
        newElectionWithinMonths: z.number().int().positive().nullable(),
      }),
    ),
    countRecord: param(
      z.object({
        originals: z.number().int().positive(),
        signatories: z.array(z.string().min(1)).min(1),
        distribution: z.array(z.string().min(1)),
        ratioAgainstRegistered: z.boolean(),
        /** The label printed on the record ("Mẫu số 02"); null where the source gives the form none. */
        formLabel: z.string().min(1).nullable(),
      }),
    ),
    /**
     * What the minutes of an election held at a meeting call that meeting, and their form label:
     * ND59's "cuộc họp cộng đồng dân cư" (Mẫu 03), or the province's "hội nghị" of the hamlet
     * ("hội nghị ấp", "hội nghị thôn") with no prescribed form.
     */
    meetingMinutes: param(
      z.object({
        meeting: z.enum(['communityMeeting', 'hamletConference']),
        formLabel: z.string().min(1).nullable(),
      }),
    ),
    signingAuthority: param(authoritySchema),
    /** Conditions for establishing a new hamlet (hamlet register, issue 12). */
    establishment: param(establishmentSchema),
    removal: z.array(removalProcedureSchema),
  })
  .superRefine((p, ctx) => {
    const ids = p.timeline.map((s) => s.value.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['timeline'], message: `duplicate step id ${dup}` });
    const t = p.term.value;
    if (!t.options.includes(t.months)) {
      ctx.addIssue({
        code: 'custom',
        path: ['term', 'value', 'months'],
        message: 'term not among the allowed options',
      });
    }
    const c = p.candidateCount.value;
    if (c.draftMax !== null && c.draftMax < c.draftMin) {
      ctx.addIssue({ code: 'custom', path: ['candidateCount'], message: 'draftMax < draftMin' });
    }
    for (const key of ['electionTeam', 'countingTeam'] as const) {
      const team = p[key].value;
      if (team.minSize !== null && team.maxSize !== null && team.maxSize < team.minSize) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'maxSize < minSize' });
      }
    }
    if ((p.allStruckOut.value === 'invalid') !== p.invalidReasons.value.includes('all-struck')) {
      ctx.addIssue({
        code: 'custom',
        path: ['allStruckOut'],
        message: "allStruckOut must agree with invalidReasons 'all-struck'",
      });
    }
    if (!p.electionForms.value.includes(p.defaultPaperForm.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultPaperForm'],
        message: 'default form not among the election forms',
      });
    }
    if (p.effective.value.to !== null && p.effective.value.to < p.effective.value.from) {
      ctx.addIssue({ code: 'custom', path: ['effective'], message: 'effective.to before effective.from' });
    }
  });

export type RuleProfile = z.infer<typeof ruleProfileSchema>;
