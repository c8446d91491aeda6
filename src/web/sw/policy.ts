/**
 * What the app shell's service worker does with each request (service-worker.ts runs it; kept apart
 * so that it is tested without a browser). Only GETs of this site are ever answered from a cache.
 */

/** The hashed app shell of one build: index.html, scripts, styles, icons. */
export const SHELL_CACHE_PREFIX = 'baucoso-shell-';
/**
 * The few API answers the check-in and count entry pages need to reopen without a network. Deleted
 * when the user signs out or in, and when the server answers that the session is gone.
 */
export const API_CACHE = 'baucoso-api';

/**
 * The reads kept for offline use, and only these: who is signed in (the shell needs it to show any
 * page), the poll, its turnout and its ballots (the check-in page). The count entry page keeps its own copy of
 * the count with its queue (features/count/entry-queue.ts), since it must know which of its papers
 * that copy already counts. The roll and its search (names, cards) are never kept: offline, a voter
 * is checked in by roll number or card code and the server looks them up when the check-in is sent.
 */
export const OFFLINE_READS: readonly RegExp[] = [
  /^\/api\/me$/,
  /^\/api\/elections\/[^/]+\/polling$/,
  /^\/api\/elections\/[^/]+\/polling\/turnout$/,
  /^\/api\/elections\/[^/]+\/polling\/ballots$/,
];

export type Strategy =
  /** A page of the app (a client route): the network, else the cached index.html. */
  | 'page'
  /** A file of the build: the cache, else the network. */
  | 'shell'
  /** An offline read: the network (its answer kept), else the kept answer. */
  | 'read'
  /** Anything else (writes, other reads, downloads, other sites): straight to the network. */
  | 'network';

export function strategyOf(
  request: { readonly method: string; readonly mode: string },
  url: URL,
  origin: string,
): Strategy {
  if (request.method !== 'GET' || url.origin !== origin) return 'network';
  if (url.pathname.startsWith('/api/')) {
    return url.search === '' && OFFLINE_READS.some((r) => r.test(url.pathname)) ? 'read' : 'network';
  }
  if (request.mode === 'navigate') return 'page';
  return 'shell';
}

/** A refusal saying the session is gone: what was kept for it must go too. */
export const endsSession = (status: number) => status === 401;
