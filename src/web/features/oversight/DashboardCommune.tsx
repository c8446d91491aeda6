import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { OversightCommune, OversightHamlet } from '../../shared/api';
import { Histogram } from '../../shared/charts/Histogram';
import { ProgressLine } from '../../shared/charts/ProgressLine';
import { Status } from '../../shared/Status';
import { formatDate, numberFormat, to } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';
import { PageControl, pageOf } from '../../shared/paging';

type Filter = 'all' | 'late' | 'reElection' | 'interim';

const matches = (h: OversightHamlet, f: Filter) =>
  f === 'all' ||
  (f === 'late' && h.late) ||
  (f === 'reElection' && h.reElection) ||
  (f === 'interim' && h.interim);

export function percent(n: number, of: number): string {
  return of > 0 ? `${((n * 100) / of).toFixed(1).replace('.', ',')}%` : '—';
}

function ResultCell(props: { h: OversightHamlet }) {
  const r = props.h.result;
  if (!r?.outcome)
    return (
      <Text size="sm" c="dimmed">
        {to.notCounted}
      </Text>
    );
  return (
    <Text size="sm">
      {r.elected
        ? `${to.outcomes.elected}: ${r.elected.name} (${numberFormat.format(r.elected.votes)})`
        : to.outcomes[r.outcome]}
    </Text>
  );
}

