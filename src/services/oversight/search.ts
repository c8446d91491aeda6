/**
 * One search box across what the caller may read: communes and hamlets by name, people by name
 * without diacritics ("nguyen van an" finds "Nguyễn Văn An", through the folded `search_name`), and
 * issued documents by number ("12", "12/BC-UBND").
 */
import { foldForSearch } from '../../domain/people/names';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { failures } from '../common';

export interface SearchHit {
  readonly kind: 'commune' | 'hamlet' | 'person' | 'document';
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  /** The page of the web app that shows it. */
  readonly path: string;
}

export interface SearchResults {
  readonly query: string;
  readonly hits: SearchHit[];
}

const LIMIT = 20;

/** The communes the actor may read, or null for all of them. */
async function communeScope(db: Db, actor: Actor): Promise<string[] | null> {
  switch (actor.scope.kind) {
    case 'all':
      return null;
    case 'province':
      return (
        await db.selectFrom('communes').select('id').where('province_code', '=', actor.scope.id).execute()
      ).map((c) => c.id);
    case 'commune':
      return [actor.scope.id];
    case 'election': {
      const e = await db
        .selectFrom('elections as e')
        .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
        .select('h.commune_id')
        .where('e.id', '=', actor.scope.id)
        .executeTakeFirst();
      return e ? [e.commune_id] : [];
    }
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

async function places(db: Db, scope: string[] | null, folded: string): Promise<SearchHit[]> {
  if (scope !== null && scope.length === 0) return [];
  let hq = db
    .selectFrom('hamlets as h')
    .innerJoin('communes as c', 'c.id', 'h.commune_id')
    .select(['h.id', 'h.name', 'c.name as communeName'])
    .where('h.dissolved_on', 'is', null);
  if (scope) hq = hq.where('h.commune_id', 'in', scope);
  const hamlets = (await hq.execute())
    .filter((h) => foldForSearch(`${h.name} ${h.communeName}`).includes(folded))
    .slice(0, LIMIT)
    .map((h): SearchHit => ({
      kind: 'hamlet',
      id: h.id,
      title: h.name,
      detail: h.communeName,
      path: `/thon/${h.id}`,
    }));
  let cq = db.selectFrom('communes').select(['id', 'name', 'code']);
  if (scope) cq = cq.where('id', 'in', scope);
  const communes = (await cq.execute())
    .filter((c) => foldForSearch(c.name).includes(folded) || c.code === folded)
    .slice(0, LIMIT)
    .map((c): SearchHit => ({
      kind: 'commune',
      id: c.id,
      title: c.name,
      detail: `Mã ${c.code}`,
      path: `/xa/${c.id}`,
    }));
  return [...communes, ...hamlets];
}

async function people(db: Db, scope: string[] | null, folded: string): Promise<SearchHit[]> {
  if (folded.length < 2 || (scope !== null && scope.length === 0)) return [];
  let q = db
    .selectFrom('residents as r')
    .innerJoin('households as hh', 'hh.id', 'r.household_id')
    .innerJoin('hamlets as h', 'h.id', 'hh.hamlet_id')
    .innerJoin('communes as c', 'c.id', 'h.commune_id')
    .select(['r.id', 'r.full_name', 'r.birth_date', 'h.name as hamletName', 'c.name as communeName'])
    .where('r.search_name', 'like', `%${escapeLike(folded)}%`)
    .orderBy('r.search_name')
    .limit(LIMIT);
  if (scope) q = q.where('h.commune_id', 'in', scope);
  return (await q.execute()).map((r) => ({
    kind: 'person',
    id: r.id,
    title: r.full_name,
    detail: `${r.birth_date.slice(0, 4)} · ${r.hamletName}, ${r.communeName}`,
    path: `/nhan-khau/${r.id}`,
  }));
}

async function documents(db: Db, scope: string[] | null, query: string): Promise<SearchHit[]> {
  const m = /^\s*(\d{1,6})\s*(?:\/\s*([\p{L}\d-]+))?/u.exec(query);
  if (!m || (scope !== null && scope.length === 0)) return [];
  let q = db
    .selectFrom('documents as d')
    .leftJoin('communes as c', 'c.id', 'd.commune_id')
    .select([
      'd.id',
      'd.title',
      'd.number',
      'd.symbol',
      'd.year',
      'd.issued_at',
      'd.commune_id',
      'c.name as communeName',
    ])
    .where('d.number', '=', Number(m[1]))
    .orderBy('d.issued_at', 'desc')
    .limit(LIMIT);
  if (m[2]) q = q.where('d.symbol', '=', m[2].toUpperCase());
  if (scope) q = q.where('d.commune_id', 'in', scope);
  return (await q.execute()).map((d) => ({
    kind: 'document',
    id: d.id,
    title: `Số ${d.number}/${d.symbol ?? ''}`,
    detail: `${d.title} · ${d.communeName ?? ''} · ${d.year}`,
    path: d.commune_id ? `/xa/${d.commune_id}/van-ban` : '/',
  }));
}

export async function search(
  ctx: ServiceContext,
  actor: Actor,
  query: string,
): Promise<Result<SearchResults>> {
  const text = (query ?? '').normalize('NFC').trim();
  if (text.length < 1 || text.length > 100)
    return err(failures.invalid('q', 'Hãy nhập từ 1 đến 100 ký tự để tìm.'));
  const db = ctx.store.db;
  const scope = await communeScope(db, actor);
  const folded = foldForSearch(text);
  const hits = [
    ...(await documents(db, scope, text)),
    ...(await places(db, scope, folded)),
    ...(await people(db, scope, folded)),
  ];
  return ok({ query: text, hits });
}
