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
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../shared/api';
import type { PrepCandidates, PrepNomination, PrepPerson } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, tp } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Nominations: search a resident, record the source and date, see eligibility, upload the dossier. */
export function CandidatesTab(props: { electionId: string }) {
  const [load, reload] = useLoad(
    () => api.get<PrepCandidates>(`/api/elections/${props.electionId}/candidates`),
    [props.electionId],
  );
  // Kept here: the form below is remounted when the list reloads.
  const [done, setDone] = useState<string | null>(null);
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const c = load.data;
  return (
    <Stack>
      {c.dossier && <Alert color="blue">{tp.dossier(formatDate(c.dossier.due), c.dossier.citation)}</Alert>}
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
            <NominationRow
              key={n.id}
              n={n}
              canManage={c.canManage}
              dossier={c.dossier !== null}
              onChange={reload}
            />
          ))}
        </Table.Tbody>
      </Table>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {c.canManage && (
        <Nominate
          electionId={props.electionId}
          onAdded={(name) => {
            setDone(tp.nominated(name));
            reload();
          }}
        />
      )}
    </Stack>
  );
}

function NominationRow(props: {
  n: PrepNomination;
  canManage: boolean;
  dossier: boolean;
  onChange: () => void;
}) {
  const { n } = props;
  const [kind, setKind] = useState<string | null>('letter');
  const [error, setError] = useState<string | null>(null);
  const upload = (file: File | null) => {
    if (!file || !kind) return;
    const q = new URLSearchParams({ kind, name: file.name, type: file.type || 'application/octet-stream' });
    api
      .upload(`/api/nominations/${n.id}/files?${q.toString()}`, file)
      .then(props.onChange, (e: unknown) => setError(errText(e)));
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
        {formatDate(n.person.birthDate)} ({n.person.ageOnElectionDay})
      </Table.Td>
      <Table.Td>
        {n.sourceLabel}
        <Text size="xs" c="dimmed">
          {formatDate(n.nominatedOn)}
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
                {tp.fileKinds[f.kind]}: <a href={`/api/candidate-files/${f.id}`}>{f.file_name}</a>
              </Text>
            ))}
            {n.dossierMissing.length > 0 && (
              <Text size="xs" c="red.9" fw={700}>
                {tp.dossierMissing}: {n.dossierMissing.map((k) => tp.fileKinds[k]).join(', ')}
              </Text>
            )}
            {props.canManage && (
              <Group gap={4}>
                <Select
                  size="xs"
                  w={150}
                  value={kind}
                  onChange={setKind}
                  data={Object.entries(tp.fileKinds).map(([value, label]) => ({ value, label }))}
                  aria-label={tp.fileKinds.letter}
                />
                <FileInput
                  size="xs"
                  w={120}
                  placeholder={tp.upload}
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

function Nominate(props: { electionId: string; onAdded: (name: string) => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PrepPerson[]>([]);
  const [person, setPerson] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>('frontCommittee');
  const [on, setOn] = useState('');
  const [education, setEducation] = useState('');
  const [occupation, setOccupation] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const search = (q: string) => {
    setQuery(q);
    if (q.trim().length < 2) return;
    api
      .get<PrepPerson[]>(`/api/elections/${props.electionId}/residents?q=${encodeURIComponent(q)}`)
      .then(setFound, () => setFound([]));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api
      .post<PrepNomination>(`/api/elections/${props.electionId}/nominations`, {
        residentId: person,
        source,
        nominatedOn: on,
        education,
        occupation,
      })
      .then(
        (n) => props.onAdded(n.person.fullName),
        (e: unknown) => setMessage({ ok: false, text: errText(e) }),
      );
  };
  return (
    <Card withBorder maw={880}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{tp.nominate}</Title>
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          <Group grow align="end">
            <TextInput label={tp.search} value={query} onChange={(e) => search(e.currentTarget.value)} />
            <Select
              label={tp.name}
              value={person}
              onChange={setPerson}
              data={found.map((p) => ({
                value: p.id,
                label: `${p.fullName} (${formatDate(p.birthDate)}, ${p.ageOnElectionDay} tuổi) — ${p.address}`,
              }))}
            />
          </Group>
          <Group grow>
            <Select
              label={tp.source}
              value={source}
              onChange={setSource}
              data={Object.entries(tp.sources).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
            />
            <TextInput
              label={tp.nominatedOn}
              type="date"
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <TextInput
              label={tp.education}
              value={education}
              onChange={(e) => setEducation(e.currentTarget.value)}
            />
            <TextInput
              label={tp.occupation}
              value={occupation}
              onChange={(e) => setOccupation(e.currentTarget.value)}
            />
          </Group>
          <Button type="submit" w="fit-content">
            {tp.nominate}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
