import {
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
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Me } from '../../../contract/auth';
import * as oversight from '../../../contract/oversight';
import type { OversightProvince } from '../../../contract/oversight';
import { Histogram } from '../../shared/charts/Histogram';
import { ProgressLine } from '../../shared/charts/ProgressLine';
import { StackedBars } from '../../shared/charts/StackedBars';
import { urlOf } from '../../shared/client';
import { vnDate, vnNumber } from '../../shared/format';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { tMismatch, to, tScale } from '../../shared/strings';
import { territoryText as t } from './strings';
import { PageControl, pageOf } from '../../shared/paging';
import { percent } from '../oversight/DashboardCommune';
import { SearchBox } from '../oversight/SearchPage';
import { PageHeading } from '../../shared/PageHeading';

/** The administrator's entry point: every province with its roll-up (GET /api/oversight/national). */
export function ProvincesPage(props: { me: Me }) {
  const provinces = props.me.home.kind === 'all' ? props.me.home.provinces : [];
  const national = useApiQuery(oversight.getNational, {});
  if (!national.data) return <QueryStatus query={national} />;
  const d = national.data;
  const byCode = new Map(d.provinces.map((p) => [p.code, p]));
  const turnout = (x: { registered: number; voted: number }) => percent(x.voted, x.registered);
  return (
    <>
      <PageHeading crumbs={[]} title={tScale.nationalTitle} />
      <Text size="sm" c="dimmed" mb="md">
        {tScale.asOf(vnDate(d.today))} {tScale.lateNote}
      </Text>
      {d.totals.suspect > 0 && (
        <Text c="red" fw={700} mb="sm" data-testid="national-suspect">
          {`${tMismatch.suspect}: ${d.provinces
            .filter((p) => p.suspect > 0)
            .map((p) => `${p.name} (${vnNumber(p.suspect)})`)
            .join(', ')}`}
        </Text>
      )}
      <Table striped highlightOnHover withTableBorder data-testid="national-rollup">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.province.code}</Table.Th>
            <Table.Th>{t.province.name}</Table.Th>
            <Table.Th ta="right">{tScale.communes}</Table.Th>
            <Table.Th ta="right">{to.hamlets}</Table.Th>
            <Table.Th ta="right">{to.done}</Table.Th>
            <Table.Th ta="right">{to.lateHamlets}</Table.Th>
            <Table.Th ta="right">{to.lateItems}</Table.Th>
            <Table.Th ta="right">{to.reruns}</Table.Th>
            <Table.Th ta="right">{to.interimHeads}</Table.Th>
            <Table.Th ta="right">{to.turnout}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {provinces.map((p) => {
            const r = byCode.get(p.code);
            return (
              <Table.Tr key={p.code}>
                <Table.Td>{p.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/tinh/${p.code}`}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                {r && r.hamlets > 0 ? (
                  <>
                    <Table.Td ta="right">{vnNumber(r.communes)}</Table.Td>
                    <Table.Td ta="right">{vnNumber(r.hamlets)}</Table.Td>
                    <Table.Td ta="right">{vnNumber(r.done)}</Table.Td>
                    <Table.Td ta="right">{vnNumber(r.lateHamlets)}</Table.Td>
                    <Table.Td ta="right">{vnNumber(r.lateItems)}</Table.Td>
                    <Table.Td ta="right">{vnNumber(r.reruns)}</Table.Td>
                    <Table.Td ta="right">{vnNumber(r.interimHeads)}</Table.Td>
                    <Table.Td ta="right">{turnout(r)}</Table.Td>
                  </>
                ) : (
                  <Table.Td colSpan={8} c="dimmed">
                    {tScale.noData}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
          <Table.Tr fw={700}>
            <Table.Td />
            <Table.Td>{tScale.total}</Table.Td>
            <Table.Td ta="right">{vnNumber(d.totals.communes)}</Table.Td>
            <Table.Td ta="right">{vnNumber(d.totals.hamlets)}</Table.Td>
            <Table.Td ta="right">{vnNumber(d.totals.done)}</Table.Td>
            <Table.Td ta="right">{vnNumber(d.totals.lateHamlets)}</Table.Td>
            <Table.Td ta="right">{vnNumber(d.totals.lateItems)}</Table.Td>
            <Table.Td ta="right">{vnNumber(d.totals.reruns)}</Table.Td>
            <Table.Td ta="right">{vnNumber(d.totals.interimHeads)}</Table.Td>
            <Table.Td ta="right">{turnout(d.totals)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </>
  );
}

/** A province: every commune's progress and results, sortable, with drill-down and reports. */
export function ProvincePage() {
  const { code = '' } = useParams();
  const [all, setAll] = useState(false);
  const dashboard = useApiQuery(oversight.getProvince, {
    params: { code },
    query: all ? { all: '1' } : {},
  });
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'lateHamlets', desc: true });
  const [page, setPage] = useState(1);
  if (!dashboard.data) return <QueryStatus query={dashboard} />;
  const d = dashboard.data;
  const q = filter.trim().toLowerCase();
  const rows = (
    q ? d.communes.filter((c) => c.name.toLowerCase().includes(q) || c.code.includes(q)) : d.communes
  )
    .slice()
    .sort((a, b) => {
      const va = valueOf(a, sort.key);
      const vb = valueOf(b, sort.key);
      const c = typeof va === 'string' ? va.localeCompare(String(vb), 'vi') : va - (vb as number);
      return sort.desc ? -c : c;
    });
  // A province has up to ~170 communes: sorted and filtered as a whole, shown a page at a time.
  const paged = pageOf(rows, page);
  const withData = d.communes.filter((c) => c.hamlets > 0);
  // The per-commune charts follow the table's page: a bar per commune of the page, not ~170 at once.
  const charted = paged.rows.filter((c) => c.hamlets > 0);
  const th = (key: SortKey, label: string, right = true) => (
    <Table.Th
      ta={right ? 'right' : 'left'}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      <UnstyledButton
        onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key !== 'name' })}
        aria-label={to.sortBy(label)}
        fw={700}
        fz="sm"
      >
        {label} {sort.key === key ? (sort.desc ? '▼' : '▲') : '↕'}
      </UnstyledButton>
    </Table.Th>
  );
  const stateKeys = Object.keys(d.stateLabels).filter((k) => d.totals.byState[k]! > 0);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeading crumbs={[]} here={d.province.name} title={to.provinceTitle(d.province.name)} />
        <SearchBox />
      </Group>
      <Text c="dimmed">
        {to.today(vnDate(d.today))}
        {d.finalDeadline && ` · ${to.deadline(vnDate(d.finalDeadline))}`}
      </Text>
      <Group gap="xs">
        <Badge size="lg" variant="light">{`${to.done}: ${d.totals.done}/${d.totals.hamlets}`}</Badge>
        <Badge size="lg" color="red" variant="light">{`${to.lateHamlets}: ${d.totals.lateHamlets}`}</Badge>
        <Badge size="lg" color="orange" variant="light">{`${to.lateItems}: ${d.totals.lateItems}`}</Badge>
        <Badge size="lg" color="grape" variant="light">{`${to.reruns}: ${d.totals.reruns}`}</Badge>
        <Badge size="lg" color="gray" variant="light">{`${to.interimHeads}: ${d.totals.interimHeads}`}</Badge>
        {d.totals.suspect > 0 && (
          <Badge size="lg" color="red" variant="filled" data-testid="province-suspect">
            {`${tMismatch.suspect}: ${d.totals.suspect}`}
          </Badge>
        )}
      </Group>
      <Group>
        <Text fw={500}>{to.downloads}:</Text>
        <Button
          component="a"
          href={urlOf(oversight.provinceAggregateXlsx, { params: { code } })}
          size="xs"
          variant="light"
        >
          {to.provinceXlsx}
        </Button>
        <Button
          component="a"
          href={urlOf(oversight.provinceAggregatePdf, { params: { code } })}
          size="xs"
          variant="light"
        >
          {to.provincePdf}
        </Button>
      </Group>
      <Group>
        <TextInput
          placeholder="Lọc theo tên hoặc mã"
          aria-label="Lọc xã, phường"
          value={filter}
          onChange={(e) => {
            setFilter(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Checkbox label={to.showAll} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <Text size="sm" c="dimmed">
          {to.communesShown(withData.length, all ? d.communes.length : withData.length)}
        </Text>
      </Group>
      <Table striped highlightOnHover withTableBorder data-testid="province-dashboard">
        <Table.Thead>
          <Table.Tr>
            {th('name', to.commune, false)}
            {th('hamlets', to.hamlets)}
            {th('done', to.done)}
            {th('lateHamlets', to.lateHamlets)}
            {th('lateItems', to.lateItems)}
            {th('reruns', to.reruns)}
            {th('interimHeads', to.interimHeads)}
            {th('turnout', to.turnout)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/xa/${c.id}`}>
                  {c.name}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {c.code}
                </Text>{' '}
                <Anchor
                  component={Link}
                  to={`/xa/${c.id}/tien-do`}
                  size="sm"
                  aria-label={to.dashboardOf(c.code)}
                >
                  {to.dashboardLink} →
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{vnNumber(c.hamlets)}</Table.Td>
              <Table.Td ta="right">{c.done}</Table.Td>
              <Table.Td
                ta="right"
                c={c.lateHamlets > 0 ? 'red.8' : undefined}
                fw={c.lateHamlets > 0 ? 700 : undefined}
              >
                {c.lateHamlets}
              </Table.Td>
              <Table.Td ta="right">{c.lateItems}</Table.Td>
              <Table.Td ta="right">{c.reruns}</Table.Td>
              <Table.Td ta="right">{c.interimHeads}</Table.Td>
              <Table.Td ta="right">
                {c.registered > 0 ? percent(c.voted, c.registered) : to.notCounted}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{to.totals}</Table.Td>
            <Table.Td ta="right">{d.totals.hamlets}</Table.Td>
            <Table.Td ta="right">{d.totals.done}</Table.Td>
            <Table.Td ta="right">{d.totals.lateHamlets}</Table.Td>
            <Table.Td ta="right">{d.totals.lateItems}</Table.Td>
            <Table.Td ta="right">{d.totals.reruns}</Table.Td>
            <Table.Td ta="right">{d.totals.interimHeads}</Table.Td>
            <Table.Td ta="right">
              {d.totals.registered > 0 ? percent(d.totals.voted, d.totals.registered) : '—'}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <PageControl paged={paged} onChange={setPage} />
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
          {to.charts.states}
        </Title>
        <Text size="sm" c="dimmed">
          {tScale.chartsOfPage(charted.length, paged.page, paged.pages)}
        </Text>
        <StackedBars
          id="province-states"
          title={to.charts.states}
          series={stateKeys.map((k) => d.stateLabels[k]!)}
          rows={charted.map((c) => ({ label: c.name, values: stateKeys.map((k) => c.byState[k] ?? 0) }))}
        />
      </Card>
      <Card withBorder>
        <Title order={2} size="h5">
          {to.charts.outcomes}
        </Title>
        <Text size="sm" c="dimmed">
          {tScale.chartsOfPage(charted.length, paged.page, paged.pages)}
        </Text>
        <StackedBars
          id="province-outcomes"
          title={to.charts.outcomes}
          series={[to.outcomes.elected!, to.outcomes.rerun!, to.outcomes.interim!, to.notCounted]}
          rows={charted.map((c) => ({
            label: c.name,
            values: [c.elected, c.outcomeRerun, c.outcomeInterim, c.hamlets - c.counted],
          }))}
        />
      </Card>
      <Card withBorder>
        <Title order={2} size="h5">
          {to.charts.turnout}
        </Title>
        <Text size="sm" c="dimmed">
          {to.charts.turnoutNote(d.turnouts.length)}
        </Text>
        {d.turnouts.length > 0 ? (
          <Histogram id="province-turnout" title={to.charts.turnout} values={d.turnouts} unit="%" />
        ) : (
          <Text c="dimmed">{to.charts.noData}</Text>
        )}
      </Card>
    </Stack>
  );
}

type SortKey =
  'name' | 'hamlets' | 'done' | 'lateHamlets' | 'lateItems' | 'reruns' | 'interimHeads' | 'turnout';

function valueOf(c: OversightProvince['communes'][number], key: SortKey): string | number {
  if (key === 'name') return c.name;
  if (key === 'turnout') return c.registered > 0 ? c.voted / c.registered : -1;
  return c[key];
}
