/**
 * Building the voter roll of one election from the hamlet's residents: the electorate (all voters, or
 * one representative per household, as the profile or the commune chair's decision says), each person's
 * eligibility on election day with the rule and article of every exclusion, the Vietnamese name order
 * within residents' groups, and numbers running through the whole roll. Excluded people are kept for
 * the officers and never printed on the posted roll.
 */
import type * as contract from '../../contract/roll';
import { randomUUID } from 'node:crypto';
import { addDays } from '../../domain/calendar';
import type { CivilDate } from '../../domain/calendar';
import { checkHouseholdRepresentatives, checkVoter } from '../../domain/election';
import type { Refusal, TimelineEntry } from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile, VoterExclusion } from '../../domain/rules';
import { CONFIDENCE_VI, formatCitation } from '../../domain/rules';
import { legalCapacityOn, normalizeText } from '../../domain/people';
import { preparationPlan as planRepo, residents as residentsRepo, rolls as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { ElectionContext } from '../common';
import { loadElection, stepOf } from '../common';
import { parseJson } from '../common';
import { ruleFailure } from '../common';
import { vnToday } from '../common';
import type { ElectorateDecision, RollElectorate, RollEntryView, RollReason } from './common';
import { ELECTORATE_LABELS, compareGroups, compareRollPeople, entryView, reasonOf } from './common';

type Resident = residentsRepo.ResidentRecord;
type Representative = residentsRepo.RepresentativeChoice;

/** One person the build decided about, before numbering. */
export interface RollCandidate {
  readonly residentId: string;
  readonly householdId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly address: string;
  readonly residentGroup: string | null;
  readonly reasons: RollReason[];
}

export interface ComputedRoll {
  /** Listed, in roll order, numbered from 1. */
  readonly listed: (RollCandidate & { rollNumber: number })[];
  readonly excluded: RollCandidate[];
}

function voterRefusals(profile: RuleProfile, r: Resident, electionDate: CivilDate): Refusal[] {
  const exclusions: VoterExclusion[] = r.legalCapacity === 'none' ? ['lostLegalCapacity'] : [];
  return checkVoter(
    profile,
    { birthDate: r.birthDate, permanentResidenceInHamlet: r.residence === 'permanent', exclusions },
    electionDate,
  ).refusals;
}

const candidateOf = (r: Resident, reasons: RollReason[]): RollCandidate => ({
  residentId: r.id,
  householdId: r.householdId,
  fullName: r.fullName,
  birthDate: r.birthDate,
  sex: r.sex,
  address: r.address,
  residentGroup: r.residentGroup,
  reasons,
});

/**
 * The household's representative on election day: the one chosen for the household, else the head
 * (the default), judged by the profile's representative rule and the voter rule.
 */
function representativeOf(
  profile: RuleProfile,
  members: readonly Resident[],
  chosen: Representative | undefined,
  electionDate: CivilDate,
): RollCandidate {
  const byAge = [...members].sort((a, b) => (a.birthDate < b.birthDate ? -1 : 1));
  const picked = chosen ? members.find((m) => m.id === chosen.residentId) : undefined;
  const head = members.find((m) => m.relation === 'head');
  const oldest = byAge[0];
  if (!oldest) throw new Error('representativeOf: a household without active members');
  const person = picked ?? head ?? oldest;
  const householdId = person.householdId;
  const verdict = checkHouseholdRepresentatives(
    profile,
    [
      {
        householdId,
        anyMemberWithFullCapacity: members.some((m) => legalCapacityOn(profile, m, electionDate) === 'full'),
      },
    ],
    [
      {
        personId: person.id,
        householdId,
        birthDate: person.birthDate,
        legalCapacity: legalCapacityOn(profile, person, electionDate),
        nominatedByMembers: picked ? chosen?.nominatedByMembers === true : false,
      },
    ],
    electionDate,
  ).get(householdId);
  const refusals = [...(verdict?.refusals ?? []), ...voterRefusals(profile, person, electionDate)];
  const reasons = refusals.map(reasonOf);
  const p = profile.householdRepresentative;
  const cite = formatCitation(p.citation);
  if (!picked && !head) {
    reasons.push({
      code: 'household-no-head',
      rule: 'householdRepresentative',
      citation: cite,
      message: `Hộ chưa có chủ hộ đang cư trú và chưa chọn người đại diện hộ (${cite}).`,
    });
  } else if (!picked && reasons.length > 0) {
    reasons.push({
      code: 'household-choose-representative',
      rule: 'householdRepresentative',
      citation: cite,
      message: `Chủ hộ không đủ điều kiện đại diện hộ: hãy chọn người đại diện khác của hộ (${cite}).`,
    });
  }
  return candidateOf(person, reasons);
}

/**
 * The residents an election's roll is drawn from: the hamlet's, or for a residents' self-managed
 * group only its households' (seed 001 mục II.1.7: citizens take part where they reside; the group
 * elects its own Tổ trưởng, Tổ phó and Thư ký).
 */
export function ofElection<R extends { readonly residentGroupId: string | null }>(
  ec: Pick<ElectionContext, 'election'>,
  residents: readonly R[],
): R[] {
  const group = ec.election.residentGroupId;
  return group === null ? [...residents] : residents.filter((r) => r.residentGroupId === group);
}

/** Pure: who is listed and who is excluded, in roll order, numbered. */
export function computeRoll(
  profile: RuleProfile,
  electorate: RollElectorate,
  residents: readonly Resident[],
  representatives: ReadonlyMap<string, Representative>,
  electionDate: CivilDate,
): ComputedRoll {
  const active = residents.filter((r) => r.status === 'active');
  let decided: RollCandidate[];
  if (electorate === 'allVoters') {
    decided = active.map((r) => candidateOf(r, voterRefusals(profile, r, electionDate).map(reasonOf)));
  } else {
    const households = new Map<string, Resident[]>();
    for (const r of active) households.set(r.householdId, [...(households.get(r.householdId) ?? []), r]);
    decided = [...households.entries()].map(([id, members]) =>
      representativeOf(profile, members, representatives.get(id), electionDate),
    );
  }
  decided.sort(compareRollPeople);
  const listed = decided.filter((c) => c.reasons.length === 0).map((c, i) => ({ ...c, rollNumber: i + 1 }));
  return { listed, excluded: decided.filter((c) => c.reasons.length > 0) };
}

export type BuildInput = contract.BuildInput;

function isRollElectorate(s: unknown): s is RollElectorate {
  return s === 'allVoters' || s === 'householdRepresentatives';
}

const AUTHORITY_VI: Readonly<Record<string, string>> = {
  chair: 'Chủ tịch UBND cấp xã',
  peoplesCommittee: 'UBND cấp xã',
};

/** The electorate of the roll and how it was settled; a refusal names the rule when it cannot be. */
export async function settleElectorate(
  db: Db,
  ec: ElectionContext,
  input: BuildInput,
): Promise<Result<{ electorate: RollElectorate; decision: ElectorateDecision }>> {
  const p = ec.profile.electorate;
  const cite = formatCitation(p.citation);
  if (input.electorate !== undefined && !isRollElectorate(input.electorate))
    return err(failures.invalid('electorate', 'Thành phần cử tri không hợp lệ.'));
  if (p.value !== 'allVotersOrHouseholdRepresentatives') {
    if (input.electorate && input.electorate !== p.value) {
      return err(
        ruleFailure(
          'electorate-fixed',
          'electorate',
          p.citation,
          `Bộ quy tắc ${ec.profile.id} quy định thành phần cử tri là "${ELECTORATE_LABELS[p.value]}" (${cite}); không thể chọn khác.`,
          'electorate',
        ),
      );
    }
    return ok({
      electorate: p.value,
      decision: { source: 'profile', decidedBy: null, citation: cite, reference: null },
    });
  }
  const by = ec.profile.electorateDecidedBy;
  const byCite = formatCitation(by.citation);
  const who = AUTHORITY_VI[by.value ?? 'chair'] ?? 'Chủ tịch UBND cấp xã';
  if (input.electorate) {
    const reference = normalizeText(input.decisionReference ?? '');
    if (reference === '') {
      return err(
        failures.invalid(
          'decisionReference',
          `Thành phần cử tri do ${who} quyết định (${byCite}): hãy ghi số, ngày của quyết định.`,
        ),
      );
    }
    return ok({
      electorate: input.electorate,
      decision: { source: 'decision', decidedBy: by.value, citation: byCite, reference },
    });
  }
  const round = ec.election.roundId ? await planRepo.getRound(db, ec.election.roundId) : undefined;
  if (round && isRollElectorate(round.electorate)) {
    return ok({
      electorate: round.electorate,
      decision: {
        source: 'round',
        decidedBy: by.value,
        citation: byCite,
        reference: `Kế hoạch tổ chức bầu cử nhiệm kỳ ${round.term_label} ngày ${round.plan_date.split('-').reverse().join('/')}`,
      },
    });
  }
  return err(
    ruleFailure(
      'electorate-undecided',
      'electorateDecidedBy',
      by.citation,
      `Bộ quy tắc ${ec.profile.id} để ${who} chọn toàn thể cử tri hoặc cử tri đại diện hộ gia đình (${byCite}): hãy chọn thành phần cử tri và ghi số, ngày quyết định.`,
      'electorate',
    ),
  );
}

/**
 * Builds (or rebuilds) the draft roll. Refused once the roll is posted: from then on every change is
 * an amendment with its reason and approver.
 */
export async function buildRoll(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: BuildInput = {},
): Promise<Result<RollView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  const existing = await repo.getRollOfElection(db, electionId);
  if (existing && existing.state === 'posted') {
    return err(
      failures.conflict(
        'state',
        'Danh sách cử tri đã niêm yết nên không lập lại được; mọi thay đổi phải là sửa đổi, bổ sung có lý do và người phê duyệt.',
      ),
    );
  }
  const settled = await settleElectorate(db, ec, input);
  if (!settled.ok) return settled;
  const { electorate, decision } = settled.value;
  const electionDate = ec.election.electionDate as CivilDate;
  const residents = ofElection(ec, await residentsRepo.listHamletResidents(db, ec.election.hamletId));
  const reps = await residentsRepo.getRepresentatives(db, [...new Set(residents.map((r) => r.householdId))]);
  const computed = computeRoll(ec.profile, electorate, residents, reps, electionDate);
  const rollId = existing?.id ?? randomUUID();
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (trx) => {
    const fields = {
      electorate,
      reference_date: electionDate,
      state: 'draft',
      built_at: at,
      built_by: actor.userId,
      profile_id: ec.profile.id,
      electorate_decision: JSON.stringify(decision),
    };
    if (existing) {
      await repo.deleteEntries(trx, rollId);
      await repo.updateRoll(trx, rollId, fields);
    } else {
      await repo.insertRoll(trx, {
        id: rollId,
        election_id: electionId,
        hamlet_id: ec.election.hamletId,
        ...fields,
      });
    }
    const row = (c: RollCandidate, rollNumber: number | null, status: string) => ({
      id: randomUUID(),
      roll_id: rollId,
      roll_number: rollNumber,
      resident_id: c.residentId,
      household_id: c.householdId,
      full_name: c.fullName,
      birth_date: c.birthDate,
      sex: c.sex,
      address: c.address,
      resident_group: c.residentGroup,
      status,
      reasons: JSON.stringify(c.reasons),
      amendment_id: null,
    });
    await repo.insertEntries(trx, [
      ...computed.listed.map((c) => row(c, c.rollNumber, 'listed')),
      ...computed.excluded.map((c) => row(c, null, 'excluded')),
    ]);
    return {
      value: undefined,
      audit: {
        action: existing ? 'roll.rebuild' : 'roll.build',
        entity: 'election',
        entityId: electionId,
        data: { electorate, decision, listed: computed.listed.length, excluded: computed.excluded.length },
      },
    };
  });
  return getRoll(ctx, actor, electionId);
}

