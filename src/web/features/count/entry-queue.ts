/**
 * The entry page's queue of papers on their way to the server, on TanStack Query mutations. Papers
 * of one lane go in the order they were typed (one mutation scope: a mutation starts when the one
 * before it has settled), because the server gives each paper the next place of its lane. When
 * answers come slower than keys (a slow network, a busy server), the papers that queued up go
 * together in one bulk request, each with its own idempotency key and acknowledgement
 * (docs/benchmarks.md, "Count API"). A lost connection or a 5xx is retried with the same keys, so a
 * retry is never counted twice; while the phone is offline the retries wait ('offlineFirst': the
 * first try is always made, since a poor network often reports itself offline wrongly). A refusal
 * (4xx) is final: the paper leaves the list and its Vietnamese message is shown.
 */
import { useIsMutating, useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import * as contract from '../../../contract/count';
import type { CountedPaperView, EntryAck } from '../../../contract/count';
import { PAPER_LIMITS } from '../../../domain/count/counted-paper';
import { ApiError, call, errorText } from '../../shared/client';

/** One typed paper: its idempotency key, the paper, and the server's acknowledgement once stored. */
export interface QueuedPaper {
  readonly key: string;
  readonly paper: CountedPaperView;
  ack: EntryAck | null;
  /** The papers sent with this one, fixed at its first try so that a retry sends the same request. */
  group?: QueuedPaper[];
}

export interface EntryTarget {
  readonly countId: string;
  readonly batchId: string;
  readonly lane: 1 | 2;
}

export interface EntryEvents {
  /** A paper was acknowledged. */
  readonly onSaved: () => void;
  /** The server refused a paper: it is not stored. */
  readonly onRefused: (item: QueuedPaper, message: string) => void;
  /** An undo could not be recorded, or an answer could not be read. */
  readonly onError: (message: string) => void;
}

/** A lost connection, a timeout, a rate limit or a 5xx may pass on retry (with the same keys). */
const retryable = (e: unknown) =>
  e instanceof ApiError && (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500);
/** Any other 4xx is the server's refusal: it will not change on retry. */
const isRefusal = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && !retryable(e);

const retry = (_failures: number, e: unknown) => retryable(e);
const retryDelay = (attempt: number) => Math.min(300 * (attempt + 1), 5_000);

export function useEntryQueue(target: EntryTarget, events: EntryEvents) {
  const { countId, batchId, lane } = target;
  const mutationKey = ['count-entry', countId, batchId, lane];
  const scope = { id: mutationKey.join('/') };
  const eventsRef = useRef(events);
  eventsRef.current = events;
  // Papers typed but not yet taken into a request, in order.
  const unsent = useRef<QueuedPaper[]>([]);

  /** At its turn a paper takes itself and what queued after it; a paper already taken goes alone. */
  const groupOf = (item: QueuedPaper): QueuedPaper[] => {
    const at = unsent.current.indexOf(item);
    if (at >= 0) return unsent.current.splice(at, PAPER_LIMITS.perRequestMax);
    // Acknowledged with an earlier group: done. In a refused group: its own request, so that only
    // a wrong paper is dropped.
    return item.ack ? [] : [item];
  };

  const entryOf = (x: QueuedPaper) => ({
    batchId,
    lane,
    kept: x.paper.kept,
    defect: x.paper.defect,
    key: x.key,
  });

  const send = useMutation<void, Error, QueuedPaper>({
    mutationKey,
    scope,
    networkMode: 'offlineFirst',
    retry,
    retryDelay,
    mutationFn: async (item) => {
      item.group ??= groupOf(item);
      const group = item.group;
      if (group.length === 0) return;
      if (group.length > 1) {
        try {
          const done = await call(contract.enterPapers, {
            params: { id: countId },
            body: { papers: group.map(entryOf) },
          });
          group.forEach((x, i) => (x.ack = done.acks[i] ?? null));
          eventsRef.current.onSaved();
          return;
        } catch (e) {
          if (!isRefusal(e)) throw e;
          // Refused as a whole, nothing stored: each paper of the group goes alone.
          item.group = [item];
        }
      }
      try {
        item.ack = await call(contract.enterPaper, { params: { id: countId }, body: entryOf(item) });
        eventsRef.current.onSaved();
      } catch (e) {
        if (!isRefusal(e)) throw e;
        eventsRef.current.onRefused(item, errorText(e));
      }
    },
    // Neither a refusal nor worth retrying (an answer not in the agreed shape): say so.
    onError: (e) => eventsRef.current.onError(errorText(e)),
  });

  const undo = useMutation<void, Error, QueuedPaper>({
    mutationKey,
    scope,
    networkMode: 'offlineFirst',
    retry,
    retryDelay,
    // Runs after every paper typed before it has settled: the paper to undo has its answer by then.
    mutationFn: async (item) => {
      if (item.ack) await call(contract.undoEntry, { params: { id: countId, entryId: item.ack.entryId } });
    },
    onError: (e) => eventsRef.current.onError(errorText(e)),
  });

  const pending = useIsMutating({ mutationKey });

  return {
    /** Papers and undos not yet settled (waiting their turn, on the way, or waiting to retry). */
    pending,
    enqueue: (item: QueuedPaper) => {
      unsent.current.push(item);
      send.mutate(item);
    },
    undo: (item: QueuedPaper) => undo.mutate(item),
  };
}
