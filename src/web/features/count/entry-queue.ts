/**
 * The entry page's queue of papers on their way to the server, kept on the device
 * (shared/outbox.ts) under the user, the count, the batch and the lane, so that papers typed with no
 * network survive a reload or a reopened app and go when the network returns.
 *
 * Papers of one lane go in the order they were typed, one request at a time, because the server
 * gives each paper the next place of its lane. When answers come slower than keys (a slow network,
 * a busy server), the papers that queued up go together in one bulk request, each with its own
 * idempotency key and acknowledgement (docs/benchmarks.md, "Count API"). A lost connection or a 5xx
 * is retried with the same keys, so a retry is never counted twice (the server answers `replay`).
 * A refusal (4xx) is final: the paper leaves the queue and its Vietnamese message is shown.
 *
 * What the page shows offline comes from the record too: the count as the server last answered it
 * (`view`), the lane's papers the server had then (`baseline`), and every paper typed since on
 * this device. Opened with the network, the record starts again from the server's figures and
 * keeps only what the server has not acknowledged.
 */
import { useMemo, useRef } from 'react';
import * as contract from '../../../contract/count';
import type { CountedPaperView, CountView, EntryAck, EntryContextView } from '../../../contract/count';
import { PAPER_LIMITS } from '../../../domain/count/counted-paper';
import { call, errorText } from '../../shared/client';
import type { Network, OutboxStorage } from '../../shared/outbox';
import {
  KeptQueue,
  browserNetwork,
  deviceStorage,
  isRefusal,
  recordKey,
  useShownQueue,
} from '../../shared/outbox';

/** One typed paper: its idempotency key, the paper, and the server's acknowledgement once stored. */
export interface QueuedPaper {
  readonly key: string;
  readonly paper: CountedPaperView;
  ack: EntryAck | null;
  /** A request carrying this key has been made: the server may hold the paper without our knowing. */
  tried: boolean;
  /** Taken back by the counter; an acknowledged paper is then undone on the server too. */
  undone: boolean;
  /** Kept from an earlier opening of the page (the server's figures were read after it was typed). */
  carried?: boolean;
  /** Carried and found already stored: the server's figures count it, the page must not again. */
  inBaseline?: boolean;
}

/** What is kept on the device for one lane. */
export interface LaneRecord {
  view: CountView | null;
  ctx: EntryContextView | null;
  /** The lane's papers in `view`, which the papers below come after. */
  baseline: number;
  papers: QueuedPaper[];
}

export interface EntryTarget {
  readonly userId: string;
  readonly countId: string;
  readonly batchId: string;
  readonly lane: 1 | 2;
}

export interface EntryEvents {
  /** The server refused a paper: it is not stored. */
  readonly onRefused: (item: QueuedPaper, message: string) => void;
  /** An undo could not be recorded, or an answer could not be read. */
  readonly onError: (message: string) => void;
}

/** The three calls the queue makes (the contract's, or a test's). */
export interface EntryTransport {
  enterPaper(countId: string, body: contract.EntryInput): Promise<EntryAck>;
  enterPapers(countId: string, papers: contract.EntryInput[]): Promise<EntryAck[]>;
  undoEntry(countId: string, entryId: string): Promise<void>;
}

export const apiTransport: EntryTransport = {
  enterPaper: (id, body) => call(contract.enterPaper, { params: { id }, body }),
  enterPapers: async (id, papers) =>
    (await call(contract.enterPapers, { params: { id }, body: { papers } })).acks,
  undoEntry: async (id, entryId) => void (await call(contract.undoEntry, { params: { id, entryId } })),
};

export interface EntrySnapshot {
  /** Null until opened; 'unavailable' when opened offline with nothing kept for this lane. */
  readonly state: 'opening' | 'open' | 'unavailable';
  readonly view: CountView | null;
  readonly ctx: EntryContextView | null;
  /** The lane's papers the server counts in `view` (the page adds `live` to it). */
  readonly already: number;
  /** Papers typed here and not taken back, in order, that `already` does not count. */
  readonly live: readonly QueuedPaper[];
  /** Papers and undos not yet acknowledged by the server. */
  readonly pending: number;
  /** The last try failed for want of a network (or of a server). */
  readonly failing: boolean;
}

const needsSend = (p: QueuedPaper) => !p.ack && (!p.undone || p.tried);
const needsUndo = (p: QueuedPaper) => p.ack !== null && p.undone;

export const laneKey = (t: EntryTarget) => recordKey('count', t.userId, t.countId, t.batchId, t.lane);

export class EntryQueue extends KeptQueue<LaneRecord, EntrySnapshot> {
  private state: EntrySnapshot['state'] = 'opening';
  private opened = false;
  /** Papers of a refused bulk request: each goes alone, so that only a wrong paper is dropped. */
  private readonly alone = new Set<string>();

  constructor(
    private readonly target: EntryTarget,
    private readonly events: EntryEvents,
    storage: OutboxStorage = deviceStorage(),
    private readonly transport: EntryTransport = apiTransport,
    net: Network = browserNetwork,
  ) {
    super(laneKey(target), { view: null, ctx: null, baseline: 0, papers: [] }, storage, net, (e) =>
      events.onError(errorText(e)),
    );
  }

