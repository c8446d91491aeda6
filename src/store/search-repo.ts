/**
 * The search box's queries. A scope narrows every query: the communes a caller may read, and for an
 * election team the one hamlet (and election) it works in.
 */
import type { Db } from './database';

export interface SearchScope {
  /** Communes the caller may read; null for all. */
  readonly communes: readonly string[] | null;
  /** An election team sees only its hamlet. */
  readonly hamletId?: string;
  /** An election team sees only its election's documents. */
  readonly electionId?: string;
}

const LIMIT = 20;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const empty = (s: SearchScope) => s.communes !== null && s.communes.length === 0;

/** The commune of an election, for a team member's scope. */
export async function electionPlace(db: Db, electionId: string) {
  return db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select(['h.commune_id as communeId', 'h.id as hamletId'])
    .where('e.id', '=', electionId)
    .executeTakeFirst();
}

export async function provinceCommunes(db: Db, provinceCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('communes')
    .select('id')
    .where('province_code', '=', provinceCode)
    .execute();
  return rows.map((c) => c.id);
}

/** Live hamlets in scope, with their commune's name (the caller folds and filters names). */
export async function hamlets(db: Db, scope: SearchScope) {
  if (empty(scope)) return [];
  let q = db
    .selectFrom('hamlets as h')
    .innerJoin('communes as c', 'c.id', 'h.commune_id')
    .select(['h.id', 'h.name', 'c.name as communeName'])
    .where('h.dissolved_on', 'is', null);
  if (scope.communes) q = q.where('h.commune_id', 'in', scope.communes);
  if (scope.hamletId) q = q.where('h.id', '=', scope.hamletId);
  return q.execute();
}

export async function communes(db: Db, scope: SearchScope) {
  if (empty(scope)) return [];
  let q = db.selectFrom('communes').select(['id', 'name', 'code']);
  if (scope.communes) q = q.where('id', 'in', scope.communes);
  return q.execute();
}

/** Residents whose folded name contains `folded`. */
export async function people(db: Db, scope: SearchScope, folded: string) {
  if (empty(scope)) return [];
  let q = db
    .selectFrom('residents as r')
    .innerJoin('households as hh', 'hh.id', 'r.household_id')
    .innerJoin('hamlets as h', 'h.id', 'hh.hamlet_id')
    .innerJoin('communes as c', 'c.id', 'h.commune_id')
    .select(['r.id', 'r.full_name', 'r.birth_date', 'h.name as hamletName', 'c.name as communeName'])
    .where('r.search_name', 'like', `%${escapeLike(folded)}%`)
    .orderBy('r.search_name')
    .limit(LIMIT);
  if (scope.communes) q = q.where('h.commune_id', 'in', scope.communes);
  if (scope.hamletId) q = q.where('h.id', '=', scope.hamletId);
  return q.execute();
}

/** Issued documents by number (and symbol). */
export async function documents(db: Db, scope: SearchScope, number: number, symbol: string | null) {
  if (empty(scope)) return [];
  let q = db
    .selectFrom('documents as d')
    .leftJoin('communes as c', 'c.id', 'd.commune_id')
    .select(['d.id', 'd.title', 'd.number', 'd.symbol', 'd.year', 'd.commune_id', 'c.name as communeName'])
    .where('d.number', '=', number)
    .orderBy('d.issued_at', 'desc')
    .limit(LIMIT);
  if (symbol) q = q.where('d.symbol', '=', symbol);
  if (scope.communes) q = q.where('d.commune_id', 'in', scope.communes);
  if (scope.electionId) q = q.where('d.election_id', '=', scope.electionId);
  return q.execute();
}
