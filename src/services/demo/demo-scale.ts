/**
 * Loads data at scale (issue 11) from the seeded plan of src/demo/scale.ts: a province at scale
 * (hamlets, households and residents, an election in every hamlet with its plan tasks, history,
 * count and office-holder) or the country's election tables (one election and one result per
 * hamlet of every commune). Rows go in as multi-row INSERTs (`insertRows`), many communes per
 * transaction, each transaction with its audit event. Communes that already have hamlets are left
 * alone, so loading twice adds nothing.
 */
import { randomUUID } from 'node:crypto';
import { addDays } from '../../domain/calendar';
import { getProfile } from '../../domain/rules';
import type { DemoHousehold } from '../../demo/population';
import type { ScaleCommune, ScaleCommuneRef, ScaleMode } from '../../demo/scale';
import { planScale, scaleHouseholds } from '../../demo/scale';
import type { Db } from '../../store';
import type { Batch, Loader } from './demo-scale-rows';
import { electionRows, emptyBatch } from './demo-scale-rows';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { foldForSearch } from '../../domain/people/names';
import { isBirthProvinceCode } from '../../domain/people/province-codes';
import { createPersonalIdAllocator } from '../../demo/population';
import {
  demo as demoRepo,
  households as householdsRepo,
  insertRows,
  territory as territoryRepo,
} from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { loadAdministrativeUnits } from '../territory';
import { vnToday } from '../common';

const PROFILE_ID = 'nd59-2023';
/** Hamlets per transaction: a commune at a time with its residents, many communes without. */
const HAMLETS_PER_TRANSACTION = { province: 1, national: 1_000 } as const;

export interface ScaleSummary {
  readonly communes: number;
  readonly hamlets: number;
  readonly elections: number;
  readonly households: number;
  readonly residents: number;
  readonly counts: number;
  readonly planTasks: number;
  readonly skippedCommunes: number;
  readonly seconds: number;
}

export interface ProvinceScaleInput {
  readonly provinceCode: string;
  readonly communes: number;
  readonly hamlets: number;
  readonly households: number;
  readonly seed: number;
}

export interface NationalScaleInput {
  readonly hamlets: number;
  /** Only the first communes in code order (a trial run); every commune when absent. */
  readonly communes?: number;
  readonly seed: number;
}

async function existingIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  return demoRepo.takenPersonalIds(db, ids);
}

async function insertPeople(l: Loader, db: Db, hamletId: string, households: readonly DemoHousehold[]) {
  const taken = l.checkIds
    ? await existingIds(
        db,
        households.flatMap((h) => h.members.map((m) => m.personalId)),
      )
    : new Set<string>();
  await householdsRepo.insertHouseholds(
    db,
    hamletId,
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
        // An ID already stored (an earlier load, the demo ward) is left out rather than duplicated.
        personalId: taken.has(m.personalId) ? null : m.personalId,
        relation: m.relation,
        residence: m.residence,
        legalCapacity: m.legalCapacity,
      })),
    })),
    l.at,
  );
  return households.reduce((n, h) => n + h.members.length, 0);
}

interface Tallies {
  households: number;
  residents: number;
}

