/**
 * The commune's and the province's view of every hamlet election (issue 9): one row per hamlet, or
 * one row per commune with the counts of its hamlets per state. Read-only; a province viewer reads
 * its province, a commune officer its commune.
 */
import type { CivilDate } from '../../domain/calendar';
import type { ElectionState } from '../../domain/election';
import { ELECTION_STATES, STATE_NAMES_VI } from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { territory as territoryRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { failures } from '../common';
import { canManageCommune, canRead, placeOfCommune } from '../common';
import { vnToday } from '../common';
import type { HamletStatus } from './status';
import { statusOf } from './status';
import { memoUntilChange } from './cache';

/** The states a dashboard counts hamlets by, with "none" for a hamlet without any election yet. */
export const STATE_KEYS = ['none', ...ELECTION_STATES] as const;
export type StateKey = (typeof STATE_KEYS)[number];

export const STATE_LABELS: Readonly<Record<StateKey, string>> = {
  none: 'Chưa lập kế hoạch bầu',
  ...STATE_NAMES_VI,
};

export interface Tally {
  readonly hamlets: number;
  readonly byState: Record<StateKey, number>;
  /** Hamlets with an overdue task or a passed next deadline. */
  readonly lateHamlets: number;
  /** Overdue tasks: the hamlets' and the commune's own. */
  readonly lateItems: number;
  readonly reruns: number;
  readonly interimHeads: number;
  readonly done: number;
  readonly counted: number;
  readonly registered: number;
  readonly voted: number;
  readonly elected: number;
  /** Counted with no one elected: a re-run ordered, or an interim head to be appointed. */
  readonly outcomeRerun: number;
  readonly outcomeInterim: number;
  /** Counted hamlets whose stored result differs from the one recomputed from the records. */
  readonly suspect: number;
}

export function emptyTally(): Tally {
  return {
    hamlets: 0,
    byState: Object.fromEntries(STATE_KEYS.map((k) => [k, 0])) as Record<StateKey, number>,
    lateHamlets: 0,
    lateItems: 0,
    reruns: 0,
    interimHeads: 0,
    done: 0,
    counted: 0,
    registered: 0,
    voted: 0,
    elected: 0,
    outcomeRerun: 0,
    outcomeInterim: 0,
    suspect: 0,
  };
}

/** Adds up hamlet rows; every dashboard and report total is this sum. */
export function tallyOf(rows: readonly HamletStatus[], communeLevelOverdue = 0): Tally {
  const t = emptyTally();
  const byState = { ...t.byState };
  let acc = { ...t, lateItems: communeLevelOverdue };
  for (const r of rows) {
    byState[r.state ?? 'none'] += 1;
    acc = {
      ...acc,
      hamlets: acc.hamlets + 1,
      lateHamlets: acc.lateHamlets + (r.late ? 1 : 0),
      lateItems: acc.lateItems + r.overdueTasks,
      reruns: acc.reruns + (r.rerun ? 1 : 0),
      interimHeads: acc.interimHeads + (r.interim ? 1 : 0),
      done: acc.done + (r.done ? 1 : 0),
      counted: acc.counted + (r.result?.outcome ? 1 : 0),
      registered: acc.registered + (r.result?.outcome ? r.result.registered : 0),
      voted: acc.voted + (r.result?.outcome ? r.result.voted : 0),
      elected: acc.elected + (r.result?.outcome === 'elected' ? 1 : 0),
      outcomeRerun: acc.outcomeRerun + (r.result?.outcome === 'rerun' ? 1 : 0),
      outcomeInterim: acc.outcomeInterim + (r.result?.outcome === 'interim' ? 1 : 0),
      suspect: acc.suspect + (r.result?.suspect ? 1 : 0),
    };
  }
  return { ...acc, byState };
}

/** Hamlets done by each day a hamlet finished: the progress line drawn against the plan's deadline. */
export function progressSeries(rows: readonly HamletStatus[]): { date: CivilDate; done: number }[] {
  const days = rows
    .map((r) => (r.done ? r.doneOn : null))
    .filter((d): d is string => d !== null)
    .sort();
  const out: { date: CivilDate; done: number }[] = [];
  days.forEach((d, i) => {
    if (out.length > 0 && out[out.length - 1]!.date === d) out[out.length - 1] = { date: d, done: i + 1 };
    else out.push({ date: d, done: i + 1 });
  });
  return out;
}

export interface CommuneDashboard {
  readonly province: { code: string; name: string };
  readonly commune: { id: string; code: string; name: string };
  readonly today: CivilDate;
  readonly finalDeadline: CivilDate | null;
  readonly hamlets: HamletStatus[];
  readonly overdueCommuneTasks: number;
  readonly totals: Tally;
  readonly stateLabels: Record<StateKey, string>;
  readonly series: { date: CivilDate; done: number }[];
  /** Whether the caller may issue the commune's summary report. */
  readonly canManage: boolean;
}

export async function communeDashboard(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<CommuneDashboard>> {
  const db = ctx.store.db;
  const place = await placeOfCommune(db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!(await canRead(db, actor, place)))
    return err(failures.forbidden('xem tiến độ bầu cử của xã/phường này'));
  const commune = (await territoryRepo.getCommune(db, communeId))!;
  const province = await territoryRepo.getProvince(db, commune.provinceCode);
  const today = vnToday(ctx);
  const set = await statusOf(db, [communeId], today);
  const overdueCommuneTasks = set.communeTasks.get(communeId) ?? 0;
  return ok({
    province: { code: commune.provinceCode, name: province?.name ?? commune.provinceCode },
    commune: { id: commune.id, code: commune.code, name: commune.name },
    today,
    finalDeadline: earliest(set.hamlets.map((h) => h.finalDeadline)),
    hamlets: set.hamlets,
    overdueCommuneTasks,
    totals: tallyOf(set.hamlets, overdueCommuneTasks),
    stateLabels: { ...STATE_LABELS },
    series: progressSeries(set.hamlets),
    canManage: canManageCommune(actor, place),
  });
}

function earliest(xs: readonly (string | null)[]): string | null {
  const ds = xs.filter((x): x is string => x !== null).sort();
  return ds[0] ?? null;
}

export interface CommuneRow extends Tally {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly finalDeadline: CivilDate | null;
}

export interface ProvinceDashboard {
  readonly province: { code: string; name: string };
  readonly today: CivilDate;
  readonly communes: CommuneRow[];
  readonly totals: Tally;
  readonly stateLabels: Record<StateKey, string>;
  readonly finalDeadline: CivilDate | null;
  readonly series: { date: CivilDate; done: number }[];
  /** Turnout (per cent, whole) of every counted hamlet, for the distribution chart. */
  readonly turnouts: number[];
}

/** Sums tallies field by field (the province's totals are the sum of its communes' rows). */
export function sumTallies(ts: readonly Tally[]): Tally {
  const out = emptyTally();
  const byState = { ...out.byState };
  const keys = Object.keys(out).filter((k) => k !== 'byState') as (keyof Omit<Tally, 'byState'>)[];
  const acc: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const t of ts) {
    for (const k of keys) acc[k] = (acc[k] ?? 0) + t[k];
    for (const s of STATE_KEYS) byState[s] += t.byState[s];
  }
  return { ...(acc as unknown as Omit<Tally, 'byState'>), byState };
}

export interface ProvinceRows {
  readonly province: { code: string; name: string };
  readonly today: CivilDate;
  readonly communes: (CommuneRow & { hamletRows: HamletStatus[] })[];
}

/** Every commune of the province with its hamlet rows (for the dashboard, reports and the CLI). */
export async function provinceRows(
  ctx: ServiceContext,
  actor: Actor,
  provinceCode: string,
): Promise<Result<ProvinceRows>> {
  const db = ctx.store.db;
  const province = await territoryRepo.getProvince(db, provinceCode);
  if (!province) return err(failures.notFound('tỉnh, thành phố này'));
  if (!(await canRead(db, actor, { provinceCode, communeId: '' })))
    return err(failures.forbidden('xem tiến độ bầu cử của tỉnh, thành phố này'));
  const today = vnToday(ctx);
  // Recomputed only when something was written since (see oversight-cache.ts).
  const communes = await memoUntilChange(ctx, `province|${provinceCode}|${today}`, () =>
    communeRowsOf(db, provinceCode, today),
  );
  return ok({ province: { code: province.code, name: province.name }, today, communes });
}

async function communeRowsOf(
  db: ServiceContext['store']['db'],
  provinceCode: string,
  today: CivilDate,
): Promise<ProvinceRows['communes']> {
  const communes = await territoryRepo.listCommunes(db, provinceCode);
  const set = await statusOf(
    db,
    communes.map((c) => c.id),
    today,
  );
  const byCommune = new Map<string, HamletStatus[]>();
  for (const h of set.hamlets) {
    const list = byCommune.get(h.communeId);
    if (list) list.push(h);
    else byCommune.set(h.communeId, [h]);
  }
  return communes.map((c) => {
    const rows = byCommune.get(c.id) ?? [];
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      finalDeadline: earliest(rows.map((r) => r.finalDeadline)),
      ...tallyOf(rows, set.communeTasks.get(c.id) ?? 0),
      hamletRows: rows,
    };
  });
}

export async function provinceDashboard(
  ctx: ServiceContext,
  actor: Actor,
  provinceCode: string,
  options: { onlyWithHamlets?: boolean } = {},
): Promise<Result<ProvinceDashboard>> {
  const rows = await provinceRows(ctx, actor, provinceCode);
  if (!rows.ok) return rows;
  const all = rows.value.communes.flatMap((c) => c.hamletRows);
  const communes = rows.value.communes
    .filter((c) => !options.onlyWithHamlets || c.hamlets > 0)
    .map(({ hamletRows: _, ...c }) => c);
  return ok({
    province: rows.value.province,
    today: rows.value.today,
    communes,
    totals: sumTallies(communes),
    stateLabels: { ...STATE_LABELS },
    finalDeadline: earliest(all.map((h) => h.finalDeadline)),
    series: progressSeries(all),
    turnouts: all
      .filter((h) => h.result?.outcome && h.result.registered > 0)
      .map((h) => Math.floor((h.result!.voted * 100) / h.result!.registered)),
  });
}

export type { ElectionState, HamletStatus };
