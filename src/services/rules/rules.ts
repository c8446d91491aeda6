import { getProfile, listProfiles, profileTables } from '../../domain/rules';
import type { ProfileSummary, ProfileTables } from '../../domain/rules';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { failures } from '../common';

/**
 * The rule profiles as officials audit them: every value with its citation and confidence. Open to
 * every signed-in user: the law applied to them is not a secret.
 */
export function profiles(): ProfileSummary[] {
  return listProfiles();
}

export function profileDetail(id: string): Result<ProfileTables> {
  const profile = getProfile(id);
  if (!profile.ok) return err(failures.notFound(`bộ quy tắc "${id}"`));
  return ok(profileTables(profile.value));
}