/** One transaction: the communes' hamlets, people, plans, elections, history, counts and holders. */
async function loadGroup(l: Loader, group: readonly ScaleCommune[], totals: Tallies): Promise<Batch> {
  return writeWithAudit(l.ctx, l.actor, async (trx) => {
    const b = emptyBatch();
    const people: { hamletId: string; households: DemoHousehold[] }[] = [];
    for (const c of group) {
      const roundId = randomUUID();
      b.rounds.push({
        id: roundId,
        commune_id: c.id,
        term_label: c.termLabel,
        profile_id: l.profile.id,
        positions: JSON.stringify(['head']),
        form: 'meeting',
        ballot_method: null,
        electorate: l.profile.electorate.value,
        final_deadline: addDays(l.today, c.deadlineOffset),
        chair_name: 'Nguyễn Văn Minh',
        front_chair_name: 'Trần Thị Lan',
        plan_date: addDays(l.today, c.planOffset),
        created_at: l.at,
        created_by: l.actor.userId,
      });
      c.hamlets.forEach((h, i) => {
        const hamletId = randomUUID();
        b.hamlets.push({
          id: hamletId,
          commune_id: c.id,
          name: h.name,
          kind: h.kind,
          created_at: l.at,
          dissolved_on: null,
        });
        const households =
          h.households > 0 ? scaleHouseholds(c.id, i, h, l.today, l.seed, l.ids, l.birthProvinceCode) : [];
        if (households.length > 0) people.push({ hamletId, households });
        electionRows(l, b, c, roundId, hamletId, h, households, b.hamlets.length + Number(c.id) * 1000, i);
      });
    }
    await insertRows(trx, 'hamlets', b.hamlets);
    for (const p of people) {
      totals.households += p.households.length;
      totals.residents += await insertPeople(l, trx, p.hamletId, p.households);
    }
    await insertRows(trx, 'election_rounds', b.rounds);
    await insertRows(trx, 'elections', b.elections);
    await insertRows(trx, 'election_state_changes', b.changes);
    await insertRows(trx, 'plan_tasks', b.tasks);
    await insertRows(trx, 'counts', b.counts);
    await insertRows(trx, 'count_hands', b.hands);
    await insertRows(trx, 'count_closures', b.closures);
    await insertRows(trx, 'office_terms', b.terms);
    return {
      value: b,
      audit: {
        action: 'demo.scale',
        entity: 'commune',
        entityId: group[0]?.id ?? null,
        data: { mode: l.mode, communes: group.map((c) => c.id), hamlets: b.hamlets.length },
      },
    };
  });
}

async function load(
  l: Loader,
  communes: readonly ScaleCommuneRef[],
  hamlets: number,
  households: number,
  skipped: number,
): Promise<Result<ScaleSummary>> {
  const started = performance.now();
  const nothing = {
    communes: 0,
    hamlets: 0,
    elections: 0,
    households: 0,
    residents: 0,
    counts: 0,
    planTasks: 0,
  };
  if (communes.length === 0) return ok({ ...nothing, skippedCommunes: skipped, seconds: 0 });
  if (hamlets < communes.length)
    return err(failures.invalid('hamlets', `Cần ít nhất một thôn cho mỗi xã (${communes.length} xã).`));
  const plan = planScale(communes, { seed: l.seed, mode: l.mode, hamlets, households });
  const totals: Tallies = { households: 0, residents: 0 };
  let sum = { hamlets: 0, elections: 0, counts: 0, tasks: 0 };
  let group: ScaleCommune[] = [];
  let size = 0;
  const flush = async () => {
    if (group.length === 0) return;
    const b = await loadGroup(l, group, totals);
    sum = {
      hamlets: sum.hamlets + b.hamlets.length,
      elections: sum.elections + b.elections.length,
      counts: sum.counts + b.counts.length,
      tasks: sum.tasks + b.tasks.length,
    };
    group = [];
    size = 0;
  };
  for (const c of plan) {
    group.push(c);
    size += c.hamlets.length;
    if (size >= HAMLETS_PER_TRANSACTION[l.mode]) await flush();
  }
  await flush();
  return ok({
    communes: plan.length,
    hamlets: sum.hamlets,
    elections: sum.elections,
    households: totals.households,
    residents: totals.residents,
    counts: sum.counts,
    planTasks: sum.tasks,
    skippedCommunes: skipped,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  });
}

