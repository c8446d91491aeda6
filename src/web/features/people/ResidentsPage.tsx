import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Pagination,
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
import type { HouseholdPage, ResidentItem } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, numberFormat, t } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

const PAGE = 50;
const s = t.people;

/** A hamlet's residents: search without diacritics, filter by status, add a resident. */
export function ResidentsPage() {
  const { id = '' } = useParams();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>('active');
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ limit: String(PAGE), offset: String((page - 1) * PAGE) });
  if (q.trim()) query.set('q', q.trim());
  if (status) query.set('status', status);
  const [load, reload] = useLoad(
    () =>
      api.get<{ total: number; items: ResidentItem[] }>(`/api/hamlets/${id}/residents?${query.toString()}`),
    [id, q, status, page],
  );
  return (
    <Stack>
      <Group>
        <Anchor component={Link} to={`/thon/${id}`} size="sm">
          ← {t.hamlet.householdList}
        </Anchor>
        <Anchor component={Link} to={`/thon/${id}/nhan-khau/nhap`} size="sm">
          {s.openImport}
        </Anchor>
      </Group>
      <Title order={2}>{s.openResidents}</Title>
      <Group align="end">
        <TextInput
          label={s.search}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
          data-testid="resident-search"
        />
        <Select
          label={s.status}
          value={status}
          onChange={(v) => {
            setStatus(v ?? '');
            setPage(1);
          }}
          data={[
            { value: '', label: s.all },
            ...Object.entries(s.statuses).map(([value, label]) => ({ value, label })),
          ]}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {load.state !== 'ready' ? (
        <Status load={load} onRetry={reload} />
      ) : (
        <>
          <Table striped withTableBorder data-testid="residents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s.fullName}</Table.Th>
                <Table.Th>{s.birthDate}</Table.Th>
                <Table.Th>{s.sex}</Table.Th>
                <Table.Th>{s.household}</Table.Th>
                <Table.Th>{s.relation}</Table.Th>
                <Table.Th>{s.group}</Table.Th>
                <Table.Th>{s.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {load.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/nhan-khau/${r.id}`}>
                      {r.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.birthDate)}</Table.Td>
                  <Table.Td>{s.sexes[r.sex]}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/ho/${r.householdId}`}>
                      {r.householdCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.relations[r.relation] ?? r.relation}</Table.Td>
                  <Table.Td>{r.residentGroup ?? '—'}</Table.Td>
                  <Table.Td>{s.statuses[r.status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="residents-total">
              {t.pager(
                load.data.total === 0 ? 0 : (page - 1) * PAGE + 1,
                Math.min(page * PAGE, load.data.total),
                load.data.total,
              )}
            </Text>
            <Pagination
              total={Math.max(1, Math.ceil(load.data.total / PAGE))}
              value={page}
              onChange={setPage}
              size="sm"
            />
          </Group>
        </>
      )}
      <AddResident hamletId={id} onAdded={reload} />
    </Stack>
  );
}

/** The form fields shared by "add" and "edit". */
export interface ResidentForm {
  fullName: string;
  birthDate: string;
  sex: string;
  personalId: string;
  relation: string;
  residence: string;
  legalCapacity: string;
}

export const emptyForm: ResidentForm = {
  fullName: '',
  birthDate: '',
  sex: 'male',
  personalId: '',
  relation: 'head',
  residence: 'permanent',
  legalCapacity: 'full',
};

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

export function ResidentFields(props: { value: ResidentForm; onChange: (v: ResidentForm) => void }) {
  const v = props.value;
  const set = (k: keyof ResidentForm) => (x: string | null) => props.onChange({ ...v, [k]: x ?? '' });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput
        label={s.fullName}
        value={v.fullName}
        onChange={(e) => set('fullName')(e.currentTarget.value)}
        required
      />
      <TextInput
        label={s.birthDate}
        type="date"
        value={v.birthDate}
        onChange={(e) => set('birthDate')(e.currentTarget.value)}
        required
      />
      <Select
        label={s.sex}
        data={options(s.sexes)}
        value={v.sex}
        onChange={set('sex')}
        allowDeselect={false}
      />
      <TextInput
        label={s.personalId}
        value={v.personalId}
        onChange={(e) => set('personalId')(e.currentTarget.value)}
      />
      <Select
        label={s.relation}
        data={options(s.relations)}
        value={v.relation}
        onChange={set('relation')}
        allowDeselect={false}
      />
      <Select
        label={s.residence}
        data={options(s.residences)}
        value={v.residence}
        onChange={set('residence')}
        allowDeselect={false}
      />
      <Select
        label={s.capacity}
        data={options(s.capacities)}
        value={v.legalCapacity}
        onChange={set('legalCapacity')}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

export const formBody = (f: ResidentForm) => ({
  ...f,
  personalId: f.personalId.trim() === '' ? null : f.personalId.trim(),
});

function AddResident(props: { hamletId: string; onAdded: () => void }) {
  const [form, setForm] = useState<ResidentForm>(emptyForm);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [households] = useLoad(
    () => api.get<HouseholdPage>(`/api/hamlets/${props.hamletId}/households?limit=500`),
    [props.hamletId],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...formBody(form),
      ...(householdId ? { householdId } : { newHousehold: { code, address } }),
    };
    api.post(`/api/hamlets/${props.hamletId}/residents`, body).then(
      () => {
        setMessage({ ok: true, text: s.saved });
        setForm(emptyForm);
        props.onAdded();
      },
      (x: unknown) => setMessage({ ok: false, text: x instanceof Error ? x.message : String(x) }),
    );
  };
  return (
    <Card withBorder maw={960}>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={4}>{s.addResident}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={s.existingHousehold}
              searchable
              clearable
              value={householdId}
              onChange={setHouseholdId}
              data={
                households.state === 'ready'
                  ? households.data.items.map((h) => ({
                      value: h.id,
                      label: `${h.code} — ${h.headName ?? ''}`,
                    }))
                  : []
              }
            />
            <TextInput
              label={s.newHouseholdCode}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              disabled={householdId !== null}
            />
            <TextInput
              label={s.address}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              disabled={householdId !== null}
            />
          </SimpleGrid>
          <ResidentFields value={form} onChange={setForm} />
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          <Group>
            <Button type="submit">{s.save}</Button>
          </Group>
        </Stack>
      </form>
      <Text size="xs" c="dimmed" mt="xs">
        {households.state === 'ready' ? `${numberFormat.format(households.data.total)} hộ` : ''}
      </Text>
    </Card>
  );
}
