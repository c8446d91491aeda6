import { List, Text } from '@mantine/core';
import * as contract from '../../../contract/hamlet-facts';
import { vnDate } from '../../shared/format';
import { useApiQuery } from '../../shared/query';
import { tfacts } from '../../shared/strings';

/** The pre-2025 communes merged into this one, with the resolution: nothing when none is recorded. */
export function CommuneLineage(props: { communeId: string }) {
  const lineage = useApiQuery(contract.listLineage, { params: { id: props.communeId } });
  if (!lineage.data || lineage.data.length === 0) return null;
  return (
    <div data-testid="commune-lineage">
      <Text size="sm" fw={600}>
        {tfacts.lineage.title}
      </Text>
      <List size="sm">
        {lineage.data.map((l) => (
          <List.Item key={`${l.oldDistrict}|${l.oldCommune}`}>
            {tfacts.lineage.row(l.oldCommune, l.oldDistrict, vnDate(l.effectiveOn))} ({l.decisionNumber} ngày{' '}
            {vnDate(l.decisionDate)} của {l.decisionBody})
          </List.Item>
        ))}
      </List>
    </div>
  );
}
