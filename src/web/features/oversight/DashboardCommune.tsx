import {
  Alert,
  Anchor,
  Badge,
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
import * as contract from '../../../contract/oversight';
import type { OversightHamlet } from '../../../contract/oversight';
import { Histogram } from '../../shared/charts/Histogram';
import { ProgressLine } from '../../shared/charts/ProgressLine';
import { errorText, urlOf } from '../../shared/client';
import { vnDate, vnNumber, vnPercent } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { tMismatch, to } from '../../shared/strings';
import { PageControl, pageOf } from '../../shared/paging';
import { oversightText as ot } from './strings';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

/** A civil date as dd/mm/yyyy, or a dash for none. */
const dateOr = (d: string | null) => vnDate(d) || '—';

type Filter = 'all' | 'late' | 'rerun' | 'interim';

const matches = (h: OversightHamlet, f: Filter) =>
  f === 'all' || (f === 'late' && h.late) || (f === 'rerun' && h.rerun) || (f === 'interim' && h.interim);

/** Turnout as a percentage, or a dash when no one is on the roll. */
export function percent(n: number, of: number): string {
  return of > 0 ? vnPercent(n, of) : '—';
}

function ResultCell(props: { h: OversightHamlet }) {
  const r = props.h.result;
  // The stored result differs from the papers: the figures shown are the recomputed ones.
  const suspect = r?.suspect ? (
    <Badge color="red" variant="filled" size="sm" data-testid="result-suspect">
      {tMismatch.suspect}
    </Badge>
  ) : null;
  if (!r?.outcome)
    return (
      <Group gap={4}>
        <Text size="sm" c="dimmed">
          {to.notCounted}
        </Text>
        {suspect}
      </Group>
    );
  return (
    <Group gap={4}>
      <Text size="sm">
        {r.elected
          ? `${to.outcomes.elected}: ${r.elected.name} (${vnNumber(r.elected.votes)})`
          : to.outcomes[r.outcome]}
      </Text>
      {suspect}
    </Group>
  );
}

/** The commune's view of every hamlet election: state, next deadline, lateness, result, office-holder. */
export function DashboardCommune() {
  const { id = '' } = useParams();
  const place = useCommuneCrumbs(id);
  const query = useApiQuery(contract.getCommune, { params: { id } });
  const issueSummary = useApiMutation(contract.issueSummary);
  const [filter, setFilter] = useState<Filter>('all');
  const [issued, setIssued] = useState<{ ok: boolean; text: string } | null>(null);
  const [page, setPage] = useState(1);
  if (!query.data) return <QueryStatus query={query} />;
  const d = query.data;
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
    issueSummary.mutateAsync({ params: { id }, body: {} }).then(
      (doc) => setIssued({ ok: true, text: ot.issued(doc.title) }),
      (e: unknown) => setIssued({ ok: false, text: errorText(e) }),
    );
  return (
    <Stack>
      <PageHeading crumbs={place} here={to.dashboardLink} title={ot.communeTitle(d.commune.name)} />
      <Text c="dimmed">
        {to.today(dateOr(d.today))}
        {d.finalDeadline && ` · ${to.deadline(dateOr(d.finalDeadline))}`}
      </Text>
      <Group gap="xs">
        <Badge size="lg" variant="light">{`${to.done}: ${d.totals.done}/${d.totals.hamlets}`}</Badge>
        <Badge size="lg" color="red" variant="light">{`${to.lateHamlets}: ${d.totals.lateHamlets}`}</Badge>
        <Badge size="lg" color="orange" variant="light">{`${to.lateItems}: ${d.totals.lateItems}`}</Badge>
        <Badge size="lg" color="grape" variant="light">{`${to.reruns}: ${d.totals.reruns}`}</Badge>
        <Badge size="lg" color="gray" variant="light">{`${to.interimHeads}: ${d.totals.interimHeads}`}</Badge>
      </Group>
      <Group>
        <Text fw={500}>{to.downloads}:</Text>
        <Button
          component="a"
          href={urlOf(contract.communeResultsXlsx, { params: { id } })}
          size="xs"
          variant="light"
        >
          {ot.communeXlsx}
        </Button>
        <Button
          component="a"
          href={urlOf(contract.communeSummaryPdf, { params: { id } })}
          size="xs"
          variant="light"
        >
          {ot.communePdf}
        </Button>
        {d.canManage && (
          <Button size="xs" onClick={() => void issue()}>
            {ot.issueSummary}
          </Button>
        )}
      </Group>
      {issued && <Alert color={issued.ok ? 'green' : 'red'}>{issued.text}</Alert>}
      <SegmentedControl
        aria-label={ot.filterLabel}
        value={filter}
        onChange={(v) => {
          setFilter(v as Filter);
          setPage(1);
        }}
        data={(['all', 'late', 'rerun', 'interim'] as const).map((f) => ({
          value: f,
          label: `${ot.filters[f]} (${d.hamlets.filter((h) => matches(h, f)).length})`,
        }))}
        maw={640}
      />
      <Table striped highlightOnHover withTableBorder data-testid="commune-dashboard">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{ot.hamlet}</Table.Th>
            <Table.Th>{ot.state}</Table.Th>
            <Table.Th>{ot.electionDate}</Table.Th>
            <Table.Th>{ot.nextDeadline}</Table.Th>
            <Table.Th>{to.turnout}</Table.Th>
            <Table.Th>{to.outcome}</Table.Th>
            <Table.Th>{ot.office}</Table.Th>
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
                {h.rerun && (
                  <Badge color="grape" size="xs">
                    {to.reruns}
                  </Badge>
                )}
                {h.interim && (
                  <Badge color="gray" size="xs">
                    {to.interimHeads}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{dateOr(h.electionDate)}</Table.Td>
              <Table.Td>
                {h.nextDeadline ? (
                  <Text size="sm" title={`${h.nextDeadline.title} (${h.nextDeadline.citation})`}>
                    {dateOr(h.nextDeadline.due)}
                  </Text>
                ) : (
                  '—'
                )}
                {h.late ? (
                  <Badge color="red" size="sm" variant="filled">
                    {ot.late}
                    {h.overdueTasks > 0 ? ` · ${ot.overdue(h.overdueTasks)}` : ''}
                  </Badge>
                ) : (
                  h.state &&
                  !h.done && (
                    <Badge color="green" size="sm" variant="outline">
                      {ot.onTime}
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
                    {h.office.termEnd ? ` (${ot.termEnd} ${dateOr(h.office.termEnd)})` : ''}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {ot.noData}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PageControl paged={paged} onChange={setPage} />
      {shown.length === 0 && <Text c="dimmed">{ot.noHamlets}</Text>}
      <Group grow align="flex-start">
        <Card withBorder>
          <Title order={2} size="h5">
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
          <Title order={2} size="h5">
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
