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
import { api } from '../../shared/api';
import type { CountEntryAck, CountPaperView, CountView } from '../../shared/api';
import { Status } from '../../shared/Status';
import { tc } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';
import { paperText } from './CountPage';

interface Entered {
  readonly key: string;
  readonly paper: CountPaperView;
  ack: CountEntryAck | null;
}

type Mode = { kind: 'normal' } | { kind: 'defect' } | { kind: 'combo'; picked: string[] };

/** What one key means on this ballot: one key per paper for the usual two-candidate ballot. */
export function paperForKey(key: string, v: CountView): CountPaperView | 'defect' | 'combo' | null {
  const ids = v.candidates.map((c) => c.id);
  if (key === '.' || key === '-' || key === '/') return v.defects.length > 0 ? 'defect' : null;
  if (key === '0') return { kept: [], defect: null };
  const n = Number(key);
  if (/^[1-9]$/.test(key) && n <= ids.length) return { kept: [ids[n - 1] as string], defect: null };
  if (ids.length === 2 && key === '3') return { kept: [...ids], defect: null };
  if (ids.length > 2 && key === '+') return 'combo';
  return null;
}

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
  const laneNo = Number(lane);
  const [load, reload] = useLoad(() => api.get<CountView>(`/api/counts/${id}`), [id]);
  const [entered, setEntered] = useState<Entered[]>([]);
  const [mode, setMode] = useState<Mode>({ kind: 'normal' });
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  const view = load.state === 'ready' ? load.data : null;
  const batch = view?.batches.find((b) => b.id === batchId);
  const already = batch ? (batch.entered[laneNo - 1] ?? 0) : 0;
  const live = entered.filter((e) => e.key !== '');
  const total = already + live.length;

  // Papers typed but not yet sent, in order: when answers come slower than keys (a slow network, a
  // busy server), the papers that queued up go together in one bulk request, each with its own key
  // and its own acknowledgement (docs/benchmarks.md, "Count API").
  const unsent = useRef<Entered[]>([]);

  const sendOne = useCallback(
    async (item: Entered) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          item.ack = await api.post<CountEntryAck>(`/api/counts/${id}/papers`, {
            batchId,
            lane: laneNo,
            kept: item.paper.kept,
            defect: item.paper.defect,
            key: item.key,
          });
          setError(null);
          return;
        } catch (e) {
          const status = (e as { status?: number }).status ?? 0;
          if (status >= 400 && status < 500) {
            setError(e instanceof Error ? e.message : String(e));
            setEntered((xs) => xs.filter((x) => x !== item));
            return;
          }
          await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
        }
      }
    },
    [id, batchId, laneNo],
  );

  /** Sends a group in one request; true when every paper was acknowledged. */
  const sendGroup = useCallback(
    async (group: Entered[]): Promise<boolean> => {
      const papers = group.map((x) => ({
        batchId,
        lane: laneNo,
        kept: x.paper.kept,
        defect: x.paper.defect,
        key: x.key,
      }));
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const done = await api.post<{ acks: CountEntryAck[] }>(`/api/counts/${id}/papers/bulk`, { papers });
          group.forEach((x, i) => (x.ack = done.acks[i] ?? null));
          setError(null);
          return true;
        } catch (e) {
          const status = (e as { status?: number }).status ?? 0;
          if (status >= 400 && status < 500) return false; // refused as a whole: nothing stored
          await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
        }
      }
      return false;
    },
    [id, batchId, laneNo],
  );

  const send = useCallback(
    (item: Entered) => {
      setPending((n) => n + 1);
      unsent.current.push(item);
      queue.current = queue.current.then(async () => {
        const at = unsent.current.indexOf(item);
        // Papers acknowledged with an earlier group are done; after a refused group each paper goes
        // alone (its own turn in the queue), so only a wrong one is dropped.
        const group = at >= 0 ? unsent.current.splice(at, 50) : item.ack ? [] : [item];
        if (group.length > 1 && (await sendGroup(group))) return setPending((n) => n - 1);
        if (group.length > 0) await sendOne(item);
        setPending((n) => n - 1);
      });
    },
    [sendOne, sendGroup],
  );

  // Papers recorded so far, counted at once (between renders too) so a fast typist cannot overfill.
  const recordedRef = useRef(total);
  recordedRef.current = total;
  const record = useCallback(
    (paper: CountPaperView) => {
      if (!batch || recordedRef.current >= batch.size) {
        setError(tc.full);
        return;
      }
      recordedRef.current += 1;
      const item: Entered = { key: crypto.randomUUID(), paper, ack: null };
      setEntered((xs) => [...xs, item]);
      send(item);
    },
    [batch, send],
  );

  const undo = useCallback(() => {
    const last = entered[entered.length - 1];
    if (!last) return;
    setEntered((xs) => xs.slice(0, -1));
    setPending((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        if (last.ack) await api.post(`/api/counts/${id}/papers/${last.ack.entryId}/undo`);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
      setPending((n) => n - 1);
    });
  }, [entered, id]);

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
    else record(p);
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const listener = (ev: KeyboardEvent) => onKeyRef.current(ev);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (load.state !== 'ready' || !view) return <Status load={load} onRetry={reload} />;
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
