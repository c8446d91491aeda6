/**
 * Scenario steps for the hamlet register over time (docs/hamlet-register.md): merge, split, attach,
 * rename, dissolve, establish (with its checklist and interim head), and an as-of check. Additive to
 * the scenario format (docs/scenarios.md): the runner adds `registerStepSchemas` to its step union and
 * hands these steps to `performRegisterStep`, which calls the same services as the web app. Hamlets
 * are named as they are called on the step's day.
 */
import { z } from 'zod';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { ESTABLISHMENT_CHECKLIST } from '../../domain/territory';
import { register as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { startEstablishment, recordItem } from '../register';
import { dissolveHamlet, getAsOf, renameHamlet } from '../register';
import { applyMerge } from '../register';
import { attachCluster, splitHamlet } from '../register';
import { appointInterim } from '../office';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const expectation = z.object({ refused: z.string().min(1).optional() }).optional();
/** The decision: its number; its date and effective date default to the step's day. */
const decision = { decision: z.string(), effectiveOn: date.optional(), issuingBody: z.string().optional() };

export const registerStepSchemas = [
  z.object({
    do: z.literal('mergeHamlets'),
    on: date,
    sources: z.array(z.string()).min(1),
    into: z.string().optional(),
    newName: z.string().optional(),
    newKind: z.string().optional(),
    /** Hamlets whose open election is kept when two have one for the same position. */
    keepElectionOf: z.array(z.string()).optional(),
    ...decision,
    expect: expectation,
  }),
  z.object({
    do: z.literal('splitHamlet'),
    on: date,
    hamlet: z.string(),
    groups: z.array(z.string()).min(1),
    newName: z.string(),
    newKind: z.string(),
    ...decision,
    expect: expectation,
  }),
  z.object({
    do: z.literal('attachCluster'),
    on: date,
    from: z.string(),
    to: z.string(),
    groups: z.array(z.string()).min(1),
    ...decision,
    expect: expectation,
  }),
  z.object({
    do: z.literal('renameHamlet'),
    on: date,
    hamlet: z.string(),
    newName: z.string(),
    ...decision,
    expect: expectation,
  }),
  z.object({
    do: z.literal('dissolveHamlet'),
    on: date,
    hamlet: z.string(),
    ...decision,
    expect: expectation,
  }),
  z.object({
    do: z.literal('establishHamlet'),
    on: date,
    name: z.string(),
    kind: z.string(),
    area: z.enum(['plain', 'mountainBorder', 'island']),
    households: z.number().int(),
    exception: z.string().optional(),
    /** Records every required checklist item on the step's day, then the decision. */
    ...decision,
    interimHead: z.string().optional(),
    expect: expectation,
  }),
  z.object({
    do: z.literal('checkAsOf'),
    on: date,
    date,
    /** Households per hamlet on that date, by the name it had then; the step fails on a difference. */
    households: z.record(z.string(), z.number().int()),
    expect: expectation,
  }),
] as const;

export type RegisterStep = z.infer<(typeof registerStepSchemas)[number]>;
export const REGISTER_STEPS: readonly string[] = registerStepSchemas.map((s) => s.shape.do.value);

interface Names {
  readonly communeId: string;
}

async function hamletId(ctx: ServiceContext, communeId: string, name: string): Promise<Result<string>> {
  const h = (await repo.listAllHamlets(ctx.store.db, communeId)).find(
    (x) => x.name === name && !x.dissolvedOn,
  );
  return h ? ok(h.id) : err({ code: 'not-found', message: `Không có "${name}" trong xã/phường.` });
}

async function groupIds(
  ctx: ServiceContext,
  hamlet: string,
  names: readonly string[],
): Promise<Result<string[]>> {
  const groups = await repo.groupsOf(ctx.store.db, [hamlet]);
  const ids: string[] = [];
  for (const n of names) {
    const g = groups.find((x) => x.name === n);
    if (!g) return err({ code: 'not-found', message: `Không có tổ "${n}".` });
    ids.push(g.id);
  }
  return ok(ids);
}

const decisionOf = (s: { on: string; decision: string; effectiveOn?: string; issuingBody?: string }) => ({
  decisionNumber: s.decision,
  decisionDate: s.on,
  effectiveOn: s.effectiveOn ?? s.on,
  ...(s.issuingBody ? { issuingBody: s.issuingBody } : {}),
});

async function merge(
  ctx: ServiceContext,
  actor: Actor,
  s: Extract<RegisterStep, { do: 'mergeHamlets' }>,
  n: Names,
) {
  const sourceIds: string[] = [];
  for (const name of s.sources) {
    const id = await hamletId(ctx, n.communeId, name);
    if (!id.ok) return id;
    sourceIds.push(id.value);
  }
  const into = s.into ? await hamletId(ctx, n.communeId, s.into) : null;
  if (into && !into.ok) return into;
  const keep: string[] = [];
  for (const name of s.keepElectionOf ?? []) {
    const id = await hamletId(ctx, n.communeId, name);
    if (!id.ok) return id;
    const open = (await repo.electionsOf(ctx.store.db, [id.value])).filter(
      (e) => !['recognised', 'interim'].includes(e.state),
    );
    keep.push(...open.map((e) => e.id));
  }
  return applyMerge(ctx, actor, n.communeId, {
    sourceIds,
    ...(into ? { targetId: into.value } : { newName: s.newName ?? '', newKind: s.newKind ?? '' }),
    keepElectionIds: keep,
    ...decisionOf(s),
  });
}

async function move(
  ctx: ServiceContext,
  actor: Actor,
  s: Extract<RegisterStep, { do: 'splitHamlet' | 'attachCluster' }>,
  n: Names,
) {
  const source = await hamletId(ctx, n.communeId, s.do === 'splitHamlet' ? s.hamlet : s.from);
  if (!source.ok) return source;
  const groups = await groupIds(ctx, source.value, s.groups);
  if (!groups.ok) return groups;
  const base = { sourceId: source.value, groupIds: groups.value, ...decisionOf(s) };
  if (s.do === 'splitHamlet')
    return splitHamlet(ctx, actor, n.communeId, { ...base, newName: s.newName, newKind: s.newKind });
  const target = await hamletId(ctx, n.communeId, s.to);
  if (!target.ok) return target;
  return attachCluster(ctx, actor, n.communeId, { ...base, targetId: target.value });
}

async function establish(
  ctx: ServiceContext,
  actor: Actor,
  s: Extract<RegisterStep, { do: 'establishHamlet' }>,
  n: Names,
) {
  const started = await startEstablishment(ctx, actor, n.communeId, {
    name: s.name,
    kind: s.kind,
    area: s.area,
    households: s.households,
    exception: s.exception ?? null,
  });
  if (!started.ok) return started;
  for (const item of ESTABLISHMENT_CHECKLIST.filter((i) => i.required && i.key !== 'decision')) {
    const r = await recordItem(ctx, actor, started.value.id, {
      key: item.key,
      number: `${item.key}/${s.on}`,
      date: s.on,
    });
    if (!r.ok) return r;
  }
  const decided = await recordItem(ctx, actor, started.value.id, {
    key: 'decision',
    number: s.decision,
    date: s.on,
    effectiveOn: s.effectiveOn ?? s.on,
    ...(s.issuingBody ? { issuingBody: s.issuingBody } : {}),
  });
  if (!decided.ok || !s.interimHead) return decided;
  return appointInterim(ctx, actor, {
    hamletId: decided.value.hamletId!,
    reason: 'vacancy',
    name: s.interimHead,
    on: s.effectiveOn ?? s.on,
  });
}

async function checkAsOf(
  ctx: ServiceContext,
  actor: Actor,
  s: Extract<RegisterStep, { do: 'checkAsOf' }>,
  n: Names,
) {
  const view = await getAsOf(ctx, actor, n.communeId, s.date);
  if (!view.ok) return view;
  const seen = Object.fromEntries(view.value.hamlets.map((h) => [h.name, h.households]));
  const differ = Object.entries(s.households).filter(([name, count]) => seen[name] !== count);
  if (differ.length === 0) return ok(seen);
  return err({
    code: 'as-of-mismatch',
    message: `Ngày ${s.date}: ${differ.map(([name, count]) => `${name} có ${seen[name] ?? 'không tồn tại'} hộ, kịch bản chờ ${count}`).join('; ')}.`,
  });
}

/** Runs one register step through the services the web app calls. */
export async function performRegisterStep(
  ctx: ServiceContext,
  actor: Actor,
  step: RegisterStep,
  names: Names,
): Promise<Result<unknown>> {
  switch (step.do) {
    case 'mergeHamlets':
      return merge(ctx, actor, step, names);
    case 'splitHamlet':
    case 'attachCluster':
      return move(ctx, actor, step, names);
    case 'renameHamlet': {
      const id = await hamletId(ctx, names.communeId, step.hamlet);
      if (!id.ok) return id;
      return renameHamlet(ctx, actor, names.communeId, {
        hamletId: id.value,
        newName: step.newName,
        ...decisionOf(step),
      });
    }
    case 'dissolveHamlet': {
      const id = await hamletId(ctx, names.communeId, step.hamlet);
      if (!id.ok) return id;
      return dissolveHamlet(ctx, actor, names.communeId, { hamletId: id.value, ...decisionOf(step) });
    }
    case 'establishHamlet':
      return establish(ctx, actor, step, names);
    case 'checkAsOf':
      return checkAsOf(ctx, actor, step, names);
  }
}
