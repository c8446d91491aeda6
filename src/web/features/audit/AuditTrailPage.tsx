import { Alert, Anchor, Button, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import * as contract from '../../../contract/audit';
import type { TrailCheck, TrailChange, TrailEvent, TrailScopeKind } from '../../../contract/audit';
import { call, errorText, urlOf } from '../../shared/client';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { actionLabel, readableChanges } from './readable';
import { auditText as ta } from './strings';
import { PageHeading, useCommuneCrumbs, useElectionCrumbs, useHamletCrumbs } from '../../shared/PageHeading';
import { ta as tal } from '../../shared/strings';

const PAGE_SIZE = 50;

/** The audit trail of an election, a hamlet or a commune: read, filter, export, verify the chain. */
export function AuditTrailPage(props: { kind: TrailScopeKind }) {
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<string | null>(null);
  const params = { kind: props.kind, id };
  const crumbs = [
    ...useCommuneCrumbs(props.kind === 'commune' ? id : undefined),
    ...useHamletCrumbs(props.kind === 'hamlet' ? id : undefined),
    ...useElectionCrumbs(props.kind === 'election' ? id : undefined),
  ];
  const load = useApiQuery(contract.listTrail, {
    params,
    query: { page, pageSize: PAGE_SIZE, ...(action ? { action } : {}) },
  });
  if (!load.data) return <QueryStatus query={load} />;
  const trail = load.data;
  const exportUrl = (format: 'csv' | 'xlsx') => urlOf(contract.exportTrail, { params, query: { format } });
  const pages = Math.max(1, Math.ceil(trail.total / trail.pageSize));
  return (
    <Stack>
      <PageHeading crumbs={crumbs} here={tal.link} title={ta.title(trail.title)} />
      <Text size="sm" c="dimmed">
        {ta.intro} {ta.hiddenNote}
      </Text>
      <Group align="end">
        <Select
          label={ta.filter}
          placeholder={ta.filterAll}
          data={ta.groups.map(([value, label]) => ({ value, label }))}
          value={action}
          onChange={(v) => {
            setAction(v);
            setPage(1);
          }}
          clearable
          w={260}
        />
        <Anchor href={exportUrl('xlsx')} download>
          {ta.exportXlsx}
        </Anchor>
        <Anchor href={exportUrl('csv')} download>
          {ta.exportCsv}
        </Anchor>
      </Group>
      <Verify />
      <Text data-testid="audit-total">{ta.total(trail.total)}</Text>
      {trail.events.length === 0 ? <Text c="dimmed">{ta.empty}</Text> : <Events events={trail.events} />}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
    </Stack>
  );
}

function Events(props: { events: readonly TrailEvent[] }) {
  return (
    <Table striped withTableBorder data-testid="audit-events">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{ta.at}</Table.Th>
          <Table.Th>{ta.who}</Table.Th>
          <Table.Th>{ta.what}</Table.Th>
          <Table.Th>{ta.changes}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.events.map((e) => (
          <Table.Tr key={e.seq}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.atVietnam}</Table.Td>
            <Table.Td>{e.user ?? ta.system}</Table.Td>
            <Table.Td>
              <Text size="sm">{actionLabel(e.action)}</Text>
              <Text size="xs" c="dark.4">
                #{e.seq}
              </Text>
            </Table.Td>
            <Table.Td>
              <Changes changes={e.changes} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Changes(props: { changes: readonly TrailChange[] }) {
  return (
    <Stack gap={2}>
      {readableChanges(props.changes).map((c, i) => (
        <Text key={i} size="sm">
          <b>{c.label}</b>:{' '}
          {c.before !== null && (
            <>
              <Text span td="line-through" c="red.8">
                {c.before}
              </Text>{' '}
              {ta.arrow}{' '}
            </>
          )}
          <Text span c={c.before !== null ? 'green.9' : undefined}>
            {c.after}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

function Verify() {
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'done'; check: TrailCheck }
    | { kind: 'error'; text: string }
  >({ kind: 'idle' });
  const run = () => {
    setState({ kind: 'busy' });
    // On demand, never cached: each press recomputes the whole chain now.
    call(contract.verifyChain, {}).then(
      (check) => setState({ kind: 'done', check }),
      (e: unknown) => setState({ kind: 'error', text: errorText(e) }),
    );
  };
  return (
    <Stack gap="xs">
      <Button variant="light" w="fit-content" onClick={run} loading={state.kind === 'busy'}>
        {ta.verify}
      </Button>
      {state.kind === 'done' && (
        <Alert color={state.check.ok ? 'green' : 'red'} data-testid="audit-verify">
          {state.check.ok ? (
            ta.verifiedOk(state.check.chain.events, state.check.record.rows)
          ) : (
            <Stack gap={4}>
              <Text size="sm">
                {ta.verifiedBad(state.check.problems.length + state.check.record.moreProblems)}
              </Text>
              {state.check.problems.slice(0, 20).map((p, n) => (
                <Text size="sm" key={n}>
                  {p.message}
                </Text>
              ))}
            </Stack>
          )}
        </Alert>
      )}
      {state.kind === 'error' && (
        <Alert color="red" data-testid="audit-verify">
          {state.text}
        </Alert>
      )}
    </Stack>
  );
}
