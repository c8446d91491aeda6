import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../shared/api';
import type { PrepPerson, PrepTeam } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, tp } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The election team: members with the body they represent and role, the composition check, accounts. */
export function TeamTab(props: { electionId: string }) {
  const id = props.electionId;
  const [load, reload] = useLoad(() => api.get<PrepTeam>(`/api/elections/${id}/team`), [id]);
  const [accounts, setAccounts] = useState<{ fullName: string; username: string; password: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const team = load.data;
  const issue = () =>
    api.post<typeof accounts>(`/api/elections/${id}/team/accounts`).then(
      (a) => {
        setAccounts(a);
        reload();
      },
      (e: unknown) => setError(errText(e)),
    );
  return (
    <Stack>
      <Text size="sm">{team.sizeRule}</Text>
      <Table withTableBorder data-testid="team">
        <Table.Tbody>
          {team.members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.fullName}</Table.Td>
              <Table.Td>{m.roleLabel}</Table.Td>
              <Table.Td>{m.represents}</Table.Td>
              <Table.Td>{m.username ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{tp.composition}</Title>
      {team.composition.eligible ? (
        <Badge color="green" tt="none">
          {tp.compositionOk}
        </Badge>
      ) : (
        team.composition.refusals.map((r) => (
          <Text key={r.code + r.message} c="red.9" size="sm" fw={600}>
            ✗ {r.message}
          </Text>
        ))
      )}
      {team.witnesses.eligible ? (
        <Badge color="green" tt="none">
          {tp.witnessesOk}
        </Badge>
      ) : (
        team.witnesses.refusals.map((r) => (
          <Text key={r.code + r.message} c="red.9" size="sm">
            ✗ {r.message}
          </Text>
        ))
      )}
      {error && <Alert color="red">{error}</Alert>}
      {team.canManage && (
        <Button w="fit-content" variant="light" onClick={() => void issue()}>
          {tp.accounts}
        </Button>
      )}
      {accounts.length > 0 && (
        <Alert color="yellow" title={tp.accountsNote}>
          {accounts.map((a) => (
            <Text key={a.username} size="sm" ff="monospace">
              {a.fullName}: {a.username} / {a.password}
            </Text>
          ))}
        </Alert>
      )}
      {team.canManage && <AddMember electionId={id} onAdded={reload} />}
    </Stack>
  );
}

function AddMember(props: { electionId: string; onAdded: () => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PrepPerson[]>([]);
  const [person, setPerson] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('member');
  const [represents, setRepresents] = useState('');
  const [frontHead, setFrontHead] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const search = (q: string) => {
    setQuery(q);
    if (q.trim().length < 2) return;
    api
      .get<PrepPerson[]>(`/api/elections/${props.electionId}/residents?q=${encodeURIComponent(q)}`)
      .then(setFound, () => setFound([]));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api
      .post(`/api/elections/${props.electionId}/team`, { residentId: person, role, represents, frontHead })
      .then(
        () => {
          setMessage(null);
          setPerson(null);
          props.onAdded();
        },
        (e: unknown) => setMessage(errText(e)),
      );
  };
  return (
    <Card withBorder maw={880}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{tp.addMember}</Title>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <Group grow align="end">
            <TextInput label={tp.search} value={query} onChange={(e) => search(e.currentTarget.value)} />
            <Select
              label={tp.name}
              value={person}
              onChange={setPerson}
              data={found.map((p) => ({
                value: p.id,
                label: `${p.fullName} (${formatDate(p.birthDate)}) — ${p.address}`,
              }))}
            />
          </Group>
          <Group grow>
            <Select
              label={tp.role}
              value={role}
              onChange={setRole}
              data={Object.entries(tp.roles).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
            />
            <TextInput
              label={tp.represents}
              value={represents}
              onChange={(e) => setRepresents(e.currentTarget.value)}
              required
            />
          </Group>
          <Checkbox
            label={tp.frontHead}
            checked={frontHead}
            onChange={(e) => setFrontHead(e.currentTarget.checked)}
          />
          <Button type="submit" w="fit-content">
            {tp.addMember}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
