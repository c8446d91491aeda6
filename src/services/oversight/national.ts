/**
 * The national roll-up (issues 9 and 11): one row per province with the counts of its hamlets per
 * state, late items, re-elections, interim heads and results, for whoever reads the whole country.
 * Aggregated in SQL (store/oversight-repo.ts): the province dashboard reads one row per hamlet and
 * adds them up in JavaScript, which is fine for 2,000 hamlets but not for 70,000.
 *
 * One difference with the province dashboard, on purpose: a hamlet counts as late here when it has
 * an overdue plan task. The dashboards also mark it late when the next step's legal deadline has
 * passed, which needs the rules engine's timeline per hamlet; the drill-down to a province shows it.
 */
import type { CivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { oversight as repo, territory as territoryRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import type { StateKey, Tally } from './dashboard';
import { STATE_LABELS, STATE_KEYS, emptyTally, sumTallies } from './dashboard';
import { failures } from '../common';
import { DONE_STATES } from './status';
import { vnToday } from '../common';
import { memoUntilChange } from './cache';

export interface NationalRow extends Tally {
  readonly code: string;
  readonly name: string;
  /** Communes with at least one hamlet. */
  readonly communes: number;
}

export interface NationalRollup {
  readonly today: CivilDate;
  readonly provinces: NationalRow[];
  readonly totals: Tally & { communes: number };
  readonly stateLabels: Record<StateKey, string>;
}

const isStateKey = (s: string): s is StateKey => (STATE_KEYS as readonly string[]).includes(s);

function add(t: Tally, r: repo.ProvinceStateRow): Tally {
  const key: StateKey = r.state !== null && isStateKey(r.state) ? r.state : 'none';
  return {
    hamlets: t.hamlets + r.hamlets,
    byState: { ...t.byState, [key]: t.byState[key] + r.hamlets },
    lateHamlets: t.lateHamlets + r.lateHamlets,
    lateItems: t.lateItems + r.lateItems,
    reruns: t.reruns + r.reruns,
    interimHeads: t.interimHeads + r.interimHeads,
    done: t.done + ((DONE_STATES as readonly string[]).includes(key) ? r.hamlets : 0),
    counted: t.counted + r.counted,
    registered: t.registered + r.registered,
    voted: t.voted + r.voted,
    elected: t.elected + r.elected,
    outcomeRerun: t.outcomeRerun + r.outcomeRerun,
    outcomeInterim: t.outcomeInterim + r.outcomeInterim,
    suspect: t.suspect, // TODO-NATIONAL
  };
}

export async function nationalRollup(ctx: ServiceContext, actor: Actor): Promise<Result<NationalRollup>> {
  if (actor.scope.kind !== 'all') return err(failures.forbidden('xem tiến độ bầu cử của cả nước'));
  const today = vnToday(ctx);
  // Recomputed only when something was written since (see oversight-cache.ts).
  return ok(await memoUntilChange(ctx, `national|${today}`, () => computeRollup(ctx, today)));
}

async function computeRollup(ctx: ServiceContext, today: CivilDate): Promise<NationalRollup> {
  const db = ctx.store.db;
  const [rows, communeTasks, communes, provinces] = await Promise.all([
    repo.provinceStateRows(db, ctx.store.kind, today),
    repo.communeLevelOverdue(db, today),
    repo.communesWithHamlets(db),
    territoryRepo.listProvinces(db),
  ]);
  const byProvince = new Map<string, Tally>();
  for (const r of rows)
    byProvince.set(r.provinceCode, add(byProvince.get(r.provinceCode) ?? emptyTally(), r));
  const out: NationalRow[] = provinces.map((p) => {
    const t = byProvince.get(p.code) ?? emptyTally();
    return {
      code: p.code,
      name: p.name,
      communes: communes.get(p.code) ?? 0,
      ...t,
      lateItems: t.lateItems + (communeTasks.get(p.code) ?? 0),
    };
  });
  return {
    today,
    provinces: out,
    totals: { ...sumTallies(out), communes: out.reduce((n, p) => n + p.communes, 0) },
    stateLabels: { ...STATE_LABELS },
  };
}
