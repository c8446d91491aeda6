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
import * as contract from '../../../contract/team';
import type { IssuedAccount } from '../../../contract/team';
import { errorText as errText } from '../../shared/client';
import { ageOn } from '../../../domain/calendar';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { useResidentSearch } from '../candidates/CandidatesTab';
import { candidatesText } from '../candidates/strings';
import { teamText } from './strings';

const tp = { ...candidatesText, ...teamText };

/** The election team: members with the body they represent and role, the composition check, accounts. */
export function TeamTab(props: { electionId: string }) {
  const id = props.electionId;
  const query = useApiQuery(contract.getTeam, { params: { id } });
  const create = useApiMutation(contract.createTeamAccounts, { invalidates: [contract.getTeam] });
  const [accounts, setAccounts] = useState<readonly IssuedAccount[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (!query.data) return <QueryStatus query={query} />;
  const team = query.data;
  const issue = () =>
    create.mutateAsync({ params: { id } }).then(
      (a) => {
        setError(null);
        setAccounts(a);
      },
      (e: unknown) => setError(errText(e)),
    );
  return (
    <Stack>
      <Text size="sm">{team.sizeRule}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder data-testid="team">
          <Table.Tbody>
            {team.members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.fullName}</Table.Td>
                <Table.Td>{m.age === null ? '' : tp.ageLabel(m.age)}</Table.Td>
                <Table.Td>{m.roleLabel}</Table.Td>
                <Table.Td>{m.represents}</Table.Td>
                <Table.Td>{m.username ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h4">
        {tp.composition}
      </Title>
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
      {!team.members.some((m) => m.role === 'witness') ? (
        <Text size="sm">{tp.witnessesAtCount}</Text>
      ) : team.witnesses.eligible ? (
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
      {team.canManage && <AddMember electionId={id} ageOn={team.ageOn} />}
    </Stack>
  );
}

function AddMember(props: { electionId: string; ageOn: string }) {
  const [query, setQuery] = useState('');
  const found = useResidentSearch(props.electionId, query);
  const [person, setPerson] = useState<string | null>(null);
  const [role, setRole] = useState<contract.TeamRole>('member');
  const [represents, setRepresents] = useState('');
  const [frontHead, setFrontHead] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const add = useApiMutation(contract.addTeamMember, { invalidates: [contract.getTeam] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add
      .mutateAsync({
        params: { id: props.electionId },
        body: { residentId: person, role, represents, frontHead },
      })
      .then(
        () => {
          // The next member starts from an empty form: a kept tick or role would pass to them.
          setMessage(null);
          setPerson(null);
          setQuery('');
          setRole('member');
          setRepresents('');
          setFrontHead(false);
        },
        (e: unknown) => setMessage(errText(e)),
      );
  };
  return (
    <Card withBorder maw={880}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {tp.addMember}
          </Title>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {tp.ageRule(vnDate(props.ageOn))}
          </Text>
          <Group grow align="end">
            <TextInput label={tp.search} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            <Select
              label={tp.name}
              value={person}
              onChange={setPerson}
              data={found.map((p) => ({
                value: p.id,
                label: `${p.fullName} (${tp.ageLabel(ageOn(p.birthDate, props.ageOn))}, ${vnDate(p.birthDate)}) — ${p.address}`,
              }))}
            />
          </Group>
          <Group grow>
            <Select
              label={tp.role}
              value={role}
              onChange={(v) => {
                const parsed = contract.teamRole.safeParse(v);
                if (parsed.success) setRole(parsed.data);
              }}
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
