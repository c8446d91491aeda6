import { describe, expect, it } from 'vitest';
import type { CountView, EntryAck, EntryInput } from '../../../contract/count';
import { ApiError } from '../../shared/client';
import type { Network, OutboxStorage } from '../../shared/outbox';
import { forgetSentRecords, memoryStorage } from '../../shared/outbox';
import { EntryQueue } from './entry-queue';
import type { EntryTarget, EntryTransport, QueuedPaper } from './entry-queue';

/** An answer a moment later, as over a network. */
const answer = <T>(f: () => T): Promise<T> =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(f());
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }, 1),
  );

/** A server that de-duplicates by idempotency key, as the count service does; it can be unplugged. */
function fakeServer() {
  const stored = new Map<string, EntryAck>();
  const undone = new Set<string>();
  const requests: string[][] = [];
  let up = true;
  let refuse: ((e: EntryInput) => boolean) | null = null;
  const store = (e: EntryInput): EntryAck => {
    const had = stored.get(e.key);
    if (had) return { ...had, replay: true };
    const ack: EntryAck = {
      entryId: `entry-${stored.size + 1}`,
      batchId: e.batchId,
      lane: e.lane,
      seq: stored.size + 1,
      kept: e.kept,
      defect: e.defect ?? null,
      replay: false,
    };
    stored.set(e.key, ack);
    return ack;
  };
  const check = (es: EntryInput[]) => {
    if (!up) throw new ApiError(0, 'network', 'Không kết nối được máy chủ.');
    requests.push(es.map((e) => e.key));
    if (refuse && es.some(refuse)) throw new ApiError(422, 'invalid-reason', 'Phiếu không hợp lệ.');
  };
  const transport: EntryTransport = {
    enterPaper: (_id, e) => answer(() => (check([e]), store(e))),
    enterPapers: (_id, es) => answer(() => (check(es), es.map(store))),
    undoEntry: (_id, entryId) =>
      answer(() => {
        if (!up) throw new ApiError(0, 'network', 'Không kết nối được máy chủ.');
        undone.add(entryId);
      }),
  };
  return {
    transport,
    requests,
    /** Papers stored and not undone: what the count holds. */
    counted: () => [...stored.values()].filter((a) => !undone.has(a.entryId)).length,
    storedKeys: () => [...stored.keys()],
    unplug: () => (up = false),
    plug: () => (up = true),
    refuseWhen: (f: (e: EntryInput) => boolean) => (refuse = f),
  };
}

const net: Network = {
  online: () => true,
  wait: () => new Promise((r) => setTimeout(r, 1)),
  subscribe: () => () => undefined,
};

const target: EntryTarget = { userId: 'u1', countId: 'c1', batchId: 'b1', lane: 1 };

function view(entered: number): CountView {
  return { batches: [{ id: 'b1', number: 1, size: 10, entered: [entered, 0] }] } as unknown as CountView;
}

const settle = async (q: EntryQueue) => {
  for (let i = 0; i < 200 && q.snapshot().pending > 0; i++) await new Promise((r) => setTimeout(r, 2));
};

function queue(
  storage: OutboxStorage,
  server: ReturnType<typeof fakeServer>,
  t: EntryTarget = target,
  refused: QueuedPaper[] = [],
) {
  return new EntryQueue(
    t,
    { onRefused: (p) => refused.push(p), onError: () => undefined },
    storage,
    server.transport,
    net,
  );
}

const one = { kept: ['cand-1'], defect: null };

/** A queue on a fresh device and server, opened with the network on a lane of `entered` papers. */
async function opened(entered = 0, refused: QueuedPaper[] = []) {
  const storage = memoryStorage();
  const server = fakeServer();
  const q = queue(storage, server, target, refused);
  await q.open({ view: view(entered) });
  return { storage, server, q };
}

