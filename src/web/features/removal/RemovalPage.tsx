import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
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
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { HamletPeople, OfficeRegister, RemovalCase } from '../../shared/api';
import { Status } from '../../shared/Status';
import { toffice as s } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';
import { OfficeNav, errorText, vnDate } from '../office/OfficePage';

const lines = (text: string) =>
  text
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function OpenCase(props: { communeId: string; today: string; onDone: () => void }) {
  const [register] = useLoad(
    () => api.get<OfficeRegister>(`/api/communes/${props.communeId}/office-register`),
    [props.communeId],
  );
  const [termId, setTermId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>('release');
  const [trigger, setTrigger] = useState<string | null>('householdPetition');
  const [on, setOn] = useState(props.today);
  const [grounds, setGrounds] = useState('');
  const [proposer, setProposer] = useState('');
  const [hasLetter, setHasLetter] = useState(false);
  const [signed, setSigned] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const heads =
    register.state === 'ready'
      ? register.data.hamlets.flatMap((h) =>
          h.current.filter((c) => c.position === 'head').map((c) => ({ term: c, hamlet: h })),
        )
      : [];
  const chosen = heads.find((x) => x.term.id === termId);
  const [people] = useLoad(
    () =>
      chosen
        ? api.get<HamletPeople>(`/api/hamlets/${chosen.hamlet.id}/office-people`)
        : Promise.resolve<HamletPeople>({ households: [], adults: [] }),
    [chosen?.hamlet.id],
  );
  const households = people.state === 'ready' ? people.data.households : [];
  const toggle = (id: string) =>
    setSigned((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = () => {
    setError(null);
    api
      .post('/api/removals', {
        termId,
        kind,
        trigger,
        on,
        grounds: lines(grounds),
        proposer: proposer || null,
        hasLetter,
        signatures:
          trigger === 'householdPetition'
            ? households
                .filter((h) => signed.has(h.id))
                .map((h) => ({ householdId: h.id, signerName: h.representative || h.code }))
            : [],
      })
      .then(
        () => {
          setSigned(new Set());
          setGrounds('');
          props.onDone();
        },
        (e) => setError(errorText(e)),
      );
  };
  return (
    <Card withBorder maw={820}>
      <Stack gap="xs">
        <Title order={4}>{s.openTitle}</Title>
        <Select
          label={s.head}
          data={heads.map((x) => ({
            value: x.term.id,
            label: `${x.hamlet.name}: ${x.term.positionTitle} ${x.term.holderName}`,
          }))}
          value={termId}
          onChange={setTermId}
        />
        <Group grow>
          <Select
            label={s.kind}
            data={Object.entries(s.kinds).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={setKind}
          />
          <Select
            label={s.trigger}
            data={Object.entries(s.triggers).map(([value, label]) => ({ value, label }))}
            value={trigger}
            onChange={setTrigger}
          />
          <TextInput
            type="date"
            label={s.receivedOn}
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={s.grounds}
          value={grounds}
          onChange={(e) => setGrounds(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {trigger !== 'householdPetition' && (
          <Group grow>
            <TextInput
              label={s.proposer}
              value={proposer}
              onChange={(e) => setProposer(e.currentTarget.value)}
            />
            <Checkbox
              label={s.hasLetter}
              checked={hasLetter}
              onChange={(e) => setHasLetter(e.currentTarget.checked)}
            />
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
        <Button onClick={submit} disabled={!termId} w="fit-content">
          {s.open}
        </Button>
      </Stack>
    </Card>
  );
}

function MeetingForm(props: { c: RemovalCase; today: string; onDone: () => void }) {
  const [f, setF] = useState({
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
  });
  const [n, setN] = useState({
    registered: props.c.registered ?? 0,
    present: 0,
    valid: 0,
    approve: 0,
    disapprove: 0,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });
  const num = (k: keyof typeof n) => (v: number | string) => setN({ ...n, [k]: Number(v) || 0 });
  const submit = () => {
    setError(null);
    const team = lines(f.countingTeam).map((l) => {
      const [name, role] = l.split(' - ');
      return { name: name ?? l, role: role ?? 'Thành viên' };
    });
    api
      .post(`/api/removals/${props.c.id}/meeting`, {
        ...f,
        guests: lines(f.guests),
        witnesses: lines(f.witnesses),
        countingTeam: team,
        ...n,
        ...(f.method === 'secret' ? { issued: n.present, received: n.present } : { valid: undefined }),
      })
      .then(props.onDone, (e) => setError(errorText(e)));
  };
  return (
    <Stack gap="xs">
      <Title order={5}>{s.meetingTitle}</Title>
      <Group grow>
        <TextInput type="date" label={s.heldOn} value={f.heldOn} onChange={set('heldOn')} />
        <TextInput label={s.time} value={f.time} onChange={set('time')} />
        <TextInput label={s.endTime} value={f.endTime} onChange={set('endTime')} />
        <TextInput label={s.venue} value={f.venue} onChange={set('venue')} />
      </Group>
      <Group grow>
        <Select
          label={s.convenorRole}
          data={Object.entries(s.convenorRoles).map(([value, label]) => ({ value, label }))}
          value={f.convenorRole}
          onChange={(v) => setF({ ...f, convenorRole: v ?? 'frontCommitteeHead' })}
        />
        <TextInput label={s.convenorName} value={f.convenorName} onChange={set('convenorName')} />
        <TextInput label={s.secretary} value={f.secretaryName} onChange={set('secretaryName')} />
      </Group>
      <Textarea label={s.guests} value={f.guests} onChange={set('guests')} autosize minRows={1} />
      <Group grow>
        <NumberInput label={s.registered} value={n.registered} onChange={num('registered')} min={0} />
        <NumberInput label={s.present} value={n.present} onChange={num('present')} min={0} />
        <Select
          label={s.method}
          data={Object.entries(s.methods).map(([value, label]) => ({ value, label }))}
          value={f.method}
          onChange={(v) => setF({ ...f, method: v ?? 'secret' })}
        />
      </Group>
      {f.method === 'secret' && (
        <Group grow align="start">
          <Textarea
            label={s.countingTeam}
            value={f.countingTeam}
            onChange={set('countingTeam')}
            autosize
            minRows={3}
          />
          <Textarea
            label={s.witnesses}
            value={f.witnesses}
            onChange={set('witnesses')}
            autosize
            minRows={2}
          />
          <NumberInput label={s.valid} value={n.valid} onChange={num('valid')} min={0} />
        </Group>
      )}
      <Group grow>
        <NumberInput label={s.approve} value={n.approve} onChange={num('approve')} min={0} />
        <NumberInput label={s.disapprove} value={n.disapprove} onChange={num('disapprove')} min={0} />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Button onClick={submit} w="fit-content">
        {s.recordMeeting}
      </Button>
    </Stack>
  );
}

function DecideForm(props: { c: RemovalCase; today: string; onDone: () => void }) {
  const [on, setOn] = useState(props.today);
  const [signer, setSigner] = useState('');
  const [interim, setInterim] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [people] = useLoad(
    () => api.get<HamletPeople>(`/api/hamlets/${props.c.hamletId}/office-people`),
    [props.c.hamletId],
  );
  const submit = () => {
    setError(null);
    api
      .post(`/api/removals/${props.c.id}/decision`, {
        decision: 'recognise',
        on,
        signerName: signer || null,
        interim: interim ? { residentId: interim } : null,
      })
      .then(props.onDone, (e) => setError(errorText(e)));
  };
  return (
    <Stack gap="xs">
      <Title order={5}>{s.decideTitle}</Title>
      <Group grow>
        <TextInput
          type="date"
          label={s.decisionDate}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
        <TextInput label={s.signer} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
        <Select
          label={s.interim}
          searchable
          clearable
          data={
            people.state === 'ready'
              ? people.data.adults.map((a) => ({ value: a.id, label: `${a.name} (${vnDate(a.birthDate)})` }))
              : []
          }
          value={interim}
          onChange={setInterim}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Button onClick={submit} w="fit-content">
        {s.recogniseRemoval}
      </Button>
    </Stack>
  );
}

function CaseCard(props: { c: RemovalCase; today: string; onDone: () => void }) {
  const { c } = props;
  return (
    <Card withBorder data-testid="removal-case">
      <Group justify="space-between">
        <Title order={4}>
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

const vnTodayOf = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Removal cases of a commune: the proposal or petition, the meeting, the commune's decision. */
export function RemovalPage() {
  const { id = '' } = useParams();
  const [load, reload] = useLoad(() => api.get<RemovalCase[]>(`/api/communes/${id}/removals`), [id]);
  const today = vnTodayOf();
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  return (
    <Stack p="md" gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`/xa/${id}`}>
          {s.commune}
        </Anchor>
        <Text>{s.links.removal}</Text>
      </Breadcrumbs>
      <Title order={2}>{s.removalTitle}</Title>
      <OfficeNav communeId={id} />
      {load.data.length === 0 && <Text>{s.noCases}</Text>}
      {load.data.map((c) => (
        <CaseCard key={c.id} c={c} today={today} onDone={reload} />
      ))}
      <OpenCase communeId={id} today={today} onDone={reload} />
    </Stack>
  );
}
