import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import * as contract from '../../../contract/count';
import { errorText } from '../../shared/client';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { t, tpd } from '../../shared/strings';
import { tmeet } from '../meeting/strings';
import { tc } from './strings';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

function OpenCountForm(props: { electionId: string; position: string; title: string }) {
  const navigate = useNavigate();
  const [voted, setVoted] = useState<number | string>('');
  const [issued, setIssued] = useState<number | string>('');
  const [received, setReceived] = useState<number | string>('');
  const [doubleEntry, setDoubleEntry] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const open = useApiMutation(contract.openCount, { invalidates: [contract.listElectionCounts] });
  const submit = async () => {
    setError(null);
    try {
      const r = await open.mutateAsync({
        params: { id: props.electionId },
        body: {
          position: props.position,
          voted: Number(voted),
          issued: Number(issued),
          received: Number(received),
          doubleEntry,
        },
      });
      void navigate(`/kiem-phieu/${r.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack gap="xs">
      <Group align="end">
        <NumberInput label={tc.voted} value={voted} onChange={setVoted} min={0} w={200} />
        <NumberInput label={tc.issued} value={issued} onChange={setIssued} min={0} w={160} />
        <NumberInput label={tc.received} value={received} onChange={setReceived} min={0} w={160} />
      </Group>
      <Checkbox
        label={tc.doubleEntry}
        checked={doubleEntry}
        onChange={(e) => setDoubleEntry(e.currentTarget.checked)}
      />
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button onClick={() => void submit()}>{`${tc.openCount}: ${props.title}`}</Button>
      </Group>
    </Stack>
  );
}

/** The counts of one election: a card per position with an official list. */
export function CountElectionPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(contract.listElectionCounts, { params: { id } });
  const crumbs = useElectionCrumbs(id);
  const demo = useApiMutation(contract.prepareDemoPolling, { invalidates: [contract.listElectionCounts] });
  const [error, setError] = useState<string | null>(null);
  const v = query.data;
  if (!v) return <QueryStatus query={query} />;
  const prepareDemo = async () => {
    setError(null);
    try {
      await demo.mutateAsync({ params: { id }, body: undefined });
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack p="md">
      <PageHeading crumbs={crumbs} here={tc.link} title={tc.electionTitle(v.hamletName)} />
      <Text>
        {t.election.state}: <Badge tt="none">{t.states[v.state] ?? v.state}</Badge> · {t.election.round}{' '}
        {v.round}
      </Text>
      <Group>
        <Button component={Link} to={`/bau-cu/${id}/bo-phieu`} variant="light">
          {tpd.link}
        </Button>
        <Button component={Link} to={`/bau-cu/${id}/hoi-nghi`} variant="light">
          {tmeet.link}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {v.positions.length === 0 && (
        <Alert color="yellow">
          {tc.noPositions}
          {v.canWrite && (
            <Stack gap="xs" mt="sm">
              <Text size="sm">{tc.demoNote}</Text>
              <Group>
                <Button variant="light" onClick={() => void prepareDemo()}>
                  {tc.demo}
                </Button>
              </Group>
            </Stack>
          )}
        </Alert>
      )}
      {v.positions.map((p) => (
        <Card key={p.position} withBorder>
          <Title order={2} size="h3">
            {p.title}
          </Title>
          <Text size="sm" c="dimmed">
            {tc.candidates(p.candidates)}
          </Text>
          {p.countId ? (
            <Group mt="sm">
              <Button component={Link} to={`/kiem-phieu/${p.countId}`}>
                {tc.view}
              </Button>
            </Group>
          ) : (
            v.canWrite && <OpenCountForm electionId={id} position={p.position} title={p.title} />
          )}
        </Card>
      ))}
      {v.counts.length > 0 && (
        <Table withTableBorder>
          <Table.Tbody>
            {v.counts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={`/kiem-phieu/${c.id}`}>{c.positionTitle}</Link>
                </Table.Td>
                <Table.Td>
                  {t.election.round} {c.round}
                </Table.Td>
                <Table.Td>{c.closed ? tc.closed : tc.counting}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
