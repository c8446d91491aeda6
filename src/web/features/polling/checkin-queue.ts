/**
 * Check-ins made while the network is away, kept on the device under the user and the election
 * (shared/outbox.ts) and sent in order when it returns, a reload or a reopened app included.
 *
 * Offline the roll cannot be searched (it is not kept on the device: names and cards are personal
 * data), so a voter is checked in by roll number or card code, read off the voter's card, and the
 * server finds them when the check-in arrives. The server refuses a second check-in of one person
 * (a unique index; services/polling/attendance.ts), so a check-in sent again after a lost answer,
 * or one a colleague made meanwhile, is answered "already voted at ..." and never counted twice:
 * the page says so in the server's words.
 */
import { useMemo, useRef } from 'react';
import * as contract from '../../../contract/polling';
import type { CheckInInput, PollingVoter } from '../../../contract/polling';
import { ApiError, call, errorText } from '../../shared/client';
import type { Network, OutboxStorage } from '../../shared/outbox';
import {
  KeptQueue,
  browserNetwork,
  deviceStorage,
  isRefusal,
  recordKey,
  useShownQueue,
} from '../../shared/outbox';

export interface QueuedCheckIn {
  readonly key: string;
  readonly body: CheckInInput;
  /** When it was recorded on the device (ISO-8601). */
  readonly at: string;
  /** A request has carried it: the server may have it without our knowing. */
  tried: boolean;
}

export interface CheckInRecord {
  items: QueuedCheckIn[];
}

/** What became of a queued check-in once the server answered. */
export type CheckInOutcome =
  | { readonly kind: 'done'; readonly item: QueuedCheckIn; readonly voter: PollingVoter }
  /** Already checked in (by an earlier try of this one, or by someone else): not counted again. */
  | { readonly kind: 'already'; readonly item: QueuedCheckIn; readonly message: string }
  | { readonly kind: 'refused'; readonly item: QueuedCheckIn; readonly message: string }
  /** An answer the page cannot read: sending stops until the page is opened again. */
  | { readonly kind: 'error'; readonly message: string };

export interface CheckInSnapshot {
  readonly items: readonly QueuedCheckIn[];
  readonly failing: boolean;
}

export type CheckInSend = (electionId: string, body: CheckInInput) => Promise<PollingVoter>;
const apiSend: CheckInSend = (id, body) => call(contract.checkIn, { params: { id }, body });

/**
 * What can be checked in without the roll: a roll number, or a voter card's code (the election's
 * short code, a dash, the roll number). A name needs the roll: null.
 */
export function offlineCheckIn(typed: string): Pick<CheckInInput, 'rollNumber' | 'cardCode'> | null {
  const q = typed.trim();
  if (/^\d{1,6}$/.test(q) && Number(q) > 0) return { rollNumber: Number(q) };
  if (/^[0-9A-Za-z]{6}-\d{1,6}$/.test(q)) return { cardCode: q.toUpperCase() };
  return null;
}

export const checkInKey = (userId: string, electionId: string) => recordKey('checkin', userId, electionId);

export class CheckInQueue extends KeptQueue<CheckInRecord, CheckInSnapshot> {
  private opened: Promise<void>;

  constructor(
    userId: string,
    private readonly electionId: string,
    private readonly answered: (o: CheckInOutcome) => void,
    storage: OutboxStorage = deviceStorage(),
    private readonly send: CheckInSend = apiSend,
    net: Network = browserNetwork,
  ) {
    super(checkInKey(userId, electionId), { items: [] }, storage, net, (e) =>
      answered({ kind: 'error', message: errorText(e) }),
    );
    // What an earlier opening left goes first, before anything recorded now.
    this.opened = this.load().then((kept) => {
      if (kept) this.record.items = [...kept.items, ...this.record.items];
      this.changed();
      if (this.record.items.length > 0) void this.pump.kick();
    });
  }

  /** Resolves when what the device kept has been read. */
  ready(): Promise<void> {
    return this.opened;
  }

  add(body: CheckInInput): QueuedCheckIn {
    const item: QueuedCheckIn = {
      key: crypto.randomUUID(),
      body,
      at: new Date().toISOString(),
      tried: false,
    };
    this.record.items.push(item);
    void this.opened.then(() => this.save()).then(() => this.pump.kick());
    return item;
  }

  protected waiting(): number {
    return this.record.items.length;
  }

  protected snapshotOf(): CheckInSnapshot {
    return { items: [...this.record.items], failing: this.failing };
  }

  protected async step(): Promise<'more' | 'idle'> {
    await this.opened;
    const item = this.record.items[0];
    if (!item) return 'idle';
    item.tried = true;
    await this.save();
    let outcome: CheckInOutcome;
    try {
      outcome = { kind: 'done', item, voter: await this.send(this.electionId, item.body) };
    } catch (e) {
      if (!isRefusal(e)) throw e;
      const already = e instanceof ApiError && e.code === 'conflict' && e.field === 'rollNumber';
      outcome = { kind: already ? 'already' : 'refused', item, message: errorText(e) };
    }
    this.record.items = this.record.items.filter((x) => x !== item);
    await this.save();
    this.answered(outcome);
    return 'more';
  }
}

/** The page's queue for one election, its snapshot re-rendering the page on every change. */
export function useCheckInQueue(userId: string, electionId: string, answered: (o: CheckInOutcome) => void) {
  const answeredRef = useRef(answered);
  answeredRef.current = answered;
  const queue = useMemo(
    () => new CheckInQueue(userId, electionId, (o) => answeredRef.current(o)),
    [userId, electionId],
  );
  return { queue, snapshot: useShownQueue(queue) };
}
