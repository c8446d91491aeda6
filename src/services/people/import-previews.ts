/**
 * What a residents-import preview parsed and validated, kept so that its confirmation writes it without
 * reading the file again. Held in this process only (a restart forgets it: the officer previews again),
 * per store, bounded in entries and in rows, each entry for one actor and one hamlet.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store';

/** How long a preview can be confirmed: a polling-day office leaves a page open, not a whole day. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;
/** At most this many previews at once, and this many rows in all of them (the oldest goes first). */
export const MAX_PREVIEWS = 8;
export const MAX_PREVIEW_ROWS = 400_000;

export interface KeptPreview<T> {
  readonly id: string;
  readonly userId: string;
  readonly hamletId: string;
  readonly fileSha256: string;
  /** The import options as the preview used them (mapping, layout, residence default), serialised. */
  readonly options: string;
  /** The civil date validation used (ages depend on it). */
  readonly today: string;
  readonly at: number;
  readonly rows: number;
  readonly value: T;
}

export interface PreviewKeeper<T> {
  keep(entry: Omit<KeptPreview<T>, 'id'>): string;
  /** The preview with this id if it is still current, for this actor and hamlet only; else null. */
  take(id: string, userId: string, hamletId: string, now: number): KeptPreview<T> | null;
  drop(id: string): void;
  readonly size: number;
}

export function createPreviewKeeper<T>(
  limits: { entries: number; rows: number; ttlMs: number } = {
    entries: MAX_PREVIEWS,
    rows: MAX_PREVIEW_ROWS,
    ttlMs: PREVIEW_TTL_MS,
  },
): PreviewKeeper<T> {
  // Insertion order is age order: the first entries are the oldest.
  const entries = new Map<string, KeptPreview<T>>();
  let rows = 0;
  const remove = (id: string) => {
    const e = entries.get(id);
    if (!e) return;
    entries.delete(id);
    rows -= e.rows;
  };
  const expire = (now: number) => {
    for (const e of entries.values()) if (now - e.at > limits.ttlMs || e.at > now) remove(e.id);
  };
  return {
    keep(entry) {
      expire(entry.at);
      // A new preview of the same hamlet by the same actor replaces the one before (new file or mapping).
      for (const e of entries.values())
        if (e.userId === entry.userId && e.hamletId === entry.hamletId) remove(e.id);
      const id = randomUUID();
      entries.set(id, { ...entry, id });
      rows += entry.rows;
      for (const e of entries.values()) {
        if (entries.size <= limits.entries && rows <= limits.rows) break;
        if (e.id !== id) remove(e.id);
      }
      // A file too large to keep even alone is not kept: its confirmation reads the file again.
      if (rows > limits.rows) {
        remove(id);
        return '';
      }
      return id;
    },
    take(id, userId, hamletId, now) {
      expire(now);
      const e = entries.get(id);
      return e && e.userId === userId && e.hamletId === hamletId ? e : null;
    },
    drop: remove,
    get size() {
      return entries.size;
    },
  };
}

const keepers = new WeakMap<Store, PreviewKeeper<unknown>>();

/** The previews kept for one store (one per database: tests open many stores in one process). */
export function previewKeeperOf<T>(store: Store): PreviewKeeper<T> {
  let k = keepers.get(store);
  if (!k) {
    k = createPreviewKeeper<unknown>();
    keepers.set(store, k);
  }
  return k as PreviewKeeper<T>;
}
