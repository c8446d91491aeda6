import { Alert, Button, Center, Loader } from '@mantine/core';
import type { Load } from './use-load';
import { t } from './strings';

/** What a page shows while its data loads or when loading failed. */
export function Status(props: { load: Load<unknown> | { state: 'loading' }; onRetry?: () => void }) {
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
