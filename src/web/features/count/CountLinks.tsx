import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { tc } from './strings';

/** Links from a hamlet's elections to their count pages. */
export function CountLinks(props: { elections: { id: string; position: string }[] }) {
  if (props.elections.length === 0) return null;
  return (
    <Group gap="xs">
      {props.elections.map((e) => (
        <Button key={e.id} component={Link} to={`/bau-cu/${e.id}/kiem-phieu`} size="xs" variant="light">
          {tc.link}
        </Button>
      ))}
    </Group>
  );
}
