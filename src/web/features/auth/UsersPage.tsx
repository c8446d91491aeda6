import {
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import * as contract from '../../../contract/auth';
import { z } from '../../../contract/zod';
import { errorText } from '../../shared/client';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { authText as t } from './strings';
import { PageHeading, homeCrumbs } from '../../shared/PageHeading';

/** The account as typed: the body's fields, the scope left empty for none. */
const userForm = contract.newUserBody.extend({ scopeId: z.string().max(64) });
type UserForm = z.infer<typeof userForm>;

/** The administrator's page: accounts, their roles and scopes, and a form to create one. */
export function UsersPage() {
  const users = useApiQuery(contract.listUsers, {});
  if (!users.data) return <QueryStatus query={users} />;
  return (
    <Stack>
      <PageHeading crumbs={homeCrumbs} title={t.users.title} />
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.users.username}</Table.Th>
            <Table.Th>{t.users.displayName}</Table.Th>
            <Table.Th>{t.users.role}</Table.Th>
            <Table.Th>{t.users.scope}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data.users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.roleLabel}</Table.Td>
              <Table.Td>{u.scopeId ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CreateUser roles={users.data.roles} />
    </Stack>
  );
}

function CreateUser(props: { roles: readonly { id: string; label: string }[] }) {
  const form = useForm<UserForm>({
    initialValues: { username: '', displayName: '', password: '', role: 'communeOfficer', scopeId: '' },
    validate: zod4Resolver(userForm),
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const create = useApiMutation(contract.createUser, { invalidates: [contract.listUsers] });
  const submit = (v: UserForm) => {
    create.mutateAsync({ body: { ...v, scopeId: v.scopeId || null } }).then(
      (u) => setMessage({ ok: true, text: t.users.created(u.username) }),
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  };
  return (
    <Card withBorder maw={640}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.users.create}
          </Title>
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          <Group grow>
            <TextInput label={t.users.username} {...form.getInputProps('username')} required />
            <TextInput label={t.users.displayName} {...form.getInputProps('displayName')} required />
          </Group>
          <Group grow>
            <Select
              label={t.users.role}
              data={props.roles.map((r) => ({ value: r.id, label: r.label }))}
              {...form.getInputProps('role')}
              onChange={(v) => form.setFieldValue('role', v ?? '')}
              allowDeselect={false}
            />
            <TextInput
              label={t.users.scope}
              description={t.users.scopeHelp}
              {...form.getInputProps('scopeId')}
            />
          </Group>
          <PasswordInput label={t.users.password} {...form.getInputProps('password')} required />
          <Button type="submit" w="fit-content" loading={create.isPending}>
            {t.users.create}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
