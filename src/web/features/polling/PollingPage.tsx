import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import * as contract from '../../../contract/polling';
import type { CheckInInput, PollingVoter, PollView, Turnout } from '../../../contract/polling';
import { ApiError, call, errorText } from '../../shared/client';
import { OfflineBanner, useOnline } from '../../shared/OfflineBanner';
import { vnNumber, vnPercentText, vnTime } from '../../shared/format';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { ballotsChanged, PollingBallotsPanel } from './PollingBallots';
import { offlineCheckIn, useCheckInQueue } from './checkin-queue';
import type { CheckInOutcome } from './checkin-queue';
import { pollingText as tx } from './strings';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** What was typed for a queued check-in, as the team typed it. */
const typedOf = (b: CheckInInput) => b.cardCode ?? String(b.rollNumber ?? b.name ?? '');

/** The answers to check-ins queued offline, once sent: in green, or what to look at again. */
function SentList(props: { sent: readonly CheckInOutcome[] }) {
  if (props.sent.length === 0) return null;
  return (
    <Stack gap={4} data-testid="checkin-sent">
      {props.sent.map((o, i) => {
        if (o.kind === 'error')
          return (
            <Alert key={i} color="red">
              {o.message}
            </Alert>
          );
        if (o.kind === 'done')
          return (
            <Text key={o.item.key} size="sm" c="green.9">
              {tx.sentDone(o.voter.fullName, o.voter.rollNumber, vnTime(o.item.at))}
            </Text>
          );
        return (
          <Text key={o.item.key} size="sm" c={o.kind === 'already' ? 'orange.9' : 'red.9'}>
            {o.kind === 'already'
              ? tx.sentAlready(typedOf(o.item.body), o.message)
              : tx.sentRefused(typedOf(o.item.body), o.message)}
          </Text>
        );
      })}
    </Stack>
  );
}

/**
 * The search box is focused; Enter checks in the single match, else shows the matches to pick.
 * Offline (or when the search cannot reach the server) a roll number or card code is kept on the
 * device and sent when the network returns (checkin-queue.ts).
 */
