/**
 * `baucoso scenario FILE --out DIR --json`: runs a scenario (docs/scenarios.md) through the same
 * services the web app calls, on a fresh in-memory database with a clock set to each step's date,
 * writes every document produced into DIR, and prints a report of each step: the election state,
 * any refusal (code and message) and the files written. Exit code 1 when a step does not end as
 * the scenario expects.
 */
import { renderPdf } from '../../documents/render-pdf';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { positionSchema } from '../../domain/rules';
import { ageOn, isCivilDate } from '../../domain/calendar';
import type { ElectionState } from '../../domain/election';
import type { Failure, Result } from '../../domain/result';
import {
  createContext,
  demo,
  documents as documentRegistry,
  candidates as preparationCandidates,
  complaints as preparationComplaints,
  plan as preparationDocuments,
  plan as preparationLifecycle,
  candidates as preparationMeetings,
  plan as preparationPlan,
  plan as preparationPopulation,
  team as preparationTeam,
  scenario as officeScenario,
  scenario as pollingScenario,
  scenario as registerScenario,
  scenario as scenarioService,
  territory,
} from '../../services';
import type { Actor, ServiceContext } from '../../services';
import { migrateToLatest, openStore } from '../../store';
import { verifyRecord } from '../../store/record-seals';
import type { Store } from '../../store';

// A real calendar day: '2024-02-30' used to pass and crash a step (found by fuzzing).
const date = z.string().refine(isCivilDate, 'không phải ngày có thật (YYYY-MM-DD)');
const personRef = z.union([
  z.object({ adult: z.number().int().nonnegative() }),
  z.object({ young: z.number().int().nonnegative() }),
  z.object({ name: z.string().min(1) }),
]);
const position = positionSchema.optional();
/** The residents' self-managed group (by name) whose election a step acts on; none: the hamlet's. */
const group = z.string().min(1).optional();
const expectation = z.object({ refused: z.string().min(1).optional() }).optional();
const override = z.object({ authorisedBy: z.string(), reason: z.string() }).optional();

const stepSchema = z.discriminatedUnion('do', [
  z.object({
    do: z.literal('nominate'),
    on: date,
    ref: z.string(),
    person: personRef,
    source: z.enum(['frontCommittee', 'households', 'self']),
    position,
    group,
    education: z.string().optional(),
    occupation: z.string().optional(),
    dossier: z.boolean().optional(),
    expect: expectation,
  }),
  z.object({
    do: z.literal('meeting'),
    on: date,
    ref: z.string(),
    kind: z.enum(['frontCommittee', 'votersConference', 'jointConference']),
    position,
    group,
    startTime: z.string(),
    endTime: z.string().optional(),
    venue: z.string(),
    chair: z.string(),
    chairPosition: z.string(),
    secretary: z.string(),
    participants: z.string().optional(),
    convened: z.number().int(),
    present: z.number().int(),
    absences: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
    decisions: z.array(z.string()).optional(),
    votes: z.array(z.object({ ref: z.string(), agree: z.number().int().optional() })),
    expect: expectation,
  }),
  z.object({
    do: z.literal('officialList'),
    on: date,
    meeting: z.string(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    do: z.literal('step'),
    on: date,
    to: z.string(),
    position,
    group,
    override,
    expect: expectation,
  }),
  z.object({
    do: z.literal('team'),
    on: date,
    position,
    group,
    members: z.array(
      z.object({
        person: personRef,
        role: z.enum(['leader', 'secretary', 'member', 'witness']),
        represents: z.string(),
        frontHead: z.boolean().optional(),
      }),
    ),
    expect: expectation,
  }),
  z.object({ do: z.literal('accounts'), on: date, position, group, expect: expectation }),
  z.object({
    do: z.literal('complaint'),
    on: date,
    ref: z.string(),
    subject: z.enum(['candidate', 'roll']),
    candidate: z.string().optional(),
    complainant: z.string(),
    content: z.string(),
    position,
    group,
    expect: expectation,
  }),
  z.object({
    do: z.literal('resolve'),
    on: date,
    complaint: z.string(),
    status: z.enum(['handled', 'closed']),
    resolution: z.string(),
    expect: expectation,
  }),
  z.object({
    do: z.literal('issue'),
    on: date,
    form: z.string(),
    meeting: z.string().optional(),
    position,
    group,
    invitee: z.string().optional(),
    expect: expectation,
  }),
  // The after-the-vote steps (recognition, re-election, interim head, deputy, removal).
  ...officeScenario.officeStepSchemas,
  // Polling day and the count (src/services/polling-scenario.ts).
  ...pollingScenario.pollingStepSchemas,
  // The hamlet register over time (src/services/register-scenario.ts).
  ...registerScenario.registerStepSchemas,
]);

export const scenarioSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  profile: z.string(),
  communeId: z.string(),
  /** Load the demo ward (Phường 2, five khu phố with generated households) first. */
  demo: z.boolean().optional(),
  hamlet: z.union([
    z.object({ existing: z.string() }),
    z.object({
      name: z.string(),
      kind: z.string(),
      population: z.object({
        households: z.number().int(),
        seed: z.number().int(),
        birthProvinceCode: z.string().optional(),
        residentGroups: z.array(z.string()).optional(),
      }),
    }),
  ]),
  plan: z.object({
    on: date,
    term: z.string(),
    form: z.enum(['meeting', 'separateBallot', 'householdBallots']),
    ballotMethod: z.enum(['hands', 'secret']).optional(),
    electorate: z.enum(['householdRepresentatives', 'allVoters']).optional(),
    positions: z.array(positionSchema).optional(),
    /**
     * The residents' self-managed groups (by name) that elect their officers in the same plan
     * (seed 001 mục II.1.6); without it, every group of the hamlet when the plan has their positions.
     */
    groups: z.array(z.string().min(1)).optional(),
    chairName: z.string(),
    frontChairName: z.string(),
    electionDate: date,
    startTime: z.string().optional(),
    venue: z.string().optional(),
    /** The polling sessions the commune fixes (Tây Ninh Điều 16 k3f). */
    pollingSessions: z.array(z.object({ start: z.string(), end: z.string() })).optional(),
    assignments: z
      .array(z.object({ officialName: z.string(), position: z.string(), duty: z.string() }))
      .optional(),
  }),
  steps: z.array(stepSchema),
});
export type Scenario = z.infer<typeof scenarioSchema>;
type Step = Scenario['steps'][number];

