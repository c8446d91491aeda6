/** Loading an election for polling-day work: its profile, its place, and whether the actor may write. */
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { preparationPlan as planRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { failures } from '../common';
import type { Place } from '../common';
import { canRead, canWritePolling, placeOfHamlet } from '../common';
import { profileOf } from '../common';
import { vnToday } from '../common';

export interface PollingElection {
  readonly election: planRepo.PlannedElectionRow;
  readonly profile: RuleProfile;
  readonly place: Place & { hamletId: string };
  readonly canWrite: boolean;
}

export async function loadPollingElection(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  mode: 'read' | 'write',
): Promise<Result<PollingElection>> {
  const db = ctx.store.db;
  const election = await planRepo.getPlannedElection(db, electionId);
  if (!election) return err(failures.notFound('cuộc bầu cử này'));
  const place = await placeOfHamlet(db, election.hamletId);
  if (!place) return err(failures.notFound('thôn, tổ dân phố của cuộc bầu cử'));
  if (!(await canRead(db, actor, place))) return err(failures.forbidden('xem cuộc bầu cử này'));
  const canWrite = canWritePolling(actor, place, electionId);
  if (mode === 'write' && !canWrite)
    return err(failures.forbidden('ghi số liệu bỏ phiếu, kiểm phiếu của cuộc bầu cử này'));
  const profile = profileOf(election.profileId, election.electionDate ?? vnToday(ctx));
  if (!profile.ok) return profile;
  return ok({ election, profile: profile.value, place: { ...place, hamletId: election.hamletId }, canWrite });
}
