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
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { PollingTurnout, PollingView, PollingVoter } from '../../shared/api';
import { numberFormat, tpd } from '../../shared/strings';
import { PollingBallotsPanel } from './PollingBallots';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const vnTime = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(11, 16);

/** The search box is focused; Enter checks in the single match, else shows the matches to pick. */
function CheckInPanel(props: {
  electionId: string;
  boxes: PollingTurnout['mobileBoxes'];
  onChange: () => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PollingVoter[]>([]);
  const [box, setBox] = useState<string | null>(null);
  const [note, setNote] = useState<{ color: string; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const search = async (query: string) =>
    api.get<PollingVoter[]>(
      `/api/elections/${props.electionId}/polling/voters?q=${encodeURIComponent(query)}`,
    );
  const checkIn = async (v: PollingVoter) => {
    try {
      const r = await api.post<PollingVoter>(`/api/elections/${props.electionId}/polling/check-ins`, {
        rollNumber: v.rollNumber,
        mobileBoxId: box,
      });
      setNote({ color: 'green', text: tpd.checkedIn(r.fullName, r.rollNumber) });
      setQ('');
      setFound([]);
      props.onChange();
    } catch (e) {
      setNote({ color: 'red', text: message(e) });
    }
    input.current?.focus();
  };
  const onEnter = async () => {
    if (!q.trim()) return;
    try {
      const list = await search(q.trim());
      setFound(list);
      if (list.length === 1) await checkIn(list[0]!);
      else setNote({ color: 'yellow', text: list.length === 0 ? tpd.noMatch : tpd.many(list.length) });
    } catch (e) {
      setNote({ color: 'red', text: message(e) });
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group align="end">
          <TextInput
            ref={input}
            label={tpd.search}
            description={tpd.searchHelp}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void onEnter();
            }}
            w={480}
            data-testid="checkin-search"
          />
          {props.boxes.length > 0 && (
            <Select
              label={tpd.viaBox}
              clearable
              value={box}
              onChange={setBox}
              data={props.boxes.map((b) => ({ value: b.id, label: `${tpd.mobileBox} ${b.number}` }))}
              w={200}
            />
          )}
        </Group>
        {note && (
          <Alert color={note.color} data-testid="checkin-message">
            {note.text}
          </Alert>
        )}
        {found.length > 1 && (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tpd.number}</Table.Th>
                <Table.Th>{tpd.name}</Table.Th>
                <Table.Th>{tpd.group}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.map((v) => (
                <Table.Tr key={v.residentId}>
                  <Table.Td>{v.rollNumber}</Table.Td>
                  <Table.Td>{v.fullName}</Table.Td>
                  <Table.Td>{v.residentGroup ?? tpd.noGroup}</Table.Td>
                  <Table.Td>
                    {v.voted ? (
                      <Badge color="green">{tpd.voted}</Badge>
                    ) : (
                      <Button size="xs" onClick={() => void checkIn(v)}>
                        {tpd.checkIn}
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

function PollPanel(props: { electionId: string; poll: PollingView; onChange: () => void }) {
  const { poll } = props;
  const [reason, setReason] = useState('');
  const [sealed, setSealed] = useState(true);
  const [carriers, setCarriers] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api.post(`/api/elections/${props.electionId}/polling/${path}`, body);
      props.onChange();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group>
          <Title order={3}>{tpd.poll}</Title>
          <Badge data-testid="poll-status">{tpd.status[poll.status]}</Badge>
        </Group>
        <Text size="sm">
          {poll.window
            ? `${tpd.hours(poll.window.opens, poll.window.ends, poll.window.latest)} (${poll.window.citation})`
            : tpd.noHours}
        </Text>
        {poll.events.map((e) => (
          <Text key={e.seq} size="sm">
            {e.time} · {tpd.events[e.kind] ?? e.kind}
            {e.reason ? `: ${e.reason}` : ''}
            {e.boxSealed === true ? ` · ${tpd.boxSealed}` : ''}
          </Text>
        ))}
        {error && <Alert color="red">{error}</Alert>}
        {poll.status === 'open' && (
          <Group align="end">
            <TextInput
              label={tpd.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              w={300}
            />
            <Checkbox
              label={tpd.boxSealed}
              checked={sealed}
              onChange={(e) => setSealed(e.currentTarget.checked)}
            />
            <Button
              variant="light"
              color="orange"
              onClick={() => void act('interruptions', { reason, boxSealed: sealed })}
            >
              {tpd.interrupt}
            </Button>
          </Group>
        )}
        {poll.status === 'interrupted' && (
          <Group>
            <Button onClick={() => void act('resume')}>{tpd.resume}</Button>
          </Group>
        )}
        {(poll.status === 'open' || poll.status === 'notOpen') && (
          <Group align="end">
            <Textarea
              label={tpd.carriedBy}
              value={carriers}
              onChange={(e) => setCarriers(e.currentTarget.value)}
              w={300}
              autosize
              minRows={2}
            />
            <Button
              variant="light"
              onClick={() =>
                void act('mobile-boxes', {
                  carriedBy: carriers
                    .split('\n')
                    .map((s) => s.trim())
                    .filter(Boolean),
                })
              }
            >
              {tpd.sendBox}
            </Button>
          </Group>
        )}
        {poll.status === 'open' && (
          <Group>
            <Button color="red" onClick={() => void act('close')}>
              {tpd.close}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Polling day for the team: check-in, the poll's state, the mobile box, ballots and sealing. */
export function PollingPage() {
  const { id = '' } = useParams();
  const [poll, setPoll] = useState<PollingView | null>(null);
  const [turnout, setTurnout] = useState<PollingTurnout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    Promise.all([
      api.get<PollingView>(`/api/elections/${id}/polling`),
      api.get<PollingTurnout>(`/api/elections/${id}/polling/turnout`),
    ]).then(
      ([p, tu]) => {
        setPoll(p);
        setTurnout(tu);
      },
      (e: unknown) => setError(message(e)),
    );
  }, [id, tick]);
  if (error)
    return (
      <Alert color="red" m="md">
        {error}
      </Alert>
    );
  if (!poll || !turnout) return <Text m="md">…</Text>;
  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2}>{tpd.title(turnout.hamletName)}</Title>
        <Group>
          <Button component={Link} to={`/bau-cu/${id}/bo-phieu/ty-le`} variant="light">
            {tpd.turnoutScreen}
          </Button>
          <Button component={Link} to={`/bau-cu/${id}/kiem-phieu`} variant="light">
            {tpd.toCount}
          </Button>
        </Group>
      </Group>
      <Text size="xl" fw={700} data-testid="turnout-inline">
        {tpd.turnout}:{' '}
        {tpd.votedOf(numberFormat.format(turnout.voted), numberFormat.format(turnout.registered))} (
        {turnout.percent.replace('.', ',')}%)
      </Text>
      {poll.status !== 'closed' && (
        <CheckInPanel electionId={id} boxes={turnout.mobileBoxes} onChange={reload} />
      )}
      <PollPanel electionId={id} poll={poll} onChange={reload} />
      {turnout.mobileBoxes.map((b) => (
        <Text key={b.id} size="sm">
          {tpd.mobileBox} {b.number} ({vnTime(b.leftAt)}): {b.carriedBy.join(', ')} ·{' '}
          {tpd.boxVoters(b.voters.length)}
          {b.voters.length > 0 ? `: ${b.voters.map((v) => `${v.rollNumber}. ${v.fullName}`).join('; ')}` : ''}
        </Text>
      ))}
      <PollingBallotsPanel electionId={id} key={tick} />
    </Stack>
  );
}
