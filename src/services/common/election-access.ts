/** An election with its profile and timeline, loaded once the actor's right to read or prepare it is checked. */
import type { CivilDate } from '../../domain/calendar';
import type { Timeline, TimelineEntry } from '../../domain/election';
import { buildTimeline } from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { getProfile } from '../../domain/rules';
import { preparationPlan as planRepo, territory as territoryRepo } from '../../store';
import type { Actor } from './actor';
import type { ServiceContext } from './context';
import { vnToday } from './context';
import { failures } from './failures';
import type { Place } from './permissions';
import { canManageCommune, canRead } from './permissions';

export type PlannedElection = planRepo.PlannedElectionRow;

export interface ElectionContext {
  readonly election: PlannedElection;
  readonly profile: RuleProfile;
  readonly timeline: Timeline;
  readonly place: Place & { hamletId: string };
  readonly canManage: boolean;
}

/** The profile in force on election day, else the profile as shipped. */
export function profileOf(profileId: string, electionDate: CivilDate | null): Result<RuleProfile> {
  const exact = getProfile(profileId, electionDate ?? undefined);
  return exact.ok ? exact : getProfile(profileId);
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
  const commune = await territoryRepo.getCommune(db, election.communeId);
  const place = {
    provinceCode: commune?.provinceCode ?? '',
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