export interface StepReport {
  readonly index: number;
  readonly do: string;
  readonly on: string;
  readonly ok: boolean;
  readonly expected: 'ok' | 'refused';
  readonly asExpected: boolean;
  readonly states: Record<string, string>;
  readonly refusal: { code: string; message: string; rule?: unknown } | null;
  readonly documents: string[];
  /** The audit events the step wrote, with the override (who authorised, why) of a late step. */
  readonly events: scenarioService.StepEvent[];
}

export interface ScenarioReport {
  readonly scenario: string;
  readonly profile: string;
  readonly clean: boolean;
  readonly roundId: string | null;
  readonly elections: Record<string, string>;
  readonly steps: StepReport[];
  readonly documents: string[];
  /** The record check at the end of the run: every row written sealed by its step's audit event. */
  readonly record: { readonly ok: boolean; readonly rows: number; readonly problems: readonly string[] };
}

const at = (day: string) => () => new Date(`${day}T03:00:00.000Z`);

/** The report's name of an election: its position, after its group's name for a group's. */
const electionKey = (position: string, group: string | null) => (group ? `${group}/${position}` : position);

class Run {
  readonly refs = new Map<string, string>();
  readonly elections = new Map<string, string>();
  readonly documents: string[] = [];
  hamletId = '';
  roundId: string | null = null;
  people: { id: string; fullName: string; birthDate: string; residence: string; status: string }[] = [];

  constructor(
    readonly store: Store,
    readonly scenario: Scenario,
    readonly out: string | null,
    readonly actor: Actor,
  ) {}

  ctx(day: string): ServiceContext {
    return createContext(this.store, at(day));
  }

  /** A step's election: the hamlet's of the position, or the named group's ("Tổ 1/groupLeader"). */
  election(position: string | undefined, group?: string): string {
    const key = electionKey(position ?? 'head', group ?? null);
    const id = this.elections.get(key);
    if (!id) throw new Error(`no election ${key}`);
    return id;
  }

  /** Every election of the hamlet (no group), or of one group: the targets of a step without a position. */
  electionsOf(group: string | undefined): string[] {
    return [...this.elections.entries()]
      .filter(([key]) => (group ? key.startsWith(`${group}/`) : !key.includes('/')))
      .map(([, id]) => id);
  }

