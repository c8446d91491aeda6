/**
 * Loads the demo province (src/demo/province.ts) on top of the demo ward: hamlets and households
 * through the territory and household repositories, each commune's plan through
 * `preparationPlan.createRound` (tasks from the timeline), the steps each election has reached in
 * its append-only history, and, for counted elections, a closed show-of-hands count whose result
 * comes from the rules engine's `tally`. Idempotent per commune.
 */
import { randomUUID } from 'node:crypto';
import { addDays } from '../../domain/calendar';
import type { CivilDate } from '../../domain/calendar';
import { tally } from '../../domain/count';
import type { ElectionState } from '../../domain/election';
import { foldForSearch } from '../../domain/people/names';
import { getProfile } from '../../domain/rules';
import { createPersonalIdAllocator } from '../../demo/population';
import type { DemoHousehold } from '../../demo/population';
import type { DemoProvinceCommune, DemoProvinceHamlet } from '../../demo/province';
import { demoProvince, demoProvinceHouseholds } from '../../demo/province';
import {
  demo as demoRepo,
  households as householdsRepo,
  preparationPlan as planRepo,
  territory as repo,
  users as usersRepo,
} from '../../store';
import type { Db } from '../../store';
import { closureSummaryOf } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { loadDemo } from './demo-ward';
import { createRound } from '../plan';
import { vnToday } from '../common';

const PATH: readonly ElectionState[] = [
  'planned',
  'candidatesDrafted',
  'listOfficial',
  'teamFormed',
  'rollPosted',
  'polling',
  'counted',
  'reported',
];

/** The steps from "planned" to the target, in order. */
export function pathTo(target: ElectionState): ElectionState[] {
  if (target === 'recognised' || target === 'rerunOrdered' || target === 'interim') return [...PATH, target];
  const i = PATH.indexOf(target);
  return PATH.slice(0, i + 1);
}

/** The day each step was taken: before election day for preparation, after it for the result. */
export function stepDay(
  state: ElectionState,
  election: CivilDate,
  planDate: CivilDate,
  today: CivilDate,
): CivilDate {
  const offsets: Partial<Record<ElectionState, number>> = {
    candidatesDrafted: -20,
    listOfficial: -15,
    teamFormed: -12,
    rollPosted: -10,
    polling: 0,
    counted: 0,
    reported: 1,
    recognised: 4,
    rerunOrdered: 4,
    interim: 4,
  };
  const d = addDays(election, offsets[state] ?? 0);
  const bounded = d < planDate ? planDate : d;
  return bounded > today ? today : bounded;
}

export interface DemoProvinceSummary {
  readonly provinceCode: string;
  readonly communes: { code: string; name: string; hamlets: number; created: boolean }[];
}

function adults(households: readonly DemoHousehold[], today: CivilDate) {
  const year = Number(today.slice(0, 4));
  return households
    .flatMap((h) => h.members)
    .filter(
      (m) => year - Number(m.birthDate.slice(0, 4)) >= 30 && year - Number(m.birthDate.slice(0, 4)) <= 65,
    );
}

