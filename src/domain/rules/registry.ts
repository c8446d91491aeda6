/**
 * The shipped profiles, versioned by effective date: a profile id may have several versions, and the
 * one in force on a given day is the latest whose period contains that day.
 */
import type { CivilDate } from '../calendar/civil-date';
import type { Failure, Result } from '../result';
import { err, ok } from '../result';
import { kienGiang2024 } from './kien-giang-2024';
import { nd59 } from './nd59-2023';
import { quangTri2016 } from './quang-tri-2016';
import type { RuleProfile } from './schema';
import { ruleProfileSchema } from './schema';
import { tayNinh2019 } from './tay-ninh-2019';

export interface ProfileSummary {
  readonly id: string;
  readonly title: string;
  readonly effectiveFrom: CivilDate;
  readonly effectiveTo: CivilDate | null;
  readonly status: RuleProfile['status'];
}

export interface ProfileRegistry {
  listProfiles(): ProfileSummary[];
  /** Without a date: the latest version. With a date: the version in force on that day. */
  getProfile(id: string, onDate?: CivilDate): Result<RuleProfile>;
  versions(id: string): RuleProfile[];
}

function inForce(p: RuleProfile, day: CivilDate): boolean {
  const { from, to } = p.effective.value;
  return from <= day && (to === null || day <= to);
}

export function createRegistry(profiles: readonly RuleProfile[]): ProfileRegistry {
  for (const p of profiles) {
    const parsed = ruleProfileSchema.safeParse(p);
    if (!parsed.success) throw new Error(`Rule profile ${p.id} is invalid: ${parsed.error.message}`);
  }
  const sorted = [...profiles].sort((a, b) =>
    a.id === b.id ? (a.effective.value.from < b.effective.value.from ? -1 : 1) : a.id < b.id ? -1 : 1,
  );

  const versions = (id: string) => sorted.filter((p) => p.id === id);

  function getProfile(id: string, onDate?: CivilDate): Result<RuleProfile> {
    const all = versions(id);
    if (all.length === 0) {
      const known = [...new Set(sorted.map((p) => p.id))].join(', ');
      return err({
        code: 'unknown-profile',
        field: 'profile',
        message: `Không có bộ quy tắc "${id}". Các bộ quy tắc: ${known}.`,
      });
    }
    const candidates = onDate === undefined ? all : all.filter((p) => inForce(p, onDate));
    const chosen = candidates[candidates.length - 1];
    if (!chosen) {
      return err({
        code: 'profile-not-in-force',
        field: 'date',
        message: `Bộ quy tắc "${id}" chưa có hiệu lực hoặc đã hết hiệu lực vào ngày ${onDate ?? ''}.`,
      });
    }
    return ok(chosen);
  }

  function listProfiles(): ProfileSummary[] {
    return sorted.map((p) => ({
      id: p.id,
      title: p.title,
      effectiveFrom: p.effective.value.from,
      effectiveTo: p.effective.value.to,
      status: p.status,
    }));
  }

  return { listProfiles, getProfile, versions };
}

export const SHIPPED_PROFILES: readonly RuleProfile[] = [nd59, quangTri2016, tayNinh2019, kienGiang2024];

const registry = createRegistry(SHIPPED_PROFILES);

export const listProfiles = (): ProfileSummary[] => registry.listProfiles();
export const getProfile = (id: string, onDate?: CivilDate): Result<RuleProfile> =>
  registry.getProfile(id, onDate);

/**
 * A decision applies a rule, so it cannot be dated before that rule came into force (a typing slip
 * such as 0001-01-01, or a date from before the regulation). Undefined when the date is possible.
 */
export function decisionBeforeRule(p: RuleProfile, on: CivilDate, field = 'on'): Failure | undefined {
  const from = p.effective.value.from;
  if (on >= from) return undefined;
  const vi = (d: string) => d.split('-').reverse().join('/');
  return {
    code: 'profile-not-in-force',
    field,
    message: `Ngày ${vi(on)} trước ngày ${p.title} có hiệu lực (${vi(from)}): quyết định theo quy định này không thể mang ngày đó. Hãy kiểm tra lại ngày.`,
  };
}