  /**
   * Opens the lane: with the server's figures just read (`fresh`), or, offline (`null`), with what
   * this device kept. Sends whatever is left.
   */
  async open(fresh: { view: CountView } | null): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    const kept = await this.load();
    if (fresh) {
      const batch = fresh.view.batches.find((b) => b.id === this.target.batchId);
      this.record = {
        view: fresh.view,
        ctx: kept?.ctx ?? null,
        baseline: batch?.entered[this.target.lane - 1] ?? 0,
        // What the server acknowledged is in its figures now; the rest is still to send.
        papers: (kept?.papers ?? [])
          .filter((p) => needsSend(p) || needsUndo(p))
          .map((p) => ({ ...p, carried: true })),
      };
      this.state = 'open';
    } else if (kept?.view) {
      this.record = kept;
      this.state = 'open';
    } else {
      this.state = 'unavailable';
      this.changed();
      return;
    }
    await this.save();
    void this.pump.kick();
  }

  /** Whose lane is whose, as the server last said: kept for an offline reopening. */
  setContext(ctx: EntryContextView): void {
    this.record.ctx = ctx;
    void this.save();
  }

  add(paper: CountedPaperView): QueuedPaper {
    const item: QueuedPaper = { key: crypto.randomUUID(), paper, ack: null, tried: false, undone: false };
    this.record.papers.push(item);
    void this.save().then(() => this.pump.kick());
    return item;
  }

  /** Takes back the last paper typed (and not yet taken back). */
  undo(): void {
    const last = [...this.record.papers].reverse().find((p) => !p.undone);
    if (!last) return;
    last.undone = true;
    void this.save().then(() => this.pump.kick());
  }

  protected snapshotOf(): EntrySnapshot {
    const r = this.record;
    return {
      state: this.state,
      view: r.view,
      ctx: r.ctx,
      already: r.baseline,
      live: r.papers.filter((p) => !p.undone && !p.inBaseline),
      pending: this.waiting(),
      failing: this.failing,
    };
  }

  protected waiting(): number {
    return this.record.papers.filter((p) => needsSend(p) || needsUndo(p)).length;
  }

  private remove(p: QueuedPaper): void {
    this.record.papers = this.record.papers.filter((x) => x !== p);
  }

  /** One request: the first paper (or undo) waiting, with the papers queued after it. */
  protected async step(): Promise<'more' | 'idle'> {
    const r = this.record;
    // Taken back before any request carried it: the server never hears of it.
    const never = r.papers.filter((p) => p.undone && !p.tried && !p.ack);
    if (never.length > 0) {
      r.papers = r.papers.filter((p) => !never.includes(p));
      await this.save();
    }
    const at = r.papers.findIndex((p) => needsSend(p) || needsUndo(p));
    const first = r.papers[at];
    if (!first) return 'idle';
    if (needsUndo(first)) {
      await this.undoOne(first);
      return 'more';
    }
    const group: QueuedPaper[] = [first];
    if (!this.alone.has(first.key)) {
      for (const p of r.papers.slice(at + 1)) {
        if (group.length >= PAPER_LIMITS.perRequestMax || needsUndo(p) || this.alone.has(p.key)) break;
        if (needsSend(p)) group.push(p);
      }
    }
    for (const p of group) p.tried = true;
    // Kept as tried before the request leaves: after a crash the paper is sent again, never forgotten.
    await this.save();
    const entryOf = (p: QueuedPaper): contract.EntryInput => ({
      batchId: this.target.batchId,
      lane: this.target.lane,
      kept: p.paper.kept,
      defect: p.paper.defect,
      key: p.key,
    });
    if (group.length > 1) {
      try {
        const acks = await this.transport.enterPapers(this.target.countId, group.map(entryOf));
        group.forEach((p, i) => this.acknowledged(p, acks[i] ?? null));
        await this.save();
        return 'more';
      } catch (e) {
        if (!isRefusal(e)) throw e;
        // Refused as a whole, nothing stored: each paper of the group goes alone.
        for (const p of group) this.alone.add(p.key);
        return 'more';
      }
    }
    try {
      this.acknowledged(first, await this.transport.enterPaper(this.target.countId, entryOf(first)));
    } catch (e) {
      if (!isRefusal(e)) throw e;
      this.remove(first);
      this.events.onRefused(first, errorText(e));
    }
    this.alone.delete(first.key);
    await this.save();
    return 'more';
  }

  private acknowledged(p: QueuedPaper, ack: EntryAck | null): void {
    p.ack = ack;
    // Stored by a try of an earlier opening whose answer was lost: the server's figures have it.
    if (ack?.replay && p.carried) p.inBaseline = true;
  }

  private async undoOne(p: QueuedPaper): Promise<void> {
    try {
      await this.transport.undoEntry(this.target.countId, p.ack!.entryId);
      // Gone from the server: a paper its figures counted leaves them too.
      if (p.inBaseline) this.record.baseline -= 1;
      this.remove(p);
    } catch (e) {
      if (!isRefusal(e)) throw e;
      // Still stored (the batch is locked, say): shown again, as the server holds it.
      p.undone = false;
      this.events.onError(errorText(e));
    }
    await this.save();
  }
}

/** The page's queue for one lane, its snapshot re-rendering the page on every change. */
export function useEntryQueue(target: EntryTarget, events: EntryEvents) {
  const { userId, countId, batchId, lane } = target;
  const eventsRef = useRef(events);
  eventsRef.current = events;
  // A new lane is a new queue; the events are read through the ref, so they need not be stable.
  const queue = useMemo(
    () =>
      new EntryQueue(
        { userId, countId, batchId, lane },
        {
          onRefused: (item, message) => eventsRef.current.onRefused(item, message),
          onError: (message) => eventsRef.current.onError(message),
        },
      ),
    [userId, countId, batchId, lane],
  );
  return { queue, snapshot: useShownQueue(queue) };
}
