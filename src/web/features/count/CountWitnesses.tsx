import { Alert, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import * as polling from '../../../contract/polling';
import { errorText } from '../../shared/client';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { tc } from './strings';

/** How many witnesses every profile asks for (ND59 Mẫu 02; QĐ 01/2016 Điều 15 k2d; Tây Ninh Điều 16 k3d). */
const NEED = 2;

/**
 * The voters who witness a paper count: chosen from the posted roll by tapping a search result,
 * recorded once; the count closes only with them. Once recorded they are listed, never edited.
 */
export function CountWitnesses(props: {
  electionId: string;
  position: string;
  canWrite: boolean;
  closed: boolean;
}) {
  const params = { id: props.electionId };
  const recorded = useApiQuery(polling.listCountWitnesses, { params, query: { position: props.position } });
  const [q, setQ] = useState('');
  const found = useApiQuery(polling.findVoters, { params, query: { q } }, { enabled: q.trim().length > 0 });
  const [chosen, setChosen] = useState<{ residentId: string; fullName: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const record = useApiMutation(polling.recordCountWitnesses, { invalidates: [polling.listCountWitnesses] });
  const list = recorded.data ?? [];
  const toggle = (v: { residentId: string; fullName: string }) =>
    setChosen((c) =>
      c.some((x) => x.residentId === v.residentId)
        ? c.filter((x) => x.residentId !== v.residentId)
        : c.length < NEED
          ? [...c, v]
          : c,
    );
  const save = () =>
    record
      .mutateAsync({
        params,
        body: { position: props.position, witnessIds: chosen.map((c) => c.residentId) },
      })
      .then(
        () => {
          setError(null);
          setChosen([]);
          setQ('');
        },
        (e: unknown) => setError(errorText(e)),
      );
  return (
    <Card withBorder data-testid="count-witnesses">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {tc.witnesses}
        </Title>
        {list.length > 0 ? (
          <List>
            {list.map((w) => (
              <List.Item key={w.residentId}>{w.fullName}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{tc.witnessesRule}</Text>
        )}
        {list.length === 0 && props.canWrite && !props.closed && (
          <>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput label={tc.witnessSearch} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
            <Stack gap={4}>
              {(found.data ?? []).slice(0, 8).map((v) => {
                const on = chosen.some((c) => c.residentId === v.residentId);
                return (
                  <Button
                    key={v.residentId}
                    variant={on ? 'filled' : 'light'}
                    justify="flex-start"
                    mih={44}
                    onClick={() => toggle({ residentId: v.residentId, fullName: v.fullName })}
                  >
                    {v.rollNumber}. {v.fullName}
                  </Button>
                );
              })}
            </Stack>
            <Group>
              <Text size="sm">
                {tc.witnessChosen(chosen.length, NEED)}
                {chosen.length > 0 ? `: ${chosen.map((c) => c.fullName).join(', ')}` : ''}
              </Text>
              <Button onClick={() => void save()} disabled={chosen.length === 0} mih={44}>
                {tc.recordWitnesses}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
