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
import { useState } from 'react';
import * as contract from '../../../contract/polling';
import type { BallotsView } from '../../../contract/polling';
import { errorText } from '../../shared/client';
import { vnNumber, vnTime } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { pollingText as tx } from './strings';
import { ConfirmButton } from '../../shared/ConfirmButton';

/** What a write on the ballots changes. */
export const ballotsChanged = [contract.getBallots, contract.getTurnout, contract.getPoll];

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function PositionBallots(props: {
  electionId: string;
  p: BallotsView['positions'][number];
  closed: boolean;
  canIssue: boolean;
}) {
  const { p } = props;
  const params = { id: props.electionId };
  const [qty, setQty] = useState<number | string>('');
  const [witnesses, setWitnesses] = useState('');
  const [unused, setUnused] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const record = useApiMutation(contract.recordBallots, { invalidates: ballotsChanged });
  const seal = useApiMutation(contract.sealUnusedBallots, { invalidates: ballotsChanged });
  const issue = useApiMutation(contract.issueSealingRecord, { invalidates: ballotsChanged });
  const run = async (write: () => Promise<unknown>) => {
    setError(null);
    try {
      await write();
      setQty('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  const movement = (kind: 'received' | 'spoiledReplaced') =>
    void run(() =>
      record.mutateAsync({ params, body: { position: p.position, kind, quantity: Number(qty) } }),
    );
  return (
    <Card withBorder data-testid={`ballots-${p.position}`}>
      <Stack gap="xs">
        <Group>
          <Title order={3} size="h4">
            {p.title}
          </Title>
          {p.seal && <Badge color="green">{tx.sealed(vnTime(p.seal.sealedAt))}</Badge>}
        </Group>
        <Table withTableBorder w="100%" maw={480}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{tx.received}</Table.Td>
              <Table.Td data-testid="ballots-received">{vnNumber(p.received)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{tx.issued}</Table.Td>
              <Table.Td data-testid="ballots-issued">{vnNumber(p.issued)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{tx.spoiled}</Table.Td>
              <Table.Td>{vnNumber(p.spoiled)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{tx.unused}</Table.Td>
              <Table.Td data-testid="ballots-unused">{p.received > 0 ? vnNumber(p.unused) : '—'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {error && <Alert color="red">{error}</Alert>}
        {!p.seal && (
          <Group align="end">
            <NumberInput label={tx.quantity} value={qty} onChange={setQty} min={1} w={140} />
            <Button variant="light" onClick={() => movement('received')}>
              {tx.addReceived}
            </Button>
            <Button variant="light" color="orange" onClick={() => movement('spoiledReplaced')}>
              {tx.addSpoiled}
            </Button>
          </Group>
        )}
        {!p.seal && props.closed && (
          <Group align="end">
            <Textarea
              label={tx.witnesses}
              value={witnesses}
              onChange={(e) => setWitnesses(e.currentTarget.value)}
              autosize
              minRows={2}
              w="100%"
              maw={300}
            />
            <NumberInput
              label={tx.unusedCounted}
              value={unused}
              onChange={setUnused}
              min={0}
              w="100%"
              maw={220}
            />
            <ConfirmButton
              question={tx.sealQuestion}
              onConfirm={() =>
                void run(() =>
                  seal.mutateAsync({
                    params,
                    body: {
                      position: p.position,
                      witnesses: lines(witnesses),
                      unusedCounted: Number(unused),
                    },
                  }),
                )
              }
            >
              {tx.seal}
            </ConfirmButton>
          </Group>
        )}
        {p.seal && !p.seal.documentId && props.canIssue && (
          <Group>
            <Button
              variant="light"
              onClick={() => void run(() => issue.mutateAsync({ params, body: { position: p.position } }))}
            >
              {tx.issueSeal}
            </Button>
          </Group>
        )}
        {p.seal?.documentId && <Text size="sm">{tx.sealIssued}</Text>}
      </Stack>
    </Card>
  );
}

/** Ballots received, issued, spoiled and unused per position; sealing once the poll is closed. */
export function PollingBallotsPanel(props: { electionId: string }) {
  const query = useApiQuery(
    contract.getBallots,
    { params: { id: props.electionId } },
    { networkMode: 'offlineFirst' },
  );
  if (query.error) return <Alert color="red">{errorText(query.error)}</Alert>;
  const view = query.data;
  if (!view) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {tx.ballots}
      </Title>
      {view.positions.map((p) => (
        <PositionBallots
          key={p.position}
          electionId={props.electionId}
          p={p}
          closed={view.pollStatus === 'closed'}
          canIssue={view.canIssue}
        />
      ))}
    </Stack>
  );
}
