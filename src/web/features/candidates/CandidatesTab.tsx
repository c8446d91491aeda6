import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import * as contract from '../../../contract/candidates';
import type { FileKind, NominationView } from '../../../contract/candidates';
import { MIME } from '../../../contract/endpoint';
import { z } from '../../../contract/zod';
import { errorText as errText, urlOf } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { candidatesText as tp } from './strings';
import { DateInput } from '../../shared/DateInput';

/** Residents of the election's hamlet whose name matches what is typed (two letters at least). */
export function useResidentSearch(electionId: string, q: string) {
  const query = useApiQuery(
    contract.searchResidents,
    { params: { id: electionId }, query: { q } },
    { enabled: q.trim().length >= 2, placeholderData: keepPreviousData },
  );
  return query.data ?? [];
}

/** Nominations: search a resident, record the source and date, see eligibility, upload the dossier. */
export function CandidatesTab(props: { electionId: string }) {
  const query = useApiQuery(contract.getCandidates, { params: { id: props.electionId } });
  const [done, setDone] = useState<string | null>(null);
  if (!query.data) return <QueryStatus query={query} />;
  const c = query.data;
  return (
    <Stack>
      {c.dossier && <Alert color="blue">{tp.dossier(vnDate(c.dossier.due), c.dossier.citation)}</Alert>}
      <Table withTableBorder data-testid="nominations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{tp.name}</Table.Th>
            <Table.Th>{tp.birthDate}</Table.Th>
            <Table.Th>{tp.source}</Table.Th>
            <Table.Th>{tp.eligible}</Table.Th>
            <Table.Th>{tp.official}</Table.Th>
            <Table.Th>{tp.dossierMissing}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.nominations.map((n) => (
            <NominationRow key={n.id} n={n} canManage={c.canManage} dossier={c.dossier !== null} />
          ))}
        </Table.Tbody>
      </Table>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {c.canManage && (
        <Nominate electionId={props.electionId} onAdded={(name) => setDone(tp.nominated(name))} />
      )}
    </Stack>
  );
}

const fileKindLabel = (kind: string) => tp.fileKinds[kind] ?? kind;

