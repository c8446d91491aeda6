import { Alert, Anchor, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import type { ProfileSummary, ProfileTables, RuleRow } from '../api';
import { Status } from '../Status';
import { formatDate, t } from '../strings';
import { useLoad } from '../use-load';

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

function ParamTable(props: { rows: readonly RuleRow[] }) {
  return (
    <Table withTableBorder striped verticalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">{t.rules.param}</Table.Th>
          <Table.Th w="32%">{t.rules.value}</Table.Th>
          <Table.Th w="22%">{t.rules.citation}</Table.Th>
          <Table.Th>{t.rules.confidence}</Table.Th>
          <Table.Th w="20%">{t.rules.note}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td fw={500}>{r.label}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{r.value}</Table.Td>
            <Table.Td>{r.citation}</Table.Td>
            <Table.Td>
              <Confidence row={r} />
            </Table.Td>
            <Table.Td>{r.note}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Every rule the software enforces, per profile, with its source, so an official can audit it. */
export function RulesPage() {
  const { id = 'nd59-2023' } = useParams();
  const [list] = useLoad(() => api.get<ProfileSummary[]>('/api/rules/profiles'), []);
  const [load, reload] = useLoad(() => api.get<ProfileTables>(`/api/rules/profiles/${id}`), [id]);
  return (
    <Stack>
      <Title order={2}>{t.rules.title}</Title>
      <Text size="sm" c="dimmed">
        {t.rules.intro}
      </Text>
      {list.state === 'ready' && (
        <Group>
          {list.data.map((p) => (
            <Anchor key={p.id} component={Link} to={`/quy-tac/${p.id}`} fw={p.id === id ? 700 : 400}>
              {p.id}
            </Anchor>
          ))}
        </Group>
      )}
      {load.state !== 'ready' ? <Status load={load} onRetry={reload} /> : <ProfileView profile={load.data} />}
    </Stack>
  );
}

function ProfileView({ profile }: { profile: ProfileTables }) {
  const unverified = profile.params.filter((p) => p.confidence === 'unverified').length;
  return (
    <Stack>
      <Title order={3}>{profile.title}</Title>
      <Text size="sm">
        {t.rules.effective(
          formatDate(profile.effectiveFrom),
          profile.effectiveTo ? formatDate(profile.effectiveTo) : null,
        )}{' '}
        · {profile.status === 'current' ? t.rules.current : t.rules.legacy}
      </Text>
      <List size="sm">
        {profile.sources.map((s) => (
          <List.Item key={s.tag}>
            <b>{s.tag}</b>: {s.title}
            {s.note ? ` (${s.note})` : ''}
          </List.Item>
        ))}
      </List>
      {unverified > 0 && <Alert color="orange">{t.rules.unverifiedWarning(unverified)}</Alert>}
      <Title order={4}>{t.rules.params}</Title>
      <ParamTable rows={profile.params} />
      <Title order={4}>{t.rules.timeline}</Title>
      <Table withTableBorder striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.rules.due}</Table.Th>
            <Table.Th>{t.rules.step}</Table.Th>
            <Table.Th>{t.rules.actor}</Table.Th>
            <Table.Th>{t.rules.document}</Table.Th>
            <Table.Th>{t.rules.citation}</Table.Th>
            <Table.Th>{t.rules.confidence}</Table.Th>
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
          <Title order={4}>{r.title}</Title>
          <ParamTable rows={r.params} />
        </Stack>
      ))}
    </Stack>
  );
}
