import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { treg as s } from './strings';
import { useLoad } from '../../shared/use-load';
import { ChangesTable } from './ChangesSection';
import type { HistoryView } from './types';

/** The changes that touched one hamlet, on its own page. */
export function HamletHistoryTab(props: { hamletId: string; communeId: string }) {
  const [load] = useLoad(
    () => api.get<HistoryView>(`/api/communes/${props.communeId}/hamlet-history`),
    [props.communeId],
  );
  if (load.state !== 'ready') return null;
  const mine = load.data.changes.filter(
    (c) => c.to?.id === props.hamletId || c.from.some((f) => f.id === props.hamletId),
  );
  return (
    <Stack gap="xs" data-testid="hamlet-history">
      <Title order={3} size="h4">
        {s.hamletTab.title}
      </Title>
      {mine.length === 0 ? <Text c="dimmed">{s.hamletTab.none}</Text> : <ChangesTable changes={mine} />}
      <Anchor component={Link} to={`/xa/${props.communeId}/lich-su-thon`} size="sm">
        {s.hamletTab.open}
      </Anchor>
    </Stack>
  );
}
