import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import * as territory from '../../../contract/territory';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import * as contract from '../../../contract/documents';
import type { DocumentFormat, DocumentInfo, FormEntry } from '../../../contract/documents';
import { call, errorText, urlOf } from '../../shared/client';
import { vnDateTime } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { t } from '../../shared/strings';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

/** The commune's documents: issued ones to download again, and every form with its wording. */
export function DocumentsPage() {
  const { id = '' } = useParams();
  const place = useCommuneCrumbs(id);
  const commune = useApiQuery(territory.getCommune, { params: { id } });
  const issued = useApiQuery(contract.listDocuments, { params: { id }, query: {} });
  const catalogue = useApiQuery(contract.listForms, { params: { id } });
  const canManage = commune.data?.canManage ?? false;
  return (
    <Stack>
      <PageHeading crumbs={place} here={t.documents.title} title={t.documents.title} />
      <Group>
        <Anchor href={urlOf(contract.communePack, { params: { id } })} data-testid="commune-pack">
          {t.documents.communePack}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t.documents.packHelp}
        </Text>
      </Group>
      <Title order={2} size="h4">
        {t.documents.issued}
      </Title>
      {issued.data ? <IssuedTable documents={issued.data} /> : <QueryStatus query={issued} />}
      <Title order={2} size="h4">
        {t.documents.forms}
      </Title>
      <Text size="sm" c="dimmed">
        {t.documents.formsHelp}
      </Text>
      {catalogue.data ? (
        <FormsTable communeId={id} forms={catalogue.data} canManage={canManage} />
      ) : (
        <QueryStatus query={catalogue} />
      )}
    </Stack>
  );
}

const documentUrl = (id: string, format: DocumentFormat) =>
  urlOf(contract.downloadDocument, { params: { id, format } });

function IssuedTable(props: { documents: readonly DocumentInfo[] }) {
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
            <Table.Td>{vnDateTime(d.issued_at)}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Anchor href={documentUrl(d.id, 'pdf')}>PDF</Anchor>
                <Anchor href={documentUrl(d.id, 'docx')}>DOCX</Anchor>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FormsTable(props: { communeId: string; forms: readonly FormEntry[]; canManage: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [contract.listForms.path] });
  // The template goes as raw bytes with its name in X-File-Name, which useApiMutation does not send.
  const send = useMutation({
    mutationFn: async ({ formId, file }: { formId: string; file: File }) =>
      call(
        contract.uploadTemplate,
        { params: { id: props.communeId, formId }, body: await file.arrayBuffer() },
        { 'x-file-name': encodeURIComponent(file.name) },
      ),
    onSuccess: refresh,
  });
  const drop = useApiMutation(contract.removeTemplate, { invalidates: [contract.listForms] });
  const upload = (formId: string, file: File | null) => {
    if (!file) return;
    send.mutateAsync({ formId, file }).then(
      () => setMessage({ ok: true, text: t.documents.templateSaved(file.name) }),
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  };
  const remove = (formId: string) =>
    drop.mutateAsync({ params: { id: props.communeId, formId } }).then(
      () => setMessage({ ok: true, text: t.documents.templateRemoved }),
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  const sampleUrl = (formId: string, format: DocumentFormat) =>
    urlOf(contract.sampleFile, { params: { id: props.communeId, formId, format } });
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
                  <Anchor href={sampleUrl(f.id, 'pdf')}>PDF</Anchor>
                  <Anchor href={sampleUrl(f.id, 'docx')}>DOCX</Anchor>
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
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void remove(f.id)}>
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
