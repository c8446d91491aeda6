/**
 * Aggregates for the national roll-up (issue 11): one pass of SQL over every hamlet's head election
 * of the latest term, grouped by province and state, so that 70,000 elections come back as a few
 * hundred rows instead of 70,000 rows to add up in JavaScript. Written for hash joins: the latest
 * election is an anti-join (a window function made PostgreSQL misestimate it and loop over 72,000
 * index probes), and the interim heads are a join (a correlated EXISTS pushed the plan's cost over
 * the JIT threshold, and JIT compilation alone cost more than the query). The results are not
 * summed here from the stored closures: each is recomputed from its count's records in the service
 * (`latestHeadClosures` reads what that needs). See docs/operations.md.
 */
import { sql } from 'kysely';
import type { Db } from './database';
import type { CountRow } from './polling-counts';

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
}

/**
 * Per province and state: hamlets, late hamlets and items, re-elections and interim heads. The
 * results are not read here: they are recomputed from each count's records (`latestHeadClosures`).
 */
export async function provinceStateRows(db: Db, today: string): Promise<ProvinceStateRow[]> {
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
    )
    select co.province_code as "provinceCode", l.state as "state",
           count(*) as "hamlets",
           sum(case when o.n > 0 then 1 else 0 end) as "lateHamlets",
           coalesce(sum(o.n), 0) as "lateItems",
           sum(case when l.state = 'rerunOrdered' or l.round > 1 then 1 else 0 end) as "reruns",
           sum(case when l.state = 'interim' or i.hamlet_id is not null then 1 else 0 end) as "interimHeads"
    from hamlets h
    join communes co on co.id = h.commune_id
    left join latest l on l.hamlet_id = h.id
    left join overdue o on o.election_id = l.id
    left join interim i on i.hamlet_id = h.id
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
  }));
}

/** The head elections the roll-up reports on: each hamlet's latest, the count of its current round. */
const LATEST_HEAD_COUNTS = sql`
    from elections e
    join hamlets h on h.id = e.hamlet_id
    join communes co on co.id = h.commune_id
    join counts c on c.election_id = e.id and c.round = e.round and c.position = 'head'
    join count_closures z on z.count_id = c.id
    where e.position = 'head' and h.dissolved_on is null and not exists (
      select 1 from elections n
      where n.hamlet_id = e.hamlet_id and n.position = 'head'
        and (n.term_label > e.term_label or (n.term_label = e.term_label and n.created_at > e.created_at))
    )`;

export interface ProvinceResultRow {
  readonly provinceCode: string;
  readonly outcome: string;
  readonly counts: number;
  readonly registered: number;
  readonly voted: number;
}

/**
 * The closed head counts of every province summed by outcome from the closures' summary columns
 * (closure-summary.ts), which each closure's seal covers: no result JSON is read. Closures without
 * a summary are left to `latestHeadClosures(db, { unsummarised: true })`.
 */
export async function provinceResultRows(db: Db): Promise<ProvinceResultRow[]> {
  const r = await sql<Record<keyof ProvinceResultRow, string | number>>`
    select co.province_code as "provinceCode", z.outcome as "outcome", count(*) as "counts",
           coalesce(sum(z.registered), 0) as "registered", coalesce(sum(z.voted), 0) as "voted"
    ${LATEST_HEAD_COUNTS} and z.outcome is not null
    group by co.province_code, z.outcome
  `.execute(db);
  return r.rows.map((row) => ({
    provinceCode: String(row.provinceCode),
    outcome: String(row.outcome),
    counts: Number(row.counts),
    registered: Number(row.registered),
    voted: Number(row.voted),
  }));
}

/**
 * The closed head count of the latest election's current round in every hamlet, with its province
 * (`unsummarised`: only the closures without the summary columns).
 */
export async function latestHeadClosures(
  db: Db,
  options: { readonly unsummarised?: boolean } = {},
): Promise<
  {
    provinceCode: string;
    profileId: string;
    electionDate: string | null;
    count: CountRow;
    closure: { result: string; corrections: number };
  }[]
> {
  const r = await sql<
    CountRow & {
      province_code: string;
      profile_id: string;
      election_date: string | null;
      closure_result: string;
      closure_corrections: number | string;
    }
  >`
    select co.province_code, e.profile_id, e.election_date, c.*,
           z.result as closure_result, z.corrections as closure_corrections
    ${LATEST_HEAD_COUNTS} ${options.unsummarised ? sql`and z.outcome is null` : sql``}
  `.execute(db);
  return r.rows.map(
    ({ province_code, profile_id, election_date, closure_result, closure_corrections, ...count }) => ({
      provinceCode: String(province_code),
      profileId: profile_id,
      electionDate: election_date,
      count: { ...count, registered: Number(count.registered), voted: Number(count.voted) },
      closure: { result: closure_result, corrections: Number(closure_corrections) },
    }),
  );
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

/**
 * Whether rows of the election record were changed without the application: the record's triggers
 * note every change in `record_changes`, and every write of the application seals and clears them
 * in its own transaction, so a pending key is a change made outside it (see record-seals.ts).
 */
export async function recordChangedOutside(db: Db): Promise<boolean> {
  const row = await db.selectFrom('record_changes').select('tbl').limit(1).executeTakeFirst();
  return row !== undefined;
}
