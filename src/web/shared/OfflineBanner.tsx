import { Alert, Text } from '@mantine/core';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { vnTime } from './format';
import { browserNetwork } from './outbox';
import { tOffline } from './strings';

/** The browser's own word on the network, followed as it changes. */
export function useOnline(): boolean {
  return useSyncExternalStore(browserNetwork.subscribe, browserNetwork.online);
}

/**
 * Says plainly that the page is offline and how many writes wait on this device, then, when the
 * network is back, that they are being sent and when they all went. `offline` is the browser's
 * word or the queue's own (a poor network often claims to be online).
 */
export function OfflineBanner(props: { offline: boolean; pending: number; what: string }) {
  const { offline, pending, what } = props;
  // The most that waited since the page last went offline: the number the "sent" line reports.
  const waited = useRef(0);
  const [sentAt, setSentAt] = useState<{ n: number; at: string } | null>(null);
  useEffect(() => {
    if (offline && pending > 0) {
      waited.current = Math.max(waited.current, pending);
      setSentAt(null);
    } else if (!offline && pending === 0 && waited.current > 0) {
      setSentAt({ n: waited.current, at: new Date().toISOString() });
      waited.current = 0;
    }
  }, [offline, pending]);
  if (offline)
    return (
      <Alert color="orange" variant="filled" data-testid="offline-banner" role="status">
        <Text fw={700}>{pending > 0 ? tOffline.offline(pending, what) : tOffline.offlineNone}</Text>
        {pending > 0 && <Text size="sm">{tOffline.kept}</Text>}
      </Alert>
    );
  if (pending > 0 && waited.current > 0)
    return (
      <Alert color="yellow" data-testid="offline-banner" role="status">
        {tOffline.sending(pending, what)}
      </Alert>
    );
  if (sentAt)
    return (
      <Alert
        color="green"
        data-testid="offline-banner"
        role="status"
        withCloseButton
        onClose={() => setSentAt(null)}
      >
        {tOffline.sent(sentAt.n, what, vnTime(sentAt.at))}
      </Alert>
    );
  return null;
}
