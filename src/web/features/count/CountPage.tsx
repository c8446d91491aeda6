import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/count';
import type { BatchSheetView, CountedPaperView, CountView, EntryContextView } from '../../../contract/count';
import { call, errorText } from '../../shared/client';
import { vnNumber, vnPercentText } from '../../shared/format';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { MismatchAlert } from '../../shared/MismatchAlert';
import { CountWitnesses } from './CountWitnesses';
import { tc } from './strings';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

export function paperText(p: CountedPaperView | null, v: CountView): string {
  if (!p) return '—';
  if (p.defect) return `${tc.defectLabel}: ${v.defects.find((d) => d.code === p.defect)?.label ?? p.defect}`;
  if (p.kept.length === 0) return tc.noneKept;
  return p.kept.map((id) => v.candidates.find((c) => c.id === id)?.name ?? id).join(', ');
}

function Tally({ v }: { v: CountView }) {
  const r = v.running;
  return (
    <Table withTableBorder aria-label="Kết quả tạm tính">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Người ứng cử</Table.Th>
          <Table.Th>{tc.votes}</Table.Th>
          <Table.Th>{tc.percent}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {r.candidates.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.name}</Table.Td>
            <Table.Td>{vnNumber(c.votes)}</Table.Td>
            <Table.Td>{vnPercentText(c.percentOfRegistered)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td>{tc.valid}</Table.Td>
          <Table.Td>{r.valid}</Table.Td>
          <Table.Td />
        </Table.Tr>
        {r.invalidReasons
          .filter((x) => x.count > 0)
          .map((x) => (
            <Table.Tr key={x.code}>
              <Table.Td>
                {tc.invalid}: {x.label}
              </Table.Td>
              <Table.Td>{x.count}</Table.Td>
              <Table.Td />
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

function Differences(props: {
  v: CountView;
  b: BatchSheetView;
  onDone: () => void;
  onError: (m: string) => void;
}) {
  const { v, b } = props;
  const resolve = async (seq: number, p: CountedPaperView) => {
    try {
      await call(contract.resolveDifference, {
        params: { id: v.id, batchId: b.id },
        body: { seq, kept: p.kept, defect: p.defect },
      });
      props.onDone();
    } catch (e) {
      props.onError(errorText(e));
    }
  };
  // Two columns and the settling buttons stacked under the readings, so a 390 px phone shows them whole.
  return (
    <Table withTableBorder layout="fixed" aria-label={`${tc.differences} ${tc.batch} ${b.number}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={72}>{tc.paperNo}</Table.Th>
          <Table.Th>{tc.readings}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {b.differences.map((d) => (
          <Table.Tr key={d.seq}>
            <Table.Td>{d.seq}</Table.Td>
            <Table.Td>
              <Stack gap={6}>
                <Text size="sm">
                  {tc.lane(1)}: <b>{paperText(d.first, v)}</b>
                </Text>
                <Text size="sm">
                  {tc.lane(2)}: <b>{paperText(d.second, v)}</b>
                </Text>
                {d.resolution ? (
                  <Text size="sm" c="green.9">
                    {tc.resolved}: {paperText(d.resolution, v)}
                  </Text>
                ) : (
                  v.canWrite && (
                    <Stack gap={6}>
                      <Text size="sm" fw={600}>
                        {tc.resolveAs}
                      </Text>
                      {[d.first, d.second].map(
                        (p, i) =>
                          p && (
                            <Button
                              key={i}
                              variant="light"
                              fullWidth
                              h="auto"
                              mih={48}
                              py={6}
                              styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25 } }}
                              onClick={() => void resolve(d.seq, p)}
                            >
                              {`${tc.lane(i + 1)}: ${paperText(p, v)}`}
                            </Button>
                          ),
                      )}
                    </Stack>
                  )
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Batches(props: {
  v: CountView;
  lanes: EntryContextView | undefined;
  reload: () => void;
  onError: (m: string) => void;
}) {
  const { v } = props;
  const yours = (batchId: string) => props.lanes?.yourLanes.find((l) => l.batchId === batchId)?.lane ?? null;
  // A reader who entered one lane of a batch is offered only that lane: the other is someone else's.
  const lanesFor = (batchId: string): (1 | 2)[] => {
    const own = yours(batchId);
    if (!v.doubleEntry) return [1];
    return own === null ? [1, 2] : [own];
  };
  const entered = v.batches.reduce((s, b) => s + b.size, 0);
  const [size, setSize] = useState<number | string>(Math.min(50, v.received - entered));
  const post = async (write: () => Promise<unknown>) => {
    try {
      await write();
      props.reload();
    } catch (e) {
      props.onError(errorText(e));
    }
  };
  return (
    <Stack>
      <Title order={2} size="h3">
        {tc.batches}
      </Title>
      {v.batches.map((b) => (
        <Card key={b.id} withBorder>
          <Group justify="space-between">
            <Text fw={600}>
              {tc.batch} {b.number}: {b.size} phiếu
            </Text>
            <Group gap="xs">
              <Badge color={b.closed ? 'green' : 'blue'} tt="none">
                {b.closed ? tc.closed : tc.counting}
              </Badge>
              <Text size="sm">
                {tc.lane(1)}: {b.entered[0]}
                {v.doubleEntry && ` · ${tc.lane(2)}: ${b.entered[1]}`}
              </Text>
            </Group>
          </Group>
          {!b.closed && v.canWrite && (
            <Group mt="xs">
              {lanesFor(b.id).map((lane) => (
                <Button key={lane} component={Link} to={`/kiem-phieu/${v.id}/tap/${b.id}/luot/${lane}`}>
                  {yours(b.id) === lane ? `${tc.enter(lane)} ${tc.yoursMark}` : tc.enter(lane)}
                </Button>
              ))}
              <Button
                variant="outline"
                onClick={() =>
                  void post(() => call(contract.closeBatch, { params: { id: v.id, batchId: b.id } }))
                }
              >
                {`${tc.closeBatch} ${b.number}`}
              </Button>
            </Group>
          )}
          {b.problems.length > 0 && (
            <List size="sm" c="orange" mt="xs">
              {b.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          )}
          {b.differences.length > 0 && (
            <Stack gap="xs" mt="xs">
              <Text size="sm" fw={600}>
                {tc.differences}
              </Text>
              <Differences v={v} b={b} onDone={props.reload} onError={props.onError} />
            </Stack>
          )}
        </Card>
      ))}
      {v.canWrite && entered < v.received && (
        <Group align="end">
          <NumberInput
            label={tc.size}
            value={size}
            onChange={setSize}
            min={1}
            max={v.received - entered}
            w={180}
          />
          <Button
            onClick={() =>
              void post(() =>
                call(contract.openBatch, { params: { id: v.id }, body: { size: Number(size) } }),
              )
            }
          >
            {tc.openBatch}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Result({ v, onError }: { v: CountView; onError: (m: string) => void }) {
  const [issued, setIssued] = useState<string[]>([]);
  const r = v.result;
  if (!r) return null;
  const issue = async (what: 'record' | 'report') => {
    try {
      const endpoint = what === 'record' ? contract.issueCountRecord : contract.issueResultReport;
      await call(endpoint, { params: { id: v.id } });
      setIssued((x) => [...x, what]);
    } catch (e) {
      onError(errorText(e));
    }
  };
  return (
    <Card withBorder>
      <Title order={2} size="h3">
        {tc.result}: {tc.outcomes[r.outcome] ?? r.outcome}
      </Title>
      <Text mt="xs">{r.conclusion}</Text>
      {v.corrections > 0 && <Text c="orange">{tc.corrections(v.corrections)}</Text>}
      <Group mt="sm">
        <Button component="a" href={`/api/counts/${v.id}/record.pdf`} variant="light">
          {tc.print}
        </Button>
        <Button variant="outline" disabled={issued.includes('record')} onClick={() => void issue('record')}>
          {issued.includes('record') ? tc.issuedDone : tc.issueRecord}
        </Button>
        <Button variant="outline" disabled={issued.includes('report')} onClick={() => void issue('report')}>
          {issued.includes('report') ? tc.issuedDone : tc.issueReport}
        </Button>
      </Group>
    </Card>
  );
}

/** One position's count: totals, batches with their differences, the running tally and closing. */
export function CountPage() {
  const { id = '' } = useParams();
  // Always the server's latest: the entry pages write without refreshing this view.
  const query = useApiQuery(contract.getCount, { params: { id } }, { refetchOnMount: 'always' });
  const lanes = useApiQuery(contract.getEntryContext, { params: { id } }, { refetchOnMount: 'always' });
  const place = useElectionCrumbs(query.data?.electionId);
  const [error, setError] = useState<string | null>(null);
  const v = query.data;
  if (!v) return <QueryStatus query={query} />;
  const reload = () => {
    void query.refetch();
    void lanes.refetch();
  };
  const close = async () => {
    setError(null);
    try {
      await call(contract.closeCount, { params: { id: v.id } });
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack p="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading
          crumbs={[...place, { label: tc.link, to: `/bau-cu/${v.electionId}/kiem-phieu` }]}
          here={v.positionTitle}
          title={`${tc.link}: ${v.positionTitle} — ${v.hamletName}`}
        />
        <Button component={Link} to={`/bau-cu/${v.electionId}/kiem-phieu`} variant="subtle">
          {tc.back}
        </Button>
      </Group>
      <Group>
        <Text>
          {tc.registered}: <b>{v.registered}</b>
        </Text>
        <Text>
          {tc.voted}: <b>{v.voted}</b>
        </Text>
        <Text>
          {tc.issued}: <b>{v.issued}</b>
        </Text>
        <Text>
          {tc.received}: <b>{v.received}</b>
        </Text>
        <Text>
          {tc.papersEntered}: <b data-testid="papers-entered">{v.running.papers}</b>
        </Text>
      </Group>
      {error && (
        <Alert color="red" title={tc.cannotClose} onClose={() => setError(null)} withCloseButton>
          {error}
        </Alert>
      )}
      <MismatchAlert mismatch={v.mismatch} />
      <Tally v={v} />
      <Result v={v} onError={setError} />
      {v.method === 'papers' && <Batches v={v} lanes={lanes.data} reload={reload} onError={setError} />}
      {!v.closed && v.problems.length > 0 && (
        <Alert color="yellow" title={tc.problems}>
          <List size="sm">
            {v.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {v.method === 'papers' && (
        <CountWitnesses
          electionId={v.electionId}
          position={v.position}
          canWrite={v.canWrite}
          closed={v.closed}
        />
      )}
      {v.canWrite && (
        <Group>
          <ConfirmButton color="green" question={tc.closeQuestion} onConfirm={close}>
            {tc.closeCount}
          </ConfirmButton>
        </Group>
      )}
    </Stack>
  );
}
