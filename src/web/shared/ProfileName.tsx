import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import * as rules from '../../contract/rules';
import { useApiQuery } from './query';

/**
 * A rule profile as officials name it ("Quảng Trị", "Quy định toàn quốc"), linked to its rules page,
 * instead of the id the software keys it by. The list of profiles is one cached read.
 */
export function ProfileName(props: { id: string }) {
  const list = useApiQuery(rules.listProfiles, {}, { staleTime: Infinity });
  const title = list.data?.find((p) => p.id === props.id)?.title;
  return (
    <Anchor component={Link} to={`/quy-tac/${props.id}`} inherit>
      {title ? title.split(':')[0] : '…'}
    </Anchor>
  );
}
