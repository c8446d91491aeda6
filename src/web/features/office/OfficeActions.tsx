import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import * as contract from '../../../contract/office';
import type { TermView } from '../../../contract/office';
import { errorText } from '../../shared/client';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { officeText as s } from './strings';
import { DateInput } from '../../shared/DateInput';
import { ConfirmButton } from '../../shared/ConfirmButton';

/**
 * What the commune records by hand in a hamlet: an interim head when the post is vacant, the deputy
 * the head has chosen, and the end of a term. The services check every rule and say which one refuses.
 */
export function OfficeActions(props: {
  hamletId: string;
  today: string;
  current: TermView[];
  onDone: () => void;
}) {
  const people = useApiQuery(contract.getHamletPeople, { params: { id: props.hamletId } });
  const interim = useApiMutation(contract.appointInterim);
  const deputy = useApiMutation(contract.recogniseDeputy);
  const end = useApiMutation(contract.endTerm);
  const [residentId, setResidentId] = useState<string | null>(null);
  const [on, setOn] = useState(props.today);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (write: Promise<unknown>, done: string) =>
    write.then(
      () => {
        setMessage({ ok: true, text: done });
        props.onDone();
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  const options =
    people.data?.adults.map((a) => ({ value: a.id, label: `${a.name} (${a.householdCode})` })) ?? [];
  return (
    <Card withBorder mt="sm" bg="gray.0" data-testid="office-actions">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {s.actions.title}
        </Title>
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
          <DateInput label={s.actions.on} value={on} onChange={setOn} w={170} />
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            disabled={!residentId}
            onClick={() =>
              void run(
                interim.mutateAsync({
                  params: { id: props.hamletId },
                  body: { on, reason: 'vacancy', residentId },
                }),
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
              void run(
                deputy.mutateAsync({ params: { id: props.hamletId }, body: { on, residentId } }),
                s.actions.deputyDone,
              )
            }
          >
            {s.actions.deputy}
          </Button>
        </Group>
        {props.current.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{s.actions.end}</Text>
            {props.current.map((term) => (
              <ConfirmButton
                key={term.id}
                size="xs"
                variant="subtle"
                color="red"
                question={s.actions.endQuestion(term.holderName)}
                onConfirm={() =>
                  void run(
                    end.mutateAsync({ params: { id: term.id }, body: { on, reason: 'vacated' } }),
                    s.actions.endDone,
                  )
                }
              >
                {term.positionTitle}: {term.holderName}
              </ConfirmButton>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
