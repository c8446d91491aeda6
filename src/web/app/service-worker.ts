/**
 * Registers the app shell's service worker (src/web/sw/): after the page has loaded, so that on a
 * slow link the files it keeps do not compete with the first page. Not in development (the dev
 * server's files have no build hashes). Service workers need a secure context: HTTPS, or localhost.
 */
import { API_CACHE } from '../sw/policy';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Forgets the reads kept for offline use: they belong to the user who signed out (or the previous one). */
export async function forgetOfflineReads(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}
