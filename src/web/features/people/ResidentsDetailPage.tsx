import {
  Alert,
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
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import * as contract from '../../../contract/people';
import type { ResidentDetail } from '../../../contract/people';
import { z } from '../../../contract/zod';
import { errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { residentBody, ResidentFields, residentForm } from './ResidentsPage';
import { s } from './strings';
import { DateInput } from '../../shared/DateInput';
import { PageHeading, useHamletCrumbs } from '../../shared/PageHeading';

/** One resident: details, corrections, move, death or move away, and the history of changes. */
export function ResidentsDetailPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(contract.getResident, { params: { id } });
  const place = useHamletCrumbs(query.data?.resident.hamletId);
  if (!query.data) return <QueryStatus query={query} />;
  const detail = query.data;
  const { resident: r, history, canManage } = detail;
  return (
    <Stack maw={1000}>
      <PageHeading
        crumbs={[
          ...place,
          { label: s.openResidents, to: `/thon/${r.hamletId}/nhan-khau` },
          { label: `${s.household} ${r.householdCode}`, to: `/ho/${r.householdId}` },
        ]}
        title={r.fullName}
      />
      <Text data-testid="resident-summary">
        {vnDate(r.birthDate)} · {s.sexes[r.sex]} · {s.relations[r.relation] ?? r.relation} ·{' '}
        {s.residences[r.residence]}
        {r.residenceAssumed ? ` (${s.residenceAssumed})` : ''} · {s.statuses[r.status]}
        {r.personalId ? ` · ${r.personalId}` : ''}
      </Text>
      {canManage && r.status === 'active' && (
        <>
          <Edit key={`${r.id}-${history.length}`} detail={detail} />
          <Move detail={detail} />
          <Departure residentId={r.id} version={r.version} />
        </>
      )}
      <Title order={2} size="h4">
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
              <Table.Td>{vnDate(e.effectiveOn ?? e.at.slice(0, 10))}</Table.Td>
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

/** What a write shows when it is done or refused. */
function useOutcome() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const report = (p: Promise<unknown>) =>
    p.then(
      () => setMessage({ ok: true, text: s.saved }),
      (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
    );
  const view = message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>;
  return [report, view] as const;
}

/** Every read a change to a resident may alter. */
const changed = [
  contract.getResident,
  contract.searchResidents,
  contract.getHousehold,
  contract.listHouseholds,
];

const editForm = residentForm.extend({ reason: z.string().max(500) });
type EditForm = z.infer<typeof editForm>;

function Edit(props: { detail: ResidentDetail }) {
  const r = props.detail.resident;
  const form = useForm<EditForm>({
    initialValues: {
      fullName: r.fullName,
      birthDate: r.birthDate,
      sex: r.sex,
      personalId: r.personalId ?? '',
      relation: r.relation,
      residence: r.residence,
      legalCapacity: r.legalCapacity,
      reason: '',
    },
    validate: zod4Resolver(editForm),
  });
  const edit = useApiMutation(contract.editResident, { invalidates: changed });
  const [report, view] = useOutcome();
  const submit = (v: EditForm) =>
    void report(
      edit.mutateAsync({
        params: { id: r.id },
        body: { ...residentBody(v), reason: v.reason, version: r.version },
      }),
    );
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {s.edit}
          </Title>
          <ResidentFields form={form} />
          <TextInput label={s.reason} {...form.getInputProps('reason')} required />
          {view}
          <Group>
            <Button type="submit" loading={edit.isPending}>
              {s.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Move(props: { detail: ResidentDetail }) {
  const r = props.detail.resident;
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [relation, setRelation] = useState<string>('other');
  const [reason, setReason] = useState('');
  const move = useApiMutation(contract.moveResident, { invalidates: changed });
  const [report, view] = useOutcome();
  const households = useApiQuery(contract.listHouseholds, {
    params: { id: r.hamletId },
    query: { limit: 500 },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!householdId) return;
    void report(
      move.mutateAsync({
        params: { id: r.id },
        body: { householdId, relation, reason, version: r.version },
      }),
    );
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {s.move}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={s.targetHousehold}
              searchable
              value={householdId}
              onChange={setHouseholdId}
              data={(households.data?.items ?? [])
                .filter((h) => h.id !== r.householdId)
                .map((h) => ({ value: h.id, label: `${h.code} — ${h.headName ?? ''}` }))}
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
            <Button type="submit" variant="light" disabled={!householdId} loading={move.isPending}>
              {s.move}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Departure(props: { residentId: string; version: number }) {
  const [kind, setKind] = useState<'deceased' | 'moved'>('deceased');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [reason, setReason] = useState('');
  const depart = useApiMutation(contract.markDeparture, { invalidates: changed });
  const [report, view] = useOutcome();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void report(
      depart.mutateAsync({
        params: { id: props.residentId },
        body: { kind, effectiveOn, reason, version: props.version },
      }),
    );
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {s.departure}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={s.departureKind}
              value={kind}
              onChange={(v) => setKind(v === 'moved' ? 'moved' : 'deceased')}
              data={[
                { value: 'deceased', label: s.statuses['deceased'] ?? '' },
                { value: 'moved', label: s.statuses['moved'] ?? '' },
              ]}
              allowDeselect={false}
            />
            <DateInput label={s.effectiveOn} value={effectiveOn} onChange={setEffectiveOn} required />
            <TextInput label={s.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          </SimpleGrid>
          {view}
          <Group>
            <Button type="submit" color="red" variant="light" loading={depart.isPending}>
              {s.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
