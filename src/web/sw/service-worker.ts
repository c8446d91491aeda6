/**
 * The app shell's service worker (built to /sw.js by scripts/service-worker.ts, which fills in the
 * build's file list): it keeps every file of the build so that the app reopens with no network, and
 * the few reads the check-in and count entry pages need (policy.ts). Writes are never touched: the
 * pages queue them themselves (src/web/shared/outbox.ts) and send them when the network returns.
 */
import { API_CACHE, SHELL_CACHE_PREFIX, endsSession, strategyOf } from './policy';

// The service worker's own types (lib "WebWorker") clash with the DOM's in one program: the few
// used here, declared by hand.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', f: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', f: (e: FetchEvent) => void): void;
}

declare const __BAUCOSO_PRECACHE__: readonly string[];
declare const __BAUCOSO_VERSION__: string;

const sw = self as unknown as WorkerScope;
const shellCache = SHELL_CACHE_PREFIX + __BAUCOSO_VERSION__;
const INDEX = '/index.html';
/** A page waits this long for a network that reports itself online but does not answer. */
const PAGE_TIMEOUT_MS = 4_000;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(shellCache)
      .then((c) => c.addAll(__BAUCOSO_PRECACHE__.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  // The previous build's files go; the kept reads stay (they belong to the session, not the build).
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith(SHELL_CACHE_PREFIX) && k !== shellCache)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const strategy = strategyOf(event.request, url, sw.location.origin);
  if (strategy === 'page') event.respondWith(page(event.request));
  else if (strategy === 'shell') event.respondWith(shellFile(event.request));
  else if (strategy === 'read') event.respondWith(read(event.request));
});

/** The network's index.html (a new version shows at once), else the one of this build. */
async function page(request: Request): Promise<Response> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), PAGE_TIMEOUT_MS));
  try {
    const answer = await Promise.race([fetch(request), timeout]);
    if (answer) return answer;
  } catch {
    // No network: the kept shell below.
  }
  const kept = await caches.match(INDEX, { cacheName: shellCache });
  return kept ?? Response.error();
}

async function shellFile(request: Request): Promise<Response> {
  const kept = await caches.match(request, { cacheName: shellCache });
  return kept ?? fetch(request);
}

/** Network first; a good answer is kept, the kept one answers when the network does not. */
async function read(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  let answer: Response;
  try {
    answer = await fetch(request);
  } catch {
    const kept = await cache.match(request);
    return kept ?? Response.error();
  }
  if (answer.ok) await cache.put(request, answer.clone());
  else if (endsSession(answer.status)) await caches.delete(API_CACHE);
  return answer;
}
