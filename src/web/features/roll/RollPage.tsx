import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import type { IssuedDocumentInfo, ResidentItem, RollEntryView, RollView } from '../../shared/api';
import { Status } from '../../shared/Status';
import { formatDate, numberFormat, t, tr } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

type Message = { ok: boolean; text: string } | null;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Feedback(props: { message: Message; testId: string }) {
  if (!props.message) return null;
  return (
    <Alert color={props.message.ok ? 'green' : 'red'} data-testid={props.testId}>
      {props.message.text}
    </Alert>
  );
}

/** The voter roll of one election: build, post, amend, print; the excluded people for officers only. */
export function RollPage() {
  const { id = '' } = useParams();
  const [load, reload] = useLoad(() => api.get<RollView>(`/api/elections/${id}/roll`), [id]);
  // Keep showing the roll while it reloads after a change, so the forms keep their messages.
  const [last, setLast] = useState<RollView | null>(null);
  useEffect(() => {
    if (load.state === 'ready') setLast(load.data);
  }, [load]);
  const v = load.state === 'ready' ? load.data : last?.electionId === id ? last : null;
  if (!v) return <Status load={load} onRetry={reload} />;
  const posted = v.roll?.state === 'posted';
  return (
    <Stack maw={1200}>
      <Anchor component={Link} to={`/thon/${v.hamletId}`} size="sm">
        ← {v.hamletName}
      </Anchor>
      <Title order={2}>{tr.title(v.hamletName)}</Title>
      <Group gap="xl">
        <Text>
          {tr.electionDay}: <b>{formatDate(v.electionDate)}</b>
        </Text>
        <Text>
          {tr.profile}: <b>{v.profileId}</b>
        </Text>
        <Text>
          {t.election.state}: <b>{t.states[v.electionState] ?? v.electionState}</b>
        </Text>
        {v.roll && (
          <Badge color={posted ? 'green' : 'gray'} tt="none" data-testid="roll-state">
            {posted ? tr.posted : tr.draft}
          </Badge>
        )}
      </Group>
      {v.roll ? <Summary v={v} /> : <Text c="dimmed">{tr.none}</Text>}
      {v.canManage && !posted && <BuildForm v={v} onDone={reload} />}
      {v.canManage && v.roll && !posted && <PostForm electionId={v.electionId} onDone={reload} />}
      {v.roll && <Downloads v={v} />}
      {v.canManage && posted && <AmendForm v={v} onDone={reload} />}
      {v.roll && <RollTabs v={v} />}
    </Stack>
  );
}

