import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { Election } from '../../../contract/territory';
import { vnDate } from '../../shared/format';
import { t } from '../../shared/strings';
import { Link } from 'react-router';

export function ElectionsTable(props: { elections: readonly Election[]; headTitle?: string }) {
  if (props.elections.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t.hamlet.noElections}
      </Text>
    );
  }
  // Six columns do not fit a phone: the table scrolls inside its box, the page does not.
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.election.position}</Table.Th>
            <Table.Th>{t.election.term}</Table.Th>
            <Table.Th>{t.election.date}</Table.Th>
            <Table.Th>{t.election.round}</Table.Th>
            <Table.Th>{t.election.state}</Table.Th>
            <Table.Th>{t.documents.electionPack}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.elections.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Anchor component={Link} to={`/bau-cu/${e.id}`} data-testid="open-election">
                  {e.position === 'head' && props.headTitle
                    ? props.headTitle
                    : (t.positions[e.position] ?? e.position)}
                </Anchor>
              </Table.Td>
              <Table.Td>{e.termLabel}</Table.Td>
              <Table.Td>{vnDate(e.electionDate) || '—'}</Table.Td>
              <Table.Td>{e.round}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  tt="none"
                  styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                >
                  {t.states[e.state] ?? e.state}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor href={`/api/elections/${e.id}/polling-pack.pdf`} size="sm">
                  PDF
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