describe('the count entry queue kept on the device', () => {
  it('keeps papers typed offline through a reload and sends them once, with their keys, when the network is back', async () => {
    const { storage, server, q: first } = await opened();
    server.unplug();
    const typed = [first.add(one), first.add(one), first.add({ kept: [], defect: null })];
    await expect.poll(() => first.snapshot().failing).toBe(true);
    expect(first.snapshot().pending).toBe(3);
    first.stop();

    // Reloaded with no network: the page opens from what the device kept.
    const again = queue(storage, server);
    await again.open(null);
    expect(again.snapshot().state).toBe('open');
    expect(again.snapshot().already).toBe(0);
    expect(again.snapshot().live.map((p) => p.key)).toEqual(typed.map((p) => p.key));
    expect(again.snapshot().pending).toBe(3);

    server.plug();
    again.retry();
    await settle(again);
    expect(server.counted()).toBe(3);
    expect(server.storedKeys()).toEqual(typed.map((p) => p.key));
    expect(again.snapshot().live).toHaveLength(3);
    expect(again.snapshot().failing).toBe(false);
  });

  it('counts, offline, the papers acknowledged since the kept copy of the count on top of it', async () => {
    const { storage, server, q } = await opened(4);
    q.add(one);
    q.add(one);
    await settle(q);
    server.unplug();
    q.add(one);
    await new Promise((r) => setTimeout(r, 10));

    q.stop();
    const reopened = queue(storage, server);
    await reopened.open(null);
    // The kept count says 4; the two acknowledged and the one waiting come on top: 7 in all.
    expect(reopened.snapshot().already + reopened.snapshot().live.length).toBe(7);
    expect(reopened.snapshot().pending).toBe(1);
  });

  it('opened with the network, keeps only what the server has not acknowledged, and a paper whose answer was lost is not shown twice', async () => {
    const { storage, server, q } = await opened();
    q.add(one);
    await settle(q);
    // The second paper reaches the server but its answer is lost.
    const lost = q.add(one);
    const sent = server.transport.enterPaper.bind(server.transport);
    server.transport.enterPaper = async (id, e) => {
      await sent(id, e);
      throw new ApiError(0, 'network', 'Mất kết nối.');
    };
    await new Promise((r) => setTimeout(r, 10));
    server.transport.enterPaper = sent;

    // Reopened online: the server counts both; the lost one is sent again and answered as a replay.
    q.stop();
    const reopened = queue(storage, server);
    await reopened.open({ view: view(2) });
    await settle(reopened);
    expect(server.counted()).toBe(2);
    expect(server.requests.filter((r) => r.includes(lost.key)).length).toBeGreaterThanOrEqual(2);
    expect(reopened.snapshot().already + reopened.snapshot().live.length).toBe(2);
  });

  it('sends the papers that queued behind a request together, each with its own key', async () => {
    const { server, q } = await opened();
    for (let i = 0; i < 5; i++) q.add(one);
    await settle(q);
    expect(server.counted()).toBe(5);
    expect(server.requests.flat()).toHaveLength(5);
    expect(server.requests.length).toBeLessThan(5);
  });

  it('never sends a paper taken back before it left, and undoes on the server one already stored', async () => {
    const { server, q } = await opened();
    q.add(one);
    await settle(q);
    q.undo();
    await settle(q);
    expect(server.counted()).toBe(0);
    server.unplug();
    const never = q.add(one);
    q.undo();
    server.plug();
    q.retry();
    await settle(q);
    expect(server.storedKeys()).not.toContain(never.key);
    expect(q.snapshot().live).toHaveLength(0);
    expect(q.snapshot().pending).toBe(0);
  });

  it('drops a refused paper with its message, and sends the rest of a refused group one by one', async () => {
    const refused: QueuedPaper[] = [];
    const { server, q } = await opened(0, refused);
    server.unplug();
    q.add(one);
    const bad = q.add({ kept: ['nobody'], defect: null });
    q.add(one);
    server.refuseWhen((e) => e.kept.includes('nobody'));
    server.plug();
    q.retry();
    await settle(q);
    expect(refused.map((p) => p.key)).toEqual([bad.key]);
    expect(server.counted()).toBe(2);
    expect(q.snapshot().live).toHaveLength(2);
  });

  it("keeps each user's queue apart, and forgets at sign-out only what has nothing left to send", async () => {
    const { storage, server, q: mine } = await opened();
    server.unplug();
    mine.add(one);
    await new Promise((r) => setTimeout(r, 5));
    const other = queue(storage, server, { ...target, userId: 'u2' });
    await other.open(null);
    expect(other.snapshot().state).toBe('unavailable');

    const done = queue(storage, server, { ...target, batchId: 'b2' });
    server.plug();
    await done.open({ view: view(0) });
    await forgetSentRecords('u1', storage);
    expect((await storage.keys()).map((k) => k.split('/').slice(0, 4).join('/'))).toEqual(['count/u1/c1/b1']);
  });
});
