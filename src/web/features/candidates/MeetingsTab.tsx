import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../shared/api';
import type { PrepCandidates, PrepMeetings } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, tp } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The meetings that decide the list, each with its quorum and votes; the official list from the deciding one. */
export function MeetingsTab(props: { electionId: string }) {
  const id = props.electionId;
  const [load, reload] = useLoad(
    () =>
      Promise.all([
        api.get<PrepMeetings>(`/api/elections/${id}/meetings`),
        api.get<PrepCandidates>(`/api/elections/${id}/candidates`),
      ]),
    [id],
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const [m, c] = load.data;
  const fix = (meetingId: string) =>
    api.post(`/api/elections/${id}/official-list`, { meetingId }).then(
      () => {
        setMessage({ ok: true, text: tp.listFixed });
        reload();
      },
      (e: unknown) => setMessage({ ok: false, text: errText(e) }),
    );
  return (
    <Stack>
      {m.approvalRule && <Text size="sm">{tp.approvalRule(m.approvalRule)}</Text>}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role="alert">
          {message.text}
        </Alert>
      )}
      {m.meetings.map((x) => (
        <Card key={x.id} withBorder data-testid="meeting">
          <Text fw={700}>
            {x.kindLabel} — {formatDate(x.heldOn)} {x.startTime}, {x.venue}
          </Text>
          <Text size="sm">
            {tp.chair}: {x.chairName} · {tp.secretary}: {x.secretaryName} · {tp.present}: {x.present}/
            {x.convened}
          </Text>
          {x.quorum.required && (
            <Text size="sm">{tp.quorum(x.quorum.rule ?? '', x.quorum.citation ?? '')}</Text>
          )}
          {x.absences.length > 0 && (
            <Text size="sm">
              {tp.absences.split(' (')[0]}:{' '}
              {x.absences.map((a) => `${a.name}${a.reason ? ` (${a.reason})` : ''}`).join('; ')}
            </Text>
          )}
          <Table mt="xs">
            <Table.Tbody>
              {x.votes.map((v) => (
                <Table.Tr key={v.nominationId}>
                  <Table.Td>{v.order}</Table.Td>
                  <Table.Td>{v.name}</Table.Td>
                  <Table.Td>{v.agree ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge color={v.approved ? 'green' : 'red'} tt="none">
                      {v.approved ? tp.approved : tp.notApproved}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {x.kind === m.decidingKind && c.canManage && (
            <Button mt="xs" w="fit-content" variant="light" onClick={() => void fix(x.id)}>
              {tp.fixList}
            </Button>
          )}
        </Card>
      ))}
      {c.canManage && <NewMeeting electionId={id} meetings={m} candidates={c} onAdded={reload} />}
    </Stack>
  );
}

function NewMeeting(props: {
  electionId: string;
  meetings: PrepMeetings;
  candidates: PrepCandidates;
  onAdded: () => void;
}) {
  const [kind, setKind] = useState<string | null>(props.meetings.kinds[0]?.kind ?? null);
  const [f, setF] = useState({
    heldOn: '',
    startTime: '08:00',
    endTime: '',
    venue: '',
    chairName: '',
    chairPosition: '',
    secretaryName: '',
    participants: '',
    absences: '',
    decisions: '',
  });
  const [convened, setConvened] = useState<number | string>(10);
  const [present, setPresent] = useState<number | string>(9);
  const [picked, setPicked] = useState<Record<string, { on: boolean; agree: number | string }>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (k: keyof typeof f) => ({
    value: f[k],
    onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }),
  });
  const kindInfo = props.meetings.kinds.find((k) => k.kind === kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const votes = props.candidates.nominations
      .filter((n) => picked[n.id]?.on)
      .map((n) => ({
        nominationId: n.id,
        ...(kind === 'votersConference' ? { agree: Number(picked[n.id]!.agree) } : {}),
      }));
    api
      .post(`/api/elections/${props.electionId}/meetings`, {
        kind,
        ...f,
        endTime: f.endTime || null,
        convened: Number(convened),
        present: Number(present),
        absences: f.absences
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [name, ...reason] = l.split(' - ');
            return { name: name!.trim(), reason: reason.join(' - ').trim() };
          }),
        decisions: f.decisions
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        votes,
      })
      .then(
        () => {
          setMessage({ ok: true, text: tp.meetingRecorded });
          props.onAdded();
        },
        (e: unknown) => setMessage({ ok: false, text: errText(e) }),
      );
  };
  return (
    <Card withBorder maw={960}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{tp.recordMeeting}</Title>
          {message && (
            <Alert color={message.ok ? 'green' : 'red'} role="alert">
              {message.text}
            </Alert>
          )}
          <Group grow>
            <Select
              label={tp.meetingKind}
              value={kind}
              onChange={setKind}
              data={props.meetings.kinds.map((k) => ({ value: k.kind, label: k.label }))}
              allowDeselect={false}
            />
            <TextInput label={tp.heldOn} type="date" required {...field('heldOn')} />
            <TextInput label={tp.startTime} required {...field('startTime')} />
            <TextInput label={tp.endTime} {...field('endTime')} />
          </Group>
          {kindInfo?.stepDue && (
            <Text size="sm">{tp.stepDue(formatDate(kindInfo.stepDue), kindInfo.citation ?? '')}</Text>
          )}
          <TextInput label={tp.venue} required {...field('venue')} />
          <Group grow>
            <TextInput label={tp.chair} required {...field('chairName')} />
            <TextInput label={tp.chairPosition} {...field('chairPosition')} />
            <TextInput label={tp.secretary} required {...field('secretaryName')} />
          </Group>
          <TextInput label={tp.participants} {...field('participants')} />
          <Group grow>
            <NumberInput label={tp.convened} min={1} value={convened} onChange={setConvened} />
            <NumberInput label={tp.present} min={0} value={present} onChange={setPresent} />
          </Group>
          <Textarea label={tp.absences} autosize minRows={2} {...field('absences')} />
          <Textarea label={tp.decisions} autosize minRows={2} {...field('decisions')} />
          <Text fw={600}>{tp.votes}</Text>
          {props.candidates.nominations.map((n) => (
            <Group key={n.id}>
              <Checkbox
                label={n.person.fullName}
                checked={picked[n.id]?.on ?? false}
                onChange={(e) =>
                  setPicked({
                    ...picked,
                    [n.id]: { on: e.currentTarget.checked, agree: picked[n.id]?.agree ?? 0 },
                  })
                }
              />
              {kind === 'votersConference' && (
                <NumberInput
                  aria-label={`${tp.agree} ${n.person.fullName}`}
                  min={0}
                  w={120}
                  value={picked[n.id]?.agree ?? 0}
                  onChange={(v) =>
                    setPicked({ ...picked, [n.id]: { on: picked[n.id]?.on ?? true, agree: v } })
                  }
                />
              )}
            </Group>
          ))}
          <Button type="submit" w="fit-content">
            {tp.recordMeeting}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
