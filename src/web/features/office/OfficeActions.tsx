import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import type { OfficeTerm } from '../../shared/api';
import { toffice as s } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

interface People {
  adults: { id: string; name: string; birthDate: string; householdCode: string }[];
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * What the commune records by hand in a hamlet: an interim head when the post is vacant, the deputy
 * the head has chosen, and the end of a term. The services check every rule and say which one refuses.
 */
export function OfficeActions(props: {
  hamletId: string;
  today: string;
  current: OfficeTerm[];
  onDone: () => void;
}) {
  const [people] = useLoad(
    () => api.get<People>(`/api/hamlets/${props.hamletId}/office-people`),
    [props.hamletId],
  );
  const [residentId, setResidentId] = useState<string | null>(null);
  const [on, setOn] = useState(props.today);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (path: string, body: object, done: string) =>
    api.post(path, body).then(
      () => {
        setMessage({ ok: true, text: done });
        props.onDone();
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  const options =
    people.state === 'ready'
      ? people.data.adults.map((a) => ({ value: a.id, label: `${a.name} (${a.householdCode})` }))
      : [];
  return (
    <Card withBorder mt="sm" bg="gray.0" data-testid="office-actions">
      <Stack gap="xs">
        <Title order={5}>{s.actions.title}</Title>
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <Group align="end">
          <Select
            label={s.actions.person}
            data={options}
            value={residentId}
            onChange={setResidentId}
            searchable
            w={320}
          />
          <TextInput
            label={s.actions.on}
            type="date"
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            w={170}
          />
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            disabled={!residentId}
            onClick={() =>
              void run(
                `/api/hamlets/${props.hamletId}/interim`,
                { on, reason: 'vacancy', residentId },
                s.actions.interimDone,
              )
            }
          >
            {s.actions.interim}
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={!residentId}
            onClick={() =>
              void run(`/api/hamlets/${props.hamletId}/deputies`, { on, residentId }, s.actions.deputyDone)
            }
          >
            {s.actions.deputy}
          </Button>
        </Group>
        {props.current.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{s.actions.end}</Text>
            {props.current.map((term) => (
              <Button
                key={term.id}
                size="xs"
                variant="subtle"
                color="red"
                onClick={() =>
                  void run(`/api/office-terms/${term.id}/end`, { on, reason: 'vacated' }, s.actions.endDone)
                }
              >
                {term.positionTitle}: {term.holderName}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
