import { Alert, Button, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { t } from './strings';

/** What a page shows while its data loads or when loading failed. */
export function Status(props: {
  load: { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready' };
  onRetry?: () => void;
}) {
  if (props.load.state === 'loading') {
    return (
      <Center p="xl" aria-label={t.loading}>
        <Loader />
      </Center>
    );
  }
  if (props.load.state === 'error') {
    return (
      <Alert color="red" title={t.errorTitle} m="md">
        {props.load.message}
        {props.onRetry && (
          <Button size="xs" ml="md" variant="light" onClick={props.onRetry}>
            {t.retry}
          </Button>
        )}
      </Alert>
    );
  }
  return null;
}

/** The same for a TanStack query: a loader while it loads, its error with a retry button. */
export function QueryStatus(props: {
  query: Pick<UseQueryResult<unknown, Error>, 'status' | 'error' | 'refetch'>;
}) {
  const { query } = props;
  if (query.status === 'pending') return <Status load={{ state: 'loading' }} />;
  if (query.status === 'error')
    return (
      <Status
        load={{ state: 'error', message: query.error?.message ?? '' }}
        onRetry={() => void query.refetch()}
      />
    );
  return null;
}
