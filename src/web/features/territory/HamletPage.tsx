import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Pagination,
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
import * as peopleContract from '../../../contract/people';
import * as contract from '../../../contract/territory';
import { errorText } from '../../shared/client';
import { vnNumber } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { t, ta, tr } from '../../shared/strings';
import { ElectionsTable } from './ElectionsTable';
import { CountLinks } from '../count/CountLinks';
import { TryPollingDay } from '../count/TryPollingDay';
import { HamletFactsTab } from '../hamlet-facts/HamletFactsTab';
import { HamletHistoryTab } from '../register/HamletHistoryTab';
import { PageHeading } from '../../shared/PageHeading';

const PAGE = 50;

/** A hamlet: its counts, residents' groups, elections and households. */
export function HamletPage() {
  const { id = '' } = useParams();
  const hamlet = useApiQuery(contract.getHamlet, { params: { id } });
  if (!hamlet.data) return <QueryStatus query={hamlet} />;
  const h = hamlet.data;
  return (
    <Stack>
      <PageHeading
        crumbs={[
          { label: h.province.name, to: `/tinh/${h.province.code}` },
          { label: h.commune.name, to: `/xa/${h.commune.id}` },
        ]}
        title={h.name}
      />
      <Group gap="md">
        <Anchor component={Link} to={`/thon/${h.id}/nhan-khau`} data-testid="open-residents">
          {t.people.openResidents}
        </Anchor>
        {h.canManage && (
          <Anchor component={Link} to={`/thon/${h.id}/nhan-khau/nhap`} data-testid="open-import">
            {t.people.openImport}
          </Anchor>
        )}
        <Anchor component={Link} to={`/thon/${h.id}/nhat-ky`} data-testid="open-audit">
          {ta.link}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} maw={720}>
        <Stat label={t.hamlet.households} value={h.households} testId="households-count" />
        <Stat label={t.hamlet.residents} value={h.residents} testId="residents-count" />
        <Stat label={t.hamlet.groups} value={h.groups.length} testId="groups-count" />
      </SimpleGrid>
      <Title order={2} size="h4">
        {t.hamlet.elections}
      </Title>
      <ElectionsTable elections={h.elections} headTitle={h.headTitle} />
      <Group gap="md">
        {h.elections.map((e) => (
          <Anchor key={e.id} component={Link} to={`/bau-cu/${e.id}/danh-sach-cu-tri`} data-testid="open-roll">
            {tr.openFor(e.termLabel)}
          </Anchor>
        ))}
      </Group>
      <CountLinks elections={h.elections} />
      {h.canTryPollingDay && <TryPollingDay hamletId={h.id} />}
      <Title order={2} size="h4">
        {t.hamlet.groups}
      </Title>
      {h.groups.length === 0 ? (
        <Text c="dimmed">{t.hamlet.noGroups}</Text>
      ) : (
        <Group>
          {h.groups.map((g) => (
            <Card key={g.id} withBorder padding="xs">
              <Text fw={600}>{g.name}</Text>
              <Text size="sm" c="dimmed">
                {vnNumber(g.households)} hộ
              </Text>
            </Card>
          ))}
        </Group>
      )}
      {h.canManage && <AddGroup hamletId={h.id} />}
      <HamletFactsTab hamletId={h.id} />
      <HamletHistoryTab hamletId={h.id} communeId={h.commune.id} />
      <Households hamletId={h.id} />
    </Stack>
  );
}

function Stat(props: { label: string; value: number; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text size="xl" fw={700} data-testid={props.testId}>
        {vnNumber(props.value)}
      </Text>
    </Card>
  );
}

function Households(props: { hamletId: string }) {
  const [page, setPage] = useState(1);
  const households = useApiQuery(peopleContract.listHouseholds, {
    params: { id: props.hamletId },
    query: { limit: PAGE, offset: (page - 1) * PAGE },
  });
  const data = households.data;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t.hamlet.householdList}
      </Title>
      {!data ? (
        <QueryStatus query={households} />
      ) : (
        <>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.hamlet.code}</Table.Th>
                <Table.Th>{t.hamlet.head}</Table.Th>
                <Table.Th>{t.hamlet.address}</Table.Th>
                <Table.Th>{t.hamlet.group}</Table.Th>
                <Table.Th ta="right">{t.hamlet.members}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.code}</Table.Td>
                  <Table.Td>{x.headName ?? '—'}</Table.Td>
                  <Table.Td>{x.address}</Table.Td>
                  <Table.Td>{x.residentGroup ?? '—'}</Table.Td>
                  <Table.Td ta="right">{x.members}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t.pager((page - 1) * PAGE + 1, Math.min(page * PAGE, data.total), data.total)}
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
    </Stack>
  );
}

function AddGroup(props: { hamletId: string }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useApiMutation(contract.createResidentGroup, {
    invalidates: [contract.getHamlet, contract.getCommune],
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutateAsync({ params: { id: props.hamletId }, body: { name } }).then(
      () => {
        setName('');
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  return (
    <form onSubmit={submit}>
      <Group align="end">
        <TextInput
          label={t.hamlet.groupName}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Button type="submit" variant="light" loading={create.isPending}>
          {t.hamlet.addGroup}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
    </form>
  );
}
