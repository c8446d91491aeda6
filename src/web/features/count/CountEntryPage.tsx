import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Kbd,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/count';
import type { CountedPaperView, CountView, EntryContextView } from '../../../contract/count';
import { paperForKey, tallyPaperOf } from '../../../domain/count/counted-paper';
import { countPapers } from '../../../domain/count/papers';
import type { PaperRules } from '../../../domain/count/papers';
import { standingOf, standingText } from '../../../domain/count/standing';
import { ApiError } from '../../shared/client';
import { OfflineBanner, useOnline } from '../../shared/OfflineBanner';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { paperText } from './CountPage';
import { useEntryQueue } from './entry-queue';
import type { QueuedPaper } from './entry-queue';
import { tc } from './strings';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

type Mode = { kind: 'normal' } | { kind: 'defect' } | { kind: 'combo'; picked: string[] };

/** One key of the pad: the keyboard key it stands for and what it records. */
interface PadKey {
  readonly key: string;
  readonly label: string;
  readonly color?: string;
  readonly variant?: string;
  readonly active?: boolean;
}

/** The keys of the current mode, the same keys as the keyboard's, in the order of the hints. */
function padKeys(v: CountView, mode: Mode): PadKey[] {
  if (mode.kind === 'defect')
    return [
      ...v.defects.map((d, i) => ({ key: String(i + 1), label: d.label, color: 'orange' })),
      { key: 'Escape', label: tc.cancel, variant: 'default' },
    ];
  if (mode.kind === 'combo')
    return [
      ...v.candidates.map((c, i) => ({
        key: String(i + 1),
        label: c.name,
        active: mode.picked.includes(c.id),
      })),
      { key: 'Enter', label: tc.record, color: 'green' },
      { key: 'Escape', label: tc.cancel, variant: 'default' },
    ];
  const agree = v.ballotForm === 'agreeColumns';
  const keys: PadKey[] = v.candidates.map((c, i) => ({
    key: String(i + 1),
    label: agree ? tc.keyAgree(c.name) : tc.keyOnly(c.name),
  }));
  if (v.candidates.length === 2) keys.push({ key: '3', label: tc.keyAll, variant: 'light' });
  if (v.candidates.length > 2) keys.push({ key: '+', label: tc.keyCombo, variant: 'light' });
  keys.push({ key: '0', label: tc.keyNone, variant: 'light' });
  if (v.defects.length > 0) keys.push({ key: '.', label: tc.keyDefect, color: 'orange', variant: 'light' });
  keys.push({ key: 'Backspace', label: tc.keyUndo, variant: 'default' });
  return keys;
}

const keyCap = (key: string) => ({ Backspace: '⌫', Escape: 'Esc', Enter: '↵' })[key] ?? key;

/**
 * On-screen keys for thumbs: one tap per paper, each key the same as the keyboard's (it goes through
 * the same handler), at least 64 px high.
 */
