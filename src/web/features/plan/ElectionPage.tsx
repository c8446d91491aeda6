import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { PrepComplaint, PrepDocument, PrepLifecycle, PrepMeetings } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, ta, tp } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';
import { CandidatesTab } from '../candidates/CandidatesTab';
import { DocumentList, IssueButtons } from '../documents/ElectionDocuments';
import { MeetingsTab } from '../candidates/MeetingsTab';
import { TeamTab } from '../team/TeamTab';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One hamlet election being prepared: its steps, candidates, meetings, team, complaints, documents. */
export function ElectionPage() {
  const { id = '' } = useParams();
  const [load, reload] = useLoad(() => api.get<PrepLifecycle>(`/api/elections/${id}/lifecycle`), [id]);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const life = load.data;
  return (
    <Stack>
      {life.roundId && (
        <Breadcrumbs>
          <Anchor component={Link} to={`/ke-hoach/${life.roundId}`}>
            {tp.planTitle}
          </Anchor>
          <Text>{life.hamletName}</Text>
        </Breadcrumbs>
      )}
      <Title order={2}>
        {tp.electionTitle(life.headTitle, life.hamletName, formatDate(life.electionDate))}
      </Title>
      <Text>
        {tp.state}: <b data-testid="election-state">{life.stateLabel}</b> · {tp.profile}: {life.profileId}
      </Text>
      <Anchor component={Link} to={`/bau-cu/${id}/nhat-ky`} data-testid="open-audit" w="fit-content">
        {ta.link}
      </Anchor>
      <Tabs defaultValue="steps" keepMounted={false}>
        <Tabs.List>
          {(Object.keys(tp.tabs) as (keyof typeof tp.tabs)[]).map((k) => (
            <Tabs.Tab key={k} value={k}>
              {tp.tabs[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="steps" pt="md">
          <Steps life={life} onChange={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="candidates" pt="md">
          <CandidatesTab electionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsTab electionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="team" pt="md">
          <TeamTab electionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="complaints" pt="md">
          <Complaints electionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <Documents electionId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Steps(props: { life: PrepLifecycle; onChange: () => void }) {
  const { life } = props;
  const [to, setTo] = useState<string | null>(life.next[0]?.to ?? null);
  const [on, setOn] = useState('');
  const [override, setOverride] = useState(false);
  const [by, setBy] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api
      .post(`/api/elections/${life.electionId}/steps`, {
        to,
        on,
        ...(override ? { override: { authorisedBy: by, reason } } : {}),
      })
      .then(
        () => {
          setMessage({ ok: true, text: tp.recorded });
          props.onChange();
        },
        (e: unknown) => setMessage({ ok: false, text: errText(e) }),
      );
  };
  return (
    <Stack>
      <Title order={4}>{tp.history}</Title>
      <Table withTableBorder data-testid="history">
        <Table.Tbody>
          {life.history.map((h) => (
            <Table.Tr key={h.seq}>
              <Table.Td>{formatDate(h.on)}</Table.Td>
              <Table.Td>{h.toLabel}</Table.Td>
              <Table.Td>{h.due ? `${tp.deadline}: ${formatDate(h.due)}` : ''}</Table.Td>
              <Table.Td>
                {h.override && (
                  <Badge color="orange" variant="light" tt="none" styles={{ label: { overflow: 'visible' } }}>
                    {tp.overrideNote(h.override.authorisedBy, h.override.reason)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{tp.next}</Title>
      {life.next.map((n) => (
        <Text
          key={n.to}
          size="sm"
          c={n.deadline?.passed ? 'red.8' : undefined}
          fw={n.deadline?.passed ? 700 : undefined}
        >
          {n.label}
          {n.deadline && ` — ${tp.deadline}: ${formatDate(n.deadline.due)} (${n.deadline.citationText})`}
          {n.deadline?.passed && ` — ${tp.deadlinePassed}`}
        </Text>
      ))}
      {life.next.length > 0 && (
        <Card withBorder maw={720}>
          <form onSubmit={submit}>
            <Stack gap="sm">
              {message && (
                <Alert color={message.ok ? 'green' : 'red'} role="alert">
                  {message.text}
                </Alert>
              )}
              <Group grow>
                <Select
                  label={tp.next}
                  value={to}
                  onChange={setTo}
                  data={life.next.map((n) => ({ value: n.to, label: n.label }))}
                  allowDeselect={false}
                />
                <TextInput
                  label={tp.on}
                  type="date"
                  value={on}
                  onChange={(e) => setOn(e.currentTarget.value)}
                  required
                />
              </Group>
              <Checkbox
                label={tp.override}
                checked={override}
                onChange={(e) => setOverride(e.currentTarget.checked)}
              />
              {override && (
                <Group grow>
                  <TextInput
                    label={tp.overrideBy}
                    value={by}
                    onChange={(e) => setBy(e.currentTarget.value)}
                  />
                  <TextInput
                    label={tp.overrideReason}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                </Group>
              )}
              <Button type="submit" w="fit-content">
                {tp.record}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}

function Complaints(props: { electionId: string }) {
  const [load, reload] = useLoad(
    () => api.get<PrepComplaint[]>(`/api/elections/${props.electionId}/complaints`),
    [props.electionId],
  );
  const [subject, setSubject] = useState<string | null>('candidate');
  const [who, setWho] = useState('');
  const [content, setContent] = useState('');
  const [on, setOn] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api
      .post(`/api/elections/${props.electionId}/complaints`, {
        subject,
        complainant: who,
        content,
        receivedOn: on,
      })
      .then(reload, (e: unknown) => setMessage(errText(e)));
  };
  return (
    <Stack>
      <Table withTableBorder>
        <Table.Tbody>
          {load.data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{formatDate(c.receivedOn)}</Table.Td>
              <Table.Td>{tp.subjects[c.subject]}</Table.Td>
              <Table.Td>
                {c.complainant}: {c.content}
              </Table.Td>
              <Table.Td>
                {c.due ? `${tp.deadline}: ${formatDate(c.due)} (${c.dueCitation ?? ''})` : ''}
              </Table.Td>
              <Table.Td>
                <Badge color={c.status === 'queued' ? 'orange' : 'blue'} tt="none">
                  {c.statusLabel}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder maw={720}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            {message && <Alert color="red">{message}</Alert>}
            <Group grow>
              <Select
                label={tp.complaintSubject}
                value={subject}
                onChange={setSubject}
                data={Object.entries(tp.subjects).map(([value, label]) => ({ value, label }))}
              />
              <TextInput label={tp.complainant} value={who} onChange={(e) => setWho(e.currentTarget.value)} />
              <TextInput
                label={tp.receivedOn}
                type="date"
                value={on}
                onChange={(e) => setOn(e.currentTarget.value)}
              />
            </Group>
            <TextInput
              label={tp.content}
              value={content}
              onChange={(e) => setContent(e.currentTarget.value)}
            />
            <Button type="submit" w="fit-content">
              {tp.file}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

function Documents(props: { electionId: string }) {
  const [load, reload] = useLoad(
    () =>
      Promise.all([
        api.get<PrepDocument[]>(`/api/elections/${props.electionId}/documents`),
        api.get<PrepMeetings>(`/api/elections/${props.electionId}/meetings`),
      ]),
    [props.electionId],
  );
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const [docs, meetings] = load.data;
  const minutesForm: Record<string, string> = {
    frontCommittee: 'mau-05',
    votersConference: 'voters-conference-minutes',
    jointConference: 'joint-conference-minutes',
  };
  return (
    <Stack>
      <IssueButtons
        base={`/api/elections/${props.electionId}/documents`}
        forms={['candidate-list', 'election-team-decision', 'invitation', 'notice']}
        onIssued={reload}
      />
      {meetings.meetings.map((m) => (
        <Group key={m.id}>
          <Text size="sm">
            {m.kindLabel} ({formatDate(m.heldOn)})
          </Text>
          <IssueButtons
            base={`/api/elections/${props.electionId}/documents`}
            forms={[minutesForm[m.kind]!]}
            extra={() => ({ meetingId: m.id })}
            onIssued={reload}
          />
        </Group>
      ))}
      <DocumentList documents={docs} />
      <Anchor size="xs" href="/api/docs">
        API
      </Anchor>
    </Stack>
  );
}
