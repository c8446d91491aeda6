import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { DocumentInfo } from '../../../contract/documents';
import { downloadPreparationDocument } from '../../../contract/plan';
import { errorText, urlOf } from '../../shared/client';
import { documentsText as s } from './strings';
import { DateInput } from '../../shared/DateInput';

/** Issue buttons for forms of the stage, with the date the documents bear. */
export function IssueButtons<F extends string>(props: {
  forms: readonly F[];
  issue: (form: F, date: string | undefined) => Promise<DocumentInfo>;
}) {
  const [date, setDate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const issue = (form: F) =>
    props.issue(form, date || undefined).then(
      (d) => setMessage({ ok: true, text: s.issued(d.title) }),
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  return (
    <Stack gap="xs">
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Group align="end">
        <DateInput label={s.date} value={date} onChange={setDate} />
        {props.forms.map((f) => (
          <Button key={f} variant="light" onClick={() => void issue(f)}>
            {s.issue(s.formTitles[f] ?? f)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

const fileUrl = (id: string, format: 'pdf' | 'docx') =>
  urlOf(downloadPreparationDocument, { params: { id, format } });

/** Issued documents with their PDF and DOCX downloads. */
export function DocumentList(props: { documents: readonly DocumentInfo[] }) {
  if (props.documents.length === 0) return <Text c="dimmed">{s.noDocuments}</Text>;
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
                <Anchor href={fileUrl(d.id, 'pdf')}>{s.pdf}</Anchor>
                <Anchor href={fileUrl(d.id, 'docx')}>{s.docx}</Anchor>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
