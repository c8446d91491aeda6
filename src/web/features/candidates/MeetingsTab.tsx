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
import { ConfirmButton } from '../../shared/ConfirmButton';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import * as contract from '../../../contract/candidates';
import type { CandidatesView, MeetingsView } from '../../../contract/candidates';
import { timeOfDay, z } from '../../../contract/zod';
import { errorText as errText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { planText } from '../plan/strings';
import { candidatesText as tp } from './strings';
import { DateInput } from '../../shared/DateInput';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The meetings that decide the list, each with its quorum and votes; the official list from the deciding one. */
export function MeetingsTab(props: { electionId: string }) {
  const id = props.electionId;
  const meetings = useApiQuery(contract.getMeetings, { params: { id } });
  const candidates = useApiQuery(contract.getCandidates, { params: { id } });
  const fixList = useApiMutation(contract.fixOfficialList, {
    invalidates: [contract.getMeetings, contract.getCandidates],
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!meetings.data) return <QueryStatus query={meetings} />;
  if (!candidates.data) return <QueryStatus query={candidates} />;
  const m = meetings.data;
  const c = candidates.data;
  const fix = (meetingId: string) =>
    fixList.mutateAsync({ params: { id }, body: { meetingId } }).then(
      () => setMessage({ ok: true, text: tp.listFixed }),
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
            {x.kindLabel} — {vnDate(x.heldOn)} {x.startTime}, {x.venue}
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
            <Group mt="xs">
              <ConfirmButton variant="light" question={tp.fixListQuestion} onConfirm={() => fix(x.id)}>
                {tp.fixList}
              </ConfirmButton>
            </Group>
          )}
        </Card>
      ))}
      {c.canManage && <NewMeeting electionId={id} meetings={m} candidates={c} />}
    </Stack>
  );
}

/** The meeting as typed: the contract's body, with absences and decisions as lines of text. */
const meetingForm = contract.meetingInput
  .omit({ absences: true, decisions: true, votes: true, endTime: true, participants: true })
  .extend({
    endTime: z.union([z.literal(''), timeOfDay]),
    participants: z.string().max(2000),
    absences: z.string().max(50_000),
    decisions: z.string().max(50_000),
  });
type MeetingForm = z.infer<typeof meetingForm>;

function NewMeeting(props: { electionId: string; meetings: MeetingsView; candidates: CandidatesView }) {
  const form = useForm<MeetingForm>({
    initialValues: {
      kind: props.meetings.kinds[0]?.kind ?? 'frontCommittee',
      heldOn: '',
      startTime: '08:00',
      endTime: '',
      venue: '',
      chairName: '',
      chairPosition: '',
      secretaryName: '',
      participants: '',
      convened: 10,
      present: 9,
      absences: '',
      decisions: '',
    },
    validate: zod4Resolver(meetingForm),
  });
  const { kind } = form.values;
  const [picked, setPicked] = useState<Record<string, { on: boolean; agree: number | string }>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const record = useApiMutation(contract.recordMeeting, { invalidates: [contract.getMeetings] });
  const kindInfo = props.meetings.kinds.find((k) => k.kind === kind);
  const submit = (v: MeetingForm) => {
    const votes = props.candidates.nominations
      .filter((n) => picked[n.id]?.on)
      .map((n) => ({
        nominationId: n.id,
        ...(kind === 'votersConference' ? { agree: Number(picked[n.id]!.agree) } : {}),
      }));
    record
      .mutateAsync({
        params: { id: props.electionId },
        body: {
          ...v,
          endTime: v.endTime || null,
          absences: lines(v.absences).map((l) => {
            const [name, ...reason] = l.split(' - ');
            return { name: name!.trim(), reason: reason.join(' - ').trim() };
          }),
          decisions: lines(v.decisions),
          votes,
        },
      })
      .then(
        () => setMessage({ ok: true, text: tp.meetingRecorded }),
        (e: unknown) => setMessage({ ok: false, text: errText(e) }),
      );
  };
  return (
    <Card withBorder maw={960}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {tp.recordMeeting}
          </Title>
          {message && (
            <Alert color={message.ok ? 'green' : 'red'} role="alert">
              {message.text}
            </Alert>
          )}
          <Group grow>
            <Select
              label={tp.meetingKind}
              {...form.getInputProps('kind')}
              onChange={(v) => {
                const parsed = contract.meetingKind.safeParse(v);
                if (parsed.success) form.setFieldValue('kind', parsed.data);
              }}
              data={props.meetings.kinds.map((k) => ({ value: k.kind, label: k.label }))}
              allowDeselect={false}
            />
            <DateInput label={tp.heldOn} required {...form.getInputProps('heldOn')} />
            <TextInput label={planText.startTime} required {...form.getInputProps('startTime')} />
            <TextInput label={tp.endTime} {...form.getInputProps('endTime')} />
          </Group>
          {kindInfo?.stepDue && (
            <Text size="sm">{tp.stepDue(vnDate(kindInfo.stepDue), kindInfo.citation ?? '')}</Text>
          )}
          <TextInput label={planText.venue} required {...form.getInputProps('venue')} />
          <Group grow>
            <TextInput label={tp.chair} required {...form.getInputProps('chairName')} />
            <TextInput label={tp.chairPosition} {...form.getInputProps('chairPosition')} />
            <TextInput label={tp.secretary} required {...form.getInputProps('secretaryName')} />
          </Group>
          <TextInput label={tp.participants} {...form.getInputProps('participants')} />
          <Group grow>
            <NumberInput label={tp.convened} min={1} {...form.getInputProps('convened')} />
            <NumberInput label={tp.present} min={0} {...form.getInputProps('present')} />
          </Group>
          <Textarea label={tp.absences} autosize minRows={2} {...form.getInputProps('absences')} />
          <Textarea label={tp.decisions} autosize minRows={2} {...form.getInputProps('decisions')} />
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
          <Button type="submit" w="fit-content" loading={record.isPending}>
            {tp.recordMeeting}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
