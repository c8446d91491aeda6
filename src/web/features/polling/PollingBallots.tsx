import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { PollingBallots } from '../../shared/api';
import { numberFormat, tpd } from '../../shared/strings';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const vnTime = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(11, 16);

function PositionBallots(props: {
  electionId: string;
  p: PollingBallots['positions'][number];
  closed: boolean;
  canIssue: boolean;
  onChange: () => void;
}) {
  const { p } = props;
  const [qty, setQty] = useState<number | string>('');
  const [witnesses, setWitnesses] = useState('');
  const [unused, setUnused] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const post = async (path: string, body: unknown) => {
    setError(null);
    try {
      await api.post(`/api/elections/${props.electionId}/polling/${path}`, body);
      setQty('');
      props.onChange();
      return true;
    } catch (e) {
      setError(message(e));
      return false;
    }
  };
  const f = (n: number) => numberFormat.format(n);
  return (
    <Card withBorder data-testid={`ballots-${p.position}`}>
      <Stack gap="xs">
        <Group>
          <Title order={4}>{p.title}</Title>
          {p.seal && <Badge color="green">{tpd.sealed(vnTime(p.seal.sealedAt))}</Badge>}
        </Group>
        <Table withTableBorder w={480}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{tpd.received}</Table.Td>
              <Table.Td data-testid="ballots-received">{f(p.received)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{tpd.issued}</Table.Td>
              <Table.Td data-testid="ballots-issued">{f(p.issued)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{tpd.spoiled}</Table.Td>
              <Table.Td>{f(p.spoiled)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{tpd.unused}</Table.Td>
              <Table.Td data-testid="ballots-unused">{p.received > 0 ? f(p.unused) : '—'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {error && <Alert color="red">{error}</Alert>}
        {!p.seal && (
          <Group align="end">
            <NumberInput label={tpd.quantity} value={qty} onChange={setQty} min={1} w={140} />
            <Button
              variant="light"
              onClick={() =>
                void post('ballots', { position: p.position, kind: 'received', quantity: Number(qty) })
              }
            >
              {tpd.addReceived}
            </Button>
            <Button
              variant="light"
              color="orange"
              onClick={() =>
                void post('ballots', { position: p.position, kind: 'spoiledReplaced', quantity: Number(qty) })
              }
            >
              {tpd.addSpoiled}
            </Button>
          </Group>
        )}
        {!p.seal && props.closed && (
          <Group align="end">
            <Textarea
              label={tpd.witnesses}
              value={witnesses}
              onChange={(e) => setWitnesses(e.currentTarget.value)}
              autosize
              minRows={2}
              w={300}
            />
            <NumberInput label={tpd.unusedCounted} value={unused} onChange={setUnused} min={0} w={220} />
            <Button
              onClick={() =>
                void post('seals', {
                  position: p.position,
                  witnesses: witnesses
                    .split('\n')
                    .map((s) => s.trim())
                    .filter(Boolean),
                  unusedCounted: Number(unused),
                })
              }
            >
              {tpd.seal}
            </Button>
          </Group>
        )}
        {p.seal && !p.seal.documentId && props.canIssue && (
          <Group>
            <Button variant="light" onClick={() => void post('seals/document', { position: p.position })}>
              {tpd.issueSeal}
            </Button>
          </Group>
        )}
        {p.seal?.documentId && <Text size="sm">{tpd.sealIssued}</Text>}
      </Stack>
    </Card>
  );
}

/** Ballots received, issued, spoiled and unused per position; sealing once the poll is closed. */
export function PollingBallotsPanel(props: { electionId: string }) {
  const [view, setView] = useState<PollingBallots | null>(null);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<PollingBallots>(`/api/elections/${props.electionId}/polling/ballots`)
      .then(setView, (e: unknown) => setError(message(e)));
  }, [props.electionId, tick]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!view) return null;
  return (
    <Stack gap="xs">
      <Title order={3}>{tpd.ballots}</Title>
      {view.positions.map((p) => (
        <PositionBallots
          key={p.position}
          electionId={props.electionId}
          p={p}
          closed={view.pollStatus === 'closed'}
          canIssue={view.canIssue}
          onChange={() => setTick((n) => n + 1)}
        />
      ))}
    </Stack>
  );
}