  person(ref: z.infer<typeof personRef>): string {
    const day = this.scenario.plan.electionDate;
    if ('name' in ref) {
      const p = this.people.find((x) => x.fullName === ref.name);
      if (!p) throw new Error(`no resident named ${ref.name}`);
      return p.id;
    }
    const adults = this.people.filter(
      (p) => p.residence === 'permanent' && p.status === 'active' && ageOn(p.birthDate, day) >= 30,
    );
    const young = this.people.filter((p) => ageOn(p.birthDate, day) >= 16 && ageOn(p.birthDate, day) < 21);
    const list = 'adult' in ref ? adults : young;
    const n = 'adult' in ref ? ref.adult : ref.young;
    const p = list[n];
    if (!p) throw new Error(`not enough residents for ${JSON.stringify(ref)}`);
    return p.id;
  }

  ref(name: string): string {
    const id = this.refs.get(name);
    if (!id) throw new Error(`unknown reference "${name}"`);
    return id;
  }

  async save(day: string, index: number, info: { id: string; form_id: string }): Promise<string[]> {
    const written: string[] = [];
    for (const format of ['pdf', 'docx'] as const) {
      const file = await documentRegistry.downloadDocument(this.ctx(day), this.actor, info.id, format);
      if (!file.ok) continue;
      const name = `${String(index).padStart(2, '0')}-${info.form_id}.${format}`;
      if (this.out) writeFileSync(join(this.out, name), file.value.bytes);
      written.push(name);
    }
    this.documents.push(...written);
    return written;
  }
}

async function setUp(run: Run): Promise<Result<unknown>> {
  const s = run.scenario;
  const ctx = run.ctx(s.plan.on);
  await territory.loadAdministrativeUnits(ctx);
  if (s.demo) await demo.loadDemo(ctx);
  if ('existing' in s.hamlet) {
    const hamlet = await ctx.store.db
      .selectFrom('hamlets')
      .select('id')
      .where('commune_id', '=', s.communeId)
      .where('name', '=', s.hamlet.existing)
      .executeTakeFirst();
    if (!hamlet) return { ok: false, error: { code: 'not-found', message: `Không có ${s.hamlet.existing}` } };
    run.hamletId = hamlet.id;
  } else {
    const created = await territory.createHamlet(ctx, run.actor, s.communeId, {
      name: s.hamlet.name,
      kind: s.hamlet.kind,
    });
    if (!created.ok) return created;
    run.hamletId = created.value.id;
    const pop = await preparationPopulation.generatePopulation(
      ctx,
      run.actor,
      run.hamletId,
      s.hamlet.population,
    );
    if (!pop.ok) return pop;
  }
  run.people = await ctx.store.db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name as fullName', 'r.birth_date as birthDate', 'r.residence', 'r.status'])
    .where('h.hamlet_id', '=', run.hamletId)
    .orderBy('r.search_name')
    .orderBy('r.birth_date')
    .execute();
  const p = s.plan;
  const groups = await ctx.store.db
    .selectFrom('resident_groups')
    .select(['id', 'name'])
    .where('hamlet_id', '=', run.hamletId)
    .execute();
  const groupIds: string[] = [];
  for (const name of p.groups ?? []) {
    const g = groups.find((x) => x.name === name);
    if (!g) return { ok: false, error: { code: 'not-found', message: `Không có tổ ${name}` } };
    groupIds.push(g.id);
  }
  const round = await preparationPlan.createRound(ctx, run.actor, {
    communeId: s.communeId,
    termLabel: p.term,
    profileId: s.profile,
    form: p.form,
    ballotMethod: p.ballotMethod ?? null,
    ...(p.electorate ? { electorate: p.electorate } : {}),
    ...(p.positions ? { positions: p.positions } : {}),
    chairName: p.chairName,
    frontChairName: p.frontChairName,
    planDate: p.on,
    hamlets: [
      {
        hamletId: run.hamletId,
        electionDate: p.electionDate,
        startTime: p.startTime ?? null,
        venue: p.venue ?? null,
        ...(p.pollingSessions ? { pollingSessions: p.pollingSessions } : {}),
        ...(groupIds.length > 0 ? { groupIds } : {}),
      },
    ],
    assignments: (p.assignments ?? []).map((a) => ({ ...a, hamletId: run.hamletId })),
  });
  if (!round.ok) return round;
  run.roundId = round.value.id;
  for (const e of round.value.elections) run.elections.set(electionKey(e.position, e.groupName), e.id);
  return round;
}