// ---------------------------------------------------------------- reading

export interface RollCounts {
  readonly registered: number;
  readonly byGroup: { readonly group: string | null; readonly registered: number }[];
}

export interface AmendmentView {
  readonly seq: number;
  readonly kind: 'add' | 'remove' | 'correct';
  readonly residentId: string;
  readonly rollNumber: number | null;
  readonly fullName: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly effectiveOn: string;
  readonly chairOverride: { chairName: string; reason: string } | null;
  readonly changes: Record<string, { from: string; to: string }> | null;
  readonly at: string;
}

export interface Cutoff {
  readonly stepId: string;
  readonly title: string;
  /** The last day an amendment is accepted without the chair's override. */
  readonly lastDay: CivilDate;
  readonly citation: string;
  readonly passed: boolean;
}

export interface RollView {
  readonly electionId: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly electionDate: string;
  readonly electionState: string;
  readonly profileId: string;
  readonly termLabel: string;
  readonly position: string;
  /** What the build form offers: a fixed electorate, or the chair's choice. */
  readonly electorateRule: {
    readonly fixed: RollElectorate | null;
    readonly decidedBy: string | null;
    readonly citation: string;
  };
  readonly roll: {
    readonly id: string;
    readonly electorate: RollElectorate;
    readonly electorateLabel: string;
    readonly decision: ElectorateDecision | null;
    readonly referenceDate: string;
    readonly state: 'draft' | 'posted';
    readonly builtAt: string;
  } | null;
  readonly groups: { readonly name: string | null; readonly entries: RollEntryView[] }[];
  readonly excluded: RollEntryView[];
  readonly removed: RollEntryView[];
  readonly counts: RollCounts;
  readonly residence: {
    readonly required: boolean;
    readonly citation: string;
    readonly confidence: string;
    readonly assumed: number;
  };
  readonly snapshots: {
    readonly number: number;
    readonly kind: string;
    readonly postedOn: string;
    readonly registered: number;
    readonly amendmentSeq: number | null;
  }[];
  readonly amendments: AmendmentView[];
  readonly cutoff: Cutoff;
  readonly canManage: boolean;
}

