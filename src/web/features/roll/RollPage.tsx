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
import * as people from '../../../contract/people';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import * as contract from '../../../contract/roll';
import type { IssuedDocument, RollEntry, RollView } from '../../../contract/roll';
import { civilDate, z } from '../../../contract/zod';
import type { ResidentItem } from '../../../contract/people';
import { errorText, urlOf } from '../../shared/client';
import { vnDate, vnNumber } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { t } from '../../shared/strings';
import { rollText as tr } from './strings';
import { ProfileName } from '../../shared/ProfileName';
import { DateInput } from '../../shared/DateInput';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

type Message = { ok: boolean; text: string } | null;

function Feedback(props: { message: Message; testId: string }) {
  if (!props.message) return null;
  return (
    <Alert color={props.message.ok ? 'green' : 'red'} data-testid={props.testId}>
      {props.message.text}
    </Alert>
  );
}

/** Runs a write and reports its outcome in the form's message. */
async function report(write: () => Promise<unknown>, done: string, setMessage: (m: Message) => void) {
  try {
    await write();
    setMessage({ ok: true, text: done });
    return true;
  } catch (x) {
    setMessage({ ok: false, text: errorText(x) });
    return false;
  }
}

/** The voter roll of one election: build, post, amend, print; the excluded people for officers only. */
export function RollPage() {
  const { id = '' } = useParams();
  // The query keeps its last answer while the roll reloads after a change, so the forms keep their messages.
  const query = useApiQuery(contract.getRoll, { params: { id } });
  const crumbs = useElectionCrumbs(id);
  const v = query.data;
  if (!v) return <QueryStatus query={query} />;
  const posted = v.roll?.state === 'posted';
  return (
    <Stack maw={1200}>
      <PageHeading crumbs={crumbs} here={tr.open} title={tr.title(v.hamletName)} />
      <Group gap="xl">
        <Text>
          {tr.electionDay}: <b>{vnDate(v.electionDate)}</b>
        </Text>
        <Text>
          {tr.profile}: <ProfileName id={v.profileId} />
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
      {v.canManage && !posted && <BuildForm v={v} />}
      {v.canManage && v.roll && !posted && <PostForm electionId={v.electionId} />}
      {v.roll && <Downloads v={v} />}
      {v.canManage && posted && <AmendForm v={v} />}
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
              {vnNumber(v.counts.registered)}
            </Text>
          </Card>
          {v.counts.byGroup.map((g) => (
            <Card withBorder padding="xs" key={g.group ?? '-'}>
              <Text size="sm" c="dimmed">
                {g.group ?? tr.noGroup}
              </Text>
              <Text fw={600}>{vnNumber(g.registered)}</Text>
            </Card>
          ))}
        </SimpleGrid>
        {v.residence.assumed > 0 && (
          <Alert color="yellow" data-testid="roll-residence-assumed">
            {tr.residenceNotice(
              v.residence.assumed,
              v.residence.required,
              v.residence.citation,
              v.residence.confidence,
            )}
          </Alert>
        )}
        {v.snapshots.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="roll-snapshots">
            {v.snapshots
              .map((s) => tr.snapshot(s.number, s.kind, vnDate(s.postedOn), s.registered))
              .join(' · ')}
          </Text>
        )}
        {v.roll?.state === 'posted' && (
          <Text size="sm" c={v.cutoff.passed ? 'red' : undefined} data-testid="roll-cutoff">
            {tr.cutoff(vnDate(v.cutoff.lastDay), v.cutoff.title, v.cutoff.citation)}{' '}
            {v.cutoff.passed ? tr.cutoffPassed : ''}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** What a write on the roll changes. */
const rollChanged = [contract.getRoll, contract.rollCountsOf];

function BuildForm({ v }: { v: RollView }) {
  const form = useForm<contract.BuildInput>({
    initialValues: {
      electorate: v.roll?.electorate,
      decisionReference: v.roll?.decision?.reference ?? '',
    },
    validate: zod4Resolver(contract.buildInput),
  });
  const [message, setMessage] = useState<Message>(null);
  const build = useApiMutation(contract.buildRoll, { invalidates: rollChanged });
  const fixed = v.electorateRule.fixed;
  const submit = form.onSubmit((values) => {
    const body = fixed
      ? {}
      : {
          ...(values.electorate ? { electorate: values.electorate } : {}),
          decisionReference: values.decisionReference,
        };
    void report(() => build.mutateAsync({ params: { id: v.electionId }, body }), tr.built, setMessage);
  });
  const electorates = contract.rollElectorate.options;
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {v.roll ? tr.rebuild : tr.build}
        </Title>
        {fixed ? (
          <Text>
            {tr.electorate}: <b>{tr.fixedBy(tr.electorates[fixed] ?? fixed, v.electorateRule.citation)}</b>
          </Text>
        ) : (
          <Group align="end">
            <Select
              label={tr.electorate}
              description={tr.decidedBy(v.electorateRule.citation)}
              data={electorates.map((e) => ({ value: e, label: tr.electorates[e]! }))}
              value={form.values.electorate ?? null}
              onChange={(e) =>
                form.setFieldValue('electorate', electorates.find((x) => x === e) ?? undefined)
              }
              error={form.errors['electorate']}
              w={320}
            />
            <TextInput
              label={tr.decisionReference}
              placeholder={tr.decisionHint}
              {...form.getInputProps('decisionReference')}
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

/** The posting form: the date may be left empty (today), the chair's permission only when late. */
const postForm = contract.postInput.extend({
  postedOn: civilDate.or(z.literal('')),
  override: z.object({ authorisedBy: z.string().max(120), reason: z.string().max(1000) }),
});
type PostValues = z.infer<typeof postForm>;

function PostForm({ electionId }: { electionId: string }) {
  const form = useForm<PostValues>({
    initialValues: { postedOn: '', override: { authorisedBy: '', reason: '' } },
    validate: zod4Resolver(postForm),
  });
  const [message, setMessage] = useState<Message>(null);
  const post = useApiMutation(contract.postRoll, { invalidates: rollChanged });
  const submit = form.onSubmit(({ postedOn, override }) => {
    const body = {
      ...(postedOn ? { postedOn } : {}),
      override: override.authorisedBy.trim() ? override : null,
    };
    void report(() => post.mutateAsync({ params: { id: electionId }, body }), tr.postedDone, setMessage);
  });
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {tr.post}
        </Title>
        <Group align="end">
          <DateInput label={tr.postedOn} {...form.getInputProps('postedOn')} />
        </Group>
        <Text size="sm" c="dimmed">
          {tr.lateHelp}
        </Text>
        <Group align="end">
          <TextInput label={tr.authorisedBy} {...form.getInputProps('override.authorisedBy')} w={280} />
          <TextInput label={tr.overrideReason} {...form.getInputProps('override.reason')} w={420} />
        </Group>
        <Group>
          <ConfirmButton color="green" question={tr.postQuestion} onConfirm={() => submit()}>
            {tr.post}
          </ConfirmButton>
        </Group>
        <Feedback message={message} testId="post-message" />
      </Stack>
    </Card>
  );
}

function Downloads({ v }: { v: RollView }) {
  const [issued, setIssued] = useState<IssuedDocument[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const issueDocument = useApiMutation(contract.issueRollDocument);
  const issue = (kind: 'roll' | 'cards') =>
    issueDocument.mutateAsync({ params: { id: v.electionId, kind }, body: {} }).then(
      (doc) => {
        setMessage(null);
        setIssued((list) => [doc, ...list.filter((d) => d.form_id !== doc.form_id)]);
      },
      (x: unknown) => setMessage({ ok: false, text: errorText(x) }),
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {tr.downloads}
        </Title>
        <Group>
          <Button
            component="a"
            href={urlOf(contract.rollXlsx, { params: { id: v.electionId } })}
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

/** Residents of the hamlet matching a name (the people feature's search), to add one to the roll. */
function useResidentSearch(hamletId: string, q: string): readonly ResidentItem[] {
  const found = useApiQuery(
    people.searchResidents,
    { params: { id: hamletId }, query: { q, status: 'active', limit: 30 } },
    { enabled: q.trim().length >= 2 },
  );
  return q.trim().length >= 2 ? (found.data?.items ?? []) : [];
}

/** The amendment form: every field typed (empty corrections are left out, the override when unnamed). */
const amendForm = contract.amendInput.extend({
  correction: contract.correction.required({ fullName: true, birthDate: true, address: true }),
  override: contract.chairOverride,
});
type AmendValues = z.infer<typeof amendForm>;

const emptyAmendment: AmendValues = {
  kind: 'remove',
  residentId: '',
  reason: '',
  approvedBy: '',
  correction: { fullName: '', birthDate: '', address: '' },
  override: { chairName: '', reason: '' },
};

function amendmentBody(values: AmendValues): contract.AmendInput {
  const { correction: c, override, ...rest } = values;
  const correction =
    values.kind === 'correct'
      ? {
          ...(c.fullName?.trim() ? { fullName: c.fullName } : {}),
          ...(c.birthDate ? { birthDate: c.birthDate } : {}),
          ...(c.address?.trim() ? { address: c.address } : {}),
        }
      : undefined;
  return {
    ...rest,
    ...(correction ? { correction } : {}),
    override: override.chairName.trim() ? override : null,
  };
}

function AmendForm({ v }: { v: RollView }) {
  const form = useForm<AmendValues>({ initialValues: emptyAmendment, validate: zod4Resolver(amendForm) });
  const [q, setQ] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const amend = useApiMutation(contract.amendRoll, { invalidates: rollChanged });
  const kind = form.values.kind;
  const found = useResidentSearch(v.hamletId, kind === 'add' ? q : '');
  const listed = v.groups.flatMap((g) => g.entries);
  const people =
    kind === 'add'
      ? found.map((r) => ({
          value: r.id,
          label: `${r.fullName} (${vnDate(r.birthDate)}, ${r.householdCode})`,
        }))
      : listed.map((e) => ({
          value: e.residentId,
          label: `${e.rollNumber}. ${e.fullName} (${vnDate(e.birthDate)})`,
        }));
  const kinds = contract.amendInput.shape.kind.options;
  const submit = form.onSubmit(async (values) => {
    const saved = await report(
      () => amend.mutateAsync({ params: { id: v.electionId }, body: amendmentBody(values) }),
      tr.saved,
      setMessage,
    );
    if (saved) form.setFieldValue('residentId', '');
  });
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {tr.amend}
        </Title>
        <Group align="end">
          <Select
            label={tr.kind}
            data={kinds.map((k) => ({ value: k, label: tr.kinds[k]! }))}
            value={kind}
            onChange={(k) => {
              form.setFieldValue('kind', kinds.find((x) => x === k) ?? 'remove');
              form.setFieldValue('residentId', '');
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
            value={form.values.residentId || null}
            onChange={(r) => form.setFieldValue('residentId', r ?? '')}
            error={form.errors['residentId']}
            searchable
            w={380}
            nothingFoundMessage="—"
          />
        </Group>
        {kind === 'correct' && (
          <Group align="end">
            <TextInput label={tr.newName} {...form.getInputProps('correction.fullName')} />
            <DateInput label={tr.newBirthDate} {...form.getInputProps('correction.birthDate')} />
            <TextInput label={tr.newAddress} {...form.getInputProps('correction.address')} w={320} />
          </Group>
        )}
        <Group align="end">
          <TextInput label={tr.reason} {...form.getInputProps('reason')} w={420} />
          <TextInput label={tr.approvedBy} {...form.getInputProps('approvedBy')} w={260} />
        </Group>
        {v.cutoff.passed && (
          <Group align="end">
            <TextInput label={tr.chairName} {...form.getInputProps('override.chairName')} w={320} />
            <TextInput label={tr.chairReason} {...form.getInputProps('override.reason')} w={420} />
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

function noteOf(e: RollEntry, v: RollView): string {
  const a = v.amendments.find((x) => x.seq === e.amendmentSeq);
  const amended = !a ? '' : a.kind === 'add' ? tr.added(a.seq) : tr.corrected(a.seq);
  // Where the profile makes residence a condition, a residence the import assumed needs checking.
  const assumed = e.residenceAssumed && v.residence.required ? tr.residenceAssumed : '';
  return [amended, assumed].filter((x) => x !== '').join('; ');
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
  const person = (e: RollEntry) => (
    <>
      <Table.Td>{e.fullName}</Table.Td>
      <Table.Td>{vnDate(e.birthDate)}</Table.Td>
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
                {e.residenceAssumed && v.residence.required && (
                  <Text size="sm" c="dimmed">
                    {tr.residenceAssumedExcluded}
                  </Text>
                )}
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
                {a.approvedBy} ({vnDate(a.effectiveOn)})
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
