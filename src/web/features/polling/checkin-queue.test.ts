import { describe, expect, it } from 'vitest';
import type { CheckInInput, PollingVoter } from '../../../contract/polling';
import { ApiError } from '../../shared/client';
import type { Network } from '../../shared/outbox';
import { memoryStorage } from '../../shared/outbox';
import { CheckInQueue, offlineCheckIn } from './checkin-queue';
import type { CheckInOutcome, CheckInSend } from './checkin-queue';

const net: Network = {
  online: () => true,
  wait: () => new Promise((r) => setTimeout(r, 1)),
  subscribe: () => () => undefined,
};

/** The check-in service's rule: one check-in per person, a second one refused as a conflict. */
function fakePoll() {
  const voted = new Set<number>();
  let up = true;
  let loseAnswers = false;
  const send: CheckInSend = async (_id, body: CheckInInput) => {
    // Unplugged when the request leaves: it never arrives.
    const reached = up;
    await new Promise((r) => setTimeout(r, 1));
    if (!reached) throw new ApiError(0, 'network', 'Không kết nối được máy chủ.');
    const n = body.rollNumber ?? Number(body.cardCode?.split('-')[1]);
    if (n > 100) throw new ApiError(404, 'not-found', 'Không tìm thấy cử tri này.');
    if (voted.has(n)) throw new ApiError(409, 'conflict', `Cử tri số ${n} đã bỏ phiếu.`, 'rollNumber');
    voted.add(n);
    if (loseAnswers) throw new ApiError(0, 'network', 'Mất kết nối.');
    return { rollNumber: n, fullName: `Cử tri ${n}` } as PollingVoter;
  };
  return {
    send,
    voted,
    unplug: () => (up = false),
    plug: () => (up = true),
    loseAnswers: (v: boolean) => (loseAnswers = v),
  };
}

const settle = async (q: CheckInQueue) => {
  for (let i = 0; i < 200 && q.snapshot().items.length > 0; i++) await new Promise((r) => setTimeout(r, 2));
};

describe('check-ins kept on the device', () => {
  it('keeps check-ins made offline through a reload and sends each once when the network is back', async () => {
    const storage = memoryStorage();
    const poll = fakePoll();
    poll.unplug();
    const first = new CheckInQueue('u1', 'e1', () => undefined, storage, poll.send, net);
    first.add({ rollNumber: 3, mobileBoxId: null });
    first.add({ cardCode: 'ABC123-7', mobileBoxId: null });
    await expect.poll(() => first.snapshot().failing).toBe(true);
    expect(first.snapshot().items).toHaveLength(2);
    // The page is reloaded: the old one's queue is gone.
    first.stop();

    // Reopened: what was kept goes first, in order.
    const outcomes: CheckInOutcome[] = [];
    poll.plug();
    const again = new CheckInQueue('u1', 'e1', (o) => outcomes.push(o), storage, poll.send, net);
    await again.ready();
    await settle(again);
    expect([...poll.voted]).toEqual([3, 7]);
    expect(outcomes.map((o) => o.kind)).toEqual(['done', 'done']);
    // Another user or election on this device sees none of it.
    const other = new CheckInQueue('u2', 'e1', () => undefined, storage, poll.send, net);
    await other.ready();
    expect(other.snapshot().items).toHaveLength(0);
  });

  it('a check-in sent again after its answer was lost is answered "already voted", not counted twice', async () => {
    const poll = fakePoll();
    const outcomes: CheckInOutcome[] = [];
    const q = new CheckInQueue('u1', 'e1', (o) => outcomes.push(o), memoryStorage(), poll.send, net);
    poll.loseAnswers(true);
    q.add({ rollNumber: 5, mobileBoxId: null });
    await new Promise((r) => setTimeout(r, 5));
    poll.loseAnswers(false);
    await settle(q);
    expect([...poll.voted]).toEqual([5]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: 'already', message: 'Cử tri số 5 đã bỏ phiếu.' });
  });

  it('says which queued check-in the server refused, and goes on with the next', async () => {
    const poll = fakePoll();
    const outcomes: CheckInOutcome[] = [];
    const q = new CheckInQueue('u1', 'e1', (o) => outcomes.push(o), memoryStorage(), poll.send, net);
    q.add({ rollNumber: 999, mobileBoxId: null });
    q.add({ rollNumber: 2, mobileBoxId: null });
    await q.ready();
    await settle(q);
    expect(outcomes.map((o) => o.kind)).toEqual(['refused', 'done']);
  });

  it('offline, takes a roll number or a card code, never a name', () => {
    expect(offlineCheckIn(' 12 ')).toEqual({ rollNumber: 12 });
    expect(offlineCheckIn('3f2a1b-12')).toEqual({ cardCode: '3F2A1B-12' });
    expect(offlineCheckIn('0')).toBeNull();
    expect(offlineCheckIn('Nguyễn Văn An')).toBeNull();
    expect(offlineCheckIn('')).toBeNull();
  });
});