/**
 * The last day the posted roll may be amended without the chair's override: the profile's
 * 'amend-lists' step ("chậm nhất 24 giờ trước ngày bầu cử" = the day before), or, when the profile has
 * no such step, the day before the 'election' step.
 */
export function cutoffOf(ec: Pick<ElectionContext, 'timeline'>, today: CivilDate): Cutoff {
  const amend = stepOf(ec.timeline, 'amend-lists');
  if (amend) return cutoff(amend, amend.due, today);
  const election = stepOf(ec.timeline, 'election') as TimelineEntry;
  return cutoff(election, addDays(election.due, -1), today);
}

function cutoff(step: TimelineEntry, lastDay: CivilDate, today: CivilDate): Cutoff {
  return {
    stepId: step.id,
    title: step.title,
    lastDay,
    citation: formatCitation(step.citation),
    passed: today > lastDay,
  };
}

export function amendmentView(a: repo.AmendmentRow): AmendmentView {
  const data = parseJson<{ fullName?: string; changes?: AmendmentView['changes'] }>(a.data, {});
  return {
    seq: a.seq,
    kind: a.kind as AmendmentView['kind'],
    residentId: a.resident_id,
    rollNumber: a.roll_number,
    fullName: data.fullName ?? '',
    reason: a.reason,
    approvedBy: a.approved_by,
    effectiveOn: a.effective_on,
    chairOverride: parseJson<AmendmentView['chairOverride']>(a.chair_override, null),
    changes: data.changes ?? null,
    at: a.at,
  };
}

