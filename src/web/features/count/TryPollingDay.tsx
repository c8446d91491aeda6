import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import * as contract from '../../../contract/count';
import { getHamlet } from '../../../contract/territory';
import { errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation } from '../../shared/query';
import { tc } from './strings';

/**
 * The demo ward's way into polling day: a new trial election of this hamlet dated today, its team
 * accounts, posted roll and ballots, then straight to the polling page.
 */
export function TryPollingDay(props: { hamletId: string }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const start = useApiMutation(contract.startDemoPollingDay, { invalidates: [getHamlet] });
  const run = async () => {
    setError(null);
    try {
      const r = await start.mutateAsync({ params: { id: props.hamletId } });
      void navigate(`/bau-cu/${r.electionId}/bo-phieu`, {
        state: { trial: tc.trialDone(vnDate(r.electionDate), r.registered, r.teamAccounts) },
      });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card withBorder data-testid="try-polling-day">
      <Stack gap="xs">
        <Text fw={600}>{tc.trialTitle}</Text>
        <Text size="sm">{tc.trialNote}</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Button
          onClick={() => void run()}
          loading={start.isPending}
          mih={48}
          style={{ alignSelf: 'flex-start' }}
        >
          {tc.trialStart}
        </Button>
      </Stack>
    </Card>
  );
}
