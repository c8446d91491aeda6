import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
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
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { CommuneView, PrepRound, PrepRoundSummary, ProfileSummary } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, tp } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

/** The commune's election plans, and the form to plan a new round. */
export function PlanPage() {
  const { id = '' } = useParams();
  const [load, reload] = useLoad(
    () =>
      Promise.all([
        api.get<CommuneView>(`/api/communes/${id}`),
        api.get<PrepRoundSummary[]>(`/api/communes/${id}/rounds`),
        api.get<ProfileSummary[]>('/api/rules/profiles'),
      ]),
    [id],
  );
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const [commune, rounds, profiles] = load.data;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/xa/${id}`}>
          {commune.commune.name}
        </Anchor>
        <Text>{tp.planTitle}</Text>
      </Breadcrumbs>
      <Title order={2}>
        {tp.planTitle} — {commune.commune.name}
      </Title>
      <Title order={3} size="h4">
        {tp.rounds}
      </Title>
      {rounds.length === 0 && <Text c="dimmed">{tp.noRounds}</Text>}
      {rounds.length > 0 && (
        <Table withTableBorder maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tp.term}</Table.Th>
              <Table.Th>{tp.profile}</Table.Th>
              <Table.Th>{tp.planDate}</Table.Th>
              <Table.Th>{tp.elections}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.termLabel}</Table.Td>
                <Table.Td>{r.profileId}</Table.Td>
                <Table.Td>{formatDate(r.planDate)}</Table.Td>
                <Table.Td>{r.elections}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/ke-hoach/${r.id}`}>
                    {tp.open}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {commune.canManage && <NewRound commune={commune} profiles={profiles} />}
    </Stack>
  );
}

interface Row {
  on: boolean;
  date: string;
  time: string;
  venue: string;
}

function NewRound(props: { commune: CommuneView; profiles: ProfileSummary[] }) {
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const [profileId, setProfileId] = useState<string | null>('nd59-2023');
  const [form, setForm] = useState<string | null>('meeting');
  const [electorate, setElectorate] = useState<string | null>('householdRepresentatives');
  const [chair, setChair] = useState('');
  const [frontChair, setFrontChair] = useState('');
  const [planDate, setPlanDate] = useState('');
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [error, setError] = useState<string | null>(null);
  const row = (id: string): Row => rows[id] ?? { on: false, date: '', time: '07:30', venue: '' };
  const set = (id: string, patch: Partial<Row>) => setRows({ ...rows, [id]: { ...row(id), ...patch } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hamlets = props.commune.hamlets
      .filter((h) => row(h.id).on)
      .map((h) => ({
        hamletId: h.id,
        electionDate: row(h.id).date,
        startTime: row(h.id).time || null,
        venue: row(h.id).venue || null,
      }));
    api
      .post<PrepRound>(`/api/communes/${props.commune.commune.id}/rounds`, {
        termLabel: term,
        profileId,
        form,
        electorate,
        chairName: chair,
        frontChairName: frontChair,
        planDate,
        hamlets,
      })
      .then(
        (r) => void navigate(`/ke-hoach/${r.id}`),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
  };
  return (
    <Card withBorder maw={960}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{tp.newRound}</Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group grow>
            <TextInput
              label={tp.term}
              value={term}
              onChange={(e) => setTerm(e.currentTarget.value)}
              required
            />
            <Select
              label={tp.profile}
              data={props.profiles.map((p) => ({ value: p.id, label: `${p.id}: ${p.title}` }))}
              value={profileId}
              onChange={setProfileId}
              allowDeselect={false}
            />
          </Group>
          <Group grow>
            <Select
              label={tp.form}
              data={Object.entries(tp.forms).map(([value, label]) => ({ value, label }))}
              value={form}
              onChange={setForm}
              allowDeselect={false}
            />
            <Select
              label={tp.electorate}
              data={Object.entries(tp.electorates).map(([value, label]) => ({ value, label }))}
              value={electorate}
              onChange={setElectorate}
              allowDeselect={false}
            />
            <TextInput
              label={tp.planDate}
              type="date"
              value={planDate}
              onChange={(e) => setPlanDate(e.currentTarget.value)}
              required
            />
          </Group>
          <Group grow>
            <TextInput
              label={tp.chairName}
              value={chair}
              onChange={(e) => setChair(e.currentTarget.value)}
              required
            />
            <TextInput
              label={tp.frontChairName}
              value={frontChair}
              onChange={(e) => setFrontChair(e.currentTarget.value)}
              required
            />
          </Group>
          <Text fw={600}>{tp.hamletsPick}</Text>
          <Table>
            <Table.Tbody>
              {props.commune.hamlets.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <Checkbox
                      label={h.name}
                      checked={row(h.id).on}
                      onChange={(e) => set(h.id, { on: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${tp.electionDate} ${h.name}`}
                      type="date"
                      value={row(h.id).date}
                      onChange={(e) => set(h.id, { date: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${tp.startTime} ${h.name}`}
                      value={row(h.id).time}
                      onChange={(e) => set(h.id, { time: e.currentTarget.value })}
                      w={90}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${tp.venue} ${h.name}`}
                      placeholder={tp.venue}
                      value={row(h.id).venue}
                      onChange={(e) => set(h.id, { venue: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button type="submit" w="fit-content">
            {tp.create}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
