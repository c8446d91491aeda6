import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  FileButton,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { CommuneView, FormEntry, IssuedDocument } from '../../shared/api';
import { Status } from '../../shared/Status';
import { t } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

/** The commune's documents: issued ones to download again, and every form with its wording. */
export function DocumentsPage() {
  const { id = '' } = useParams();
  const [commune] = useLoad(() => api.get<CommuneView>(`/api/communes/${id}`), [id]);
  const [issued] = useLoad(() => api.get<IssuedDocument[]>(`/api/communes/${id}/documents`), [id]);
  const [catalogue, reload] = useLoad(() => api.get<FormEntry[]>(`/api/communes/${id}/forms`), [id]);
  const canManage = commune.state === 'ready' && commune.data.canManage;
  return (
    <Stack>
      {commune.state === 'ready' && (
        <Breadcrumbs>
          <Text>{commune.data.province.name}</Text>
          <Anchor component={Link} to={`/xa/${id}`}>
            {commune.data.commune.name}
          </Anchor>
          <Text>{t.documents.title}</Text>
        </Breadcrumbs>
      )}
      <Title order={2}>{t.documents.title}</Title>
      <Group>
        <Anchor href={`/api/communes/${id}/polling-pack.pdf`} data-testid="commune-pack">
          {t.documents.communePack}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t.documents.packHelp}
        </Text>
      </Group>
      <Title order={3} size="h4">
        {t.documents.issued}
      </Title>
      {issued.state !== 'ready' ? <Status load={issued} /> : <IssuedTable documents={issued.data} />}
      <Title order={3} size="h4">
        {t.documents.forms}
      </Title>
      <Text size="sm" c="dimmed">
        {t.documents.formsHelp}
      </Text>
      {catalogue.state !== 'ready' ? (
        <Status load={catalogue} onRetry={reload} />
      ) : (
        <FormsTable communeId={id} forms={catalogue.data} canManage={canManage} onChanged={reload} />
      )}
    </Stack>
  );
}

function IssuedTable(props: { documents: IssuedDocument[] }) {
  if (props.documents.length === 0) return <Text c="dimmed">{t.documents.noneIssued}</Text>;
  return (
    <Table withTableBorder striped fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.documents.number}</Table.Th>
          <Table.Th>{t.documents.name}</Table.Th>
          <Table.Th>{t.documents.version}</Table.Th>
          <Table.Th>{t.documents.issuedAt}</Table.Th>
          <Table.Th>{t.documents.download}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.documents.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{d.number ? `${String(d.number).padStart(2, '0')}/${d.symbol ?? ''}` : '—'}</Table.Td>
            <Table.Td>{d.title}</Table.Td>
            <Table.Td>{d.version > 1 ? t.documents.reissue(d.version) : '1'}</Table.Td>
            <Table.Td>{new Date(d.issued_at).toLocaleString('vi-VN')}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Anchor href={`/api/documents/${d.id}/pdf`}>PDF</Anchor>
                <Anchor href={`/api/documents/${d.id}/docx`}>DOCX</Anchor>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FormsTable(props: {
  communeId: string;
  forms: FormEntry[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const base = `/api/communes/${props.communeId}/forms`;
  const upload = (formId: string, file: File | null) => {
    if (!file) return;
    void file.arrayBuffer().then((bytes) =>
      fetch(`${base}/${formId}/template`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'x-file-name': encodeURIComponent(file.name),
        },
        body: bytes,
      })
        .then(async (r) => {
          const body = (await r.json()) as { error?: { message: string } };
          if (!r.ok) throw new Error(body.error?.message ?? String(r.status));
          setMessage({ ok: true, text: t.documents.templateSaved(file.name) });
          props.onChanged();
        })
        .catch((e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) })),
    );
  };
  const remove = (formId: string) => {
    void fetch(`${base}/${formId}/template`, { method: 'DELETE', credentials: 'same-origin' }).then(() => {
      setMessage({ ok: true, text: t.documents.templateRemoved });
      props.onChanged();
    });
  };
  return (
    <Stack gap="xs">
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      <Table withTableBorder striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.documents.name}</Table.Th>
            <Table.Th>{t.documents.sample}</Table.Th>
            <Table.Th>{t.documents.wording}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.forms.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.title}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Anchor href={`${base}/${f.id}/sample/pdf`}>PDF</Anchor>
                  <Anchor href={`${base}/${f.id}/sample/docx`}>DOCX</Anchor>
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {f.template ? (
                    <Badge color="grape" tt="none">
                      {t.documents.ownTemplate(f.template.fileName)}
                    </Badge>
                  ) : (
                    <Text size="sm">{t.documents.builtIn}</Text>
                  )}
                  {props.canManage && (
                    <FileButton accept=".docx" onChange={(file) => upload(f.id, file)}>
                      {(p) => (
                        <Button
                          size="compact-xs"
                          variant="light"
                          {...p}
                          title={t.documents.fieldsHint(f.fields)}
                        >
                          {t.documents.uploadTemplate}
                        </Button>
                      )}
                    </FileButton>
                  )}
                  {props.canManage && f.template && (
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => remove(f.id)}>
                      {t.documents.useBuiltIn}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
