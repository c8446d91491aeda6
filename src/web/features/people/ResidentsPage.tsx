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
import { useForm } from '@mantine/form';
import type { UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/people';
import { z } from '../../../contract/zod';
import { errorText } from '../../shared/client';
import { vnDate, vnNumber } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { t } from '../../shared/strings';
import { s } from './strings';
import { DateInput } from '../../shared/DateInput';
import { PageHeading, useHamletCrumbs } from '../../shared/PageHeading';

const PAGE = 50;

/** A hamlet's residents: search without diacritics, filter by status, add a resident. */
export function ResidentsPage() {
  const { id = '' } = useParams();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>('active');
  const [page, setPage] = useState(1);
  const statusFilter = contract.residentStatus.safeParse(status);
  const residents = useApiQuery(contract.searchResidents, {
    params: { id },
    query: {
      limit: PAGE,
      offset: (page - 1) * PAGE,
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(statusFilter.success ? { status: statusFilter.data } : {}),
    },
  });
  const data = residents.data;
  const crumbs = useHamletCrumbs(id);
  return (
    <Stack>
      <PageHeading crumbs={crumbs} title={s.openResidents} />
      <Anchor component={Link} to={`/thon/${id}/nhan-khau/nhap`} size="sm" w="fit-content">
        {s.openImport}
      </Anchor>
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
      {!data ? (
        <QueryStatus query={residents} />
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
                <Table.Th>{s.residence}</Table.Th>
                <Table.Th>{s.group}</Table.Th>
                <Table.Th>{s.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/nhan-khau/${r.id}`}>
                      {r.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{vnDate(r.birthDate)}</Table.Td>
                  <Table.Td>{s.sexes[r.sex]}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/ho/${r.householdId}`}>
                      {r.householdCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.relations[r.relation] ?? r.relation}</Table.Td>
                  <Table.Td title={r.residenceAssumed ? s.residenceAssumedHint : undefined}>
                    {s.residences[r.residence]}
                    {r.residenceAssumed ? ` (${s.residenceAssumed})` : ''}
                  </Table.Td>
                  <Table.Td>{r.residentGroup ?? '—'}</Table.Td>
                  <Table.Td>{s.statuses[r.status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="residents-total">
              {t.pager(
                data.total === 0 ? 0 : (page - 1) * PAGE + 1,
                Math.min(page * PAGE, data.total),
                data.total,
              )}
            </Text>
            <Pagination
              total={Math.max(1, Math.ceil(data.total / PAGE))}
              value={page}
              onChange={setPage}
              size="sm"
            />
          </Group>
        </>
      )}
      <AddResident hamletId={id} />
    </Stack>
  );
}

/** The fields shared by "add" and "edit", as typed: the contract's, with the personal id as text. */
export const residentForm = contract.residentInput.extend({
  personalId: z.string().max(20),
  legalCapacity: contract.legalCapacity,
});
export type ResidentForm = z.infer<typeof residentForm>;

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

/** The resident's fields of a form whose values include a ResidentForm. */
export function ResidentFields<F extends ResidentForm>(props: { form: UseFormReturnType<F> }) {
  const input = (k: keyof ResidentForm) => props.form.getInputProps(k);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput label={s.fullName} {...input('fullName')} required />
      <DateInput label={s.birthDate} {...input('birthDate')} required />
      <Select label={s.sex} data={options(s.sexes)} {...input('sex')} allowDeselect={false} />
      <TextInput label={s.personalId} {...input('personalId')} />
      <Select label={s.relation} data={options(s.relations)} {...input('relation')} allowDeselect={false} />
      <Select
        label={s.residence}
        data={options(s.residences)}
        {...input('residence')}
        allowDeselect={false}
      />
      <Select
        label={s.capacity}
        data={options(s.capacities)}
        {...input('legalCapacity')}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

/** The resident as the contract takes it: an empty personal id is none. */
export const residentBody = (f: ResidentForm) => ({
  fullName: f.fullName,
  birthDate: f.birthDate,
  sex: f.sex,
  personalId: f.personalId.trim() === '' ? null : f.personalId.trim(),
  relation: f.relation,
  residence: f.residence,
  legalCapacity: f.legalCapacity,
});

const addForm = residentForm.extend({
  householdId: z.string().nullable(),
  code: z.string().max(40),
  address: z.string().max(300),
});
type AddForm = z.infer<typeof addForm>;

function AddResident(props: { hamletId: string }) {
  const form = useForm<AddForm>({
    initialValues: { ...emptyForm, householdId: null, code: '', address: '' },
    validate: zod4Resolver(addForm),
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const households = useApiQuery(contract.listHouseholds, {
    params: { id: props.hamletId },
    query: { limit: 500 },
  });
  const add = useApiMutation(contract.addResident, {
    invalidates: [contract.searchResidents, contract.listHouseholds],
  });
  const { householdId } = form.values;
  const submit = (v: AddForm) => {
    const body = {
      ...residentBody(v),
      ...(v.householdId
        ? { householdId: v.householdId }
        : { newHousehold: { code: v.code, address: v.address } }),
    };
    add.mutateAsync({ params: { id: props.hamletId }, body }).then(
      () => {
        setMessage({ ok: true, text: s.saved });
        form.setValues({ ...emptyForm });
      },
      (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
    );
  };
  return (
    <Card withBorder maw={960}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {s.addResident}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={s.existingHousehold}
              searchable
              clearable
              {...form.getInputProps('householdId')}
              data={(households.data?.items ?? []).map((h) => ({
                value: h.id,
                label: `${h.code} — ${h.headName ?? ''}`,
              }))}
            />
            <TextInput
              label={s.newHouseholdCode}
              {...form.getInputProps('code')}
              disabled={householdId !== null}
            />
            <TextInput label={s.address} {...form.getInputProps('address')} disabled={householdId !== null} />
          </SimpleGrid>
          <ResidentFields form={form} />
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {s.save}
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="xs" c="dimmed" mt="xs">
        {households.data ? `${vnNumber(households.data.total)} hộ` : ''}
      </Text>
    </Card>
  );
}
