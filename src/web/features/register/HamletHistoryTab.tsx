import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import * as contract from '../../../contract/register';
import { useApiQuery } from '../../shared/query';
import { ChangesTable } from './ChangesSection';
import { treg as s } from './strings';

/** The changes that touched one hamlet, on its own page. */
export function HamletHistoryTab(props: { hamletId: string; communeId: string }) {
  const query = useApiQuery(contract.getHistory, { params: { id: props.communeId } });
  if (!query.data) return null;
  const mine = query.data.changes.filter(
    (c) => c.to?.id === props.hamletId || c.from.some((f) => f.id === props.hamletId),
  );
  return (
    <Stack gap="xs" data-testid="hamlet-history">
      <Title order={2} size="h4">
        {s.hamletTab.title}
      </Title>
      {mine.length === 0 ? <Text c="dimmed">{s.hamletTab.none}</Text> : <ChangesTable changes={mine} />}
      <Anchor component={Link} to={`/xa/${props.communeId}/lich-su-thon`} size="sm">
        {s.hamletTab.open}
      </Anchor>
    </Stack>
  );
}