async function insertCount(
  db: Db,
  electionId: string,
  hamlet: DemoProvinceHamlet,
  households: readonly DemoHousehold[],
  on: CivilDate,
  at: string,
): Promise<void> {
  const profile = getProfile('nd59-2023', on);
  if (!profile.ok) return;
  const people = adults(households, on).slice(0, 2);
  if (people.length < 2) return;
  const candidates = people.map((p, i) => ({
    id: `c${i + 1}`,
    name: p.fullName,
    birthDate: p.birthDate,
    residentId: '',
    order: i + 1,
  }));
  const registered = households.length;
  const voted = Math.round((registered * (hamlet.turnoutPercent ?? 80)) / 100);
  // The winner's share of those present: a clear majority where the demo hamlet elected someone.
  const share =
    hamlet.state === 'recognised' || hamlet.state === 'reported' || hamlet.state === 'counted' ? 0.8 : 0.45;
  const first = Math.floor(voted * share);
  const hands = { c1: first, c2: voted - first };
  const round = hamlet.state === 'interim' ? 2 : 1;
  const input = {
    position: 'head' as const,
    seats: 1,
    round,
    registered,
    voted,
    issued: voted,
    received: voted,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })),
    hands,
  };
  const result = tally(profile.value, input);
  if (!result.ok) return;
  const id = randomUUID();
  await demoRepo.insertClosedCount(
    db,
    {
      id,
      election_id: electionId,
      position: 'head',
      round,
      seats: 1,
      form: result.value.form,
      method: 'hands',
      ballot_form: 'strikeOut',
      candidates: JSON.stringify(candidates),
      registered,
      voted,
      issued: voted,
      received: voted,
      double_entry: 0,
      roll_snapshot_id: null,
      opened_at: at,
      opened_by: null,
    },
    handsRows(id, hands, at),
    {
      count_id: id,
      result: JSON.stringify(result.value),
      ...closureSummaryOf(result.value),
      corrections: 0,
      closed_by: null,
      closed_at: at,
    },
  );
}

/** The show-of-hands readings a demo count's result is recomputed from. */
export function handsRows(countId: string, hands: Readonly<Record<string, number>>, at: string) {
  return Object.entries(hands).map(([candidateId, votes]) => ({
    id: randomUUID(),
    count_id: countId,
    candidate_id: candidateId,
    votes,
    recorded_by: null,
    recorded_at: at,
  }));
}

async function insertHamlets(
  ctx: ServiceContext,
  commune: DemoProvinceCommune,
  today: CivilDate,
): Promise<{ ids: string[]; households: DemoHousehold[][] }> {
  const at = ctx.now().toISOString();
  const ids: string[] = [];
  const all: DemoHousehold[][] = [];
  const allocator = createPersonalIdAllocator(Number(commune.code));
  await writeWithAudit(ctx, null, async (trx) => {
    for (const [i, hamlet] of commune.hamlets.entries()) {
      const id = randomUUID();
      ids.push(id);
      await repo.insertHamlet(trx, {
        id,
        communeId: commune.code,
        name: hamlet.name,
        kind: hamlet.kind,
        createdAt: at,
      });
      const households = demoProvinceHouseholds(commune, i, today, allocator);
      all.push(households);
      const taken = await existingIds(
        trx,
        households.flatMap((h) => h.members.map((m) => m.personalId)),
      );
      await householdsRepo.insertHouseholds(
        trx,
        id,
        households.map((h) => ({
          id: randomUUID(),
          code: h.code,
          address: h.address,
          residentGroupId: null,
          members: h.members.map((m) => ({
            id: randomUUID(),
            fullName: m.fullName,
            searchName: foldForSearch(m.fullName),
            sex: m.sex,
            birthDate: m.birthDate,
            // A demo ID that happens to equal one already stored is left out rather than duplicated.
            personalId: m.personalId && !taken.has(m.personalId) ? m.personalId : null,
            relation: m.relation,
            residence: m.residence,
            legalCapacity: m.legalCapacity,
          })),
        })),
        at,
      );
    }
    return {
      value: undefined,
      audit: { action: 'demo.province', entity: 'commune', entityId: commune.code },
    };
  });
  return { ids, households: all };
}

async function existingIds(db: Db, ids: readonly (string | null)[]): Promise<Set<string>> {
  const wanted = ids.filter((x): x is string => x !== null);
  return demoRepo.takenPersonalIds(db, wanted, 400);
}

