import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import type { PrepDocument } from '../../shared/api';
import { tp } from '../../shared/strings';

/** Issue buttons for forms of the stage, with the date the documents bear. */
export function IssueButtons(props: {
  base: string;
  forms: string[];
  extra?: (form: string) => Record<string, unknown>;
  onIssued: () => void;
}) {
  const [date, setDate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const issue = (form: string) =>
    api
      .post<PrepDocument>(`${props.base}/${form}`, {
        ...(date ? { date } : {}),
        ...(props.extra?.(form) ?? {}),
      })
      .then(
        (d) => {
          setMessage({ ok: true, text: tp.issued(d.title) });
          props.onIssued();
        },
        (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }),
      );
  return (
    <Stack gap="xs">
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Group align="end">
        <TextInput
          label={tp.date}
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        {props.forms.map((f) => (
          <Button key={f} variant="light" onClick={() => void issue(f)}>
            {tp.issue(tp.formTitles[f] ?? f)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** Issued documents with their PDF and DOCX downloads. */
export function DocumentList(props: { documents: PrepDocument[] }) {
  if (props.documents.length === 0) return <Text c="dimmed">{tp.noDocuments}</Text>;
  return (
    <Table withTableBorder>
      <Table.Tbody>
        {props.documents.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              {d.number !== null ? `${d.number}/${d.symbol ?? ''} — ` : ''}
              {d.title}
            </Table.Td>
            <Table.Td>
              <Group gap="sm">
                <Anchor href={`/api/preparation/documents/${d.id}/pdf`}>{tp.pdf}</Anchor>
                <Anchor href={`/api/preparation/documents/${d.id}/docx`}>{tp.docx}</Anchor>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
