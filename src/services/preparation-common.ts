/** What the preparation services share: today's civil date in Vietnam, the election and its profile, access. */
import type { CivilDate } from '../domain/calendar';
import { addDays, weekdayOf } from '../domain/calendar';
import type { Timeline, TimelineEntry } from '../domain/election';
import { buildTimeline } from '../domain/election';
import { err, ok } from '../domain/result';
import type { Failure, Result } from '../domain/result';
import type { RuleProfile } from '../domain/rules';
import { formatCitation, getProfile } from '../domain/rules';
import { preparationPlan as planRepo } from '../store';
import type { Db } from '../store';
import type { Actor } from './actor';
import type { ServiceContext } from './context';
import { failures } from './failures';
import type { Place } from './permissions';
import { canManageCommune, canRead } from './permissions';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today in Vietnam (UTC+7, no daylight saving), whatever the server's time zone. */
export function vnToday(ctx: ServiceContext): CivilDate {
  return new Date(ctx.now().getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Monday to Sunday of the week containing `day`. */
export function weekOf(day: CivilDate): { from: CivilDate; to: CivilDate } {
  const back = (weekdayOf(day) + 6) % 7;
  const from = addDays(day, -back);
  return { from, to: addDays(from, 6) };
}

export type PlannedElection = planRepo.PlannedElectionRow;

export interface ElectionContext {
  readonly election: PlannedElection;
  readonly profile: RuleProfile;
  readonly timeline: Timeline;
  readonly place: Place & { hamletId: string };
  readonly canManage: boolean;
}

export function profileOf(profileId: string, electionDate: CivilDate | null): Result<RuleProfile> {
  const exact = getProfile(profileId, electionDate ?? undefined);
  return exact.ok ? exact : getProfile(profileId);
}

async function provinceOf(db: Db, communeId: string): Promise<string | undefined> {
  const c = await db
    .selectFrom('communes')
    .select('province_code')
    .where('id', '=', communeId)
    .executeTakeFirst();
  return c?.province_code;
}

/** Loads an election with its profile and timeline, checking that the actor may read (or write) it. */
export async function loadElection(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  mode: 'read' | 'write',
): Promise<Result<ElectionContext>> {
  const db = ctx.store.db;
  const election = await planRepo.getPlannedElection(db, electionId);
  if (!election) return err(failures.notFound('cuộc bầu cử này'));
  const provinceCode = await provinceOf(db, election.communeId);
  const place = {
    provinceCode: provinceCode ?? '',
    communeId: election.communeId,
    hamletId: election.hamletId,
  };
  if (!(await canRead(db, actor, place))) return err(failures.forbidden('xem cuộc bầu cử này'));
  const canManage = canManageCommune(actor, place);
  if (mode === 'write' && !canManage) return err(failures.forbidden('chuẩn bị cuộc bầu cử này'));
  if (!election.electionDate) {
    return err(failures.invalid('electionDate', 'Cuộc bầu cử chưa có ngày bầu cử; hãy lập kế hoạch trước.'));
  }
  const profile = profileOf(election.profileId, election.electionDate);
  if (!profile.ok) return profile;
  const timeline = buildTimeline(profile.value, election.electionDate, { today: vnToday(ctx) });
  return ok({ election, profile: profile.value, timeline, place, canManage });
}

export function stepOf(timeline: Timeline, id: string): TimelineEntry | undefined {
  return timeline.steps.find((s) => s.id === id);
}

/** A refusal that names the rule and its citation, in the shape the HTTP layer and the CLI report. */
export function ruleFailure(
  code: string,
  rule: string,
  citation: { source: string; article: string; clause?: string },
  message: string,
  field?: string,
): Failure {
  return {
    code,
    message,
    ...(field ? { field } : {}),
    details: { rule, citation: formatCitation(citation) },
  };
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const isCivil = (s: unknown): s is string =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export const isTime = (s: unknown): s is string =>
  typeof s === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