/** The commune's view of every hamlet election: state, next deadline, lateness, result, office-holder. */
export function DashboardCommune() {
  const { id = '' } = useParams();
  const [load, reload] = useLoad(() => api.get<OversightCommune>(`/api/communes/${id}/oversight`), [id]);
  const [filter, setFilter] = useState<Filter>('all');
  const [issued, setIssued] = useState<{ ok: boolean; text: string } | null>(null);
  const [page, setPage] = useState(1);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const d = load.data;
  // A commune may have a hundred hamlets and more: the table shows one page at a time.
  const paged = pageOf(
    d.hamlets.filter((h) => matches(h, filter)),
    page,
  );
  const shown = paged.rows;
  const turnouts = d.hamlets
    .filter((h) => h.result?.outcome && h.result.registered > 0)
    .map((h) => Math.floor((h.result!.voted * 100) / h.result!.registered));
  const issue = () =>
    api.post<{ title: string }>(`/api/communes/${id}/oversight/summary`, {}).then(
      (doc) => setIssued({ ok: true, text: to.issued(doc.title) }),
      (e: unknown) => setIssued({ ok: false, text: e instanceof Error ? e.message : String(e) }),
    );
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/tinh/${d.province.code}`}>
          {d.province.name}
        </Anchor>
        <Anchor component={Link} to={`/xa/${d.commune.id}`}>
          {d.commune.name}
        </Anchor>
        <Text>{to.dashboardLink}</Text>
      </Breadcrumbs>
      <Title order={2}>{to.communeTitle(d.commune.name)}</Title>
      <Text c="dimmed">
        {to.today(formatDate(d.today))}
        {d.finalDeadline && ` · ${to.deadline(formatDate(d.finalDeadline))}`}
      </Text>
      <Group gap="xs">
        <Badge size="lg" variant="light">{`${to.done}: ${d.totals.done}/${d.totals.hamlets}`}</Badge>
        <Badge size="lg" color="red" variant="light">{`${to.lateHamlets}: ${d.totals.lateHamlets}`}</Badge>
        <Badge size="lg" color="orange" variant="light">{`${to.lateItems}: ${d.totals.lateItems}`}</Badge>
        <Badge size="lg" color="grape" variant="light">{`${to.reElections}: ${d.totals.reElections}`}</Badge>
        <Badge size="lg" color="gray" variant="light">{`${to.interimHeads}: ${d.totals.interimHeads}`}</Badge>
      </Group>
      <Group>
        <Text fw={500}>{to.downloads}:</Text>
        <Button component="a" href={`/api/communes/${id}/oversight/results.xlsx`} size="xs" variant="light">
          {to.communeXlsx}
        </Button>
        <Button component="a" href={`/api/communes/${id}/oversight/summary.pdf`} size="xs" variant="light">
          {to.communePdf}
        </Button>
        {d.canManage && (
          <Button size="xs" onClick={() => void issue()}>
            {to.issueSummary}
          </Button>
        )}
      </Group>
      {issued && <Alert color={issued.ok ? 'green' : 'red'}>{issued.text}</Alert>}
      <SegmentedControl
        aria-label={to.filterLabel}
        value={filter}
        onChange={(v) => {
          setFilter(v as Filter);
          setPage(1);
        }}
        data={(['all', 'late', 'reElection', 'interim'] as const).map((f) => ({
          value: f,
          label: `${to.filters[f]} (${d.hamlets.filter((h) => matches(h, f)).length})`,
        }))}
        maw={640}
      />
      <Table striped highlightOnHover withTableBorder data-testid="commune-dashboard">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{to.hamlet}</Table.Th>
            <Table.Th>{to.state}</Table.Th>
            <Table.Th>{to.electionDate}</Table.Th>
            <Table.Th>{to.nextDeadline}</Table.Th>
            <Table.Th>{to.turnout}</Table.Th>
            <Table.Th>{to.outcome}</Table.Th>
            <Table.Th>{to.office}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((h) => (
            <Table.Tr key={h.hamletId}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={h.electionId ? `/bau-cu/${h.electionId}` : `/thon/${h.hamletId}`}
                  fw={600}
                >
                  {h.hamletName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{h.stateLabel}</Text>
                {h.reElection && (
                  <Badge color="grape" size="xs">
                    {to.reElections}
                  </Badge>
                )}
                {h.interim && (
                  <Badge color="gray" size="xs">
                    {to.interimHeads}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatDate(h.electionDate)}</Table.Td>
              <Table.Td>
                {h.nextDeadline ? (
                  <Text size="sm" title={`${h.nextDeadline.title} (${h.nextDeadline.citation})`}>
                    {formatDate(h.nextDeadline.due)}
                  </Text>
                ) : (
                  '—'
                )}
                {h.late ? (
                  <Badge color="red" size="sm" variant="filled">
                    {to.late}
                    {h.overdueTasks > 0 ? ` · ${to.overdue(h.overdueTasks)}` : ''}
                  </Badge>
                ) : (
                  h.state &&
                  !h.done && (
                    <Badge color="green" size="sm" variant="outline">
                      {to.onTime}
                    </Badge>
                  )
                )}
              </Table.Td>
              <Table.Td>
                {h.result?.outcome ? (
                  `${percent(h.result.voted, h.result.registered)} (${h.result.voted}/${h.result.registered})`
                ) : (
                  <Text size="sm" c="dimmed">
                    {to.notCounted}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ResultCell h={h} />
              </Table.Td>
              <Table.Td>
                {h.office ? (
                  <Text size="sm">
                    {h.office.name}
                    {h.office.termEnd ? ` (${to.termEnd} ${formatDate(h.office.termEnd)})` : ''}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {to.noData}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PageControl paged={paged} onChange={setPage} />
      {shown.length === 0 && <Text c="dimmed">{to.noHamlets}</Text>}
      <Group grow align="flex-start">
        <Card withBorder>
          <Title order={4} size="h5">
            {to.charts.progress}
          </Title>
          <Text size="sm" c="dimmed">
            {to.charts.progressNote(d.totals.done, d.totals.hamlets)}
          </Text>
          <ProgressLine
            title={to.charts.progress}
            series={d.series}
            total={d.totals.hamlets}
            deadline={d.finalDeadline}
            today={d.today}
            deadlineLabel={to.charts.deadline}
          />
        </Card>
        <Card withBorder>
          <Title order={4} size="h5">
            {to.charts.turnout}
          </Title>
          <Text size="sm" c="dimmed">
            {to.charts.turnoutNote(turnouts.length)}
          </Text>
          {turnouts.length > 0 ? (
            <Histogram id="commune-turnout" title={to.charts.turnout} values={turnouts} unit="%" />
          ) : (
            <Text c="dimmed">{to.charts.noData}</Text>
          )}
        </Card>
      </Group>
    </Stack>
  );
}