function CheckInPanel(props: { userId: string; electionId: string; boxes: Turnout['mobileBoxes'] }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PollingVoter[]>([]);
  const [box, setBox] = useState<string | null>(null);
  const [note, setNote] = useState<{ color: string; text: string } | null>(null);
  const [sent, setSent] = useState<CheckInOutcome[]>([]);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const params = { id: props.electionId };
  const client = useQueryClient();
  const online = useOnline();
  const { queue, snapshot } = useCheckInQueue(props.userId, props.electionId, (o) => {
    setSent((xs) => [o, ...xs].slice(0, 20));
    for (const e of ballotsChanged) void client.invalidateQueries({ queryKey: [e.path] });
  });
  const record = useApiMutation(contract.checkIn, { invalidates: ballotsChanged });
  const search = (query: string) => call(contract.findVoters, { params, query: { q: query } });
  const checkIn = async (v: PollingVoter) => {
    try {
      const r = await record.mutateAsync({ params, body: { rollNumber: v.rollNumber, mobileBoxId: box } });
      setNote({ color: 'green', text: tx.checkedIn(r.fullName, r.rollNumber) });
      setQ('');
      setFound([]);
    } catch (e) {
      setNote({ color: 'red', text: errorText(e) });
    }
    input.current?.focus();
  };
  /** No network: kept on the device by number or card code; a name needs the roll. */
  const keep = (typed: string) => {
    const by = offlineCheckIn(typed);
    if (!by) {
      setNote({ color: 'orange', text: tx.offlineByNumber });
      return;
    }
    queue.add({ ...by, mobileBoxId: box });
    setNote({ color: 'orange', text: tx.queued(typed) });
    setQ('');
    setFound([]);
    input.current?.focus();
  };
  const onEnter = async () => {
    const typed = q.trim();
    if (!typed) return;
    if (!online) return keep(typed);
    try {
      const list = await search(typed);
      setFound(list);
      if (list.length === 1) await checkIn(list[0]!);
      else setNote({ color: 'yellow', text: list.length === 0 ? tx.noMatch : tx.many(list.length) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) keep(typed);
      else setNote({ color: 'red', text: errorText(e) });
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <OfflineBanner
          offline={!online || snapshot.failing}
          pending={snapshot.items.length}
          what={tx.checkInsWord}
        />
        <Group align="end">
          <TextInput
            ref={input}
            label={tx.search}
            description={tx.searchHelp}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void onEnter();
            }}
            w="100%"
            maw={480}
            data-testid="checkin-search"
          />
          <Button onClick={() => void onEnter()} mih={48}>
            {tx.checkInButton}
          </Button>
          {props.boxes.length > 0 && (
            <Select
              label={tx.viaBox}
              clearable
              value={box}
              onChange={setBox}
              data={props.boxes.map((b) => ({ value: b.id, label: `${tx.mobileBox} ${b.number}` }))}
              w="100%"
              maw={200}
            />
          )}
        </Group>
        {note && (
          <Alert color={note.color} data-testid="checkin-message">
            {note.text}
          </Alert>
        )}
        <SentList sent={sent} />
        {found.length > 1 && (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tx.number}</Table.Th>
                <Table.Th>{tx.name}</Table.Th>
                <Table.Th>{tx.group}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.map((v) => (
                <Table.Tr key={v.residentId}>
                  <Table.Td>{v.rollNumber}</Table.Td>
                  <Table.Td>{v.fullName}</Table.Td>
                  <Table.Td>{v.residentGroup ?? tx.noGroup}</Table.Td>
                  <Table.Td>
                    {v.voted ? (
                      <Badge color="green">{tx.voted}</Badge>
                    ) : (
                      <Button size="xs" onClick={() => void checkIn(v)}>
                        {tx.checkIn}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function PollPanel(props: { electionId: string; poll: PollView; mobileBox: Turnout['mobileBox'] }) {
  const { poll } = props;
  const params = { id: props.electionId };
  const [reason, setReason] = useState('');
  const [sealed, setSealed] = useState(true);
  const [carriers, setCarriers] = useState('');
  const [error, setError] = useState<string | null>(null);
  const options = { invalidates: ballotsChanged };
  const interrupt = useApiMutation(contract.recordInterruption, options);
  const resume = useApiMutation(contract.resumePolling, options);
  const sendBox = useApiMutation(contract.sendMobileBox, options);
  const close = useApiMutation(contract.closePolling, options);
  const act = async (write: () => Promise<unknown>) => {
    setError(null);
    try {
      await write();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group>
          <Title order={2} size="h3">
            {tx.poll}
          </Title>
          <Badge data-testid="poll-status">{tx.status[poll.status]}</Badge>
        </Group>
        <Text size="sm">
          {poll.window
            ? poll.window.chosen.length > 0
              ? `${tx.sessions(poll.window.chosen)} (${poll.window.citation})`
              : `${tx.hours(poll.window.opens, poll.window.ends, poll.window.latest)} (${poll.window.citation})`
            : tx.noHours}
        </Text>
        {poll.events.map((e) => (
          <Text key={e.seq} size="sm">
            {e.time} · {tx.events[e.kind] ?? e.kind}
            {e.reason ? `: ${e.reason}` : ''}
            {e.boxSealed === true ? ` · ${tx.boxSealed}` : ''}
          </Text>
        ))}
        {error && <Alert color="red">{error}</Alert>}
        {poll.status === 'open' && (
          <Group align="end">
            <TextInput
              label={tx.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              w="100%"
              maw={300}
            />
            <Checkbox
              label={tx.boxSealed}
              checked={sealed}
              onChange={(e) => setSealed(e.currentTarget.checked)}
            />
            <Button
              variant="light"
              color="orange"
              onClick={() =>
                void act(() => interrupt.mutateAsync({ params, body: { reason, boxSealed: sealed } }))
              }
            >
              {tx.interrupt}
            </Button>
          </Group>
        )}
        {poll.status === 'interrupted' && (
          <Group>
            <Button onClick={() => void act(() => resume.mutateAsync({ params }))}>{tx.resume}</Button>
          </Group>
        )}
        {(poll.status === 'open' || poll.status === 'notOpen') && !props.mobileBox.allowed && (
          <Text size="sm" c="dimmed">
            {tx.noMobileBox(props.mobileBox.citation)}
          </Text>
        )}
        {(poll.status === 'open' || poll.status === 'notOpen') && props.mobileBox.allowed && (
          <Group align="end">
            <Textarea
              label={tx.carriedBy}
              value={carriers}
              onChange={(e) => setCarriers(e.currentTarget.value)}
              w="100%"
              maw={300}
              autosize
              minRows={2}
            />
            <Button
              variant="light"
              onClick={() =>
                void act(() => sendBox.mutateAsync({ params, body: { carriedBy: lines(carriers) } }))
              }
            >
              {tx.sendBox}
            </Button>
          </Group>
        )}
        {poll.status === 'open' && (
          <Group>
            <ConfirmButton
              color="red"
              question={tx.closeQuestion}
              onConfirm={() => act(() => close.mutateAsync({ params }))}
            >
              {tx.close}
            </ConfirmButton>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Polling day for the team: check-in, the poll's state, the mobile box, ballots and sealing. */
export function PollingPage(props: { userId: string }) {
  const { id = '' } = useParams();
  // Tried even offline: the app shell's service worker answers with the copy it kept (sw/policy.ts).
  const pollQuery = useApiQuery(contract.getPoll, { params: { id } }, { networkMode: 'offlineFirst' });
  const turnoutQuery = useApiQuery(contract.getTurnout, { params: { id } }, { networkMode: 'offlineFirst' });
  const crumbs = useElectionCrumbs(id);
  const poll = pollQuery.data;
  const turnout = turnoutQuery.data;
  // Said once after a trial election was created from the hamlet page.
  const trial = (useLocation().state as { trial?: string } | null)?.trial;
  const error = pollQuery.error ?? turnoutQuery.error;
  if (error)
    return (
      <Alert color="red" m="md">
        {errorText(error)}
      </Alert>
    );
  if (!poll || !turnout) return <Text m="md">…</Text>;
  return (
    <Stack p="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading crumbs={crumbs} here={tx.pollingCrumb} title={tx.title(turnout.hamletName)} />
        <Group>
          <Button component={Link} to={`/bau-cu/${id}/bo-phieu/ty-le`} variant="light">
            {tx.turnoutScreen}
          </Button>
          <Button component={Link} to={`/bau-cu/${id}/kiem-phieu`} variant="light">
            {tx.toCount}
          </Button>
        </Group>
      </Group>
      {trial && (
        <Alert color="green" data-testid="trial-created">
          {trial}
        </Alert>
      )}
      <Text size="xl" fw={700} data-testid="turnout-inline">
        {tx.turnout}: {tx.votedOf(vnNumber(turnout.voted), vnNumber(turnout.registered))} (
        {vnPercentText(turnout.percent)})
      </Text>
      {poll.status !== 'closed' && (
        <CheckInPanel userId={props.userId} electionId={id} boxes={turnout.mobileBoxes} />
      )}
      <PollPanel electionId={id} poll={poll} mobileBox={turnout.mobileBox} />
      {turnout.mobileBoxes.map((b) => (
        <Text key={b.id} size="sm">
          {tx.mobileBox} {b.number} ({vnTime(b.leftAt)}): {b.carriedBy.join(', ')} ·{' '}
          {tx.boxVoters(b.voters.length)}
          {b.voters.length > 0 ? `: ${b.voters.map((v) => `${v.rollNumber}. ${v.fullName}`).join('; ')}` : ''}
        </Text>
      ))}
      <PollingBallotsPanel electionId={id} />
    </Stack>
  );
}