/** Registered voters, total and per residents' group, from the listed entries (counts follow amendments). */
export async function countsOf(db: Db, rollId: string): Promise<RollCounts> {
  const rows = await repo.countListed(db, rollId);
  rows.sort((a, b) => compareGroups(a.group, b.group));
  return {
    registered: rows.reduce((s, r) => s + r.n, 0),
    byGroup: rows.map((r) => ({ group: r.group, registered: r.n })),
  };
}

export async function rollViewOf(ctx: ServiceContext, ec: ElectionContext): Promise<RollView> {
  const db = ctx.store.db;
  const row = await repo.getRollOfElection(db, ec.election.id);
  const electorateParam = ec.profile.electorate;
  const fixed =
    electorateParam.value === 'allVotersOrHouseholdRepresentatives' ? null : electorateParam.value;
  const base = {
    electionId: ec.election.id,
    hamletId: ec.election.hamletId,
    hamletName: ec.election.hamletName,
    electionDate: ec.election.electionDate as string,
    electionState: ec.election.state,
    profileId: ec.profile.id,
    termLabel: ec.election.termLabel,
    position: ec.election.position,
    electorateRule: {
      fixed,
      decidedBy: fixed ? null : ec.profile.electorateDecidedBy.value,
      citation: formatCitation(fixed ? electorateParam.citation : ec.profile.electorateDecidedBy.citation),
    },
    cutoff: cutoffOf(ec, vnToday(ctx)),
    canManage: ec.canManage,
  };
  const residence = {
    required: ec.profile.voter.value.permanentResidence,
    citation: formatCitation(ec.profile.voter.citation),
    confidence: CONFIDENCE_VI[ec.profile.voter.confidence],
    assumed: 0,
  };
  if (!row) {
    return {
      ...base,
      roll: null,
      groups: [],
      excluded: [],
      removed: [],
      counts: { registered: 0, byGroup: [] },
      snapshots: [],
      amendments: [],
      residence,
    };
  }
  const amendments = await repo.listAmendments(db, row.id);
  const seqs = new Map(amendments.map((a) => [a.id, a.seq]));
  const assumed = await residentsRepo.residenceAssumedIn(db, ec.election.hamletId);
  const entries = (await repo.listEntries(db, row.id)).map((e) => entryView(e, seqs, assumed));
  const byPerson = (a: RollEntryView, b: RollEntryView) => compareRollPeople(a, b);
  const listed = entries.filter((e) => e.status === 'listed').sort(byPerson);
  const groups: RollView['groups'] = [];
  for (const e of listed) {
    const last = groups[groups.length - 1];
    if (last && last.name === e.residentGroup) last.entries.push(e);
    else groups.push({ name: e.residentGroup, entries: [e] });
  }
  const electorate = row.electorate as RollElectorate;
  return {
    ...base,
    roll: {
      id: row.id,
      electorate,
      electorateLabel: ELECTORATE_LABELS[electorate],
      decision: parseJson<ElectorateDecision | null>(row.electorate_decision, null),
      referenceDate: row.reference_date,
      state: row.state as 'draft' | 'posted',
      builtAt: row.built_at,
    },
    groups,
    excluded: entries.filter((e) => e.status === 'excluded').sort(byPerson),
    removed: entries.filter((e) => e.status === 'removed').sort(byPerson),
    counts: await countsOf(db, row.id),
    residence: { ...residence, assumed: entries.filter((e) => e.residenceAssumed).length },
    snapshots: (await repo.listSnapshots(db, row.id)).map((s) => ({
      number: s.number,
      kind: s.kind,
      postedOn: s.posted_on,
      registered: s.registered,
      amendmentSeq: s.amendment_seq,
    })),
    amendments: amendments.map(amendmentView),
  };
}

