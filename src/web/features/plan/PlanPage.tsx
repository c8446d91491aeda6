import {
  Alert,
  Anchor,
  Badge,
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
import * as territory from '../../../contract/territory';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import * as contract from '../../../contract/plan';
import type { ProfileSummary } from '../../../contract/rules';
import { listProfiles } from '../../../contract/rules';
import { z } from '../../../contract/zod';
import type { CommuneView } from '../../../contract/territory';
import { errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { planText as tp } from './strings';
import { ProfileName } from '../../shared/ProfileName';
import { getProfile } from '../../../domain/rules/registry';
import type { Position } from '../../../domain/rules/schema';
import { groupTermLabel, isGroupPosition } from '../../../domain/election/resident-group';
import { t } from '../../shared/strings';
import { DateInput } from '../../shared/DateInput';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

/** The commune's election plans, and the form to plan a new round. */
export function PlanPage() {
  const { id = '' } = useParams();
  const commune = useApiQuery(territory.getCommune, { params: { id } });
  const rounds = useApiQuery(contract.listRounds, { params: { id } });
  const profiles = useApiQuery(listProfiles, {});
  const place = useCommuneCrumbs(id);
  if (!commune.data) return <QueryStatus query={commune} />;
  if (!rounds.data) return <QueryStatus query={rounds} />;
  if (!profiles.data) return <QueryStatus query={profiles} />;
  const view = commune.data;
  // An election made outside any plan (the demo ward's, an import) is still the commune's: listed
  // here, so the page does not say there is nothing while a hamlet has an election.
  const outside = view.hamlets.flatMap((h) =>
    h.elections.filter((e) => e.roundId === null).map((e) => ({ ...e, hamletName: h.name })),
  );
  return (
    <Stack>
      <PageHeading crumbs={place} here={tp.planTitle} title={`${tp.planTitle} — ${view.commune.name}`} />
      <Title order={2} size="h4">
        {tp.rounds}
      </Title>
      {rounds.data.length === 0 && (
        <Text c="dimmed">{outside.length > 0 ? tp.noRoundsButElections : tp.noRounds}</Text>
      )}
      {rounds.data.length > 0 && (
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
            {rounds.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.termLabel}</Table.Td>
                <Table.Td>
                  <ProfileName id={r.profileId} />
                </Table.Td>
                <Table.Td>{vnDate(r.planDate)}</Table.Td>
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
      {outside.length > 0 && (
        <>
          <Title order={2} size="h4">
            {tp.outside}
          </Title>
          <Table.ScrollContainer minWidth={480} maw={720}>
            <Table withTableBorder data-testid="outside-plan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tp.hamlet}</Table.Th>
                  <Table.Th>{tp.term}</Table.Th>
                  <Table.Th>{tp.electionDate}</Table.Th>
                  <Table.Th>{tp.state}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outside.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/bau-cu/${e.id}`}>
                        {e.hamletName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{e.termLabel}</Table.Td>
                    <Table.Td>{vnDate(e.electionDate) || '—'}</Table.Td>
                    <Table.Td>{t.states[e.state] ?? e.state}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {view.canManage && <NewRound commune={view} profiles={profiles.data} />}
    </Stack>
  );
}

/** The round as typed: the contract's fields, and one row per hamlet of the commune. */
const row = z.object({
  on: z.boolean(),
  date: z.string(),
  time: z.string(),
  venue: z.string(),
  sessions: z.string(),
});
type Row = z.infer<typeof row>;
const roundForm = contract.roundInput
  .pick({ profileId: true, form: true, electorate: true, planDate: true })
  .extend({
    termLabel: z.string().trim().min(1).max(40),
    chairName: z.string().trim().min(1).max(200),
    frontChairName: z.string().trim().min(1).max(200),
    rows: z.record(z.string(), row),
  });
type RoundForm = z.infer<typeof roundForm>;

const emptyRow: Row = { on: false, date: '', time: '07:30', venue: '', sessions: '' };

/**
 * "07:30-11:30, 13:30-17:00" as typed into the sessions the commune fixes (Tây Ninh Điều 16 k3f);
 * what does not read as sessions is sent as typed for the server to refuse in words.
 */
function parseSessions(typed: string): { start: string; end: string }[] | null {
  const parts = typed
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return null;
  return parts.map((p) => {
    const [start = '', end = ''] = p.split(/\s*[-–]\s*/);
    const hhmm = (t: string) => (/^\d:\d\d$/.test(t) ? `0${t}` : t);
    return { start: hhmm(start.trim()), end: hhmm(end.trim()) };
  });
}

function NewRound(props: { commune: CommuneView; profiles: readonly ProfileSummary[] }) {
  const navigate = useNavigate();
  const form = useForm<RoundForm>({
    initialValues: {
      termLabel: '',
      profileId: 'nd59-2023',
      form: 'meeting',
      electorate: 'householdRepresentatives',
      chairName: '',
      frontChairName: '',
      planDate: '',
      rows: {},
    },
    validate: zod4Resolver(roundForm),
  });
  const [error, setError] = useState<string | null>(null);
  // The positions of the plan (null: every one the profile elects) and, per hamlet, the residents'
  // groups left out of the groups' elections (seed 001 mục II.1.6: each group elects its officers).
  const [chosen, setChosen] = useState<Position[] | null>(null);
  const [groupsOff, setGroupsOff] = useState<Record<string, string[]>>({});
  const profile = getProfile(form.values.profileId);
  const offered = profile.ok ? profile.value.positions.value : [];
  const positions = chosen ?? offered;
  const groupRule = profile.ok ? profile.value.residentGroup : null;
  const groupsElect = profile.ok && positions.some((p) => isGroupPosition(profile.value, p));
  const create = useApiMutation(contract.createRound, { invalidates: [contract.listRounds] });
  const rowOf = (id: string): Row => form.values.rows[id] ?? emptyRow;
  const set = (id: string, patch: Partial<Row>) =>
    form.setFieldValue('rows', { ...form.values.rows, [id]: { ...rowOf(id), ...patch } });
  const submit = ({ rows, ...v }: RoundForm) => {
    const hamlets = props.commune.hamlets
      .filter((h) => rows[h.id]?.on)
      .map((h) => ({
        hamletId: h.id,
        electionDate: rowOf(h.id).date,
        startTime: rowOf(h.id).time || null,
        venue: rowOf(h.id).venue || null,
        pollingSessions: parseSessions(rowOf(h.id).sessions),
        ...(groupsElect
          ? { groupIds: h.groups.map((g) => g.id).filter((g) => !(groupsOff[h.id] ?? []).includes(g)) }
          : {}),
      }));
    const body = { ...v, hamlets, ...(chosen ? { positions: chosen } : {}) };
    create.mutateAsync({ params: { id: props.commune.commune.id }, body }).then(
      (r) => void navigate(`/ke-hoach/${r.id}`),
      (e: unknown) => setError(errorText(e)),
    );
  };
  return (
    <Card withBorder maw={960}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {tp.newRound}
          </Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group grow>
            <TextInput label={tp.term} {...form.getInputProps('termLabel')} required />
            <Select
              label={tp.profile}
              data={props.profiles.map((p) => ({ value: p.id, label: `${p.id}: ${p.title}` }))}
              {...form.getInputProps('profileId')}
              onChange={(v) => {
                if (!v) return;
                form.setFieldValue('profileId', v);
                setChosen(null);
              }}
              allowDeselect={false}
            />
          </Group>
          {offered.length > 1 && (
            <Checkbox.Group
              label={tp.positionsPick}
              value={positions}
              onChange={(v) => setChosen(offered.filter((p) => v.includes(p)))}
            >
              <Group gap="md" mt={4}>
                {offered.map((p) => (
                  <Checkbox key={p} value={p} label={t.positions[p] ?? p} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          <Group grow>
            <Select
              label={tp.form}
              data={Object.entries(tp.forms).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('form')}
              onChange={(v) => {
                const parsed = contract.roundInput.shape.form.safeParse(v);
                if (parsed.success) form.setFieldValue('form', parsed.data);
              }}
              allowDeselect={false}
            />
            <Select
              label={tp.electorate}
              data={Object.entries(tp.electorates).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('electorate')}
              onChange={(v) => {
                const parsed = contract.roundInput.shape.electorate.safeParse(v);
                if (parsed.success) form.setFieldValue('electorate', parsed.data);
              }}
              allowDeselect={false}
            />
            <DateInput label={tp.planDate} {...form.getInputProps('planDate')} required />
          </Group>
          <Group grow>
            <TextInput label={tp.chairName} {...form.getInputProps('chairName')} required />
            <TextInput label={tp.frontChairName} {...form.getInputProps('frontChairName')} required />
          </Group>
          <Text fw={600}>{tp.hamletsPick}</Text>
          <Table>
            <Table.Tbody>
              {props.commune.hamlets.map((h) => [
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <Checkbox
                      label={h.name}
                      checked={rowOf(h.id).on}
                      onChange={(e) => set(h.id, { on: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <DateInput
                      aria-label={`${tp.electionDate} ${h.name}`}
                      value={rowOf(h.id).date}
                      onChange={(v) => set(h.id, { date: v })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${tp.startTime} ${h.name}`}
                      value={rowOf(h.id).time}
                      onChange={(e) => set(h.id, { time: e.currentTarget.value })}
                      w={90}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${tp.venue} ${h.name}`}
                      placeholder={tp.venue}
                      value={rowOf(h.id).venue}
                      onChange={(e) => set(h.id, { venue: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${tp.sessions} ${h.name}`}
                      placeholder={tp.sessionsHint}
                      value={rowOf(h.id).sessions}
                      onChange={(e) => set(h.id, { sessions: e.currentTarget.value })}
                      miw={150}
                    />
                  </Table.Td>
                </Table.Tr>,
                groupsElect && rowOf(h.id).on && groupRule?.value && (
                  <Table.Tr key={`${h.id}-groups`} data-testid="plan-groups">
                    <Table.Td colSpan={5}>
                      {h.groups.length === 0 ? (
                        <Text size="sm" c="orange.9">
                          {tp.noGroups}
                        </Text>
                      ) : (
                        <Group gap="md">
                          <Text size="sm">
                            {tp.groupsPick(
                              profile.ok && rowOf(h.id).date
                                ? (groupTermLabel(profile.value, rowOf(h.id).date) ?? '')
                                : `${groupRule.value.termMonths} tháng`,
                            )}{' '}
                            {groupRule.confidence === 'unverified' && (
                              <Badge color="orange" variant="light" title={groupRule.note}>
                                {tp.unverified}
                              </Badge>
                            )}
                          </Text>
                          {h.groups.map((g) => (
                            <Checkbox
                              key={g.id}
                              label={g.name}
                              aria-label={`${g.name}, ${h.name}`}
                              checked={!(groupsOff[h.id] ?? []).includes(g.id)}
                              onChange={(e) => {
                                const off = (groupsOff[h.id] ?? []).filter((x) => x !== g.id);
                                const checked = e.currentTarget.checked;
                                setGroupsOff({ ...groupsOff, [h.id]: checked ? off : [...off, g.id] });
                              }}
                            />
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ),
              ])}
            </Table.Tbody>
          </Table>
          <Button type="submit" w="fit-content" loading={create.isPending}>
            {tp.create}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
