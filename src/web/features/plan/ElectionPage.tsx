import {
  Alert,
  Anchor,
  Badge,
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
import { titleBeforePlace } from '../../../domain/election/resident-group';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { getMeetings } from '../../../contract/candidates';
import type { MeetingKind } from '../../../contract/candidates';
import * as complaints from '../../../contract/complaints';
import * as contract from '../../../contract/plan';
import type { ElectionFormId, LifecycleView } from '../../../contract/plan';
import { z } from '../../../contract/zod';
import { errorText as errText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { ta } from '../../shared/strings';
import { CandidatesTab } from '../candidates/CandidatesTab';
import { DocumentList, IssueButtons } from '../documents/ElectionDocuments';
import { MeetingsTab } from '../candidates/MeetingsTab';
import { TeamTab } from '../team/TeamTab';
import { planText as tp } from './strings';
import { ProfileName } from '../../shared/ProfileName';
import { DateInput } from '../../shared/DateInput';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

/** A date for reading: dd/mm/yyyy, or a dash when there is none. */
const day = (d: string | null) => vnDate(d) || '—';

/** One hamlet election being prepared: its steps, candidates, meetings, team, complaints, documents. */
export function ElectionPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(contract.getLifecycle, { params: { id } });
  const crumbs = useElectionCrumbs(id);
  if (!query.data) return <QueryStatus query={query} />;
  const life = query.data;
  return (
    <Stack>
      <PageHeading
        crumbs={crumbs.slice(0, -1)}
        here={crumbs.at(-1)?.label ?? tp.tabs.steps}
        title={
          life.groupName
            ? tp.groupElectionTitle(
                titleBeforePlace(life.position, life.positionTitle, life.groupName),
                life.groupName,
                life.hamletName,
                day(life.electionDate),
              )
            : tp.electionTitle(life.positionTitle, life.hamletName, day(life.electionDate))
        }
      />
      <Text>
        {tp.termOf(life.termLabel)}
        {' · '}
        {tp.state}: <b data-testid="election-state">{life.stateLabel}</b> · {tp.profile}:{' '}
        <ProfileName id={life.profileId} />
      </Text>
      <ElectionLinks life={life} />
      <Tabs defaultValue="steps" keepMounted={false}>
        <Tabs.List>
          {(Object.keys(tp.tabs) as (keyof typeof tp.tabs)[]).map((k) => (
            <Tabs.Tab key={k} value={k}>
              {tp.tabs[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="steps" pt="md">
          <Steps life={life} />
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

/**
 * Every page of the election, one tap from its own: the roll, polling day, the count, the
 * community meeting, the commune's documents and recognition, its plan and its audit trail.
 */
function ElectionLinks(props: { life: LifecycleView }) {
  const { electionId: id, communeId, roundId } = props.life;
  const links: [string, string, string][] = [
    [`/bau-cu/${id}/danh-sach-cu-tri`, tp.pages.roll, 'open-roll'],
    [`/bau-cu/${id}/bo-phieu`, tp.pages.polling, 'open-polling'],
    [`/bau-cu/${id}/kiem-phieu`, tp.pages.count, 'open-count'],
    [`/bau-cu/${id}/hoi-nghi`, tp.pages.meeting, 'open-meeting'],
    [`/xa/${communeId}/van-ban`, tp.pages.documents, 'open-documents'],
    [`/xa/${communeId}/cong-nhan`, tp.pages.recognition, 'open-recognition'],
    ...(roundId ? [[`/ke-hoach/${roundId}`, tp.planTitle, 'open-plan'] as [string, string, string]] : []),
    [`/bau-cu/${id}/nhat-ky`, ta.link, 'open-audit'],
  ];
  return (
    <Group component="nav" aria-label={tp.pages.label} gap="md" data-testid="election-links">
      {links.map(([to, label, testId]) => (
        <Anchor key={to} component={Link} to={to} data-testid={testId}>
          {label}
        </Anchor>
      ))}
    </Group>
  );
}

/** A step as typed: the contract's body, with the chair's permission as a checkbox and two fields. */
const stepForm = contract.stepInput.pick({ to: true, on: true }).extend({
  override: z.boolean(),
  authorisedBy: z.string().max(200),
  reason: z.string().max(1000),
});
type StepForm = z.infer<typeof stepForm>;

function Steps(props: { life: LifecycleView }) {
  const { life } = props;
  // A state earned by the count, its report or a decision is shown with where it is done, not offered.
  const byHand = life.next.filter((n) => n.earnedBy === null);
  const form = useForm<StepForm>({
    initialValues: {
      to: byHand[0]?.to ?? 'planned',
      on: '',
      override: false,
      authorisedBy: '',
      reason: '',
    },
    validate: zod4Resolver(stepForm),
  });
  const record = useApiMutation(contract.recordStep, { invalidates: [contract.getLifecycle] });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = ({ to, on, override, authorisedBy, reason }: StepForm) =>
    record
      .mutateAsync({
        params: { id: life.electionId },
        body: { to, on, ...(override ? { override: { authorisedBy, reason } } : {}) },
      })
      .then(
        () => setMessage({ ok: true, text: tp.recorded }),
        (e: unknown) => setMessage({ ok: false, text: errText(e) }),
      );
  return (
    <Stack>
      <Title order={2} size="h4">
        {tp.history}
      </Title>
      <Table withTableBorder data-testid="history">
        <Table.Tbody>
          {life.history.map((h) => (
            <Table.Tr key={h.seq}>
              <Table.Td>{day(h.on)}</Table.Td>
              <Table.Td>{h.toLabel}</Table.Td>
              <Table.Td>{h.due ? `${tp.deadline}: ${day(h.due)}` : ''}</Table.Td>
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
      <Title order={2} size="h4">
        {tp.next}
      </Title>
      {life.next.map((n) => (
        <Text
          key={n.to}
          size="sm"
          c={n.deadline?.passed ? 'red.8' : undefined}
          fw={n.deadline?.passed ? 700 : undefined}
        >
          {n.label}
          {n.deadline && ` — ${tp.deadline}: ${day(n.deadline.due)} (${n.deadline.citationText})`}
          {n.deadline?.passed && ` — ${tp.deadlinePassed}`}
          {n.earnedBy && ` — ${tp.earnedBy(n.earnedBy)}`}
        </Text>
      ))}
      {byHand.length > 0 && (
        <Card withBorder maw={720}>
          <form onSubmit={form.onSubmit((v) => void submit(v))}>
            <Stack gap="sm">
              {message && (
                <Alert color={message.ok ? 'green' : 'red'} role="alert">
                  {message.text}
                </Alert>
              )}
              <Group grow>
                <Select
                  label={tp.next}
                  {...form.getInputProps('to')}
                  onChange={(v) => {
                    const parsed = contract.electionState.safeParse(v);
                    if (parsed.success) form.setFieldValue('to', parsed.data);
                  }}
                  data={byHand.map((n) => ({ value: n.to, label: n.label }))}
                  allowDeselect={false}
                />
                <DateInput label={tp.on} {...form.getInputProps('on')} required />
              </Group>
              <Checkbox label={tp.override} {...form.getInputProps('override', { type: 'checkbox' })} />
              {form.values.override && (
                <Group grow>
                  <TextInput label={tp.overrideBy} {...form.getInputProps('authorisedBy')} />
                  <TextInput label={tp.overrideReason} {...form.getInputProps('reason')} />
                </Group>
              )}
              <Button type="submit" w="fit-content" loading={record.isPending}>
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
  const query = useApiQuery(complaints.listComplaints, { params: { id: props.electionId } });
  const file = useApiMutation(complaints.fileComplaint, { invalidates: [complaints.listComplaints] });
  const [subject, setSubject] = useState<string | null>('candidate');
  const [who, setWho] = useState('');
  const [content, setContent] = useState('');
  const [on, setOn] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!query.data) return <QueryStatus query={query} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const about = complaints.complaintSubject.safeParse(subject);
    if (!about.success) return;
    file
      .mutateAsync({
        params: { id: props.electionId },
        body: { subject: about.data, complainant: who, content, receivedOn: on },
      })
      .then(
        () => setMessage(null),
        (e: unknown) => setMessage(errText(e)),
      );
  };
  return (
    <Stack>
      <Table withTableBorder>
        <Table.Tbody>
          {query.data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{day(c.receivedOn)}</Table.Td>
              <Table.Td>{tp.subjects[c.subject]}</Table.Td>
              <Table.Td>
                {c.complainant}: {c.content}
              </Table.Td>
              <Table.Td>{c.due ? `${tp.deadline}: ${day(c.due)} (${c.dueCitation ?? ''})` : ''}</Table.Td>
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
              <DateInput label={tp.receivedOn} value={on} onChange={setOn} />
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

const MINUTES_FORM: Readonly<Record<MeetingKind, ElectionFormId>> = {
  frontCommittee: 'mau-05',
  votersConference: 'voters-conference-minutes',
  jointConference: 'joint-conference-minutes',
};

function Documents(props: { electionId: string }) {
  const docs = useApiQuery(contract.listElectionDocuments, { params: { id: props.electionId } });
  const meetings = useApiQuery(getMeetings, { params: { id: props.electionId } });
  const issue = useApiMutation(contract.issueElectionDocument, {
    invalidates: [contract.listElectionDocuments],
  });
  if (!docs.data) return <QueryStatus query={docs} />;
  if (!meetings.data) return <QueryStatus query={meetings} />;
  const issueFor = (meetingId?: string) => (form: ElectionFormId, date: string | undefined) =>
    issue.mutateAsync({
      params: { id: props.electionId, form },
      body: { ...(date ? { date } : {}), ...(meetingId ? { meetingId } : {}) },
    });
  return (
    <Stack>
      <IssueButtons
        forms={['candidate-list', 'election-team-decision', 'invitation', 'notice'] as const}
        issue={issueFor()}
      />
      {meetings.data.meetings.map((m) => (
        <Group key={m.id}>
          <Text size="sm">
            {m.kindLabel} ({day(m.heldOn)})
          </Text>
          <IssueButtons forms={[MINUTES_FORM[m.kind]]} issue={issueFor(m.id)} />
        </Group>
      ))}
      <DocumentList documents={docs.data} />
    </Stack>
  );
}
