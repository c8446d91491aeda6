/**
 * One search box across what the caller may read: communes and hamlets by name, people by name
 * without diacritics ("nguyen van an" finds "Nguyễn Văn An", through the folded `search_name`), and
 * issued documents by number ("12", "12/BC-UBND").
 */
import { foldForSearch } from '../../domain/people/names';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { Db } from '../../store';
import { search as repo } from '../../store';
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

/**
 * What the actor may find: the communes it may read; an election team only its own hamlet, and no
 * documents but its election's (the polling table needs nothing else).
 */
async function scopeOf(db: Db, actor: Actor): Promise<repo.SearchScope> {
  switch (actor.scope.kind) {
    case 'all':
      return { communes: null };
    case 'province':
      return { communes: await repo.provinceCommunes(db, actor.scope.id) };
    case 'commune':
      return { communes: [actor.scope.id] };
    case 'election': {
      const e = await repo.electionPlace(db, actor.scope.id);
      return e
        ? { communes: [e.communeId], hamletId: e.hamletId, electionId: actor.scope.id }
        : { communes: [] };
    }
  }
}

async function places(db: Db, scope: repo.SearchScope, folded: string): Promise<SearchHit[]> {
  const hamlets = (await repo.hamlets(db, scope))
    .filter((h) => foldForSearch(`${h.name} ${h.communeName}`).includes(folded))
    .slice(0, LIMIT)
    .map((h): SearchHit => ({
      kind: 'hamlet',
      id: h.id,
      title: h.name,
      detail: h.communeName,
      path: `/thon/${h.id}`,
    }));
  // A team works in one hamlet: its commune is not a place it needs to find.
  const communes = scope.hamletId
    ? []
    : (await repo.communes(db, scope))
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

async function people(db: Db, scope: repo.SearchScope, folded: string): Promise<SearchHit[]> {
  if (folded.length < 2) return [];
  return (await repo.people(db, scope, folded)).map((r) => ({
    kind: 'person',
    id: r.id,
    title: r.full_name,
    detail: `${r.birth_date.slice(0, 4)} · ${r.hamletName}, ${r.communeName}`,
    path: `/nhan-khau/${r.id}`,
  }));
}

async function documents(db: Db, scope: repo.SearchScope, query: string): Promise<SearchHit[]> {
  const m = /^\s*(\d{1,6})\s*(?:\/\s*([\p{L}\d-]+))?/u.exec(query);
  if (!m) return [];
  return (await repo.documents(db, scope, Number(m[1]), m[2] ? m[2].toUpperCase() : null)).map((d) => ({
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
  const scope = await scopeOf(db, actor);
  const folded = foldForSearch(text);
  const hits = [
    ...(await documents(db, scope, text)),
    ...(await places(db, scope, folded)),
    ...(await people(db, scope, folded)),
  ];
  return ok({ query: text, hits });
}
