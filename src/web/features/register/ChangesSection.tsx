import { Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { treg as s } from './strings';
import { vnDate } from '../../shared/format';
import type { ChangeView, FormerHamlet } from '../../../contract/register';

export function decisionText(c: ChangeView): string {
  return [c.decisionNumber, c.decisionDate ? `ngày ${vnDate(c.decisionDate)}` : '', c.issuingBody ?? '']
    .filter(Boolean)
    .join(', ');
}

/** The changes, newest first, with their decisions. */
export function ChangesTable(props: { changes: ChangeView[] }) {
  if (props.changes.length === 0) return <Text c="dimmed">{s.changes.none}</Text>;
  return (
    <Table striped withTableBorder fz="sm" data-testid="changes-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{s.changes.effective}</Table.Th>
          <Table.Th>{s.changes.kind}</Table.Th>
          <Table.Th>{s.changes.summary}</Table.Th>
          <Table.Th>{s.changes.decision}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.changes.map((c) => (
          <Table.Tr key={c.id} data-testid="change-row">
            <Table.Td>{vnDate(c.effectiveOn)}</Table.Td>
            <Table.Td>{c.kindLabel}</Table.Td>
            <Table.Td>
              {c.summary}
              {c.note && (
                <Text size="xs" c="dimmed">
                  {c.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{decisionText(c)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Hamlets that no longer exist, under their own names, with the documents issued for them. */
export function FormerHamlets(props: { former: FormerHamlet[] }) {
  if (props.former.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {s.former.title}
      </Title>
      {props.former.map((f) => (
        <Card key={f.id} withBorder padding="sm" data-testid="former-hamlet">
          <Text fw={700}>{f.name}</Text>
          <Text size="sm">
            {s.former.ended}: {vnDate(f.endedOn)}
            {f.names.length > 1 && ` · ${s.former.names}: ${f.names.map((n) => n.name).join(' → ')}`}
          </Text>
          {f.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {s.former.noDocuments}
            </Text>
          ) : (
            <List size="sm">
              {f.documents.map((d) => (
                <List.Item key={d.id}>
                  <Anchor href={`/api/documents/${d.id}/pdf`} target="_blank">
                    {d.title}
                  </Anchor>{' '}
                  {d.reference}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      ))}
    </Stack>
  );
}
