import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import * as contract from '../../../contract/polling';
import { errorText } from '../../shared/client';
import { vnNumber, vnPercentText, vnTime } from '../../shared/format';
import { useApiQuery } from '../../shared/query';
import { pollingText as tx } from './strings';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

const REFRESH_MS = 5000;

/** The screen shown to the room: big numbers, per residents' group, refreshed every few seconds. */
export function TurnoutPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(contract.getTurnout, { params: { id } }, { refetchInterval: REFRESH_MS });
  const place = useElectionCrumbs(id);
  const v = query.data;
  const error = query.error ? errorText(query.error) : null;
  if (!v)
    return error ? (
      <Alert color="red" m="md">
        {error}
      </Alert>
    ) : (
      <Text m="md">…</Text>
    );
  return (
    <Stack p="xl" gap="lg">
      <PageHeading
        crumbs={[...place, { label: tx.pollingCrumb, to: `/bau-cu/${id}/bo-phieu` }]}
        here={tx.turnout}
        title={`${tx.turnout} — ${v.hamletName}`}
        big
      />
      <Text ta="center" fw={800} style={{ fontSize: '7rem', lineHeight: 1 }} data-testid="turnout-percent">
        {vnPercentText(v.percent)}
      </Text>
      <Text ta="center" fw={700} style={{ fontSize: '3rem' }} data-testid="turnout-count">
        {tx.votedOf(vnNumber(v.voted), vnNumber(v.registered))}
      </Text>
      <Group justify="center">
        {v.quorum && (
          <Badge size="xl" color={v.quorum.met ? 'green' : 'orange'} tt="none">
            {v.quorum.met ? tx.quorumMet : tx.quorumNeeded(vnNumber(v.quorum.needed))}
          </Badge>
        )}
        {v.allVoted && (
          <Badge size="xl" color="green" tt="none">
            {tx.allVoted}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {v.groups.map((g) => (
          <Card key={g.group ?? '-'} withBorder>
            <Text fw={700} size="xl">
              {g.group ?? tx.noGroup}
            </Text>
            <Text fw={800} style={{ fontSize: '2.5rem' }}>
              {vnPercentText(g.percent)}
            </Text>
            <Text size="lg">{tx.votedOf(vnNumber(g.voted), vnNumber(g.registered))}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text ta="center" c="dimmed">
        {tx.updated(vnTime(v.at, true))}
        {error ? ` · ${error}` : ''}
      </Text>
    </Stack>
  );
}