function NominationRow(props: { n: NominationView; canManage: boolean; dossier: boolean }) {
  const { n } = props;
  const [kind, setKind] = useState<FileKind>('letter');
  const [error, setError] = useState<string | null>(null);
  const send = useApiMutation(contract.uploadDossierFile, { invalidates: [contract.getCandidates] });
  // The file goes as raw bytes (application/octet-stream); its own type travels in the query.
  const upload = (file: File | null) => {
    if (!file) return;
    void file
      .arrayBuffer()
      .then((bytes) =>
        send.mutateAsync({
          params: { id: n.id },
          query: { kind, name: file.name, type: file.type || MIME.octet },
          body: bytes,
        }),
      )
      .then(
        () => setError(null),
        (e: unknown) => setError(errText(e)),
      );
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {n.person.fullName}
        </Text>
        <Text size="xs" c="dimmed">
          {n.person.address}
        </Text>
      </Table.Td>
      <Table.Td>
        {vnDate(n.person.birthDate)} ({n.person.ageOnElectionDay})
      </Table.Td>
      <Table.Td>
        {n.sourceLabel}
        <Text size="xs" c="dimmed">
          {vnDate(n.nominatedOn)}
        </Text>
      </Table.Td>
      <Table.Td>
        {n.eligible ? (
          <Badge color="green" tt="none">
            {tp.eligible}
          </Badge>
        ) : (
          <Stack gap={2}>
            <Badge color="red" tt="none">
              {tp.ineligible}
            </Badge>
            {n.refusals.map((r) => (
              <Text key={r.code} size="xs" c="red.9">
                {r.message}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>{n.official ? `${tp.ballotOrder}: ${n.ballotOrder ?? ''}` : n.drafted ? '✓' : ''}</Table.Td>
      <Table.Td>
        {props.dossier && (
          <Stack gap={4}>
            {n.files.map((f) => (
              <Text key={f.id} size="xs">
                {fileKindLabel(f.kind)}:{' '}
                <a href={urlOf(contract.downloadDossierFile, { params: { id: f.id } })}>{f.file_name}</a>
              </Text>
            ))}
            {n.dossierMissing.length > 0 && (
              <Text size="xs" c="red.9" fw={700}>
                {tp.dossierMissing}: {n.dossierMissing.map(fileKindLabel).join(', ')}
              </Text>
            )}
            {props.canManage && (
              <Group gap={4}>
                <Select
                  size="xs"
                  w={150}
                  value={kind}
                  onChange={(v) => {
                    const parsed = contract.fileKind.safeParse(v);
                    if (parsed.success) setKind(parsed.data);
                  }}
                  allowDeselect={false}
                  data={Object.entries(tp.fileKinds).map(([value, label]) => ({ value, label }))}
                  aria-label={tp.fileKinds.letter}
                />
                <FileInput
                  size="xs"
                  w={120}
                  placeholder={tp.upload}
                  // The server judges the bytes; this only keeps the picker to what it takes.
                  accept="application/pdf,image/jpeg,image/png,.docx"
                  onChange={upload}
                  aria-label={`${tp.upload} ${n.person.fullName}`}
                />
              </Group>
            )}
            {error && (
              <Text size="xs" c="red">
                {error}
              </Text>
            )}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The nomination as typed: the contract's body, with a resident to choose first. */
const nominationForm = contract.nominationInput.extend({
  residentId: z.string().min(1, 'Hãy chọn người được giới thiệu.'),
  education: z.string().max(200),
  occupation: z.string().max(200),
});
type NominationForm = z.infer<typeof nominationForm>;

function Nominate(props: { electionId: string; onAdded: (name: string) => void }) {
  const [query, setQuery] = useState('');
  const found = useResidentSearch(props.electionId, query);
  const form = useForm<NominationForm>({
    initialValues: {
      residentId: '',
      source: 'frontCommittee',
      nominatedOn: '',
      education: '',
      occupation: '',
    },
    validate: zod4Resolver(nominationForm),
  });
  const [message, setMessage] = useState<string | null>(null);
  const nominate = useApiMutation(contract.nominate, { invalidates: [contract.getCandidates] });
  const submit = (v: NominationForm) =>
    nominate.mutateAsync({ params: { id: props.electionId }, body: v }).then(
      (n) => {
        setMessage(null);
        props.onAdded(n.person.fullName);
      },
      (e: unknown) => setMessage(errText(e)),
    );
  return (
    <Card withBorder maw={880}>
      <form onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {tp.nominate}
          </Title>
          {message && <Alert color="red">{message}</Alert>}
          <Group grow align="end">
            <TextInput label={tp.search} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            <Select
              label={tp.name}
              {...form.getInputProps('residentId')}
              onChange={(v) => form.setFieldValue('residentId', v ?? '')}
              data={found.map((p) => ({
                value: p.id,
                label: `${p.fullName} (${vnDate(p.birthDate)}, ${p.ageOnElectionDay} tuổi) — ${p.address}`,
              }))}
            />
          </Group>
          <Group grow>
            <Select
              label={tp.source}
              {...form.getInputProps('source')}
              onChange={(v) => {
                const parsed = contract.nominationSource.safeParse(v);
                if (parsed.success) form.setFieldValue('source', parsed.data);
              }}
              data={Object.entries(tp.sources).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
            />
            <DateInput label={tp.nominatedOn} {...form.getInputProps('nominatedOn')} />
          </Group>
          <Group grow>
            <TextInput label={tp.education} {...form.getInputProps('education')} />
            <TextInput label={tp.occupation} {...form.getInputProps('occupation')} />
          </Group>
          <Button type="submit" w="fit-content" loading={nominate.isPending}>
            {tp.nominate}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
