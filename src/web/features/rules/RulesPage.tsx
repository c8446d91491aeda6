import { Alert, Anchor, Badge, Box, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import * as rules from '../../../contract/rules';
import type { ProfileTables } from '../../../contract/rules';
import { vnDate } from '../../shared/format';
import { useApiQuery } from '../../shared/query';
import { rulesText } from './strings';
import { QueryStatus } from '../../shared/Status';
import { PageHeading, homeCrumbs } from '../../shared/PageHeading';

const confidenceColor: Record<string, string> = {
  verified: 'green',
  secondary: 'blue',
  unverified: 'orange',
};

function Confidence(props: { row: { confidence: string; confidenceLabel: string } }) {
  return (
    <Badge
      color={confidenceColor[props.row.confidence] ?? 'gray'}
      variant={props.row.confidence === 'unverified' ? 'filled' : 'light'}
      tt="none"
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {props.row.confidenceLabel}
    </Badge>
  );
}

/**
 * Each value as a sentence with its article and confidence beside it: a list rather than a five-column
 * table, so it reads the same on a 390 px phone as on a desktop.
 */
function ParamList(props: { rows: ProfileTables['params'] }) {
  return (
    <Stack gap={0} data-testid="rule-params">
      {props.rows.map((r) => (
        <Box
          key={r.key}
          py="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          data-testid={`rule-${r.key}`}
        >
          <Text fw={600} size="sm">
            {r.label}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {r.value}
          </Text>
          <Group gap="xs" mt={2}>
            <Text size="xs">
              {rulesText.basis}: {r.citation}
            </Text>
            <Confidence row={r} />
          </Group>
          {r.note && (
            <Text size="xs" c="dark.4" mt={2}>
              {rulesText.note}: {r.note}
            </Text>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** Every rule the software enforces, per profile, with its source, so an official can audit it. */
export function RulesPage() {
  const { id = 'nd59-2023' } = useParams();
  const list = useApiQuery(rules.listProfiles, {});
  const profile = useApiQuery(rules.getProfile, { params: { id } });
  return (
    <Stack>
      <PageHeading crumbs={homeCrumbs} title={rulesText.title} />
      <Text size="sm" c="dimmed">
        {rulesText.intro}
      </Text>
      {list.data && (
        <Group>
          {list.data.map((p) => (
            <Anchor
              key={p.id}
              component={Link}
              to={`/quy-tac/${p.id}`}
              fw={p.id === id ? 700 : 400}
              aria-current={p.id === id ? 'page' : undefined}
            >
              {p.title.split(':')[0]}
            </Anchor>
          ))}
        </Group>
      )}
      {profile.data ? <ProfileView profile={profile.data} /> : <QueryStatus query={profile} />}
    </Stack>
  );
}

function ProfileView({ profile }: { profile: ProfileTables }) {
  const unverified = profile.params.filter((p) => p.confidence === 'unverified').length;
  return (
    <Stack>
      <Title order={2} size="h3">
        {profile.title}
      </Title>
      <Text size="sm">
        {rulesText.effective(
          vnDate(profile.effectiveFrom),
          profile.effectiveTo ? vnDate(profile.effectiveTo) : null,
        )}{' '}
        · {profile.status === 'current' ? rulesText.current : rulesText.legacy}
      </Text>
      <List size="sm">
        {profile.sources.map((s) => (
          <List.Item key={s.tag}>
            <b>{s.tag}</b>: {s.title}
            {s.note ? ` (${s.note})` : ''}
          </List.Item>
        ))}
      </List>
      {unverified > 0 && <Alert color="orange">{rulesText.unverifiedWarning(unverified)}</Alert>}
      <Title order={3} size="h4">
        {rulesText.params}
      </Title>
      <ParamList rows={profile.params} />
      <Title order={3} size="h4">
        {rulesText.timeline}
      </Title>
      <Table withTableBorder striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{rulesText.due}</Table.Th>
            <Table.Th>{rulesText.step}</Table.Th>
            <Table.Th>{rulesText.actor}</Table.Th>
            <Table.Th>{rulesText.document}</Table.Th>
            <Table.Th>{rulesText.citation}</Table.Th>
            <Table.Th>{rulesText.confidence}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profile.timeline.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.offset}</Table.Td>
              <Table.Td>{s.title}</Table.Td>
              <Table.Td>{s.actor}</Table.Td>
              <Table.Td>{s.document}</Table.Td>
              <Table.Td>{s.citation}</Table.Td>
              <Table.Td>
                <Confidence row={s} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {profile.removal.map((r) => (
        <Stack key={r.kind} gap="xs">
          <Title order={3} size="h4">
            {r.title}
          </Title>
          <ParamList rows={r.params} />
        </Stack>
      ))}
    </Stack>
  );
}
