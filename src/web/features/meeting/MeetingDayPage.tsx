import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/meeting';
import { searchResidents } from '../../../contract/candidates';
import type {
  MeetingPosition,
  MeetingStep as Step,
  MeetingView,
  MeetingVote,
} from '../../../contract/meeting';
import { call, errorText as message } from '../../shared/client';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { tmeet } from './strings';
import { ProfileName } from '../../shared/ProfileName';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { PageHeading, useElectionCrumbs } from '../../shared/PageHeading';

type StepRule = NonNullable<MeetingView['rules'][Step]>;

const num = (v: number | string) => (v === '' ? undefined : Number(v));

function RuleLine(props: { rule: StepRule | undefined }) {
  if (!props.rule) return null;
  const r = props.rule;
  return (
    <Text size="sm" c="dimmed" data-testid="step-rule">
      {tmeet.rule(r.description, r.citation, r.confidenceLabel)}
    </Text>
  );
}

function subjectText(v: MeetingVote): string {
  if (v.subject.name) return v.subject.name;
  if (v.subject.method) return tmeet.methods[v.subject.method] ?? v.subject.method;
  if (v.subject.members) return v.subject.members.join(', ');
  if (v.subject.candidates) return v.subject.candidates.join(', ');
  return '';
}

function History(props: { votes: MeetingVote[] }) {
  if (props.votes.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {tmeet.history}
      </Title>
      <Table withTableBorder data-testid="meeting-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{tmeet.step}</Table.Th>
            <Table.Th>{tmeet.proposal}</Table.Th>
            <Table.Th>{tmeet.outcome}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.votes.map((v) => (
            <Table.Tr key={v.seq}>
              <Table.Td>{v.stepLabel}</Table.Td>
              <Table.Td>{subjectText(v)}</Table.Td>
              <Table.Td>
                <Badge color={v.passed ? 'green' : 'red'} tt="none">
                  {v.passed ? tmeet.passed : tmeet.rejected}
                </Badge>{' '}
                <Text span size="sm">
                  {v.summary}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** One agenda step: what is proposed and the show of hands on it. */
function StepForm(props: { v: MeetingView; step: Step; onDone: () => void }) {
  const { v, step } = props;
  const [present, setPresent] = useState<number | string>('');
  const [name, setName] = useState('');
  const [method, setMethod] = useState<string>(v.methods[0] ?? 'hands');
  const [members, setMembers] = useState('');
  const [votesFor, setFor] = useState<number | string>('');
  const [against, setAgainst] = useState<number | string>('');
  const [abstained, setAbstained] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await call(contract.recordMeetingVote, {
        params: { id: v.electionId },
        body: {
          step,
          ...(step === 'opening' ? { present: num(present) } : {}),
          ...(step === 'secretary' ? { name } : {}),
          ...(step === 'votingForm' ? { method } : {}),
          ...(step === 'countingTeam' ? { members: members.split('\n') } : {}),
          ...(step === 'opening'
            ? {}
            : { votesFor: num(votesFor) ?? 0, against: num(against) ?? 0, abstained: num(abstained) ?? 0 }),
        },
      });
      setFor('');
      setAgainst('');
      setAbstained('');
      props.onDone();
    } catch (e) {
      setError(message(e));
    }
  };
  const title = tmeet.steps[step];
  return (
    <Card withBorder data-testid={`step-${step}`}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {tmeet.next}: {title}
        </Title>
        <RuleLine rule={v.rules[step]} />
        {step === 'opening' && (
          <NumberInput label={tmeet.present} value={present} onChange={setPresent} min={0} maw={280} />
        )}
        {step === 'secretary' && (
          <TextInput
            label={tmeet.secretary}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maw={360}
          />
        )}
        {step === 'votingForm' && (
          <Stack gap={4}>
            <Text size="sm">{tmeet.method}</Text>
            <SegmentedControl
              value={method}
              onChange={setMethod}
              data={v.methods.map((m) => ({ value: m, label: tmeet.methods[m] ?? m }))}
              maw={360}
            />
          </Stack>
        )}
        {step === 'candidateList' && (
          <Stack gap={2} data-testid="candidate-list">
            <Text size="sm">{tmeet.list(v.positions.reduce((n, p) => n + p.candidates.length, 0))}</Text>
            {v.positions.flatMap((p) =>
              p.candidates.map((c, n) => (
                <Text key={c.id} size="sm">
                  {n + 1}. {c.name}
                </Text>
              )),
            )}
          </Stack>
        )}
        {step === 'countingTeam' && (
          <>
            {v.countingTeamSize && (
              <Text size="sm">{tmeet.teamSize(v.countingTeamSize.min, v.countingTeamSize.max)}</Text>
            )}
            <Textarea
              label={tmeet.members}
              value={members}
              onChange={(e) => setMembers(e.currentTarget.value)}
              autosize
              minRows={3}
              maw={360}
            />
          </>
        )}
        {step !== 'opening' && (
          <Group align="end">
            <NumberInput label={tmeet.votesFor} value={votesFor} onChange={setFor} min={0} w={200} />
            <NumberInput label={tmeet.against} value={against} onChange={setAgainst} min={0} w={180} />
            <NumberInput label={tmeet.abstained} value={abstained} onChange={setAbstained} min={0} w={180} />
          </Group>
        )}
        {error && (
          <Alert color="red" data-testid="meeting-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void submit()}>
            {step === 'opening' ? tmeet.recordOpening : tmeet.recordVote}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The show of hands per candidate of one position; the result comes from the rules engine. */
function HandsForm(props: { v: MeetingView; p: MeetingPosition; onDone: () => void }) {
  const { v, p } = props;
  const [votes, setVotes] = useState<Record<string, number | string>>({});
  const [error, setError] = useState<string | null>(null);
  if (p.count?.closed) {
    return (
      <Card withBorder data-testid={`hands-${p.position}`}>
        <Title order={2} size="h4">
          {tmeet.handsTitle(p.title)}
        </Title>
        <Alert color="green" mt="xs" data-testid="hands-conclusion">
          {tmeet.handsDone} {p.count.conclusion}
        </Alert>
        <Group mt="xs">
          <Button component={Link} to={`/kiem-phieu/${p.count.id}`} variant="light">
            {tmeet.viewCount}
          </Button>
        </Group>
      </Card>
    );
  }
  const submit = async () => {
    setError(null);
    try {
      // A candidate left blank is left out: the server names who is missing.
      const body = Object.fromEntries(
        p.candidates.flatMap((c) => {
          const n = num(votes[c.id] ?? '');
          return n === undefined ? [] : [[c.id, n]];
        }),
      );
      await call(contract.recordMeetingHands, {
        params: { id: v.electionId },
        body: { position: p.position, votes: body },
      });
      props.onDone();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <Card withBorder data-testid={`hands-${p.position}`}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {tmeet.handsTitle(p.title)}
        </Title>
        <Group align="end">
          {p.candidates.map((c) => (
            <NumberInput
              key={c.id}
              label={tmeet.handsFor(c.name)}
              value={votes[c.id] ?? ''}
              onChange={(x) => setVotes({ ...votes, [c.id]: x })}
              min={0}
              maw={300}
            />
          ))}
        </Group>
        {error && (
          <Alert color="red" data-testid="meeting-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void submit()}>{tmeet.recordHands}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Issues Mẫu 03 (minutes of the meeting) once the position's count is closed; links the PDF. */
function MinutesButton(props: { electionId: string; p: MeetingPosition }) {
  const [doc, setDoc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const issue = async () => {
    setError(null);
    try {
      const r = await call(contract.issueMeetingMinutes, {
        params: { id: props.electionId },
        body: { position: props.p.position },
      });
      setDoc(r.id);
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <Group data-testid={`minutes-${props.p.position}`}>
      <Button variant="light" onClick={() => void issue()}>
        {tmeet.minutes(props.p.title)}
      </Button>
      {doc && (
        <Button component="a" href={`/api/documents/${doc}/pdf`} target="_blank" variant="subtle">
          {tmeet.minutesPdf}
        </Button>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Group>
  );
}

/** The community meeting (hội nghị) on its day: agenda votes, then the show of hands or the ballot. */
/** Runs a write and keeps its refusal, in Vietnamese, for the card to show. */
function useWrite(): [string | null, (work: () => Promise<unknown>, then: () => void) => Promise<void>] {
  const [error, setError] = useState<string | null>(null);
  const write = async (work: () => Promise<unknown>, then: () => void) => {
    setError(null);
    try {
      await work();
      then();
    } catch (e) {
      setError(message(e));
    }
  };
  return [error, write];
}

/** Nominations from the floor (ND59 Điều 3 k5): who, by whom, with consent; open until the voting form. */
function FloorNominations(props: { v: MeetingView; onDone: () => void }) {
  const { v } = props;
  const f = v.floor;
  const [q, setQ] = useState('');
  const [pick, setPick] = useState<{ id: string; name: string } | null>(null);
  const [by, setBy] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, write] = useWrite();
  const found = useApiQuery(
    searchResidents,
    { params: { id: v.electionId }, query: { q } },
    { enabled: f.open && v.canWrite && q.trim().length >= 2 && !pick },
  );
  const submit = async () => {
    if (!pick) return;
    await write(
      () =>
        call(contract.nominateAtMeeting, {
          params: { id: v.electionId },
          body: { residentId: pick.id, nominatedBy: by.trim() || null, consent },
        }),
      () => {
        setPick(null);
        setQ('');
        setBy('');
        setConsent(false);
        props.onDone();
      },
    );
  };
  return (
    <Card withBorder data-testid="floor-nominations">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {tmeet.floor.title}
        </Title>
        <Text size="sm">
          {f.allowed
            ? tmeet.floor.rule(f.citation, f.confidenceLabel, f.until === 'candidateList')
            : tmeet.floor.notAllowed(f.citation, f.confidenceLabel)}
        </Text>
        {f.nominations.map((n) => (
          <Text key={n.id} size="sm">
            {n.name} · {n.nominatedBy ? tmeet.floor.byName(n.nominatedBy) : tmeet.floor.self}
          </Text>
        ))}
        {f.allowed && !f.open && (
          <Text size="sm">
            {v.adopted.candidateList && f.until === 'candidateList'
              ? tmeet.floor.listClosed
              : v.adopted.votingForm
                ? tmeet.floor.closed
                : tmeet.floor.notYet}
          </Text>
        )}
        {f.open && v.canWrite && (
          <>
            {pick ? (
              <Group>
                <Badge size="lg">{pick.name}</Badge>
                <Button variant="subtle" onClick={() => setPick(null)}>
                  ✕
                </Button>
              </Group>
            ) : (
              <TextInput label={tmeet.floor.search} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
            )}
            {!pick &&
              (found.data ?? []).slice(0, 6).map((p) => (
                <Button
                  key={p.id}
                  variant="light"
                  justify="start"
                  onClick={() => setPick({ id: p.id, name: p.fullName })}
                >
                  {p.fullName} · {p.ageOnElectionDay} tuổi · {p.address}
                </Button>
              ))}
            <TextInput label={tmeet.floor.by} value={by} onChange={(e) => setBy(e.currentTarget.value)} />
            <Checkbox
              label={tmeet.floor.consent}
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
              size="md"
            />
            <Button onClick={() => void submit()} disabled={!pick} w="fit-content">
              {tmeet.floor.add}
            </Button>
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** The meeting had no quorum: the same election turns to household opinion ballots (Mẫu 04). */
function HouseholdBallots(props: { electionId: string; onDone: () => void }) {
  const [error, write] = useWrite();
  const confirm = () =>
    write(
      () => call(contract.switchToHouseholdBallots, { params: { id: props.electionId }, body: {} }),
      props.onDone,
    );
  return (
    <Card withBorder data-testid="household-ballots">
      <Stack gap="xs">
        <ConfirmButton variant="light" question={tmeet.householdBallots.question} onConfirm={confirm}>
          {tmeet.householdBallots.button}
        </ConfirmButton>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** After the switch: why, the documents of Mẫu 04 issued, and where the ballots are recorded and counted. */
function HouseholdBallotsDone(props: { v: MeetingView }) {
  const h = props.v.householdBallots;
  if (!h) return null;
  const id = props.v.electionId;
  return (
    <Card withBorder data-testid="household-ballots-done">
      <Stack gap="xs">
        <Alert color="blue">{tmeet.householdBallots.switched(h.reason)}</Alert>
        <Title order={4}>{tmeet.householdBallots.documents}</Title>
        {h.documents.length === 0 && <Text size="sm">{tmeet.householdBallots.noDocuments}</Text>}
        {/* Links, not buttons: a document's title wraps on a phone. */}
        {h.documents.map((d) => (
          <Anchor key={d.id} href={`/api/documents/${d.id}/pdf`} target="_blank" size="sm">
            {d.title} (PDF)
          </Anchor>
        ))}
        <Group>
          <Button component={Link} to={`/bau-cu/${id}/bo-phieu`} variant="light">
            {tmeet.householdBallots.toPolling}
          </Button>
          <Button component={Link} to={`/bau-cu/${id}/kiem-phieu`} variant="light">
            {tmeet.householdBallots.toCount}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function MeetingDayPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(contract.getMeeting, { params: { id } }, { refetchOnMount: 'always' });
  const crumbs = useElectionCrumbs(id);
  const v = query.data;
  if (!v) return <QueryStatus query={query} />;
  const reload = () => void query.refetch();
  const step = v.next;
  return (
    <Stack p="md">
      <PageHeading crumbs={crumbs} here={tmeet.link} title={tmeet.title(v.hamletName)} />
      <Text>
        {tmeet.registered(v.registered)} · {tmeet.profile}: <ProfileName id={v.profileId} />
      </Text>
      {!v.isMeeting && !v.householdBallots && <Alert color="yellow">{tmeet.notMeeting}</Alert>}
      <HouseholdBallotsDone v={v} />
      <History votes={v.votes} />
      {v.isMeeting && <FloorNominations v={v} onDone={reload} />}
      {v.isMeeting && v.canWrite && step === 'opening' && v.votes.some((x) => x.step === 'opening') && (
        <HouseholdBallots electionId={v.electionId} onDone={reload} />
      )}
      {v.isMeeting && v.canWrite && step && step !== 'hands' && step !== 'ballot' && (
        <StepForm key={`${step}-${v.votes.length}`} v={v} step={step} onDone={reload} />
      )}
      {v.isMeeting &&
        step === 'hands' &&
        v.positions.map((p) =>
          v.canWrite || p.count?.closed ? <HandsForm key={p.position} v={v} p={p} onDone={reload} /> : null,
        )}
      {v.isMeeting &&
        v.canWrite &&
        v.positions.map((p) =>
          p.count?.closed ? <MinutesButton key={p.position} electionId={v.electionId} p={p} /> : null,
        )}
      {v.isMeeting && step === 'ballot' && (
        <Alert color="blue" data-testid="meeting-ballot">
          {tmeet.ballot}
          <Group mt="xs">
            <Button component={Link} to={`/bau-cu/${id}/bo-phieu`} variant="light">
              {tmeet.toPolling}
            </Button>
            <Button component={Link} to={`/bau-cu/${id}/kiem-phieu`} variant="light">
              {tmeet.toCount}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
