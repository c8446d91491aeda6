/**
 * A household with its members and its representative (đại diện hộ gia đình), chosen per household.
 * The default is the head when the head qualifies; the profile's rules (DOMAIN.md row 3) are checked
 * and explained: full civil-act capacity, the minimum age if the profile sets one, and the members'
 * nomination when nobody in the household qualifies.
 */
import { seesPersonalIds, vnToday, withoutPersonalIds } from '../common';
import { ageOn } from '../../domain/calendar/civil-date';
import { checkHouseholdRepresentatives } from '../../domain/election';
import type { Refusal } from '../../domain/election';
import { formatCitation, getProfile } from '../../domain/rules';
import type { RuleProfile } from '../../domain/rules';
import { legalCapacityOn, normalizeText } from '../../domain/people';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { elections as electionsRepo, residents as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { hamletForRead, hamletForWrite } from './access';

/** The profile that governs the hamlet's people: its latest election's, or the national law's. */
export async function profileForHamlet(db: Db, hamletId: string, onDate: string): Promise<RuleProfile> {
  const latest = (await electionsRepo.listElections(db, [hamletId]))[0];
  const id = latest?.profileId ?? 'nd59-2023';
  const exact = getProfile(id, latest?.electionDate ?? onDate);
  const any = exact.ok ? exact : getProfile(id);
  if (any.ok) return any.value;
  const national = getProfile('nd59-2023');
  if (!national.ok) throw new Error(national.error.message);
  return national.value;
}

export interface MemberView extends repo.ResidentRecord {
  readonly age: number;
  readonly qualifies: boolean;
  /** Why this member cannot represent the household on their own, with the rule cited. */
  readonly reasons: string[];
}

export interface RepresentativeView {
  readonly residentId: string | null;
  readonly source: 'chosen' | 'defaultHead' | 'none';
  readonly reason: string | null;
  readonly nominatedByMembers: boolean;
  readonly verdict: { eligible: boolean; messages: string[] };
  /** Plain explanation of the rule (profile value and citation). */
  readonly rule: string;
}

export interface HouseholdDetail {
  readonly household: repo.HouseholdRecord;
  readonly members: MemberView[];
  readonly representative: RepresentativeView;
  readonly profileId: string;
  readonly canManage: boolean;
}

function ruleText(profile: RuleProfile): string {
  const p = profile.householdRepresentative;
  const v = p.value;
  const parts = [`Mỗi hộ ${v.perHousehold} người đại diện`];
  if (v.requiresFullLegalCapacity)
    parts.push(
      `có năng lực hành vi dân sự đầy đủ (từ đủ ${profile.civilMajorityAge.value} tuổi, ${formatCitation(profile.civilMajorityAge.citation)}; không bị Tòa án tuyên hạn chế hoặc mất năng lực)`,
    );
  if (v.minAge !== null) parts.push(`từ ${v.minAge} tuổi trở lên`);
  if (v.fallbackNominated)
    parts.push('nếu hộ không có ai như vậy thì là người được các thành viên đề cử hoặc ủy nhiệm');
  return `${parts.join('; ')} (${formatCitation(p.citation)}).`;
}

function judge(
  profile: RuleProfile,
  members: readonly repo.ResidentRecord[],
  householdId: string,
  candidateId: string | null,
  nominated: boolean,
  onDate: string,
): { eligible: boolean; refusals: Refusal[] } {
  const active = members.filter((m) => m.status === 'active');
  const anyFull = active.some((m) => legalCapacityOn(profile, m, onDate) === 'full');
  const candidate = active.find((m) => m.id === candidateId);
  const verdicts = checkHouseholdRepresentatives(
    profile,
    [{ householdId, anyMemberWithFullCapacity: anyFull }],
    candidate
      ? [
          {
            personId: candidate.id,
            householdId,
            birthDate: candidate.birthDate,
            legalCapacity: legalCapacityOn(profile, candidate, onDate),
            nominatedByMembers: nominated,
          },
        ]
      : [],
    onDate,
  );
  const v = verdicts.get(householdId) ?? { eligible: false, refusals: [] };
  return { eligible: v.eligible && candidate !== undefined, refusals: v.refusals };
}

export async function householdDetail(
  db: Db,
  householdId: string,
  today: string,
): Promise<Omit<HouseholdDetail, 'canManage'> | undefined> {
  const household = await repo.getHousehold(db, householdId);
  if (!household) return undefined;
  const profile = await profileForHamlet(db, household.hamletId, today);
  const all = await repo.listHouseholdMembers(db, householdId);
  const members = all.map((m) => {
    const single = judge(profile, all, householdId, m.id, false, today);
    return {
      ...m,
      age: ageOn(m.birthDate, today),
      qualifies: m.status === 'active' && single.eligible,
      reasons: m.status === 'active' ? single.refusals.map((r) => r.message) : ['Không còn cư trú trong hộ.'],
    };
  });
  const chosen = (await repo.getRepresentatives(db, [householdId])).get(householdId);
  const head = members.find((m) => m.relation === 'head' && m.status === 'active');
  let representative: RepresentativeView;
  const rule = ruleText(profile);
  if (chosen) {
    const v = judge(profile, all, householdId, chosen.residentId, chosen.nominatedByMembers, today);
    representative = {
      residentId: chosen.residentId,
      source: 'chosen',
      reason: chosen.reason,
      nominatedByMembers: chosen.nominatedByMembers,
      verdict: { eligible: v.eligible, messages: v.refusals.map((r) => r.message) },
      rule,
    };
  } else if (head?.qualifies) {
    representative = {
      residentId: head.id,
      source: 'defaultHead',
      reason: null,
      nominatedByMembers: false,
      verdict: { eligible: true, messages: [] },
      rule,
    };
  } else {
    const messages = head
      ? [`Chủ hộ ${head.fullName} không đủ điều kiện: ${head.reasons.join(' ')}`]
      : ['Hộ chưa có chủ hộ đang cư trú.'];
    if (!members.some((m) => m.qualifies))
      messages.push(
        profile.householdRepresentative.value.fallbackNominated
          ? 'Không thành viên nào đủ điều kiện: hãy chọn người được các thành viên trong hộ đề cử hoặc ủy nhiệm.'
          : 'Không thành viên nào đủ điều kiện đại diện hộ theo quy định.',
      );
    else messages.push('Hãy chọn một thành viên đủ điều kiện làm đại diện hộ.');
    representative = {
      residentId: null,
      source: 'none',
      reason: null,
      nominatedByMembers: false,
      verdict: { eligible: false, messages },
      rule,
    };
  }
  return { household, members, representative, profileId: profile.id };
}

export async function getHousehold(
  ctx: ServiceContext,
  actor: Actor,
  householdId: string,
): Promise<Result<HouseholdDetail>> {
  const db = ctx.store.db;
  const h = await repo.getHousehold(db, householdId);
  if (!h) return err(failures.notFound('hộ gia đình này'));
  const read = await hamletForRead(db, actor, h.hamletId, 'xem hộ gia đình này');
  if (!read.ok) return read;
  const detail = await householdDetail(db, householdId, vnToday(ctx));
  if (!detail) return err(failures.notFound('hộ gia đình này'));
  const write = await hamletForWrite(db, actor, h.hamletId, '');
  const view = { ...detail, canManage: write.ok };
  return ok(seesPersonalIds(actor) ? view : withoutPersonalIds(view));
}

/**
 * Chooses the household's representative. Someone other than the head needs a reason; someone without
 * full capacity is accepted only as the members' nominee when the profile allows it and nobody qualifies.
 */
export async function chooseRepresentative(
  ctx: ServiceContext,
  actor: Actor,
  householdId: string,
  input: { residentId: string; reason?: string; nominatedByMembers?: boolean },
): Promise<Result<RepresentativeView>> {
  const db = ctx.store.db;
  const h = await repo.getHousehold(db, householdId);
  if (!h) return err(failures.notFound('hộ gia đình này'));
  const write = await hamletForWrite(db, actor, h.hamletId, 'chọn đại diện hộ gia đình này');
  if (!write.ok) return write;
  const today = vnToday(ctx);
  const profile = await profileForHamlet(db, h.hamletId, today);
  const members = await repo.listHouseholdMembers(db, householdId);
  const person = members.find((m) => m.id === input.residentId && m.status === 'active');
  if (!person)
    return err(failures.invalid('residentId', 'Người được chọn không phải thành viên đang cư trú của hộ.'));
  const reason = normalizeText(input.reason ?? '') || null;
  if (person.relation !== 'head' && reason === null)
    return err(
      failures.invalid(
        'reason',
        'Người đại diện không phải chủ hộ: hãy ghi lý do (ví dụ: chủ hộ đi làm ăn xa, các thành viên thống nhất cử).',
      ),
    );
  const nominated = input.nominatedByMembers === true;
  const v = judge(profile, members, householdId, person.id, nominated, today);
  if (!v.eligible) {
    const first = v.refusals[0];
    return err({
      code: 'rule-refused',
      field: 'residentId',
      message: `${person.fullName} không thể làm đại diện hộ: ${v.refusals.map((r) => r.message).join(' ')}`,
      details: first ? { rule: first.rule, citation: first.citation } : {},
    });
  }
  const at = ctx.now().toISOString();
  const choice = { householdId, residentId: person.id, reason, nominatedByMembers: nominated };
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.setRepresentative(trx, { ...choice, userId: actor.userId, at });
    return {
      value: undefined,
      audit: { action: 'household.representative', entity: 'household', entityId: householdId, data: choice },
    };
  });
  return ok({
    residentId: person.id,
    source: 'chosen',
    reason,
    nominatedByMembers: nominated,
    verdict: { eligible: true, messages: [] },
    rule: ruleText(profile),
  });
}
