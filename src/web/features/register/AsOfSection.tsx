import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import * as contract from '../../../contract/register';
import { vnDate } from '../../shared/format';
import { useApiQuery } from '../../shared/query';
import { treg as s } from './strings';
import { DateInput } from '../../shared/DateInput';

/** "Xem như ngày ...": the commune's hamlets, households and heads as they were on a chosen day. */
export function AsOfSection(props: { communeId: string; today: string }) {
  const [on, setOn] = useState(props.today);
  // The day asked for: nothing is read until the officer asks. A change recorded on the page
  // invalidates the view, so a view on screen is read again.
  const [asked, setAsked] = useState<string | null>(null);
  const query = useApiQuery(
    contract.getAsOf,
    { params: { id: props.communeId }, query: { on: asked ?? '' } },
    { enabled: asked !== null },
  );
  const view = asked !== null ? query.data : undefined;
  const error = asked !== null && query.error ? query.error.message : null;
  const show = () => {
    if (asked === on) void query.refetch();
    else setAsked(on);
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {s.asOf.title}
        </Title>
        <Group align="end">
          <DateInput label={s.asOf.on} value={on} onChange={setOn} data-testid="as-of-date" w={180} />
          <Button onClick={show} data-testid="as-of-show">
            {s.asOf.show}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {view && (
          <>
            <Text fw={600} data-testid="as-of-summary">
              {vnDate(view.on)}: {s.asOf.total(view.households, view.hamlets.length)}
            </Text>
            <Table striped withTableBorder fz="sm" data-testid="as-of-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s.asOf.name}</Table.Th>
                  <Table.Th>{s.asOf.since}</Table.Th>
                  <Table.Th ta="right">{s.asOf.households}</Table.Th>
                  <Table.Th>{s.asOf.groups}</Table.Th>
                  <Table.Th>{s.asOf.heads}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.hamlets.map((h) => (
                  <Table.Tr key={h.id} data-testid="as-of-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {h.name}
                      </Text>
                      {h.nameToday !== h.name && (
                        <Text size="xs" c="dimmed">
                          {s.asOf.nameToday(h.nameToday)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{h.since ? vnDate(h.since) : s.asOf.sinceUnknown}</Table.Td>
                    <Table.Td ta="right">{h.households}</Table.Td>
                    <Table.Td>{h.groups.join(', ')}</Table.Td>
                    <Table.Td>
                      {h.heads.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {s.asOf.noHead}
                        </Text>
                      ) : (
                        h.heads.map((x) => (
                          <Text key={`${x.positionTitle}${x.holderName}`} size="sm">
                            {x.positionTitle}: {x.holderName} (từ {vnDate(x.startOn)})
                          </Text>
                        ))
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
