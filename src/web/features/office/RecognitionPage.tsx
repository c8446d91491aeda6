import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import * as contract from '../../../contract/office';
import type { DocumentInfo, RecognitionItem } from '../../../contract/office';
import { errorText } from '../../shared/client';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { MismatchAlert } from '../../shared/MismatchAlert';
import { tMismatch } from '../../shared/strings';
import { OfficeNav } from './OfficePage';
import { officeText as s } from './strings';
import { DateInput } from '../../shared/DateInput';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

const lines = (text: string) =>
  text
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function DecisionForm(props: { item: RecognitionItem; today: string; onDone: () => void }) {
  const { item } = props;
  const [decision, setDecision] = useState<'recognise' | 'rerun' | 'reply'>(
    item.outcome && item.outcome.kind !== 'elected' ? 'rerun' : 'recognise',
  );
  const [on, setOn] = useState(props.today);
  const [signer, setSigner] = useState('');
  const [rerunDate, setRerunDate] = useState('');
  const [reasons, setReasons] = useState('');
  const [overrideBy, setOverrideBy] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<DocumentInfo | null>(null);
  // The person recognised is the one the closed count elected; without such a count there is no one
  // to recognise (the server refuses it too).
  const winner = item.outcome?.kind === 'elected' ? item.outcome.elected[0] : undefined;
  // No automatic refresh of the inbox: the decided item would vanish with its "issued" message;
  // onDone refreshes what the page needs once the message is shown.
  const decide = useApiMutation(contract.decideRecognition);
  const late = item.due !== null && on > item.due;
  const submit = () => {
    setError(null);
    decide
      .mutateAsync({
        params: { id: item.electionId },
        body: {
          decision,
          on,
          signerName: signer || null,
          rerunDate: rerunDate || null,
          reasons: lines(reasons),
          override: late ? { authorisedBy: overrideBy, reason: overrideReason } : null,
        },
      })
      .then(
        (r) => {
          setIssued(r.document);
          props.onDone();
        },
        (e: unknown) => setError(errorText(e)),
      );
  };
  if (issued)
    return (
      <Alert color="green">
        {s.done} {issued.title} <Anchor href={`/api/documents/${issued.id}/pdf`}>{s.download}</Anchor>
      </Alert>
    );
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={decision}
        onChange={(v) => setDecision(v as typeof decision)}
        data={[
          { value: 'recognise', label: s.recognise },
          { value: 'rerun', label: s.rerun },
          { value: 'reply', label: s.reply },
        ]}
      />
      <Group grow>
        <DateInput label={s.decisionDate} value={on} onChange={setOn} />
        <TextInput label={s.signer} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
      </Group>
      {decision === 'recognise' &&
        (winner ? (
          <Text size="sm" data-testid="recognition-elected">
            {s.elected}: <b>{winner.name}</b> ({s.electedVotes(winner.votes, item.outcome!.registered)})
          </Text>
        ) : (
          <Alert color="yellow">{item.outcome ? s.noOneElected : s.noCount}</Alert>
        ))}
      {decision === 'rerun' && (
        <DateInput
          label={s.rerunDate}
          description={item.rerunBy ? s.rerunBy(vnDate(item.rerunBy)) : undefined}
          value={rerunDate}
          onChange={setRerunDate}
        />
      )}
      {decision !== 'recognise' && (
        <Textarea
          label={s.reasons}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      )}
      {late && (
        <Group grow>
          <TextInput
            label={s.overrideBy}
            value={overrideBy}
            onChange={(e) => setOverrideBy(e.currentTarget.value)}
          />
          <TextInput
            label={s.overrideReason}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.currentTarget.value)}
          />
        </Group>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <ConfirmButton
        onConfirm={submit}
        w="fit-content"
        disabled={decision === 'recognise' && !winner}
        question={s.decisionQuestion[decision]}
      >
        {decision === 'recognise' ? s.recognise : decision === 'rerun' ? s.rerun : s.reply}
      </ConfirmButton>
    </Stack>
  );
}

function InboxItem(props: { item: RecognitionItem; today: string; canDecide: boolean; onDone: () => void }) {
  const { item } = props;
  return (
    <Card
      withBorder
      data-testid="recognition-item"
      style={item.late ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between">
        <Title order={3} size="h4">
          {item.positionTitle} {item.groupName ? `${item.groupName}, ` : ''}
          {item.hamletName}, nhiệm kỳ {item.termLabel}
        </Title>
        {item.outcome?.mismatch && (
          <Badge color="red" variant="filled" data-testid="recognition-mismatch">
            {tMismatch.badge}
          </Badge>
        )}
        {item.late ? (
          <Badge color="red">{s.late}</Badge>
        ) : (
          <Badge color="blue" variant="light">
            {item.workingDaysLeft !== null ? s.daysLeft(item.workingDaysLeft) : ''}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {s.received}: {vnDate(item.receivedOn)} · {s.due}:{' '}
        <Text span fw={700} c={item.late ? 'red' : undefined} data-testid="recognition-due">
          {vnDate(item.due)}
        </Text>{' '}
        ({item.citation})
      </Text>
      <Text size="sm" mt="xs">
        {s.outcome}: {item.outcome ? item.outcome.conclusion : s.noCount}
      </Text>
      <MismatchAlert mismatch={item.outcome?.mismatch ?? null} />
      {props.canDecide && (
        <Card.Section p="md">
          <DecisionForm item={item} today={props.today} onDone={props.onDone} />
        </Card.Section>
      )}
    </Card>
  );
}

/** The commune's inbox of reported elections awaiting recognition, re-election or a written reply. */
export function RecognitionPage() {
  const { id = '' } = useParams();
  const place = useCommuneCrumbs(id);
  const query = useApiQuery(contract.recognitionInbox, { params: { id } });
  if (!query.data) return <QueryStatus query={query} />;
  const inbox = query.data;
  return (
    <Stack p="md" gap="md">
      <PageHeading crumbs={place} here={s.links.recognition} title={s.recognitionTitle} />
      <OfficeNav communeId={id} />
      {inbox.items.length === 0 && <Text>{s.inboxEmpty}</Text>}
      {inbox.items.map((item) => (
        <InboxItem
          key={item.electionId}
          item={item}
          today={inbox.today}
          canDecide={inbox.canDecide}
          onDone={() => {}}
        />
      ))}
    </Stack>
  );
}
