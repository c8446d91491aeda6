import { Alert, List, Stack, Table, Text } from '@mantine/core';
import type { ResultMismatchView } from '../../contract/count';
import { vnNumber } from './format';
import { tMismatch as t } from './strings';

type Difference = ResultMismatchView['differences'][number];

function shown(d: Difference, value: string | null): string {
  if (value === null) return t.none;
  return d.kind === 'number' && /^\d+$/.test(value) ? vnNumber(Number(value)) : value;
}

/**
 * The red alarm of a count whose stored result differs from the papers: every differing figure side
 * by side, why the papers give no result if they do not, and what to do.
 */
export function MismatchAlert({ mismatch }: { mismatch: ResultMismatchView | null }) {
  if (!mismatch) return null;
  return (
    <Alert color="red" variant="filled" title={t.title} role="alert" data-testid="result-mismatch">
      <Stack gap="xs">
        <Text size="sm">{t.intro}</Text>
        {mismatch.differences.length > 0 && (
          <Table withTableBorder bg="white" c="dark" fz="sm" aria-label={t.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.field}</Table.Th>
                <Table.Th>{t.stored}</Table.Th>
                <Table.Th>{t.recomputed}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mismatch.differences.map((d) => (
                <Table.Tr key={d.field}>
                  <Table.Td>{d.label}</Table.Td>
                  <Table.Td c="red.8" td="line-through">
                    {shown(d, d.stored)}
                  </Table.Td>
                  <Table.Td fw={700}>{shown(d, d.recomputed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mismatch.problems.length > 0 && (
          <>
            <Text size="sm" fw={700}>
              {t.noResult}
            </Text>
            <List size="sm" c="white">
              {mismatch.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </>
        )}
        {mismatch.storedConclusion && (
          <Text size="sm">
            {t.storedConclusion} <i>{mismatch.storedConclusion}</i>
          </Text>
        )}
        <Text size="sm" fw={700}>
          {t.whatToDo}
        </Text>
        <List size="sm" type="ordered" c="white">
          {t.steps.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
