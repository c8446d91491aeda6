import {
  Alert,
  Anchor,
  Badge,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/plan';
import type { TaskStatus, TaskView } from '../../../contract/plan';
import { errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { t } from '../../shared/strings';
import { DocumentList, IssueButtons } from '../documents/ElectionDocuments';
import { planText as tp } from './strings';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

type Filter = 'week' | 'overdue' | 'open' | 'all';

const keep = (f: Filter) => (x: TaskView) =>
  f === 'all' ? true : f === 'open' ? x.status !== 'done' : f === 'week' ? x.dueThisWeek : x.overdue;

/** One plan: its hamlet elections with their state, the tasks due this week or overdue, documents. */
export function PlanRoundPage() {
  const { id = '' } = useParams();
  const [filter, setFilter] = useState<Filter>('open');
  const [hamlet, setHamlet] = useState<string | null>('');
  const [error, setError] = useState<string | null>(null);
  const query = useApiQuery(contract.getRound, { params: { id } });
  const first = query.data?.elections[0];
  const place = useCommuneCrumbs(query.data?.communeId);
  // The round's own documents (plan, election-day decision) are listed with each of its elections.
  const docs = useApiQuery(
    contract.listElectionDocuments,
    { params: { id: first?.id ?? '' } },
    { enabled: first !== undefined },
  );
  const update = useApiMutation(contract.updateTask, { invalidates: [contract.getRound] });
  const issue = useApiMutation(contract.issueRoundDocument, {
    invalidates: [contract.listElectionDocuments],
  });
  if (!query.data) return <QueryStatus query={query} />;
  const round = query.data;
  const tasks = round.tasks
    .filter(keep(filter))
    .filter((x) => !hamlet || (hamlet === 'commune' ? x.hamletId === null : x.hamletId === hamlet));
  const setStatus = (task: TaskView, status: TaskStatus) =>
    update.mutateAsync({ params: { id: task.id }, body: { status, version: task.version } }).then(
      () => setError(null),
      (e: unknown) => setError(errorText(e)),
    );
  const hamletIds = [...new Set(round.elections.map((e) => e.hamletId))];
  return (
    <Stack>
      <PageHeading
        crumbs={[...place, { label: tp.planTitle, to: `/xa/${round.communeId}/ke-hoach` }]}
        here={round.termLabel}
        title={`${tp.planTitle} ${round.termLabel}`}
      />
      <Text size="sm">
        {round.profileTitle} · {tp.forms[round.form] ?? round.form} · {tp.today(vnDate(round.today))}
      </Text>
      {round.warnings.map((w) => (
        <Alert key={w} color="orange">
          {w}
        </Alert>
      ))}
      {error && <Alert color="red">{error}</Alert>}
      <Title order={2} size="h4">
        {tp.elections}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{tp.hamlet}</Table.Th>
            <Table.Th>{tp.group}</Table.Th>
            <Table.Th>{t.election.position}</Table.Th>
            <Table.Th>{t.election.term}</Table.Th>
            <Table.Th>{tp.electionDate}</Table.Th>
            <Table.Th>{tp.state}</Table.Th>
            <Table.Th>{tp.tasks}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.elections.map((e) => (
            <Table.Tr key={e.id} data-testid="round-election">
              <Table.Td>
                <Anchor component={Link} to={`/bau-cu/${e.id}`}>
                  {e.hamletName}
                </Anchor>
              </Table.Td>
              <Table.Td>{e.groupName ?? '—'}</Table.Td>
              <Table.Td>{e.positionTitle}</Table.Td>
              <Table.Td>{e.termLabel}</Table.Td>
              <Table.Td>
                {vnDate(e.electionDate) || '—'}{' '}
                {e.pollingSessions.length > 0
                  ? e.pollingSessions.map((x) => `${x.start}–${x.end}`).join(', ')
                  : (e.startTime ?? '')}
              </Table.Td>
              <Table.Td>{t.states[e.state] ?? e.state}</Table.Td>
              <Table.Td>
                <Text c={e.overdue > 0 ? 'red.8' : undefined} fw={e.overdue > 0 ? 700 : undefined} size="sm">
                  {e.overdue > 0 ? '⚠ ' : ''}
                  {tp.overdueCount(e.overdue)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {tp.tasks}
      </Title>
      <Group>
        <SegmentedControl
          aria-label={tp.filter}
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={(['week', 'overdue', 'open', 'all'] as const).map((f) => ({
            value: f,
            label: tp.filters[f]!,
          }))}
        />
        <Select
          aria-label={tp.hamlet}
          value={hamlet}
          onChange={setHamlet}
          data={[
            { value: '', label: tp.allHamlets },
            { value: 'commune', label: tp.communeWide },
            ...hamletIds.map((h) => ({
              value: h,
              label: round.elections.find((e) => e.hamletId === h)!.hamletName,
            })),
          ]}
        />
      </Group>
      {tasks.length === 0 && <Text c="dimmed">{tp.noTasks}</Text>}
      {tasks.length > 0 && (
        <Table withTableBorder data-testid="tasks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tp.due}</Table.Th>
              <Table.Th>{tp.hamlet}</Table.Th>
              <Table.Th>{tp.tasks}</Table.Th>
              <Table.Th>{tp.lead}</Table.Th>
              <Table.Th>{tp.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((x) => (
              <Table.Tr key={x.id} bg={x.overdue ? 'red.0' : undefined} data-testid="task-row">
                <Table.Td>
                  <Text size="sm" c={x.overdue ? 'red.9' : undefined} fw={x.overdue ? 700 : undefined}>
                    {vnDate(x.due)}
                  </Text>
                  {x.overdue && (
                    <Badge color="red" variant="filled" size="sm">
                      {tp.overdue}
                    </Badge>
                  )}
                  {x.dueThisWeek && (
                    <Badge color="orange" variant="light" size="sm" tt="none">
                      {tp.thisWeek}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{x.hamletName ?? tp.communeWide}</Table.Td>
                <Table.Td>
                  <Text size="sm">{x.title}</Text>
                  {x.citation && (
                    <Text size="xs" c="dimmed">
                      {tp.citation}: {x.citation}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{x.lead}</Text>
                  {x.partners.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {tp.partners}: {x.partners.join('; ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${tp.status}: ${x.title}`}
                    value={x.status}
                    disabled={!round.canManage}
                    onChange={(v) => v && void setStatus(x, v as TaskStatus)}
                    data={Object.entries(tp.statuses).map(([value, label]) => ({ value, label }))}
                    allowDeselect={false}
                    w={130}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h4">
        {tp.documents}
      </Title>
      {round.canManage && (
        <IssueButtons
          forms={contract.ROUND_FORMS}
          issue={(form, date) =>
            issue.mutateAsync({ params: { id: round.id, form }, body: date ? { date } : {} })
          }
        />
      )}
      {first === undefined || docs.data ? (
        <DocumentList documents={docs.data ?? []} />
      ) : (
        <QueryStatus query={docs} />
      )}
    </Stack>
  );
}
