/**
 * The national roll-up (issues 9 and 11): one row per province with the counts of its hamlets per
 * state, late items, re-elections, interim heads and results, for whoever reads the whole country.
 * Aggregated in SQL (store/oversight-repo.ts): the province dashboard reads one row per hamlet and
 * adds them up in JavaScript, which is fine for 2,000 hamlets but not for 70,000. The results are
 * summed in SQL from the closures' summary columns (outcome, registered, voted: migration 0036),
 * written with the closure from the same result and covered by its seal, so `audit verify` proves
 * them; no result JSON is read. Recomputed from the records instead (services/count/recompute.ts,
 * a stored result that differs makes its election `suspect`): every closure while a change made
 * outside the application is pending, and always a closure without a summary. The drill-down to a
 * province recomputes every result of the province from its records.
 *
 * One difference with the province dashboard, on purpose: a hamlet counts as late here when it has
 * an overdue plan task. The dashboards also mark it late when the next step's legal deadline has
 * passed, which needs the rules engine's timeline per hamlet; the drill-down to a province shows it.
 */
import type { CivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { oversight as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import * as counting from '../count';
import { profileOf } from '../common';
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
    counted: t.counted,
    registered: t.registered,
    voted: t.voted,
    elected: t.elected,
    outcomeRerun: t.outcomeRerun,
    outcomeInterim: t.outcomeInterim,
    suspect: t.suspect,
  };
}

/** One province's results, each recomputed from its count's records, added to its tally. */
function addResult(t: Tally, c: counting.CheckedHeadCount): Tally {
  const r = c.result;
  return {
    ...t,
    counted: t.counted + (r ? 1 : 0),
    registered: t.registered + (r ? r.registered : 0),
    voted: t.voted + (r ? r.voted : 0),
    elected: t.elected + (r?.outcome === 'elected' ? 1 : 0),
    outcomeRerun: t.outcomeRerun + (r?.outcome === 'rerun' ? 1 : 0),
    outcomeInterim: t.outcomeInterim + (r?.outcome === 'interim' ? 1 : 0),
    suspect: t.suspect + (c.suspect ? 1 : 0),
  };
}

/** The closed counts summed from their sealed summaries (no JSON read), added to a province's tally. */
function addSummary(t: Tally, r: repo.ProvinceResultRow): Tally {
  return {
    ...t,
    counted: t.counted + r.counts,
    registered: t.registered + r.registered,
    voted: t.voted + r.voted,
    elected: t.elected + (r.outcome === 'elected' ? r.counts : 0),
    outcomeRerun: t.outcomeRerun + (r.outcome === 'rerun' ? r.counts : 0),
    outcomeInterim: t.outcomeInterim + (r.outcome === 'interim' ? r.counts : 0),
  };
}

/**
 * Every latest head election's closed count, recomputed from its records and checked, with its
 * province (`unsummarised`: only the closures without summary columns).
 */
async function checkedResults(
  db: Db,
  today: CivilDate,
  unsummarised: boolean,
): Promise<Map<string, counting.CheckedHeadCount[]>> {
  const rows = await repo.latestHeadClosures(db, { unsummarised });
  const elections = new Map(rows.map((r) => [r.count.election_id, r]));
  const checked = await counting.checkClosedCounts(db, rows, (id) => {
    const e = elections.get(id);
    const p = e ? profileOf(e.profileId, e.electionDate ?? today) : null;
    return p?.ok ? p.value : null;
  });
  const out = new Map<string, counting.CheckedHeadCount[]>();
  for (const c of checked) {
    const code = elections.get(c.electionId)?.provinceCode;
    if (code === undefined) continue;
    const list = out.get(code);
    if (list) list.push(c);
    else out.set(code, [c]);
  }
  return out;
}

export async function nationalRollup(ctx: ServiceContext, actor: Actor): Promise<Result<NationalRollup>> {
  if (actor.scope.kind !== 'all') return err(failures.forbidden('xem tiến độ bầu cử của cả nước'));
  const today = vnToday(ctx);
  // Recomputed only when something was written since (see oversight-cache.ts).
  return ok(await memoUntilChange(ctx, `national|${today}`, () => computeRollup(ctx, today)));
}

async function computeRollup(ctx: ServiceContext, today: CivilDate): Promise<NationalRollup> {
  const db = ctx.store.db;
  // The closures' summaries are sealed with them, so the chain vouches for them as for the JSON
  // (audit verify). While a change made outside the application is pending, nothing stored is
  // taken on trust: every result is recomputed from its count's records, as the provinces do.
  const outside = await repo.recordChangedOutside(db);
  const [rows, summaries, results, communeTasks, communes, provinces] = await Promise.all([
    repo.provinceStateRows(db, today),
    outside ? Promise.resolve([]) : repo.provinceResultRows(db),
    checkedResults(db, today, !outside),
    repo.communeLevelOverdue(db, today),
    repo.communesWithHamlets(db),
    territoryRepo.listProvinces(db),
  ]);
  const byProvince = new Map<string, Tally>();
  for (const r of rows)
    byProvince.set(r.provinceCode, add(byProvince.get(r.provinceCode) ?? emptyTally(), r));
  for (const r of summaries)
    byProvince.set(r.provinceCode, addSummary(byProvince.get(r.provinceCode) ?? emptyTally(), r));
  for (const [code, list] of results)
    byProvince.set(code, list.reduce(addResult, byProvince.get(code) ?? emptyTally()));
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
