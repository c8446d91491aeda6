import { Alert, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import * as contract from '../../../contract/territory';
import type { HamletListPreview } from '../../../contract/territory';
import { call, errorText } from '../../shared/client';
import { useApiMutation } from '../../shared/query';
import { territoryText as t } from './strings';

/** Import a list of hamlets from XLSX/CSV: preview first, write only after confirmation. */
export function ImportHamlets(props: { communeId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<HamletListPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const params = { id: props.communeId };
  const save = useApiMutation(contract.importHamlets, { invalidates: [contract.getCommune] });
  const fail = (e: unknown) => setMessage({ ok: false, text: errorText(e) });
  // Sent as plain bytes (application/octet-stream): browsers name a CSV's type differently
  // (text/csv, application/vnd.ms-excel, none), and the server reads the content, not the label.
  const bytesOf = (f: File) => f.arrayBuffer();

  const check = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setMessage(null);
    // The preview writes nothing: a plain call, nothing to refresh.
    if (f)
      bytesOf(f)
        .then((body) => call(contract.importHamlets, { params, query: {}, body }))
        .then(setPreview, fail);
  };
  const confirm = () => {
    if (!file) return;
    bytesOf(file)
      .then((body) => save.mutateAsync({ params, query: { confirm: 'true' }, body }))
      .then((p) => {
        setMessage({ ok: true, text: t.importHamlets.done(p.toAdd.length) });
        setPreview(null);
        setFile(null);
      }, fail);
  };

  return (
    <Card withBorder maw={720}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t.importHamlets.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t.importHamlets.help}
        </Text>
        <FileInput
          label={t.importHamlets.file}
          accept=".xlsx,.csv"
          value={file}
          onChange={check}
          clearable
          data-testid="hamlet-import-file"
        />
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        {preview && (
          <>
            {preview.converted && <Alert color="blue">{t.importHamlets.converted(preview.converted)}</Alert>}
            <Text size="sm">
              {t.importHamlets.summary(
                preview.rows,
                preview.toAdd.length,
                preview.existing.length,
                preview.rejected.length,
              )}
            </Text>
            {preview.toAdd.length > 0 && (
              <List size="sm">
                {preview.toAdd.map((h) => (
                  <List.Item key={h.row}>
                    {h.name}
                    {h.residentGroups.length > 0 ? ` (${h.residentGroups.join(', ')})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
            {preview.rejected.length > 0 && (
              <Alert color="red" title={t.importHamlets.rejectedTitle}>
                <List size="sm">
                  {preview.rejected.map((r) => (
                    <List.Item key={r.row}>{r.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group>
              <Button onClick={confirm} disabled={preview.toAdd.length === 0} loading={save.isPending}>
                {t.importHamlets.confirm(preview.toAdd.length)}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
