import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import type { PollingTurnout } from '../../shared/api';
import { numberFormat, tpd } from '../../shared/strings';

const REFRESH_MS = 5000;
const vnTime = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(11, 19);

/** The screen shown to the room: big numbers, per residents' group, refreshed every few seconds. */
export function TurnoutPage() {
  const { id = '' } = useParams();
  const [v, setV] = useState<PollingTurnout | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.get<PollingTurnout>(`/api/elections/${id}/polling/turnout`).then(
        (d) => {
          if (!live) return;
          setV(d);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [id]);
  if (!v)
    return error ? (
      <Alert color="red" m="md">
        {error}
      </Alert>
    ) : (
      <Text m="md">…</Text>
    );
  const f = (n: number) => numberFormat.format(n);
  return (
    <Stack p="xl" gap="lg">
      <Title order={1} ta="center">
        {tpd.turnout} — {v.hamletName}
      </Title>
      <Text ta="center" fw={800} style={{ fontSize: '7rem', lineHeight: 1 }} data-testid="turnout-percent">
        {v.percent.replace('.', ',')}%
      </Text>
      <Text ta="center" fw={700} style={{ fontSize: '3rem' }} data-testid="turnout-count">
        {tpd.votedOf(f(v.voted), f(v.registered))}
      </Text>
      <Group justify="center">
        {v.quorum && (
          <Badge size="xl" color={v.quorum.met ? 'green' : 'orange'} tt="none">
            {v.quorum.met ? tpd.quorumMet : tpd.quorumNeeded(f(v.quorum.needed))}
          </Badge>
        )}
        {v.allVoted && (
          <Badge size="xl" color="green" tt="none">
            {tpd.allVoted}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {v.groups.map((g) => (
          <Card key={g.group ?? '-'} withBorder>
            <Text fw={700} size="xl">
              {g.group ?? tpd.noGroup}
            </Text>
            <Text fw={800} style={{ fontSize: '2.5rem' }}>
              {g.percent.replace('.', ',')}%
            </Text>
            <Text size="lg">{tpd.votedOf(f(g.voted), f(g.registered))}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text ta="center" c="dimmed">
        {tpd.updated(vnTime(v.at))}
        {error ? ` · ${error}` : ''}
      </Text>
    </Stack>
  );
}