function Summary({ v }: { v: RollView }) {
  const roll = v.roll!;
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Text>
          {tr.electorate}: <b data-testid="roll-electorate">{roll.electorateLabel}</b>
          {roll.decision && (
            <Text span c="dimmed" size="sm">
              {' '}
              — {tr.decision}: {roll.decision.reference ? `${roll.decision.reference}; ` : ''}
              {roll.decision.citation}
            </Text>
          )}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} maw={800}>
          <Card withBorder padding="xs">
            <Text size="sm" c="dimmed">
              {tr.registered}
            </Text>
            <Text size="xl" fw={700} data-testid="roll-registered">
              {numberFormat.format(v.counts.registered)}
            </Text>
          </Card>
          {v.counts.byGroup.map((g) => (
            <Card withBorder padding="xs" key={g.group ?? '-'}>
              <Text size="sm" c="dimmed">
                {g.group ?? tr.noGroup}
              </Text>
              <Text fw={600}>{numberFormat.format(g.registered)}</Text>
            </Card>
          ))}
        </SimpleGrid>
        {v.snapshots.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="roll-snapshots">
            {v.snapshots
              .map((s) => tr.snapshot(s.number, s.kind, formatDate(s.postedOn), s.registered))
              .join(' · ')}
          </Text>
        )}
        {v.roll?.state === 'posted' && (
          <Text size="sm" c={v.cutoff.passed ? 'red' : undefined} data-testid="roll-cutoff">
            {tr.cutoff(formatDate(v.cutoff.lastDay), v.cutoff.title, v.cutoff.citation)}{' '}
            {v.cutoff.passed ? tr.cutoffPassed : ''}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function BuildForm({ v, onDone }: { v: RollView; onDone: () => void }) {
  const [electorate, setElectorate] = useState<string | null>(v.roll?.electorate ?? null);
  const [reference, setReference] = useState(v.roll?.decision?.reference ?? '');
  const [message, setMessage] = useState<Message>(null);
  const fixed = v.electorateRule.fixed;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = fixed ? {} : { ...(electorate ? { electorate } : {}), decisionReference: reference };
    api.post(`/api/elections/${v.electionId}/roll/build`, body).then(
      () => {
        setMessage({ ok: true, text: tr.built });
        onDone();
      },
      (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={4}>{v.roll ? tr.rebuild : tr.build}</Title>
        {fixed ? (
          <Text>
            {tr.electorate}: <b>{tr.fixedBy(tr.electorates[fixed] ?? fixed, v.electorateRule.citation)}</b>
          </Text>
        ) : (
          <Group align="end">
            <Select
              label={tr.electorate}
              description={tr.decidedBy(v.electorateRule.citation)}
              data={[
                { value: 'allVoters', label: tr.electorates['allVoters']! },
                { value: 'householdRepresentatives', label: tr.electorates['householdRepresentatives']! },
              ]}
              value={electorate}
              onChange={setElectorate}
              w={320}
            />
            <TextInput
              label={tr.decisionReference}
              placeholder={tr.decisionHint}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              w={360}
            />
          </Group>
        )}
        <Group>
          <Button type="submit">{v.roll ? tr.rebuild : tr.build}</Button>
        </Group>
        <Feedback message={message} testId="build-message" />
      </Stack>
    </Card>
  );
}

function PostForm({ electionId, onDone }: { electionId: string; onDone: () => void }) {
  const [postedOn, setPostedOn] = useState('');
  const [authorisedBy, setAuthorisedBy] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const override = authorisedBy.trim() ? { authorisedBy, reason } : null;
    api.post(`/api/elections/${electionId}/roll/post`, { ...(postedOn ? { postedOn } : {}), override }).then(
      () => {
        setMessage({ ok: true, text: tr.postedDone });
        onDone();
      },
      (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={4}>{tr.post}</Title>
        <Group align="end">
          <TextInput
            type="date"
            label={tr.postedOn}
            value={postedOn}
            onChange={(e) => setPostedOn(e.currentTarget.value)}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {tr.lateHelp}
        </Text>
        <Group align="end">
          <TextInput
            label={tr.authorisedBy}
            value={authorisedBy}
            onChange={(e) => setAuthorisedBy(e.currentTarget.value)}
            w={280}
          />
          <TextInput
            label={tr.overrideReason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={420}
          />
        </Group>
        <Group>
          <Button type="submit" color="green">
            {tr.post}
          </Button>
        </Group>
        <Feedback message={message} testId="post-message" />
      </Stack>
    </Card>
  );
}

function Downloads({ v }: { v: RollView }) {
  const [issued, setIssued] = useState<IssuedDocumentInfo[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const issue = (kind: 'roll' | 'cards') =>
    api.post<IssuedDocumentInfo>(`/api/elections/${v.electionId}/roll/documents/${kind}`, {}).then(
      (doc) => {
        setMessage(null);
        setIssued((list) => [doc, ...list.filter((d) => d.form_id !== doc.form_id)]);
      },
      (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>{tr.downloads}</Title>
        <Group>
          <Button
            component="a"
            href={`/api/elections/${v.electionId}/roll.xlsx`}
            variant="light"
            data-testid="roll-xlsx"
          >
            {tr.xlsx}
          </Button>
          {v.canManage && (
            <Button variant="light" onClick={() => void issue('roll')}>
              {tr.issueRoll}
            </Button>
          )}
          {v.canManage && v.roll?.state === 'posted' && (
            <Button variant="light" onClick={() => void issue('cards')}>
              {tr.issueCards}
            </Button>
          )}
        </Group>
        {issued.map((d) => (
          <Group key={d.id} gap="sm">
            <Anchor href={`/api/documents/${d.id}/pdf`} data-testid={`download-${d.form_id}`}>
              {tr.downloadPdf(`${d.title} — bản ${d.version}`)}
            </Anchor>
            <Anchor href={`/api/documents/${d.id}/docx`} size="sm">
              {tr.downloadDocx}
            </Anchor>
          </Group>
        ))}
        <Feedback message={message} testId="download-message" />
      </Stack>
    </Card>
  );
}

function useResidentSearch(hamletId: string, q: string): ResidentItem[] {
  const [found, setFound] = useState<ResidentItem[]>([]);
  useEffect(() => {
    if (q.trim().length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const query = new URLSearchParams({ q, status: 'active', limit: '30' });
    api.get<{ items: ResidentItem[] }>(`/api/hamlets/${hamletId}/residents?${query.toString()}`).then(
      (r) => live && setFound(r.items),
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
  }, [hamletId, q]);
  return found;
}

function AmendForm({ v, onDone }: { v: RollView; onDone: () => void }) {
  const [kind, setKind] = useState<string | null>('remove');
  const [residentId, setResidentId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [reason, setReason] = useState('');
  const [approvedBy, setApprovedBy] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [address, setAddress] = useState('');
  const [chairName, setChairName] = useState('');
  const [chairReason, setChairReason] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const found = useResidentSearch(v.hamletId, kind === 'add' ? q : '');
  const listed = v.groups.flatMap((g) => g.entries);
  const people =
    kind === 'add'
      ? found.map((r) => ({
          value: r.id,
          label: `${r.fullName} (${formatDate(r.birthDate)}, ${r.householdCode})`,
        }))
      : listed.map((e) => ({
          value: e.residentId,
          label: `${e.rollNumber}. ${e.fullName} (${formatDate(e.birthDate)})`,
        }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const correction =
      kind === 'correct'
        ? {
            ...(fullName.trim() ? { fullName } : {}),
            ...(birthDate ? { birthDate } : {}),
            ...(address.trim() ? { address } : {}),
          }
        : undefined;
    const override = chairName.trim() ? { chairName, reason: chairReason } : null;
    api
      .post(`/api/elections/${v.electionId}/roll/amendments`, {
        kind,
        residentId: residentId ?? '',
        reason,
        approvedBy,
        ...(correction ? { correction } : {}),
        override,
      })
      .then(
        () => {
          setMessage({ ok: true, text: tr.saved });
          setResidentId(null);
          onDone();
        },
        (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
      );
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={4}>{tr.amend}</Title>
        <Group align="end">
          <Select
            label={tr.kind}
            data={['add', 'remove', 'correct'].map((k) => ({ value: k, label: tr.kinds[k]! }))}
            value={kind}
            onChange={(k) => {
              setKind(k);
              setResidentId(null);
            }}
            w={200}
            allowDeselect={false}
          />
          {kind === 'add' && (
            <TextInput label={tr.search} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} />
          )}
          <Select
            label={tr.person}
            data={people}
            value={residentId}
            onChange={setResidentId}
            searchable
            w={380}
            nothingFoundMessage="—"
          />
        </Group>
        {kind === 'correct' && (
          <Group align="end">
            <TextInput
              label={tr.newName}
              value={fullName}
              onChange={(e) => setFullName(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={tr.newBirthDate}
              value={birthDate}
              onChange={(e) => setBirthDate(e.currentTarget.value)}
            />
            <TextInput
              label={tr.newAddress}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              w={320}
            />
          </Group>
        )}
        <Group align="end">
          <TextInput
            label={tr.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={420}
          />
          <TextInput
            label={tr.approvedBy}
            value={approvedBy}
            onChange={(e) => setApprovedBy(e.currentTarget.value)}
            w={260}
          />
        </Group>
        {v.cutoff.passed && (
          <Group align="end">
            <TextInput
              label={tr.chairName}
              value={chairName}
              onChange={(e) => setChairName(e.currentTarget.value)}
              w={320}
            />
            <TextInput
              label={tr.chairReason}
              value={chairReason}
              onChange={(e) => setChairReason(e.currentTarget.value)}
              w={420}
            />
          </Group>
        )}
        <Group>
          <Button type="submit">{tr.save}</Button>
        </Group>
        <Feedback message={message} testId="amend-message" />
      </Stack>
    </Card>
  );
}

function noteOf(e: RollEntryView, v: RollView): string {
  const a = v.amendments.find((x) => x.seq === e.amendmentSeq);
  if (!a) return '';
  return a.kind === 'add' ? tr.added(a.seq) : tr.corrected(a.seq);
}

function PeopleTable(props: { head: ReactNode; rows: ReactNode; testId: string }) {
  return (
    <Table striped withTableBorder data-testid={props.testId}>
      <Table.Thead>{props.head}</Table.Thead>
      <Table.Tbody>{props.rows}</Table.Tbody>
    </Table>
  );
}

function RollTabs({ v }: { v: RollView }) {
  const person = (e: RollEntryView) => (
    <>
      <Table.Td>{e.fullName}</Table.Td>
      <Table.Td>{formatDate(e.birthDate)}</Table.Td>
      <Table.Td>{tr.sexes[e.sex] ?? e.sex}</Table.Td>
      <Table.Td>{e.address}</Table.Td>
    </>
  );
  const head = (extra: ReactNode) => (
    <Table.Tr>
      <Table.Th>{tr.number}</Table.Th>
      <Table.Th>{tr.name}</Table.Th>
      <Table.Th>{tr.birthDate}</Table.Th>
      <Table.Th>{tr.sex}</Table.Th>
      <Table.Th>{tr.address}</Table.Th>
      {extra}
    </Table.Tr>
  );
  return (
    <Tabs defaultValue="listed" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="listed">
          {tr.listed} ({v.counts.registered})
        </Tabs.Tab>
        <Tabs.Tab value="excluded">
          {tr.excluded} ({v.excluded.length})
        </Tabs.Tab>
        <Tabs.Tab value="amendments">
          {tr.amendments} ({v.amendments.length})
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="listed" pt="xs">
        <PeopleTable
          testId="roll-listed"
          head={head(<Table.Th>{tr.note}</Table.Th>)}
          rows={v.groups.flatMap((g) => [
            <Table.Tr key={`g-${g.name ?? '-'}`}>
              <Table.Td colSpan={6}>
                <b>{g.name ?? tr.noGroup}</b> ({g.entries.length})
              </Table.Td>
            </Table.Tr>,
            ...g.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.rollNumber}</Table.Td>
                {person(e)}
                <Table.Td>{noteOf(e, v)}</Table.Td>
              </Table.Tr>
            )),
          ])}
        />
      </Tabs.Panel>
      <Tabs.Panel value="excluded" pt="xs">
        <PeopleTable
          testId="roll-excluded"
          head={head(
            <>
              <Table.Th>{tr.group}</Table.Th>
              <Table.Th>{tr.reasons}</Table.Th>
            </>,
          )}
          rows={[...v.excluded, ...v.removed].map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.status === 'removed' ? `${e.rollNumber} (${tr.removed})` : '—'}</Table.Td>
              {person(e)}
              <Table.Td>{e.residentGroup ?? '—'}</Table.Td>
              <Table.Td>
                {e.reasons.map((r) => (
                  <Text size="sm" key={r.code}>
                    {r.message}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        />
      </Tabs.Panel>
      <Tabs.Panel value="amendments" pt="xs">
        <PeopleTable
          testId="roll-amendments"
          head={
            <Table.Tr>
              <Table.Th>{tr.seq}</Table.Th>
              <Table.Th>{tr.kind}</Table.Th>
              <Table.Th>{tr.number}</Table.Th>
              <Table.Th>{tr.name}</Table.Th>
              <Table.Th>{tr.reason}</Table.Th>
              <Table.Th>{tr.approved}</Table.Th>
              <Table.Th>{tr.override}</Table.Th>
            </Table.Tr>
          }
          rows={v.amendments.map((a) => (
            <Table.Tr key={a.seq}>
              <Table.Td>{a.seq}</Table.Td>
              <Table.Td>{tr.kinds[a.kind]}</Table.Td>
              <Table.Td>{a.rollNumber ?? '—'}</Table.Td>
              <Table.Td>{a.fullName}</Table.Td>
              <Table.Td>
                {a.changes &&
                  Object.entries(a.changes)
                    .map(([k, c]) => `${k}: ${c.from} → ${c.to}`)
                    .join('; ')}
                {a.changes ? '. ' : ''}
                {a.reason}
              </Table.Td>
              <Table.Td>
                {a.approvedBy} ({formatDate(a.effectiveOn)})
              </Table.Td>
              <Table.Td>
                {a.chairOverride ? `${a.chairOverride.chairName}: ${a.chairOverride.reason}` : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        />
      </Tabs.Panel>
    </Tabs>
  );
}