function Keypad(props: { v: CountView; mode: Mode; disabled: boolean; press: (key: string) => void }) {
  return (
    <Card withBorder data-keypad>
      <Text size="sm" fw={600}>
        {tc.keysTap}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt="xs" role="group" aria-label={tc.keypad}>
        {padKeys(props.v, props.mode).map((k) => (
          <Button
            key={k.key}
            data-key={k.key}
            disabled={props.disabled}
            color={k.color}
            variant={
              k.active ? 'filled' : (k.variant ?? (props.mode.kind === 'combo' ? 'outline' : 'filled'))
            }
            aria-pressed={props.mode.kind === 'combo' && k.active !== undefined ? k.active : undefined}
            onClick={() => props.press(k.key)}
            h="auto"
            mih={64}
            py={8}
            justify="flex-start"
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.25 } }}
            leftSection={<Kbd>{keyCap(k.key)}</Kbd>}
          >
            {k.label}
          </Button>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** Votes and valid papers of the papers typed here, counted by the profile's paper rules. */
function countedHere(v: CountView, rules: PaperRules, papers: readonly QueuedPaper[]) {
  const ids = v.candidates.map((c) => c.id);
  const counted = countPapers(
    papers.map((e) => tallyPaperOf(e.paper, ids)),
    ids,
    rules,
  );
  return counted.ok ? counted.value : { valid: 0, votes: ids.map(() => 0) };
}

/** The live standing of each candidate against the profile's winner threshold, with its source. */
function StandingCard(props: { v: CountView; ctx: EntryContextView; live: readonly QueuedPaper[] }) {
  const { v, ctx } = props;
  const rule = ctx.winner;
  if (!rule)
    return (
      <Text size="sm" c="dimmed">
        {tc.noWinnerRule}
      </Text>
    );
  const here = countedHere(v, ctx.paperRules, props.live);
  const s = standingOf({
    threshold: rule.threshold,
    bases: {
      registered: v.registered,
      participated: v.voted,
      present: v.voted,
      valid: v.running.valid + here.valid,
    },
    candidates: v.running.candidates.map((c, i) => ({ id: c.id, votes: c.votes + (here.votes[i] ?? 0) })),
  });
  return (
    <Card withBorder data-testid="standing">
      <Text fw={600}>{tc.standing}</Text>
      <Text size="sm">{rule.text}.</Text>
      <Text size="xs" c="dimmed">
        {tc.standingSource(rule.citation, rule.confidence)}
      </Text>
      <Stack gap={4} mt="xs">
        {s.candidates.map((c, i) => (
          <Text key={c.id} size="sm" c={c.met ? 'green.9' : undefined}>
            <b>{v.candidates[i]?.name}</b>: {tc.votesOf(c.votes)} — {standingText(c)} (
            {tc.standingNeed(c.needed, s.baseValue)})
          </Text>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        {tc.standingNote}
      </Text>
    </Card>
  );
}

/** Which lane is the reader's: theirs, free to them, or the other one's (then the keys are off). */
function LaneOwner(props: { ctx: EntryContextView; batchId: string; lane: 1 | 2; countId: string }) {
  const { ctx, batchId, lane } = props;
  const mine = ctx.yourLanes.find((l) => l.batchId === batchId)?.lane ?? null;
  const holders = ctx.lanes.filter((l) => l.batchId === batchId && !l.mine);
  if (mine !== null && mine !== lane)
    return (
      <Alert color="red" data-testid="lane-owner">
        {tc.notYourLane(mine, lane)}{' '}
        <Anchor component={Link} to={`/kiem-phieu/${props.countId}/tap/${batchId}/luot/${mine}`}>
          {tc.toYourLane(mine)}
        </Anchor>
      </Alert>
    );
  return (
    <Group gap="xs" data-testid="lane-owner">
      <Badge color={mine === lane ? 'green' : 'blue'} tt="none" size="lg">
        {mine === lane ? tc.yourLane(lane) : tc.freeLane(lane)}
      </Badge>
      {ctx.doubleEntry &&
        holders.map((h) => (
          <Text key={h.lane} size="sm" c="dimmed">
            {tc.heldBy(h.lane, h.names.join(', '))}
          </Text>
        ))}
    </Group>
  );
}

/**
 * Keyboard entry of one lane of one batch: one key per paper, sent in order with an idempotency key,
 * kept on the device until the server has it (entry-queue.ts), so the page works and reopens offline.
 */
export function CountEntryPage(props: { userId: string }) {
  const { id = '', batchId = '', lane = '1' } = useParams();
  const laneNo = lane === '2' ? 2 : 1;
  // The lane's count of papers comes from the server once, when the page opens (never a cached or
  // later copy: the papers typed here are counted on top of it). Offline, the queue's kept copy.
  const query = useApiQuery(
    contract.getCount,
    { params: { id } },
    { refetchOnMount: 'always', staleTime: Infinity, refetchOnReconnect: false, refetchOnWindowFocus: false },
  );
  // Whose lane is whose, as the server knows it when the page opens.
  const entryCtx = useApiQuery(contract.getEntryContext, { params: { id } }, { refetchOnMount: 'always' });
  const place = useElectionCrumbs(query.data?.electionId);
  const [mode, setMode] = useState<Mode>({ kind: 'normal' });
  const [error, setError] = useState<string | null>(null);
  const { queue, snapshot } = useEntryQueue(
    { userId: props.userId, countId: id, batchId, lane: laneNo },
    { onRefused: (_item, message) => setError(message), onError: setError },
  );
  const offline = !useOnline() || snapshot.failing;
  const fresh = query.isFetchedAfterMount ? query.data : undefined;
  // Offline the read waits (paused) or fails for want of a network: the page opens from the device
  // at the first failed try, not after the retries.
  const noNetwork =
    query.fetchStatus === 'paused' ||
    (query.failureReason instanceof ApiError && query.failureReason.status === 0);
  const opening = snapshot.state === 'opening';
  useEffect(() => {
    if (!opening) return;
    if (fresh) void queue.open({ view: fresh });
    else if (noNetwork) void queue.open(null);
  }, [queue, opening, fresh, noNetwork]);
  useEffect(() => {
    if (entryCtx.data) queue.setContext(entryCtx.data);
  }, [queue, entryCtx.data]);
  const pending = snapshot.pending;
  const view = snapshot.view ?? undefined;
  const batch = view?.batches.find((b) => b.id === batchId);
  const already = snapshot.already;
  const live = snapshot.live;
  const total = already + live.length;
  const ctx = entryCtx.data ?? snapshot.ctx ?? undefined;
  const mine = ctx?.yourLanes.find((l) => l.batchId === batchId)?.lane ?? null;
  // The other lane of this batch is the reader's: the server would refuse every paper.
  const blocked = mine !== null && mine !== laneNo;

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
      queue.add(paper);
    },
    [batch, queue],
  );

  const undo = useCallback(() => queue.undo(), [queue]);

  // Keys can arrive faster than React re-renders (a counter types ". 2" in one motion): the mode
  // lives in a ref that changes at once, and one listener always calls the latest handler, so a key
  // is never read with the mode of the key before it.
  const modeRef = useRef<Mode>(mode);
  const changeMode = (next: Mode) => {
    modeRef.current = next;
    setMode(next);
  };
  /** One key, typed or tapped: true when it meant something here (the keyboard's default is then kept off). */
  const press = (key: string): boolean => {
    if (!view || blocked) return false;
    if (key === 'Backspace') {
      undo();
      return true;
    }
    const current = modeRef.current;
    if (current.kind === 'defect') {
      const d = view.defects[Number(key) - 1];
      if (d) record({ kept: [], defect: d.code });
      if (d || key === 'Escape') changeMode({ kind: 'normal' });
      return true;
    }
    if (current.kind === 'combo') {
      const c = view.candidates[Number(key) - 1];
      if (c) {
        const picked = current.picked.includes(c.id)
          ? current.picked.filter((x) => x !== c.id)
          : [...current.picked, c.id];
        changeMode({ kind: 'combo', picked });
      } else if (key === 'Enter') {
        record({ kept: current.picked, defect: null });
        changeMode({ kind: 'normal' });
      } else if (key === 'Escape') changeMode({ kind: 'normal' });
      return true;
    }
    const p = paperForKey(key, view);
    if (p === null) return false;
    if (p === 'defect') changeMode({ kind: 'defect' });
    else if (p === 'combo') changeMode({ kind: 'combo', picked: [] });
    else record({ kept: [...p.kept], defect: p.defect });
    return true;
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    // Enter or Space on a focused pad key would click it as well as be read here: read it once.
    const onPad = ev.target instanceof Element && ev.target.closest('[data-keypad]') !== null;
    if (onPad && (ev.key === 'Enter' || ev.key === ' ')) ev.preventDefault();
    if (press(ev.key)) ev.preventDefault();
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const listener = (ev: KeyboardEvent) => onKeyRef.current(ev);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (snapshot.state === 'unavailable') return <Alert color="orange">{tc.offlineFirstOpen}</Alert>;
  if (!view)
    return <QueryStatus query={query.isError && !noNetwork ? query : { ...query, status: 'pending' }} />;
  if (!batch) return <Alert color="red">{tc.full}</Alert>;
  const here = countedHere(view, ctx?.paperRules ?? { invalidReasons: [], seats: view.seats }, live);
  const defects = live.filter((e) => e.paper.defect).length;
  return (
    <Stack p="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading
          crumbs={[
            ...place,
            { label: tc.link, to: `/bau-cu/${view.electionId}/kiem-phieu` },
            { label: view.positionTitle, to: `/kiem-phieu/${id}` },
          ]}
          title={tc.entryTitle(batch.number, laneNo)}
        />
        <Button component={Link} to={`/kiem-phieu/${id}`} variant="subtle">
          {tc.finish}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {view.positionTitle} — {view.hamletName}
      </Text>
      <OfflineBanner offline={offline} pending={pending} what={tc.papersWord} />
      {ctx && <LaneOwner ctx={ctx} batchId={batchId} lane={laneNo} countId={id} />}
      <Group>
        <Text size="xl" fw={700} data-testid="lane-count">
          {tc.progress(total, batch.size)}
        </Text>
        <Badge color={pending > 0 ? 'yellow' : 'green'} tt="none" data-testid="sync">
          {pending > 0 ? (offline ? tc.waiting(pending) : tc.pending(pending)) : tc.saved}
        </Badge>
      </Group>
      {/* The name goes on the section: it, not the root, is the progressbar. */}
      <Progress.Root>
        <Progress.Section value={(100 * total) / batch.size} aria-label={tc.progressLabel} />
      </Progress.Root>
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
      <Keypad v={view} mode={mode} disabled={blocked} press={press} />
      <Table withTableBorder aria-label="Kiểm đếm lượt nhập">
        <Table.Tbody>
          {view.candidates.map((c, i) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{here.votes[i] ?? 0}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>{tc.defectLabel}</Table.Td>
            <Table.Td>{defects}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {ctx && <StandingCard v={view} ctx={ctx} live={live} />}
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
