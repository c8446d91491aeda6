import { List, Text } from '@mantine/core';
import { api } from '../../shared/api';
import { tfacts } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

interface LineageView {
  oldCommune: string;
  oldDistrict: string | null;
  effectiveOn: string;
  decisionNumber: string;
  decisionDate: string;
  decisionBody: string;
}

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The pre-2025 communes merged into this one, with the resolution: nothing when none is recorded. */
export function CommuneLineage(props: { communeId: string }) {
  const [load] = useLoad(
    () => api.get<LineageView[]>(`/api/communes/${props.communeId}/lineage`),
    [props.communeId],
  );
  if (load.state !== 'ready' || load.data.length === 0) return null;
  return (
    <div data-testid="commune-lineage">
      <Text size="sm" fw={600}>
        {tfacts.lineage.title}
      </Text>
      <List size="sm">
        {load.data.map((l) => (
          <List.Item key={`${l.oldDistrict}|${l.oldCommune}`}>
            {tfacts.lineage.row(l.oldCommune, l.oldDistrict, vnDate(l.effectiveOn))} ({l.decisionNumber} ngày{' '}
            {vnDate(l.decisionDate)} của {l.decisionBody})
          </List.Item>
        ))}
      </List>
    </div>
  );
}
