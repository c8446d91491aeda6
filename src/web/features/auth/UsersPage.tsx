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
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../shared/api';
import type { UserView } from '../../shared/api';
import { Status } from '../../shared/Status';
import { t } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

interface UsersResponse {
  users: UserView[];
  roles: { id: string; label: string }[];
}

/** The administrator's page: accounts, their roles and scopes, and a form to create one. */
export function UsersPage() {
  const [load, reload] = useLoad(() => api.get<UsersResponse>('/api/users'), []);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  return (
    <Stack>
      <Title order={2}>{t.users.title}</Title>
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
          {load.data.users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.roleLabel}</Table.Td>
              <Table.Td>{u.scopeId ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CreateUser roles={load.data.roles} onCreated={reload} />
    </Stack>
  );
}

function CreateUser(props: { roles: { id: string; label: string }[]; onCreated: () => void }) {
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    password: '',
    role: 'communeOfficer',
    scopeId: '',
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api.post<UserView>('/api/users', { ...form, scopeId: form.scopeId || null }).then(
      (u) => {
        setMessage({ ok: true, text: t.users.created(u.username) });
        props.onCreated();
      },
      (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <Card withBorder maw={640}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{t.users.create}</Title>
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          <Group grow>
            <TextInput
              label={t.users.username}
              value={form.username}
              onChange={(e) => set('username')(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t.users.displayName}
              value={form.displayName}
              onChange={(e) => set('displayName')(e.currentTarget.value)}
              required
            />
          </Group>
          <Group grow>
            <Select
              label={t.users.role}
              data={props.roles.map((r) => ({ value: r.id, label: r.label }))}
              value={form.role}
              onChange={(v) => set('role')(v ?? '')}
              allowDeselect={false}
            />
            <TextInput
              label={t.users.scope}
              description={t.users.scopeHelp}
              value={form.scopeId}
              onChange={(e) => set('scopeId')(e.currentTarget.value)}
            />
          </Group>
          <PasswordInput
            label={t.users.password}
            value={form.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            required
          />
          <Button type="submit" w="fit-content">
            {t.users.create}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
