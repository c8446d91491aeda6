import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Kbd,
  List,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/count';
import type { CountedPaperView, CountView } from '../../../contract/count';
import { paperForKey } from '../../../domain/count/counted-paper';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { paperText } from './CountPage';
import { useEntryQueue } from './entry-queue';
import type { QueuedPaper } from './entry-queue';
import { tc } from './strings';

type Mode = { kind: 'normal' } | { kind: 'defect' } | { kind: 'combo'; picked: string[] };

function Keys({ v }: { v: CountView }) {
  const agree = v.ballotForm === 'agreeColumns';
  const rows: [string, string][] = v.candidates.map((c, i) => [
    String(i + 1),
    agree ? tc.keyAgree(c.name) : tc.keyOnly(c.name),
  ]);
  if (v.candidates.length === 2) rows.push(['3', tc.keyAll]);
  if (v.candidates.length > 2) rows.push(['+', tc.keyCombo]);
  rows.push(['0', tc.keyNone]);
  if (v.defects.length > 0) rows.push(['.', tc.keyDefect]);
  rows.push(['⌫', tc.keyUndo]);
  return (
    <Card withBorder>
      <Text size="sm" fw={600}>
        {tc.keysHelp}
      </Text>
      <Group gap="md" mt="xs">
        {rows.map(([k, label]) => (
          <Text key={k} size="sm">
            <Kbd>{k}</Kbd> {label}
          </Text>
        ))}
      </Group>
    </Card>
  );
}

/** Keyboard entry of one lane of one batch: one key per paper, sent in order with an idempotency key. */
export function CountEntryPage() {
  const { id = '', batchId = '', lane = '1' } = useParams();
  const laneNo = lane === '2' ? 2 : 1;
  // The lane's count of papers comes from the server once, when the page opens (never a cached or
  // later copy: the papers typed here are counted on top of it).
  const query = useApiQuery(
    contract.getCount,
    { params: { id } },
    { refetchOnMount: 'always', staleTime: Infinity, refetchOnReconnect: false, refetchOnWindowFocus: false },
  );
  const [entered, setEntered] = useState<QueuedPaper[]>([]);
  const [mode, setMode] = useState<Mode>({ kind: 'normal' });
  const [error, setError] = useState<string | null>(null);
  const queue = useEntryQueue(
    { countId: id, batchId, lane: laneNo },
    {
      onSaved: () => setError(null),
      onRefused: (item, message) => {
        setError(message);
        setEntered((xs) => xs.filter((x) => x !== item));
      },
      onError: setError,
    },
  );
  const pending = queue.pending;
  const view = query.isFetchedAfterMount ? query.data : undefined;
  const batch = view?.batches.find((b) => b.id === batchId);
  const already = batch ? (batch.entered[laneNo - 1] ?? 0) : 0;
  const live = entered;
  const total = already + live.length;

  // Papers recorded so far, counted at once (between renders too) so a fast typist cannot overfill.
  const recordedRef = useRef(total);
  recordedRef.current = total;
  const record = useCallback(
    (paper: CountedPaperView) => {
      if (!batch || recordedRef.current >= batch.size) {
        setError(tc.full);
        return;
      }
      recordedRef.current += 1;
      const item: QueuedPaper = { key: crypto.randomUUID(), paper, ack: null };
      setEntered((xs) => [...xs, item]);
      queue.enqueue(item);
    },
    [batch, queue],
  );

  const undo = useCallback(() => {
    const last = entered[entered.length - 1];
    if (!last) return;
    setEntered((xs) => xs.slice(0, -1));
    queue.undo(last);
  }, [entered, queue]);

  // Keys can arrive faster than React re-renders (a counter types ". 2" in one motion): the mode
  // lives in a ref that changes at once, and one listener always calls the latest handler, so a key
  // is never read with the mode of the key before it.
  const modeRef = useRef<Mode>(mode);
  const changeMode = (next: Mode) => {
    modeRef.current = next;
    setMode(next);
  };
  const onKey = (ev: KeyboardEvent) => {
    if (!view || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'Backspace') {
      ev.preventDefault();
      undo();
      return;
    }
    const current = modeRef.current;
    if (current.kind === 'defect') {
      ev.preventDefault();
      const d = view.defects[Number(ev.key) - 1];
      if (d) record({ kept: [], defect: d.code });
      if (d || ev.key === 'Escape') changeMode({ kind: 'normal' });
      return;
    }
    if (current.kind === 'combo') {
      ev.preventDefault();
      const c = view.candidates[Number(ev.key) - 1];
      if (c) {
        const picked = current.picked.includes(c.id)
          ? current.picked.filter((x) => x !== c.id)
          : [...current.picked, c.id];
        changeMode({ kind: 'combo', picked });
      } else if (ev.key === 'Enter') {
        record({ kept: current.picked, defect: null });
        changeMode({ kind: 'normal' });
      } else if (ev.key === 'Escape') changeMode({ kind: 'normal' });
      return;
    }
    const p = paperForKey(ev.key, view);
    if (p === null) return;
    ev.preventDefault();
    if (p === 'defect') changeMode({ kind: 'defect' });
    else if (p === 'combo') changeMode({ kind: 'combo', picked: [] });
    else record({ kept: [...p.kept], defect: p.defect });
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const listener = (ev: KeyboardEvent) => onKeyRef.current(ev);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!view) return <QueryStatus query={query.isError ? query : { ...query, status: 'pending' }} />;
  if (!batch) return <Alert color="red">{tc.full}</Alert>;
  const tally = view.candidates.map((c) => ({
    name: c.name,
    votes: live.filter((e) => !e.paper.defect && e.paper.kept.includes(c.id)).length,
  }));
  const defects = live.filter((e) => e.paper.defect).length;
  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2}>{tc.entryTitle(batch.number, laneNo)}</Title>
        <Button component={Link} to={`/kiem-phieu/${id}`} variant="subtle">
          {tc.finish}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {view.positionTitle} — {view.hamletName}
      </Text>
      <Group>
        <Text size="xl" fw={700} data-testid="lane-count">
          {tc.progress(total, batch.size)}
        </Text>
        <Badge color={pending > 0 ? 'yellow' : 'green'} tt="none" data-testid="sync">
          {pending > 0 ? tc.pending(pending) : tc.saved}
        </Badge>
      </Group>
      <Progress value={(100 * total) / batch.size} />
      <Keys v={view} />
      {mode.kind === 'defect' && (
        <Alert color="orange" title={tc.defectPick}>
          <List>
            {view.defects.map((d, i) => (
              <List.Item key={d.code}>
                <Kbd>{i + 1}</Kbd> {d.label}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {mode.kind === 'combo' && (
        <Alert color="blue" title={tc.combo}>
          {mode.picked.map((pid) => view.candidates.find((c) => c.id === pid)?.name).join(', ') || tc.none}
        </Alert>
      )}
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Table withTableBorder aria-label="Kiểm đếm lượt nhập">
        <Table.Tbody>
          {tally.map((c) => (
            <Table.Tr key={c.name}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.votes}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>{tc.defectLabel}</Table.Td>
            <Table.Td>{defects}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600}>
        {tc.last}
      </Text>
      <List size="sm" data-testid="last-entries">
        {live
          .slice(-5)
          .reverse()
          .map((e, i) => (
            <List.Item key={e.key}>
              {already + live.length - i}. {paperText(e.paper, view)}
            </List.Item>
          ))}
      </List>
    </Stack>
  );
}
