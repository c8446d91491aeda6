/**
 * Scenario steps after the vote (docs/after-the-vote.md): recognition, re-election, written reply,
 * interim head, deputy, and a removal's proposal, meeting and decision. Additive to the preparation
 * scenario format (docs/scenarios.md): the runner adds `officeStepSchemas` to its step union and hands
 * these steps to `performOfficeStep`, which calls the same services as the web app.
 */
import { z } from 'zod';
import { positionSchema } from '../../domain/rules';
import type { Result } from '../../domain/result';
import { err } from '../../domain/result';
import { residents as residentsRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { currentHolders } from '../office';
import { appointInterim } from '../office';
import { recogniseDeputy } from '../office';
import { decideRecognition } from '../office';
import { decideRemoval, openRemoval, recordRemovalMeeting } from '../removal';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const expectation = z.object({ refused: z.string().min(1).optional() }).optional();
const override = z.object({ authorisedBy: z.string(), reason: z.string() }).optional();
/** A person as the runner resolves it ({ adult: n } | { young: n } | { name }). */
const person = z.record(z.string(), z.union([z.string(), z.number()]));

export const officeStepSchemas = [
  z.object({
    // The person recognised is the one the scenario's count elected: a recognition names no one.
    do: z.literal('recognise'),
    on: date,
    position: positionSchema.optional(),
    /** A residents' self-managed group's election (by the group's name). */
    group: z.string().min(1).optional(),
    termMonths: z.number().int().optional(),
    signer: z.string().optional(),
    override,
    expect: expectation,
  }),
  z.object({
    do: z.literal('rerun'),
    on: date,
    rerunDate: date,
    reasons: z.array(z.string()).min(1),
    override,
    expect: expectation,
  }),
  z.object({ do: z.literal('reply'), on: date, reasons: z.array(z.string()), expect: expectation }),
  z.object({
    do: z.literal('interim'),
    on: date,
    reason: z.enum(['vacancy', 'failedElection']),
    person: person,
    signer: z.string().optional(),
    expect: expectation,
  }),
  z.object({ do: z.literal('deputy'), on: date, person: person, expect: expectation }),
  z.object({
    do: z.literal('removal'),
    on: date,
    ref: z.string(),
    kind: z.enum(['release', 'dismissal', 'recall']),
    trigger: z.string(),
    grounds: z.array(z.string()).optional(),
    proposer: z.string().optional(),
    letter: z.boolean().optional(),
    /** Household petition: the first N households of the hamlet sign. */
    households: z.number().int().nonnegative().optional(),
    expect: expectation,
  }),
  z.object({
    do: z.literal('removalMeeting'),
    on: date,
    ref: z.string(),
    convenorRole: z.enum(['frontCommitteeHead', 'communeChair']).default('frontCommitteeHead'),
    convenorName: z.string(),
    secretaryName: z.string(),
    guests: z.array(z.string()).optional(),
    method: z.enum(['hands', 'secret']),
    countingTeam: z.array(z.object({ name: z.string(), role: z.string() })).optional(),
    witnesses: z.array(z.string()).optional(),
    /** Attendance and votes, or fractions of the households with `ofHouseholds`. */
    present: z.number().int().nonnegative(),
    approve: z.number().int().nonnegative(),
    disapprove: z.number().int().nonnegative(),
    valid: z.number().int().nonnegative().optional(),
    expect: expectation,
  }),
  z.object({
    do: z.literal('removalDecision'),
    on: date,
    ref: z.string(),
    decision: z.enum(['recognise', 'reply']).default('recognise'),
    reasons: z.array(z.string()).optional(),
    interim: person.optional(),
    signer: z.string().optional(),
    override,
    expect: expectation,
  }),
] as const;

export const officeStepSchema = z.discriminatedUnion('do', officeStepSchemas);
export type OfficeStep = z.infer<typeof officeStepSchema>;
export const OFFICE_STEPS: readonly string[] = officeStepSchemas.map((s) => s.shape.do.value);

/** What the runner knows: the election, the hamlet, how it names people, and its references. */
export interface OfficeScenarioEnv {
  readonly electionId: string;
  readonly hamletId: string;
  readonly person: (ref: Record<string, string | number>) => string;
  readonly refs: Map<string, string>;
}

export interface OfficeStepOutcome {
  readonly result: Result<unknown>;
  /** Documents issued by the step, for the runner to save. */
  readonly documents: { id: string; form_id: string }[];
}

const docs = (...d: ({ id: string; form_id: string } | null | undefined)[]) =>
  d.filter((x): x is { id: string; form_id: string } => !!x);

export async function performOfficeStep(
  ctx: ServiceContext,
  actor: Actor,
  step: OfficeStep,
  env: OfficeScenarioEnv,
): Promise<OfficeStepOutcome> {
  const none = { documents: [] };
  switch (step.do) {
    case 'recognise': {
      const r = await decideRecognition(ctx, actor, env.electionId, {
        decision: 'recognise',
        on: step.on,
        termMonths: step.termMonths ?? null,
        signerName: step.signer ?? null,
        override: step.override ?? null,
      });
      return { result: r, documents: r.ok ? docs(r.value.document) : [] };
    }
    case 'rerun':
    case 'reply': {
      const r = await decideRecognition(ctx, actor, env.electionId, {
        decision: step.do,
        on: step.on,
        reasons: step.reasons,
        ...(step.do === 'rerun' ? { rerunDate: step.rerunDate, override: step.override ?? null } : {}),
      });
      return { result: r, documents: r.ok ? docs(r.value.document) : [] };
    }
    case 'interim': {
      const r = await appointInterim(ctx, actor, {
        hamletId: env.hamletId,
        reason: step.reason,
        electionId: step.reason === 'failedElection' ? env.electionId : null,
        residentId: env.person(step.person),
        on: step.on,
        signerName: step.signer ?? null,
      });
      return { result: r, documents: r.ok ? docs(r.value.document) : [] };
    }
    case 'deputy': {
      const r = await recogniseDeputy(ctx, actor, {
        hamletId: env.hamletId,
        residentId: env.person(step.person),
        on: step.on,
      });
      return { result: r, documents: r.ok ? docs(r.value.document) : [] };
    }
    case 'removal': {
      const head = (await currentHolders(ctx.store.db, env.hamletId, 'head', step.on))[0];
      if (!head)
        return {
          result: err({ code: 'no-head', message: 'Thôn, tổ dân phố chưa có người giữ chức.' }),
          ...none,
        };
      const households = step.households
        ? await residentsRepo.householdHeads(ctx.store.db, env.hamletId, step.households)
        : [];
      const r = await openRemoval(ctx, actor, {
        termId: head.id,
        kind: step.kind,
        trigger: step.trigger,
        on: step.on,
        grounds: step.grounds ?? [],
        proposer: step.proposer ?? null,
        hasLetter: step.letter ?? false,
        signatures: households.map((h) => ({ householdId: h.id, signerName: h.full_name })),
      });
      if (r.ok) env.refs.set(step.ref, r.value.id);
      return { result: r, documents: r.ok ? r.value.documents : [] };
    }
    case 'removalMeeting': {
      const id = env.refs.get(step.ref);
      if (!id)
        return { result: err({ code: 'unknown-ref', message: `Không có hồ sơ "${step.ref}".` }), ...none };
      const r = await recordRemovalMeeting(ctx, actor, id, {
        heldOn: step.on,
        time: '08:00',
        endTime: '10:00',
        venue: 'Nhà văn hóa',
        convenorRole: step.convenorRole,
        convenorName: step.convenorName,
        secretaryName: step.secretaryName,
        guests: step.guests ?? [],
        present: step.present,
        method: step.method,
        countingTeam: step.countingTeam ?? [],
        witnesses: step.witnesses ?? [],
        ...(step.method === 'secret'
          ? { valid: step.valid ?? step.present, issued: step.present, received: step.present }
          : {}),
        approve: step.approve,
        disapprove: step.disapprove,
      });
      return {
        result: r,
        documents: r.ok
          ? r.value.documents.filter((d) => ['removal-minutes', 'removal-count'].includes(d.form_id))
          : [],
      };
    }
    case 'removalDecision': {
      const id = env.refs.get(step.ref);
      if (!id)
        return { result: err({ code: 'unknown-ref', message: `Không có hồ sơ "${step.ref}".` }), ...none };
      const r = await decideRemoval(ctx, actor, id, {
        decision: step.decision,
        on: step.on,
        reasons: step.reasons ?? [],
        signerName: step.signer ?? null,
        override: step.override ?? null,
        interim: step.interim ? { residentId: env.person(step.interim) } : null,
      });
      return {
        result: r,
        documents: r.ok
          ? r.value.view.documents.filter((d) =>
              ['removal-recognition-decision', 'interim-head-decision', 'reply-letter'].includes(d.form_id),
            )
          : [],
      };
    }
  }
}
