import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useParams } from 'react-router';
import * as office from '../../../contract/office';
import * as contract from '../../../contract/removal';
import type { RemovalCase } from '../../../contract/removal';
import { z } from '../../../contract/zod';
import { errorText } from '../../shared/client';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { vnDate, vnToday } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { OfficeNav } from '../office/OfficePage';
import { officeText as s } from '../office/strings';
import { DateInput } from '../../shared/DateInput';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

const lines = (text: string) =>
  text
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** The case as typed: the body's fields, with the grounds as lines of text. */
const openForm = contract.openBody
  .omit({ grounds: true, signatures: true, termId: true })
  .extend({ termId: z.string().min(1), grounds: z.string().max(50_000), proposer: z.string().max(500) });
type OpenForm = z.infer<typeof openForm>;

function OpenCase(props: { communeId: string; today: string; onDone: () => void }) {
  const register = useApiQuery(office.getRegister, { params: { id: props.communeId }, query: {} });
  const form = useForm<OpenForm>({
    initialValues: {
      termId: '',
      kind: 'release',
      trigger: 'householdPetition',
      on: props.today,
      grounds: '',
      proposer: '',
      hasLetter: false,
    },
    validate: zod4Resolver(openForm),
  });
  const { termId, trigger } = form.values;
  const [signed, setSigned] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const open = useApiMutation(contract.openRemoval);
  const heads =
    register.data?.hamlets.flatMap((h) =>
      h.current.filter((c) => c.position === 'head').map((c) => ({ term: c, hamlet: h })),
    ) ?? [];
  const chosen = heads.find((x) => x.term.id === termId);
  const people = useApiQuery(
    office.getHamletPeople,
    { params: { id: chosen?.hamlet.id ?? '' } },
    { enabled: chosen !== undefined },
  );
  const households = chosen ? (people.data?.households ?? []) : [];
  const toggle = (id: string) =>
    setSigned((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (v: OpenForm) => {
    setError(null);
    open
      .mutateAsync({
        body: {
          ...v,
          grounds: lines(v.grounds),
          proposer: v.proposer || null,
          signatures:
            v.trigger === 'householdPetition'
              ? households
                  .filter((h) => signed.has(h.id))
                  .map((h) => ({ householdId: h.id, signerName: h.representative || h.code }))
              : [],
        },
      })
      .then(
        () => {
          setSigned(new Set());
          form.setFieldValue('grounds', '');
          props.onDone();
        },
        (e: unknown) => setError(errorText(e)),
      );
  };
  return (
    <Card withBorder maw={820} component="form" onSubmit={form.onSubmit(submit)}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {s.openTitle}
        </Title>
        <Select
          label={s.head}
          data={heads.map((x) => ({
            value: x.term.id,
            label: `${x.hamlet.name}: ${x.term.positionTitle} ${x.term.holderName}`,
          }))}
          {...form.getInputProps('termId')}
          onChange={(v) => form.setFieldValue('termId', v ?? '')}
        />
        <Group grow>
          <Select
            label={s.kind}
            data={Object.entries(s.kinds).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('kind')}
            onChange={(v) => v && form.setFieldValue('kind', v as OpenForm['kind'])}
          />
          <Select
            label={s.trigger}
            data={Object.entries(s.triggers).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('trigger')}
            onChange={(v) => form.setFieldValue('trigger', v ?? '')}
          />
          <DateInput label={s.receivedOn} {...form.getInputProps('on')} />
        </Group>
        <Textarea label={s.grounds} {...form.getInputProps('grounds')} autosize minRows={2} />
        {trigger !== 'householdPetition' && (
          <Group grow>
            <TextInput label={s.proposer} {...form.getInputProps('proposer')} />
            <Checkbox label={s.hasLetter} {...form.getInputProps('hasLetter', { type: 'checkbox' })} />
          </Group>
        )}
        {trigger === 'householdPetition' && chosen && (
          <>
            <Group justify="space-between">
              <Text size="sm" data-testid="petition-count">
                {s.signatures(signed.size, null, households.length)}
              </Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => setSigned(new Set(households.map((h) => h.id)))}
              >
                {s.signAll}
              </Button>
            </Group>
            <ScrollArea h={220} type="auto">
              <Stack gap={2}>
                {households.map((h) => (
                  <Checkbox
                    key={h.id}
                    size="xs"
                    label={`${h.code} - ${h.representative} - ${h.address}`}
                    checked={signed.has(h.id)}
                    onChange={() => toggle(h.id)}
                  />
                ))}
              </Stack>
            </ScrollArea>
          </>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Button type="submit" disabled={!termId} w="fit-content">
          {s.open}
        </Button>
      </Stack>
    </Card>
  );
}

/** The meeting as typed: the body's fields, with guests, witnesses and the counting team as lines. */
const meetingForm = contract.meetingBody
  .omit({ guests: true, witnesses: true, countingTeam: true, issued: true, received: true })
  .extend({
    guests: z.string().max(50_000),
    witnesses: z.string().max(50_000),
    countingTeam: z.string().max(50_000),
  });
type MeetingForm = z.infer<typeof meetingForm>;

function MeetingForm(props: { c: RemovalCase; today: string; onDone: () => void }) {
  const form = useForm<MeetingForm>({
    initialValues: {
      heldOn: props.today,
      time: '08:00',
      endTime: '10:00',
      venue: '',
      convenorRole: 'frontCommitteeHead',
      convenorName: '',
      secretaryName: '',
      guests: '',
      method: 'secret',
      countingTeam: '',
      witnesses: '',
      registered: props.c.registered ?? 0,
      present: 0,
      valid: 0,
      approve: 0,
      disapprove: 0,
    },
    validate: zod4Resolver(meetingForm),
  });
  const f = form.values;
  const [error, setError] = useState<string | null>(null);
  const record = useApiMutation(contract.recordMeeting);
  const num = (k: 'registered' | 'present' | 'valid' | 'approve' | 'disapprove') => ({
    ...form.getInputProps(k),
    onChange: (v: number | string) => form.setFieldValue(k, Number(v) || 0),
  });
  const submit = (v: MeetingForm) => {
    setError(null);
    const team = lines(v.countingTeam).map((l) => {
      const [name, role] = l.split(' - ');
      return { name: name ?? l, role: role ?? 'Thành viên' };
    });
    record
      .mutateAsync({
        params: { id: props.c.id },
        body: {
          ...v,
          guests: lines(v.guests),
          witnesses: lines(v.witnesses),
          countingTeam: team,
          ...(v.method === 'secret' ? { issued: v.present, received: v.present } : { valid: undefined }),
        },
      })
      .then(props.onDone, (e: unknown) => setError(errorText(e)));
  };
  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {s.meetingTitle}
        </Title>
        <Group grow>
          <DateInput label={s.heldOn} {...form.getInputProps('heldOn')} />
          <TextInput label={s.time} {...form.getInputProps('time')} />
          <TextInput label={s.endTime} {...form.getInputProps('endTime')} />
          <TextInput label={s.venue} {...form.getInputProps('venue')} />
        </Group>
        <Group grow>
          <Select
            label={s.convenorRole}
            data={Object.entries(s.convenorRoles).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('convenorRole')}
            onChange={(v) =>
              form.setFieldValue('convenorRole', (v ?? 'frontCommitteeHead') as MeetingForm['convenorRole'])
            }
          />
          <TextInput label={s.convenorName} {...form.getInputProps('convenorName')} />
          <TextInput label={s.secretary} {...form.getInputProps('secretaryName')} />
        </Group>
        <Textarea label={s.guests} {...form.getInputProps('guests')} autosize minRows={1} />
        <Group grow>
          <NumberInput label={s.registered} {...num('registered')} min={0} />
          <NumberInput label={s.present} {...num('present')} min={0} />
          <Select
            label={s.method}
            data={Object.entries(s.methods).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('method')}
            onChange={(v) => form.setFieldValue('method', (v ?? 'secret') as MeetingForm['method'])}
          />
        </Group>
        {f.method === 'secret' && (
          <Group grow align="start">
            <Textarea label={s.countingTeam} {...form.getInputProps('countingTeam')} autosize minRows={3} />
            <Textarea label={s.witnesses} {...form.getInputProps('witnesses')} autosize minRows={2} />
            <NumberInput label={s.valid} {...num('valid')} min={0} />
          </Group>
        )}
        <Group grow>
          <NumberInput label={s.approve} {...num('approve')} min={0} />
          <NumberInput label={s.disapprove} {...num('disapprove')} min={0} />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <Button type="submit" w="fit-content">
          {s.recordMeeting}
        </Button>
      </Stack>
    </form>
  );
}

function DecideForm(props: { c: RemovalCase; today: string; onDone: () => void }) {
  const [on, setOn] = useState(props.today);
  const [signer, setSigner] = useState('');
  const [interim, setInterim] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const people = useApiQuery(office.getHamletPeople, { params: { id: props.c.hamletId } });
  const decide = useApiMutation(contract.decideRemoval);
  const submit = () => {
    setError(null);
    decide
      .mutateAsync({
        params: { id: props.c.id },
        body: {
          decision: 'recognise',
          on,
          signerName: signer || null,
          interim: interim ? { residentId: interim } : null,
        },
      })
      .then(props.onDone, (e: unknown) => setError(errorText(e)));
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {s.decideTitle}
      </Title>
      <Group grow>
        <DateInput label={s.decisionDate} value={on} onChange={setOn} />
        <TextInput label={s.signer} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
        <Select
          label={s.interim}
          searchable
          clearable
          data={
            people.data?.adults.map((a) => ({ value: a.id, label: `${a.name} (${vnDate(a.birthDate)})` })) ??
            []
          }
          value={interim}
          onChange={setInterim}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <ConfirmButton onConfirm={submit} w="fit-content" question={s.recogniseRemovalQuestion}>
        {s.recogniseRemoval}
      </ConfirmButton>
    </Stack>
  );
}

function CaseCard(props: { c: RemovalCase; today: string; onDone: () => void }) {
  const { c } = props;
  return (
    <Card withBorder data-testid="removal-case">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {s.kinds[c.kind] ?? c.kindLabel}: {c.term.positionTitle} {c.hamletName} - {c.term.holderName}
        </Title>
        <Badge color={c.late ? 'red' : c.state === 'recognised' ? 'green' : 'blue'}>
          {c.late ? s.late : (s.states[c.state] ?? c.state)}
        </Badge>
      </Group>
      <Text size="sm">
        {s.trigger}: {c.triggerLabel} · {s.receivedOn}: {vnDate(c.openedOn)}
        {c.trigger === 'householdPetition' && c.registered !== null
          ? ` · ${s.signatures(c.signatures, c.petitionRequired, c.registered)}`
          : ''}
      </Text>
      {c.data.vote && <Text size="sm">{c.data.vote.message}</Text>}
      {c.recognitionDue && c.state === 'meetingHeld' && (
        <Text size="sm" c={c.late ? 'red' : undefined}>
          {s.due}: {vnDate(c.recognitionDue)}
        </Text>
      )}
      {c.newElectionBy && (
        <Text size="sm" fw={700} data-testid="removal-new-election">
          {s.newElection(vnDate(c.newElectionBy), c.newElectionMode === 'decided')}
        </Text>
      )}
      {c.documents.length > 0 && (
        <List size="sm" mt="xs" aria-label={s.documents}>
          {c.documents.map((d) => (
            <List.Item key={d.id}>
              <Anchor href={`/api/documents/${d.id}/pdf`}>{d.title}</Anchor>
              {d.number !== null ? ` (số ${String(d.number).padStart(2, '0')}/${d.symbol})` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {c.state === 'proposed' && (
        <Card.Section p="md">
          <MeetingForm c={c} today={props.today} onDone={props.onDone} />
        </Card.Section>
      )}
      {c.state === 'meetingHeld' && c.canDecide && (
        <Card.Section p="md">
          <DecideForm c={c} today={props.today} onDone={props.onDone} />
        </Card.Section>
      )}
    </Card>
  );
}

/** Removal cases of a commune: the proposal or petition, the meeting, the commune's decision. */
export function RemovalPage() {
  const { id = '' } = useParams();
  const place = useCommuneCrumbs(id);
  const cases = useApiQuery(contract.listRemovals, { params: { id } });
  const today = vnToday();
  if (!cases.data) return <QueryStatus query={cases} />;
  const reload = () => void cases.refetch();
  return (
    <Stack p="md" gap="md">
      <PageHeading crumbs={place} here={s.links.removal} title={s.removalTitle} />
      <OfficeNav communeId={id} />
      {cases.data.length === 0 && <Text>{s.noCases}</Text>}
      {cases.data.map((c) => (
        <CaseCard key={c.id} c={c} today={today} onDone={reload} />
      ))}
      <OpenCase communeId={id} today={today} onDone={reload} />
    </Stack>
  );
}