const MINUTES: Record<string, string> = {
  frontCommittee: 'mau-05',
  votersConference: 'voters-conference-minutes',
  jointConference: 'joint-conference-minutes',
};

async function perform(
  run: Run,
  step: Step,
  index: number,
): Promise<{ result: Result<unknown>; documents: string[] }> {
  const ctx = run.ctx(step.on);
  const a = run.actor;
  const none = { documents: [] as string[] };
  if (officeScenario.OFFICE_STEPS.includes(step.do)) return performAfterTheVote(run, ctx, step, index);
  if (registerScenario.REGISTER_STEPS.includes(step.do)) {
    const r = registerScenario.performRegisterStep(
      ctx,
      a,
      step as registerScenario.RegisterStep,
      run.scenario,
    );
    return { result: await r, documents: [] };
  }
  if (pollingScenario.POLLING_STEPS.includes(step.do)) {
    const o = await pollingScenario.performPollingStep(ctx, a, step as pollingScenario.PollingStep, {
      electionId: (position, group) => run.election(position, group),
      person: (ref) => run.person(ref as z.infer<typeof personRef>),
    });
    const documents: string[] = [];
    for (const d of o.documents) documents.push(...(await run.save(step.on, index, d)));
    return { result: o.result, documents };
  }
  switch (step.do) {
    case 'nominate': {
      const r = await preparationCandidates.nominate(ctx, a, run.election(step.position, step.group), {
        residentId: run.person(step.person),
        source: step.source,
        nominatedOn: step.on,
        ...(step.position ? { position: step.position } : {}),
        ...(step.education ? { education: step.education } : {}),
        ...(step.occupation ? { occupation: step.occupation } : {}),
      });
      if (r.ok) run.refs.set(step.ref, r.value.id);
      if (r.ok && step.dossier) {
        for (const kind of ['letter', 'cv'] as const) {
          // The scenario's stand-in for the scanned paper: a one-page PDF naming it and the person.
          const title = `${kind === 'letter' ? 'Đơn ứng cử' : 'Sơ yếu lý lịch'}: ${r.value.person.fullName}`;
          const up = await preparationCandidates.uploadDossierFile(ctx, a, r.value.id, {
            kind,
            fileName: `${step.ref}-${kind}.pdf`,
            contentType: 'application/pdf',
            bytes: renderPdf({
              meta: { title, date: step.on },
              blocks: [{ kind: 'paragraph', runs: [title] }],
            }),
          });
          if (!up.ok) return { result: up, ...none };
        }
      }
      return { result: r, ...none };
    }
    case 'meeting': {
      const r = await preparationMeetings.recordMeeting(ctx, a, run.election(step.position, step.group), {
        kind: step.kind,
        heldOn: step.on,
        startTime: step.startTime,
        endTime: step.endTime ?? null,
        venue: step.venue,
        chairName: step.chair,
        chairPosition: step.chairPosition,
        secretaryName: step.secretary,
        participants: step.participants ?? '',
        convened: step.convened,
        present: step.present,
        absences: step.absences ?? [],
        decisions: step.decisions ?? [],
        votes: step.votes.map((v) => ({
          nominationId: run.ref(v.ref),
          ...(v.agree !== undefined ? { agree: v.agree } : {}),
        })),
      });
      if (!r.ok) return { result: r, ...none };
      run.refs.set(step.ref, r.value.id);
      const doc = await preparationDocuments.issueElectionDocument(
        ctx,
        a,
        run.election(step.position, step.group),
        MINUTES[step.kind] as 'mau-05',
        { meetingId: r.value.id },
      );
      if (!doc.ok) return { result: doc, ...none };
      return { result: r, documents: await run.save(step.on, index, doc.value) };
    }
    case 'officialList':
      return {
        result: await preparationMeetings.fixOfficialList(ctx, a, run.election(step.position, step.group), {
          meetingId: run.ref(step.meeting),
        }),
        ...none,
      };
    case 'step': {
      const targets = step.position ? [run.election(step.position, step.group)] : run.electionsOf(step.group);
      let last: Result<unknown> = { ok: true, value: null };
      for (const id of targets) {
        last = await preparationLifecycle.recordStep(ctx, a, id, {
          to: step.to as ElectionState,
          on: step.on,
          override: step.override ?? null,
        });
        if (!last.ok) break;
      }
      return { result: last, ...none };
    }
    case 'team': {
      let last: Result<unknown> = { ok: true, value: null };
      // Head and deputy elected together (Quảng Trị Điều 13) share one team: without a position the
      // members join every election of the hamlet.
      const targets = step.position ? [run.election(step.position, step.group)] : run.electionsOf(step.group);
      for (const [electionId, m] of targets.flatMap((e) => step.members.map((m) => [e, m] as const))) {
        if (!last.ok) break;
        last = await preparationTeam.addTeamMember(ctx, a, electionId, {
          residentId: run.person(m.person),
          role: m.role,
          represents: m.represents,
          frontHead: m.frontHead ?? false,
        });
      }
      return { result: last, ...none };
    }
    case 'accounts': {
      const r = await preparationTeam.createTeamAccounts(ctx, a, run.election(step.position, step.group));
      // Passwords are never printed in the report.
      return { result: r.ok ? { ok: true, value: r.value.map((x) => x.username) } : r, ...none };
    }
    case 'complaint': {
      const r = await preparationComplaints.fileComplaint(ctx, a, run.election(step.position, step.group), {
        subject: step.subject,
        nominationId: step.candidate ? run.ref(step.candidate) : null,
        complainant: step.complainant,
        content: step.content,
        receivedOn: step.on,
      });
      if (r.ok) run.refs.set(step.ref, r.value.id);
      return { result: r, ...none };
    }
    case 'resolve':
      return {
        result: await preparationComplaints.resolveComplaint(ctx, a, run.ref(step.complaint), {
          status: step.status,
          resolution: step.resolution,
          on: step.on,
        }),
        ...none,
      };
    case 'issue': {
      const r =
        step.form === 'plan' || step.form === 'election-day-decision'
          ? await preparationDocuments.issueRoundDocument(ctx, a, run.roundId!, step.form, { date: step.on })
          : await preparationDocuments.issueElectionDocument(
              ctx,
              a,
              run.election(step.position, step.group),
              step.form as 'notice',
              {
                date: step.on,
                ...(step.meeting ? { meetingId: run.ref(step.meeting) } : {}),
                ...(step.invitee ? { invitee: step.invitee } : {}),
              },
            );
      return { result: r, documents: r.ok ? await run.save(step.on, index, r.value) : [] };
    }
    default:
      // Only the after-the-vote steps reach here, and they returned above.
      return {
        result: {
          ok: false,
          error: { code: 'unknown-step', message: `Bước "${step.do}" không được hỗ trợ.` },
        },
        documents: [],
      };
  }
}