/** The roll of an election as officers see it (with the excluded people and their reasons). */
export async function getRoll(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<RollView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  return ok(await rollViewOf(ctx, loaded.value));
}

/** Registered voters of the roll in force (total and per group), for anyone who may read the election. */
export async function rollCounts(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<RollCounts & { posted: boolean; snapshotNumber: number | null }>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const posted = await postedRegistered(ctx.store.db, electionId);
  if (posted) return ok({ ...posted, posted: true });
  const row = await repo.getRollOfElection(ctx.store.db, electionId);
  const counts = row ? await countsOf(ctx.store.db, row.id) : { registered: 0, byGroup: [] };
  return ok({ ...counts, posted: false, snapshotNumber: null });
}

/**
 * The count's denominator: the registered voters of the posted roll as amended (its latest snapshot),
 * per residents' group too; undefined while the roll is not posted. No permission check: the caller
 * (the count) has checked access to the election.
 */
export async function postedRegistered(
  db: Db,
  electionId: string,
): Promise<(RollCounts & { snapshotNumber: number }) | undefined> {
  const row = await repo.getRollOfElection(db, electionId);
  if (!row || row.state !== 'posted') return undefined;
  const snap = await repo.latestSnapshot(db, row.id);
  if (!snap) return undefined;
  const entries = parseJson<{ residentGroup: string | null }[]>(snap.entries, []);
  const groups = new Map<string | null, number>();
  for (const e of entries) groups.set(e.residentGroup, (groups.get(e.residentGroup) ?? 0) + 1);
  const byGroup = [...groups.entries()]
    .sort((a, b) => compareGroups(a[0], b[0]))
    .map(([group, registered]) => ({ group, registered }));
  return { registered: snap.registered, byGroup, snapshotNumber: snap.number };
}
