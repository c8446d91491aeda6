/**
 * What a page queues for the server while the network is away, kept on the device (IndexedDB) so
 * that a reload or a reopened app still has it, and the loop that sends it in order when the
 * network returns. The count entry queue (features/count/entry-queue.ts) and the check-in queue
 * (features/polling/checkin-queue.ts) are built on it. Each record is under a key that names the
 * user, so one user's queue is never sent with another's session.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from './client';

/** Where records are kept: IndexedDB in the browser, a Map in tests (and where IndexedDB is missing). */
export interface OutboxStorage {
  get<T>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export function memoryStorage(): OutboxStorage {
  const m = new Map<string, unknown>();
  return {
    get: <T>(k: string) => Promise.resolve(structuredClone(m.get(k)) as T | undefined),
    put: (k, v) => Promise.resolve(void m.set(k, structuredClone(v))),
    delete: (k) => Promise.resolve(void m.delete(k)),
    keys: () => Promise.resolve([...m.keys()]),
  };
}

const DB = 'baucoso-outbox';
const STORE = 'records';

function indexedDbStorage(): OutboxStorage {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
    }));
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> => {
    const tx = (await db()).transaction(STORE, mode);
    const req = op(tx.objectStore(STORE));
    return new Promise<T>((resolve, reject) => {
      // Resolved when the transaction has committed: a record said kept is on disk.
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB'));
    });
  };
  return {
    get: <T>(k: string) => run<T | undefined>('readonly', (s) => s.get(k)),
    put: async (k, v) => void (await run('readwrite', (s) => s.put(v, k))),
    delete: async (k) => void (await run('readwrite', (s) => s.delete(k))),
    keys: async () => (await run<IDBValidKey[]>('readonly', (s) => s.getAllKeys())).map(String),
  };
}

let shared: OutboxStorage | null = null;
/** The device's storage (one per page load). */
export function deviceStorage(): OutboxStorage {
  return (shared ??= typeof indexedDB === 'undefined' ? memoryStorage() : indexedDbStorage());
}

/** The key of one queue: its kind, the user, then what it belongs to (election, count, batch, lane). */
export const recordKey = (kind: string, userId: string, ...of: readonly (string | number)[]) =>
  [kind, userId, ...of].map((p) => encodeURIComponent(String(p))).join('/');

/** How a queue's record is stored: with how many of its writes still wait for the server. */
interface Stored<R> {
  readonly waiting: number;
  readonly record: R;
}

/**
 * Forgets what a user kept on this device that has nothing left to send (at sign-out: the copies
 * of the count kept for offline use go with it). Writes still waiting stay, to be sent when the
 * same user signs in again: they are part of the election's record.
 */
export async function forgetSentRecords(
  userId: string,
  storage: OutboxStorage = deviceStorage(),
): Promise<void> {
  const mine = (await storage.keys()).filter((k) => k.split('/')[1] === encodeURIComponent(userId));
  for (const k of mine) {
    const r = await storage.get<Stored<unknown>>(k);
    if (!r || r.waiting === 0) await storage.delete(k);
  }
}

/** A lost connection, a timeout, a rate limit or a 5xx may pass on retry (with the same keys). */
export const retryable = (e: unknown) =>
  e instanceof ApiError && (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500);
/** Any other 4xx is the server's refusal: it will not change on retry. */
export const isRefusal = (e: unknown) =>
  e instanceof ApiError && e.status >= 400 && e.status < 500 && !retryable(e);

/** How the sending loop waits before a retry, and how it learns the network is back. */
export interface Network {
  readonly online: () => boolean;
  /** Resolves after `ms`, or earlier when the browser says it is online again. */
  readonly wait: (ms: number) => Promise<void>;
  readonly subscribe: (f: () => void) => () => void;
}

export const browserNetwork: Network = {
  online: () => typeof navigator === 'undefined' || navigator.onLine,
  wait: (ms) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        window.removeEventListener('online', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      window.addEventListener('online', done);
    }),
  subscribe: (f) => {
    window.addEventListener('online', f);
    window.addEventListener('offline', f);
    return () => {
      window.removeEventListener('online', f);
      window.removeEventListener('offline', f);
    };
  },
};

/** Waits between tries: short at first, at most 5 s; offline, until the browser is online again. */
export const retryDelay = (attempt: number) => Math.min(300 * (attempt + 1), 5_000);
const OFFLINE_WAIT_MS = 30_000;