async function loaderFor(ctx: ServiceContext, actor: Actor, mode: ScaleMode, seed: number, province: string) {
  const today = vnToday(ctx);
  const profile = getProfile(PROFILE_ID, today);
  if (!profile.ok) return profile;
  const anyResident = await demoRepo.anyResident(ctx.store.db);
  const loader: Loader = {
    ctx,
    actor,
    mode,
    seed,
    today,
    at: ctx.now().toISOString(),
    profile: profile.value,
    timelines: new Map(),
    ids: createPersonalIdAllocator(seed),
    checkIds: anyResident,
    birthProvinceCode: isBirthProvinceCode(province.padStart(3, '0')) ? province.padStart(3, '0') : '001',
  };
  return ok(loader);
}

async function withoutHamlets(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const taken = await demoRepo.communesWithHamlets(db, ids);
  return new Set(ids.filter((id) => !taken.has(id)));
}

const positive = (n: number) => Number.isInteger(n) && n > 0;

/** A province at scale: `communes` communes of the province (those without hamlets, in code order). */
export async function loadProvinceScale(
  ctx: ServiceContext,
  actor: Actor,
  input: ProvinceScaleInput,
): Promise<Result<ScaleSummary>> {
  if (actor.role !== 'admin') return err(failures.forbidden('tạo dữ liệu quy mô lớn'));
  if (
    !positive(input.communes) ||
    !positive(input.hamlets) ||
    !Number.isInteger(input.households) ||
    input.households < 0
  )
    return err(
      failures.invalid('communes', 'Số xã, số thôn phải là số nguyên dương; số hộ là số nguyên không âm.'),
    );
  // The dataset's provinces and communes, as the server loads them at start when missing.
  if ((await territoryRepo.countCommunes(ctx.store.db)) === 0) await loadAdministrativeUnits(ctx);
  const db = ctx.store.db;
  const province = await territoryRepo.getProvince(db, input.provinceCode);
  if (!province) return err(failures.notFound(`tỉnh, thành phố mã ${input.provinceCode}`));
  // The first communes of the province in code order; those that already have hamlets are skipped,
  // so a second run adds nothing, and the totals shrink with the communes actually filled.
  const first = (await territoryRepo.listCommunes(db, input.provinceCode)).slice(0, input.communes);
  const free = await withoutHamlets(
    db,
    first.map((c) => c.id),
  );
  const chosen = first.filter((c) => free.has(c.id));
  if (first.length < input.communes)
    return err(
      failures.invalid(
        'communes',
        `${province.name} chỉ có ${first.length} xã/phường; hãy chọn --communes nhỏ hơn.`,
      ),
    );
  const l = await loaderFor(ctx, actor, 'province', input.seed, input.provinceCode);
  if (!l.ok) return l;
  const share = (n: number) => Math.floor((n * chosen.length) / input.communes);
  return load(
    l.value,
    chosen.map((c) => ({ id: c.id, name: c.name })),
    Math.max(share(input.hamlets), chosen.length),
    share(input.households),
    first.length - chosen.length,
  );
}

/** The country's election tables: every commune without hamlets gets hamlets, an election and a result. */
export async function loadNationalScale(
  ctx: ServiceContext,
  actor: Actor,
  input: NationalScaleInput,
): Promise<Result<ScaleSummary>> {
  if (actor.role !== 'admin') return err(failures.forbidden('tạo dữ liệu quy mô lớn'));
  if (!positive(input.hamlets)) return err(failures.invalid('hamlets', 'Số thôn phải là số nguyên dương.'));
  // The dataset's provinces and communes, as the server loads them at start when missing.
  if ((await territoryRepo.countCommunes(ctx.store.db)) === 0) await loadAdministrativeUnits(ctx);
  const db = ctx.store.db;
  const every = await demoRepo.allCommunes(db);
  const all = input.communes === undefined ? every : every.slice(0, input.communes);
  const free = await withoutHamlets(
    db,
    all.map((c) => c.id),
  );
  const l = await loaderFor(ctx, actor, 'national', input.seed, '001');
  if (!l.ok) return l;
  const chosen = all.filter((c) => free.has(c.id));
  return load(l.value, chosen, Math.max(input.hamlets, chosen.length), 0, all.length - free.size);
}
