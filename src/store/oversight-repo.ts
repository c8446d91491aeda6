/**
 * Aggregates for the national roll-up (issue 11): one pass of SQL over every hamlet's head election
 * of the latest term, grouped by province and state, so that 70,000 elections come back as a few
 * hundred rows instead of 70,000 rows to add up in JavaScript. Written for hash joins: the latest
 * election is an anti-join (a window function made PostgreSQL misestimate it and loop over 72,000
 * index probes), and the interim heads are a join (a correlated EXISTS pushed the plan's cost over
 * the JIT threshold, and JIT compilation alone cost more than the query); the results are
 * MATERIALIZED because PostgreSQL otherwise inlines the CTE and parses each result's JSON once per
 * reference to `outcome` (six times a row). See docs/operations.md.
 */
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Db, DatabaseKind } from './database';

export interface ProvinceStateRow {
  readonly provinceCode: string;
  /** Null for hamlets without any head election yet. */
  readonly state: string | null;
  readonly hamlets: number;
  /** Hamlets with at least one overdue plan task. */
  readonly lateHamlets: number;
  readonly lateItems: number;
  readonly reruns: number;
  readonly interimHeads: number;
  readonly counted: number;
  readonly registered: number;
  readonly voted: number;
  readonly elected: number;
  readonly outcomeRerun: number;
  readonly outcomeInterim: number;
}

/** The outcome stored in a count closure's JSON result, read by each engine's own JSON function. */
function outcomeOf(kind: DatabaseKind): RawBuilder<string | null> {
  return kind === 'postgres'
    ? sql<string | null>`(z.result::json ->> 'outcome')`
    : sql<string | null>`json_extract(z.result, '$.outcome')`;
}

/** Per province and state: hamlets, late hamlets and items, re-elections, interim heads and results. */
export async function provinceStateRows(
  db: Db,
  kind: DatabaseKind,
  today: string,
): Promise<ProvinceStateRow[]> {
  const r = await sql<Record<keyof ProvinceStateRow, string | number | null>>`
    with latest as (
      select e.id, e.hamlet_id, e.state, e.round
      from elections e
      where e.position = 'head' and not exists (
        select 1 from elections n
        where n.hamlet_id = e.hamlet_id and n.position = 'head'
          and (n.term_label > e.term_label or (n.term_label = e.term_label and n.created_at > e.created_at))
      )
    ),
    overdue as (
      select election_id, count(*) as n
      from plan_tasks
      where election_id is not null and status <> 'done' and due < ${today}
      group by election_id
    ),
    interim as (
      select distinct hamlet_id from office_terms
      where position = 'head' and ended_on is null and basis = 'interim'
    ),
    results as materialized (
      select c.election_id, c.round, c.registered, c.voted, ${outcomeOf(kind)} as outcome
      from counts c join count_closures z on z.count_id = c.id
      where c.position = 'head'
    )
    select co.province_code as "provinceCode", l.state as "state",
           count(*) as "hamlets",
           sum(case when o.n > 0 then 1 else 0 end) as "lateHamlets",
           coalesce(sum(o.n), 0) as "lateItems",
           sum(case when l.state = 'rerunOrdered' or l.round > 1 then 1 else 0 end) as "reruns",
           sum(case when l.state = 'interim' or i.hamlet_id is not null then 1 else 0 end) as "interimHeads",
           sum(case when r.outcome is not null then 1 else 0 end) as "counted",
           coalesce(sum(case when r.outcome is not null then r.registered else 0 end), 0) as "registered",
           coalesce(sum(case when r.outcome is not null then r.voted else 0 end), 0) as "voted",
           sum(case when r.outcome = 'elected' then 1 else 0 end) as "elected",
           sum(case when r.outcome = 'rerun' then 1 else 0 end) as "outcomeRerun",
           sum(case when r.outcome = 'interim' then 1 else 0 end) as "outcomeInterim"
    from hamlets h
    join communes co on co.id = h.commune_id
    left join latest l on l.hamlet_id = h.id
    left join overdue o on o.election_id = l.id
    left join interim i on i.hamlet_id = h.id
    left join results r on r.election_id = l.id and r.round = l.round
    where h.dissolved_on is null
    group by co.province_code, l.state
  `.execute(db);
  return r.rows.map((row) => ({
    provinceCode: String(row.provinceCode),
    state: row.state === null ? null : String(row.state),
    hamlets: Number(row.hamlets),
    lateHamlets: Number(row.lateHamlets),
    lateItems: Number(row.lateItems),
    reruns: Number(row.reruns),
    interimHeads: Number(row.interimHeads),
    counted: Number(row.counted),
    registered: Number(row.registered),
    voted: Number(row.voted),
    elected: Number(row.elected),
    outcomeRerun: Number(row.outcomeRerun),
    outcomeInterim: Number(row.outcomeInterim),
  }));
}

/** Overdue plan tasks that belong to no hamlet (the commune's own), per province. */
export async function communeLevelOverdue(db: Db, today: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('plan_tasks as t')
    .innerJoin('election_rounds as r', 'r.id', 't.round_id')
    .innerJoin('communes as co', 'co.id', 'r.commune_id')
    .select(['co.province_code as code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.election_id', 'is', null)
    .where('t.status', '!=', 'done')
    .where('t.due', '<', today)
    .groupBy('co.province_code')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}

/** Communes with at least one hamlet, per province: "communes" counts these, not the dataset's. */
export async function communesWithHamlets(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('hamlets as h')
    .innerJoin('communes as co', 'co.id', 'h.commune_id')
    .select(['co.province_code as code', (eb) => eb.fn.count<number>('h.commune_id').distinct().as('n')])
    .where('h.dissolved_on', 'is', null)
    .groupBy('co.province_code')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