/**
 * Runs `step` until it says there is nothing left, one step at a time, however often it is
 * kicked. A step that throws a retryable error is tried again after a pause (with the same keys:
 * the queue decides what a step sends); while it fails, `failing` is true, which the page shows
 * as offline even when the browser claims to be online (a poor network often does).
 */
export class Pump {
  private running = false;
  private again = false;
  /** The page that owned the queue is gone: a new one sends what is left, this one must not too. */
  stopped = false;
  failing = false;

  constructor(
    private readonly step: () => Promise<'more' | 'idle'>,
    private readonly net: Network,
    private readonly changed: () => void,
    private readonly failed: (e: unknown) => void,
  ) {}

  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return Promise.resolve();
    }
    this.running = true;
    return this.loop().finally(() => (this.running = false));
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    for (;;) {
      if (this.stopped) return;
      this.again = false;
      let r: 'more' | 'idle';
      try {
        r = await this.step();
        if (this.failing) {
          this.failing = false;
          this.changed();
        }
        attempt = 0;
      } catch (e) {
        if (!retryable(e)) {
          // Neither a refusal (the queue handles those) nor worth retrying: said, and stopped
          // until the next kick.
          this.failed(e);
          return;
        }
        if (!this.failing) {
          this.failing = true;
          this.changed();
        }
        await this.net.wait(this.net.online() ? retryDelay(attempt) : OFFLINE_WAIT_MS);
        attempt += 1;
        continue;
      }
      if (r === 'idle' && !this.again) return;
    }
  }
}

/**
 * A queue kept on the device under one key: its record in memory and in storage (each change
 * written in order, then the page told), and the pump that sends it. A queue says what it sends
 * (`step`) and what the page sees (`snapshotOf`).
 */
export abstract class KeptQueue<R, S> {
  protected readonly pump: Pump;
  private snap: S | null = null;
  private readonly listeners = new Set<() => void>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    protected readonly key: string,
    protected record: R,
    protected readonly storage: OutboxStorage,
    net: Network,
    onError: (e: unknown) => void,
  ) {
    this.pump = new Pump(
      () => this.step(),
      net,
      () => this.changed(),
      onError,
    );
  }

  protected abstract step(): Promise<'more' | 'idle'>;
  protected abstract snapshotOf(): S;
  /** How many writes of the record the server has not acknowledged. */
  protected abstract waiting(): number;

  /** The record this device kept under the queue's key, if any. */
  protected async load(): Promise<R | undefined> {
    return (await this.storage.get<Stored<R>>(this.key))?.record;
  }

  readonly subscribe = (f: () => void) => {
    this.listeners.add(f);
    return () => void this.listeners.delete(f);
  };
  readonly snapshot = (): S => (this.snap ??= this.snapshotOf());

  /** Sends again now (the network is back). */
  retry(): void {
    void this.pump.kick();
  }

  /** The page shows the queue: it sends (again). */
  start(): void {
    this.pump.stopped = false;
    void this.pump.kick();
  }

  /**
   * The page left: the queue stops sending and writing, so that the page opened again (a new queue
   * on the same record) is the only one to send it, and an answer arriving late here does not
   * overwrite what the new one wrote (it sends that paper again, which its key makes harmless).
   */
  stop(): void {
    this.pump.stopped = true;
  }

  /** The last try failed for want of a network (or of a server). */
  protected get failing(): boolean {
    return this.pump.failing;
  }

  protected changed(): void {
    this.snap = null;
    for (const f of this.listeners) f();
  }

  /** Writes the record (one write after another, in order) and tells the page. */
  protected save(): Promise<void> {
    this.changed();
    if (this.pump.stopped) return this.saving;
    const copy: Stored<R> = { waiting: this.waiting(), record: structuredClone(this.record) };
    this.saving = this.saving.then(() => this.storage.put(this.key, copy)).catch(() => undefined);
    return this.saving;
  }
}

/** A page's kept queue while the page is shown: its snapshot re-renders the page; it sends only meanwhile. */
export function useShownQueue<S>(queue: KeptQueue<unknown, S>): S {
  const snapshot = useSyncExternalStore(queue.subscribe, queue.snapshot);
  useEffect(() => {
    queue.start();
    return () => queue.stop();
  }, [queue]);
  return snapshot;
}
