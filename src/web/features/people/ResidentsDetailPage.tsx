import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { HouseholdPage, ResidentDetail } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, t } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';
import { formBody, ResidentFields } from './ResidentsPage';
import type { ResidentForm } from './ResidentsPage';

const s = t.people;

/** One resident: details, corrections, move, death or move away, and the history of changes. */
export function ResidentsDetailPage() {
  const { id = '' } = useParams();
  const [load, reload] = useLoad(() => api.get<ResidentDetail>(`/api/residents/${id}`), [id]);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const { resident: r, history, canManage } = load.data;
  return (
    <Stack maw={1000}>
      <Group>
        <Anchor component={Link} to={`/thon/${r.hamletId}/nhan-khau`} size="sm">
          ← {s.openResidents}
        </Anchor>
        <Anchor component={Link} to={`/ho/${r.householdId}`} size="sm">
          {s.household} {r.householdCode}
        </Anchor>
      </Group>
      <Title order={2}>{r.fullName}</Title>
      <Text data-testid="resident-summary">
        {formatDate(r.birthDate)} · {s.sexes[r.sex]} · {s.relations[r.relation] ?? r.relation} ·{' '}
        {s.residences[r.residence]} · {s.statuses[r.status]}
        {r.personalId ? ` · ${r.personalId}` : ''}
      </Text>
      {canManage && r.status === 'active' && (
        <>
          <Edit key={`${r.id}-${history.length}`} detail={load.data} onDone={reload} />
          <Move detail={load.data} onDone={reload} />
          <Departure residentId={r.id} version={r.version} onDone={reload} />
        </>
      )}
      <Title order={3} size="h4">
        {s.history}
      </Title>
      <Table striped withTableBorder data-testid="resident-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.effectiveOn}</Table.Th>
            <Table.Th>{s.departureKind}</Table.Th>
            <Table.Th>{s.reason}</Table.Th>
            <Table.Th>{s.changes}</Table.Th>
            <Table.Th>{s.by}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDate(e.effectiveOn ?? e.at.slice(0, 10))}</Table.Td>
              <Table.Td>{s.events[e.kind] ?? e.kind}</Table.Td>
              <Table.Td>{e.reason ?? ''}</Table.Td>
              <Table.Td>{describe(e.data)}</Table.Td>
              <Table.Td>{e.by ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function describe(data: unknown): string {
  const d = data as {
    changes?: { field: string; before: string | null; after: string | null }[];
    from?: { code: string };
    to?: { code: string };
  } | null;
  if (d?.changes)
    return d.changes.map((c) => `${c.field}: ${c.before ?? '—'} → ${c.after ?? '—'}`).join('; ');
  if (d?.from && d.to) return `${d.from.code} → ${d.to.code}`;
  return '';
}

function useSubmit(onDone: () => void) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (path: string, body: unknown) =>
    api.post(path, body).then(
      () => {
        setMessage({ ok: true, text: s.saved });
        onDone();
      },
      (x: unknown) => setMessage({ ok: false, text: x instanceof Error ? x.message : String(x) }),
    );
  const view = message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>;
  return [run, view] as const;
}

function Edit(props: { detail: ResidentDetail; onDone: () => void }) {
  const r = props.detail.resident;
  const [form, setForm] = useState<ResidentForm>({
    fullName: r.fullName,
    birthDate: r.birthDate,
    sex: r.sex,
    personalId: r.personalId ?? '',
    relation: r.relation,
    residence: r.residence,
    legalCapacity: r.legalCapacity,
  });
  const [reason, setReason] = useState('');
  const [run, view] = useSubmit(props.onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(`/api/residents/${r.id}`, { ...formBody(form), reason, version: r.version });
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={4}>{s.edit}</Title>
          <ResidentFields value={form} onChange={setForm} />
          <TextInput
            label={s.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          {view}
          <Group>
            <Button type="submit">{s.save}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Move(props: { detail: ResidentDetail; onDone: () => void }) {
  const r = props.detail.resident;
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [relation, setRelation] = useState<string>('other');
  const [reason, setReason] = useState('');
  const [run, view] = useSubmit(props.onDone);
  const [households] = useLoad(
    () => api.get<HouseholdPage>(`/api/hamlets/${r.hamletId}/households?limit=500`),
    [r.hamletId],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(`/api/residents/${r.id}/move`, { householdId, relation, reason, version: r.version });
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={4}>{s.move}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={s.targetHousehold}
              searchable
              value={householdId}
              onChange={setHouseholdId}
              data={
                households.state === 'ready'
                  ? households.data.items
                      .filter((h) => h.id !== r.householdId)
                      .map((h) => ({ value: h.id, label: `${h.code} — ${h.headName ?? ''}` }))
                  : []
              }
            />
            <Select
              label={s.relation}
              value={relation}
              onChange={(v) => setRelation(v ?? 'other')}
              data={Object.entries(s.relations).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
            />
            <TextInput
              label={s.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
            />
          </SimpleGrid>
          {view}
          <Group>
            <Button type="submit" variant="light" disabled={!householdId}>
              {s.move}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Departure(props: { residentId: string; version: number; onDone: () => void }) {
  const [kind, setKind] = useState<string>('deceased');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [reason, setReason] = useState('');
  const [run, view] = useSubmit(props.onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(`/api/residents/${props.residentId}/departure`, {
      kind,
      effectiveOn,
      reason,
      version: props.version,
    });
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={4}>{s.departure}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={s.departureKind}
              value={kind}
              onChange={(v) => setKind(v ?? 'deceased')}
              data={[
                { value: 'deceased', label: s.statuses['deceased'] ?? '' },
                { value: 'moved', label: s.statuses['moved'] ?? '' },
              ]}
              allowDeselect={false}
            />
            <TextInput
              label={s.effectiveOn}
              type="date"
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.currentTarget.value)}
              required
            />
            <TextInput label={s.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          </SimpleGrid>
          {view}
          <Group>
            <Button type="submit" color="red" variant="light">
              {s.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
