/**
 * Reading the audit trail of one election, hamlet or commune.
 *
 * Audit events name the record they changed (`entity`, `entity_id`), not the election or hamlet it
 * belongs to. The trail of a scope is therefore derived: an event belongs to an election when its
 * record is the election itself or a row that points to the election (a count, a nomination, a
 * meeting...), or when its data names the election (`"electionId":"…"` / `"election_id":"…"`, which
 * also finds records deleted since, like a removed team member). A hamlet's trail is the trail of
 * its elections plus its own records (households, residents through their household, groups,
 * office terms, removal cases...); a commune's is the trail of its hamlets plus its own records.
 */
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Db } from './database';

export type TrailScope =
  | { readonly kind: 'election'; readonly id: string }
  | { readonly kind: 'hamlet'; readonly id: string }
  | { readonly kind: 'commune'; readonly id: string };

/** Records that point to an election: audit entity → table with an `election_id` column. */
const OF_ELECTION: readonly (readonly [string, string])[] = [
  ['count', 'counts'],
  ['nomination', 'nominations'],
  ['meeting', 'meetings'],
  ['complaint', 'complaints'],
  ['plan_task', 'plan_tasks'],
  ['team_member', 'team_members'],
  ['document', 'documents'],
  ['officeTerm', 'office_terms'],
];

/** Records that point to a hamlet: audit entity → table with a `hamlet_id` column. */
const OF_HAMLET: readonly (readonly [string, string])[] = [
  ['household', 'households'],
  ['residentGroup', 'resident_groups'],
  ['removalCase', 'removal_cases'],
  ['officeTerm', 'office_terms'],
  ['plan_task', 'plan_tasks'],
  ['document', 'documents'],
];

/** Records that point to a commune: audit entity → table with a `commune_id` column. */
const OF_COMMUNE: readonly (readonly [string, string])[] = [
  ['election_round', 'election_rounds'],
  ['formTemplate', 'form_templates'],
  ['document', 'documents'],
];

type Cond = RawBuilder<unknown>;

function pointing(pairs: readonly (readonly [string, string])[], column: string, ids: Cond): Cond[] {
  return pairs.map(
    ([entity, table]) =>
      sql`(a.entity = ${entity} and a.entity_id in (select id from ${sql.table(table)} where ${sql.ref(column)} in (${ids})))`,
  );
}

/** Events whose JSON data names one of the ids under either spelling of the key. */
function naming(keys: readonly string[], ids: readonly string[]): Cond[] {
  return keys.flatMap((k) => ids.map((id) => sql`a.data like ${`%"${k}":"${id}"%`}`));
}

function electionIds(scope: TrailScope): Cond {
  if (scope.kind === 'election') return sql`${scope.id}`;
  if (scope.kind === 'hamlet') return sql`select id from elections where hamlet_id = ${scope.id}`;
  return sql`select e.id from elections e join hamlets h on h.id = e.hamlet_id where h.commune_id = ${scope.id}`;
}

function hamletIds(scope: TrailScope): Cond {
  if (scope.kind === 'hamlet') return sql`${scope.id}`;
  return sql`select id from hamlets where commune_id = ${scope.id}`;
}

function conditions(scope: TrailScope): Cond[] {
  const elections = electionIds(scope);
  const out: Cond[] = [
    sql`(a.entity = 'election' and a.entity_id in (${elections}))`,
    ...pointing(OF_ELECTION, 'election_id', elections),
    sql`(a.entity = 'candidate_file' and a.entity_id in (select f.id from candidate_files f join nominations n on n.id = f.nomination_id where n.election_id in (${elections})))`,
  ];
  if (scope.kind === 'election') return [...out, ...naming(['electionId', 'election_id'], [scope.id])];
  const hamlets = hamletIds(scope);
  out.push(
    sql`(a.entity = 'hamlet' and a.entity_id in (${hamlets}))`,
    sql`(a.entity = 'resident' and a.entity_id in (select r.id from residents r join households hh on hh.id = r.household_id where hh.hamlet_id in (${hamlets})))`,
    ...pointing(OF_HAMLET, 'hamlet_id', hamlets),
  );
  if (scope.kind === 'hamlet') return [...out, ...naming(['hamletId', 'hamlet_id'], [scope.id])];
  out.push(
    sql`(a.entity = 'commune' and a.entity_id = ${scope.id})`,
    ...pointing(OF_COMMUNE, 'commune_id', sql`${scope.id}`),
  );
  return [...out, ...naming(['communeId', 'commune_id'], [scope.id])];
}

function whereScope(scope: TrailScope): Cond {
  return sql`(${sql.join(conditions(scope), sql` or `)})`;
}

export interface TrailRow {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly userId: string | null;
  readonly userName: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly data: string;
}

export interface TrailPage {
  readonly rows: readonly TrailRow[];
  readonly total: number;
}

/** One page of a scope's events, newest first; `action` keeps the events whose action starts with it. */
export async function listTrail(
  db: Db,
  scope: TrailScope,
  page: { readonly offset: number; readonly limit: number; readonly action?: string },
): Promise<TrailPage> {
  const action = page.action ? sql`and a.action like ${`${page.action.replace(/[%_\\]/g, '')}%`}` : sql``;
  const where = sql`${whereScope(scope)} ${action}`;
  const total = await sql<{
    n: number | string;
  }>`select count(*) as n from audit_events a where ${where}`.execute(db);
  const rows = await sql<TrailRow>`
    select a.seq, a.id, a.at, a.user_id as "userId", u.display_name as "userName", a.action, a.entity,
           a.entity_id as "entityId", a.data
    from audit_events a left join users u on u.id = a.user_id
    where ${where}
    order by a.seq desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}