async function advance(
  db: Db,
  electionId: string,
  target: ElectionState,
  election: CivilDate,
  planDate: CivilDate,
  today: CivilDate,
  at: string,
): Promise<void> {
  const path = pathTo(target);
  for (let i = 1; i < path.length; i++) {
    await planRepo.insertStateChange(db, {
      id: randomUUID(),
      election_id: electionId,
      seq: i + 1,
      from_state: path[i - 1]!,
      to_state: path[i]!,
      on_date: stepDay(path[i]!, election, planDate, today),
      step_id: null,
      due: null,
      override_id: null,
      note: 'Dữ liệu minh họa',
      recorded_by: null,
      recorded_at: at,
    });
  }
  await planRepo.setElectionState(db, electionId, target);
}

async function loadCommune(
  ctx: ServiceContext,
  admin: Actor,
  commune: DemoProvinceCommune,
  today: CivilDate,
) {
  const { ids, households } = await insertHamlets(ctx, commune, today);
  const planDate = addDays(today, commune.planOffset);
  const planned = commune.hamlets
    .map((h, i) => ({ h, id: ids[i]!, households: households[i]! }))
    .filter((x) => x.h.state !== 'none');
  if (planned.length === 0) return;
  const round = await createRound(ctx, admin, {
    communeId: commune.code,
    termLabel: commune.termLabel,
    profileId: 'nd59-2023',
    form: 'meeting',
    finalDeadline: addDays(today, commune.deadlineOffset),
    chairName: 'Nguyễn Văn Minh',
    frontChairName: 'Trần Thị Lan',
    planDate,
    hamlets: planned.map((x) => ({
      hamletId: x.id,
      electionDate: addDays(today, x.h.electionOffset),
      startTime: '07:30',
    })),
  });
  if (!round.ok) throw new Error(`demo province ${commune.name}: ${round.error.message}`);
  const at = ctx.now().toISOString();
  const counts = await demoRepo.pollingTablesExist(ctx.store.db);
  await writeWithAudit(ctx, admin, async (trx) => {
    for (const x of planned) {
      const electionDay = addDays(today, x.h.electionOffset);
      const elections = round.value.elections.filter((e) => e.hamletId === x.id);
      for (const e of elections) {
        if (x.h.state === 'interim') await demoRepo.setElectionRound(trx, e.id, 2);
        if (x.h.state !== 'planned')
          await advance(trx, e.id, x.h.state as ElectionState, electionDay, planDate, today, at);
        if (counts && ['counted', 'reported', 'recognised', 'rerunOrdered', 'interim'].includes(x.h.state))
          await insertCount(trx, e.id, x.h, x.households, electionDay, at);
      }
      // Hamlets on schedule have done every task already due; lagging ones have not.
      if (!x.h.lagging) {
        await demoRepo.completeTasksDueBefore(trx, round.value.id, x.id, today);
      }
    }
    await demoRepo.completeTasksDueBefore(trx, round.value.id, null, today);
    return {
      value: undefined,
      audit: { action: 'demo.province.steps', entity: 'election_round', entityId: round.value.id },
    };
  });
}

/** Loads the demo ward, its accounts, and the demo province's communes that have no hamlets yet. */
export async function loadDemoProvince(
  ctx: ServiceContext,
  options: { seed?: number } = {},
): Promise<DemoProvinceSummary> {
  await loadDemo(ctx, options);
  const db = ctx.store.db;
  const quantri = await usersRepo.findUserByUsername(db, 'quantri');
  const admin: Actor = {
    userId: quantri?.id ?? 'demo',
    username: 'quantri',
    displayName: 'Quản trị hệ thống',
    role: 'admin',
    scope: { kind: 'all' },
  };
  const today = vnToday(ctx);
  const out: DemoProvinceSummary['communes'] = [];
  for (const commune of demoProvince.communes) {
    const existing = await repo.listHamlets(db, commune.code);
    const created = existing.length === 0;
    if (created) await loadCommune(ctx, admin, commune, today);
    out.push({ code: commune.code, name: commune.name, hamlets: commune.hamlets.length, created });
  }
  return { provinceCode: demoProvince.provinceCode, communes: out };
}