/** Steps after the vote go through the same services as the pages (src/services/office-scenario.ts). */
async function performAfterTheVote(
  run: Run,
  ctx: ServiceContext,
  step: Step,
  index: number,
): Promise<{ result: Result<unknown>; documents: string[] }> {
  const outcome = await officeScenario.performOfficeStep(ctx, run.actor, step as officeScenario.OfficeStep, {
    // A recognition may name the deputy's election (Quảng Trị: refused while the head's awaits it).
    electionId: step.do === 'recognise' ? run.election(step.position, step.group) : run.election('head'),
    hamletId: run.hamletId,
    person: (ref) => run.person(ref as z.infer<typeof personRef>),
    refs: run.refs,
  });
  const documents: string[] = [];
  for (const d of outcome.documents) documents.push(...(await run.save(step.on, index, d)));
  return { result: outcome.result, documents };
}

async function states(run: Run): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [position, id] of run.elections) {
    const e = await run.store.db
      .selectFrom('elections')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirst();
    out[position] = e?.state ?? '';
  }
  return out;
}

const refusalOf = (f: Failure) => ({
  code: f.code,
  message: f.message,
  ...(f.details?.['rule'] ? { rule: f.details['rule'] } : {}),
});

/** Runs a scenario on a fresh in-memory database; `out` receives the documents (null: not written). */
export async function runScenario(scenario: Scenario, out: string | null): Promise<ScenarioReport> {
  const store = openStore({ kind: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(store);
    return await runScenarioOn(store, scenario, out);
  } finally {
    await store.close();
  }
}

/** Runs a scenario on a migrated store the caller owns (tests run it on both engines). */
export async function runScenarioOn(
  store: Store,
  scenario: Scenario,
  out: string | null,
): Promise<ScenarioReport> {
  if (out) mkdirSync(out, { recursive: true });
  {
    const actor: Actor = {
      userId: 'scenario',
      username: 'scenario',
      displayName: 'Kịch bản',
      role: 'communeOfficer',
      scope: { kind: 'commune', id: scenario.communeId },
    };
    const run = new Run(store, scenario, out, actor);
    const steps: StepReport[] = [];
    // The trail before the run (the territory loaded at start) is no step's.
    let seen = await scenarioService.lastEventSeq(store.db);
    const eventsOfStep = async () => {
      const events = await scenarioService.eventsSince(store.db, seen);
      seen = events.at(-1)?.seq ?? seen;
      return events;
    };
    const setup = await setUp(run);
    steps.push({
      index: 0,
      do: 'plan',
      on: scenario.plan.on,
      ok: setup.ok,
      expected: 'ok',
      asExpected: setup.ok,
      states: await states(run),
      refusal: setup.ok ? null : refusalOf(setup.error),
      documents: [],
      events: await eventsOfStep(),
    });
    if (setup.ok) {
      for (const [i, step] of scenario.steps.entries()) {
        let result: Result<unknown>;
        let documents: string[] = [];
        try {
          ({ result, documents } = await perform(run, step, i + 1));
        } catch (e) {
          result = {
            ok: false,
            error: { code: 'scenario-error', message: e instanceof Error ? e.message : String(e) },
          };
        }
        const expected = step.expect?.refused ? 'refused' : 'ok';
        const asExpected =
          expected === 'ok' ? result.ok : !result.ok && result.error.code === step.expect?.refused;
        steps.push({
          index: i + 1,
          do: step.do,
          on: step.on,
          ok: result.ok,
          expected,
          asExpected,
          states: await states(run),
          refusal: result.ok ? null : refusalOf(result.error),
          documents,
          events: await eventsOfStep(),
        });
      }
    }
    // Every row the run wrote must be sealed by the audit event of the step that wrote it.
    const record = await verifyRecord(store.db, store.kind);
    return {
      scenario: scenario.name,
      profile: scenario.profile,
      clean: steps.every((s) => s.asExpected) && record.ok,
      roundId: run.roundId,
      elections: await states(run),
      steps,
      documents: run.documents,
      record: { ok: record.ok, rows: record.rows, problems: record.problems.map((p) => p.message) },
    };
  }
}

export function parseScenario(text: string): Result<Scenario> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: {
        code: 'invalid-json',
        message: `Tệp kịch bản không phải JSON hợp lệ: ${e instanceof Error ? e.message : String(e)}`,
      },
    };
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid-scenario',
        message: `Kịch bản không hợp lệ tại ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      },
    };
  }
  return { ok: true, value: parsed.data };
}

export function registerScenarioCommands(program: Command): void {
  program
    .command('scenario')
    .description(
      'Chạy một kịch bản chuẩn bị bầu cử qua các dịch vụ, ghi văn bản vào thư mục, in báo cáo từng bước',
    )
    .argument('<file>', 'scenario file (JSON, docs/scenarios.md)')
    .option('--out <dir>', 'folder for the documents produced')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { out?: string; json?: boolean }) => {
      const parsed = parseScenario(readFileSync(file, 'utf8'));
      if (!parsed.ok) {
        process.stderr.write(`Lỗi: ${parsed.error.message}\n`);
        process.exitCode = 1;
        return;
      }
      const report = await runScenario(parsed.value, options.out ?? null);
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        for (const s of report.steps) {
          const mark = s.asExpected ? 'ok' : 'SAI';
          process.stdout.write(
            `${mark} ${s.index} ${s.do} ${s.on} ${JSON.stringify(s.states)}${s.refusal ? ` [${s.refusal.code}] ${s.refusal.message}` : ''}${s.documents.length ? ` -> ${s.documents.join(', ')}` : ''}\n`,
          );
          for (const e of s.events.filter((x) => x.override))
            process.stdout.write(
              `   sự kiện ${e.seq} ${e.action}: quá hạn ${e.override!.due ?? ''}, cho phép bởi ${e.override!.authorisedBy}, lý do: ${e.override!.reason}\n`,
            );
        }
        for (const problem of report.record.problems) process.stdout.write(`SAI hồ sơ: ${problem}\n`);
        process.stdout.write(
          report.clean ? 'Kịch bản chạy đúng như mong đợi.\n' : 'Kịch bản có bước không như mong đợi.\n',
        );
      }
      if (!report.clean) process.exitCode = 1;
    });
}
