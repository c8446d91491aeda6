import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/people';
import { errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { s } from './strings';
import { PageHeading, useHamletCrumbs } from '../../shared/PageHeading';

/** A household: its members, who qualifies to represent it and why, and the representative chosen. */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(contract.getHousehold, { params: { id } });
  const place = useHamletCrumbs(query.data?.household.hamletId);
  const represent = useApiMutation(contract.chooseRepresentative, {
    invalidates: [contract.getHousehold, contract.listHouseholds],
  });
  const [reason, setReason] = useState('');
  const [nominated, setNominated] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!query.data) return <QueryStatus query={query} />;
  const { household: h, members, representative: rep, canManage } = query.data;
  const repName = members.find((m) => m.id === rep.residentId)?.fullName;
  const choose = (residentId: string) =>
    represent
      .mutateAsync({ params: { id: h.id }, body: { residentId, reason, nominatedByMembers: nominated } })
      .then(
        () => setMessage({ ok: true, text: s.saved }),
        (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
      );
  return (
    <Stack maw={1100}>
      <PageHeading
        crumbs={[...place, { label: s.openResidents, to: `/thon/${h.hamletId}/nhan-khau` }]}
        title={`${s.household} ${h.code}`}
      />
      <Text>
        {h.address || '—'} · {h.residentGroup ?? '—'}
      </Text>
      <Card withBorder>
        <Title order={2} size="h4">
          {s.representative}
        </Title>
        <Text data-testid="representative">
          {rep.residentId
            ? `${repName ?? ''} (${rep.source === 'defaultHead' ? s.defaultHead : s.chosen}${rep.reason ? `: ${rep.reason}` : ''}${rep.nominatedByMembers ? `; ${s.nominated}` : ''})`
            : s.noRepresentative}
        </Text>
        {rep.verdict.messages.length > 0 && (
          <Alert color="orange" mt="xs" data-testid="representative-problems">
            {rep.verdict.messages.join(' ')}
          </Alert>
        )}
        <Text size="sm" c="dimmed" mt="xs">
          {s.representativeRule}: {rep.rule}
        </Text>
      </Card>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {canManage && (
        <Group align="end">
          <TextInput
            label={s.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={360}
          />
          <Checkbox
            label={s.nominated}
            checked={nominated}
            onChange={(e) => setNominated(e.currentTarget.checked)}
          />
        </Group>
      )}
      <Table striped withTableBorder data-testid="household-members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.fullName}</Table.Th>
            <Table.Th>{s.birthDate}</Table.Th>
            <Table.Th>{s.age}</Table.Th>
            <Table.Th>{s.relation}</Table.Th>
            <Table.Th>{s.capacity}</Table.Th>
            <Table.Th>{s.status}</Table.Th>
            <Table.Th>{s.representative}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/nhan-khau/${m.id}`}>
                  {m.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>{vnDate(m.birthDate)}</Table.Td>
              <Table.Td>{m.age}</Table.Td>
              <Table.Td>{s.relations[m.relation] ?? m.relation}</Table.Td>
              <Table.Td>{s.capacities[m.legalCapacity]}</Table.Td>
              <Table.Td>{s.statuses[m.status]}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {m.qualifies ? (
                    <Badge color="green">{s.qualifies}</Badge>
                  ) : (
                    <Badge color="gray" title={m.reasons.join(' ')}>
                      {s.notQualified}
                    </Badge>
                  )}
                  {canManage && m.status === 'active' && m.id !== rep.residentId && (
                    <Button size="compact-xs" variant="light" onClick={() => void choose(m.id)}>
                      {s.choose}
                    </Button>
                  )}
                </Group>
                {!m.qualifies && m.status === 'active' && (
                  <Text size="xs" c="dimmed">
                    {m.reasons.join(' ')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
