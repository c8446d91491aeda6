import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import * as contract from '../../../contract/hamlet-facts';
import type { OfficeRecordView } from '../../../contract/hamlet-facts';
import type { OfficeRegister } from '../../../contract/office';
import { errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { tfacts } from '../hamlet-facts/strings';
import { DateInput } from '../../shared/DateInput';

const s = tfacts.records;

interface Records {
  readonly records: readonly OfficeRecordView[];
}
const RecordsContext = createContext<Records>({ records: [] });

/** Loads the commune's records once for the register page: the rows' marks and the section share them. */
export function OfficeRecordsProvider(props: { communeId: string; children: ReactNode }) {
  const query = useApiQuery(contract.listOfficeRecords, { params: { id: props.communeId } });
  const records = query.data ?? [];
  return <RecordsContext.Provider value={{ records }}>{props.children}</RecordsContext.Provider>;
}

/** On an office-holder's row: how many commendations and disciplinary decisions the term has. */
export function TermRecordMarks(props: { termId: string }) {
  const mine = useContext(RecordsContext).records.filter((r) => r.termId === props.termId);
  if (mine.length === 0) return null;
  const c = mine.filter((r) => r.kind === 'commendation').length;
  const d = mine.length - c;
  return (
    <Badge size="xs" variant="light" color={d > 0 ? 'red' : 'green'} data-testid="term-record-marks" ml={4}>
      {s.marks(c, d)}
    </Badge>
  );
}

/** The register's section: every commendation and disciplinary decision, and the form to record one. */
export function OfficeRecordsSection(props: {
  communeId: string;
  hamlets: OfficeRegister['hamlets'];
  today: string;
  canManage: boolean;
}) {
  const { records } = useContext(RecordsContext);
  return (
    <Card withBorder data-testid="office-records">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {s.title}
        </Title>
        <Text size="xs" c="dimmed">
          {s.help}
        </Text>
        {records.length === 0 ? (
          <Text size="sm">{s.none}</Text>
        ) : (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s.person}</Table.Th>
                <Table.Th>{s.form}</Table.Th>
                <Table.Th>{s.decidedOn}</Table.Th>
                <Table.Th>{s.number}</Table.Th>
                <Table.Th>{s.content}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((r) => (
                <Table.Tr key={r.id} data-testid="office-record">
                  <Table.Td>
                    {r.positionTitle} {r.holderName}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.kind === 'discipline' ? 'red' : 'green'}>
                      {r.formLabel}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {r.citation}
                    </Text>
                  </Table.Td>
                  <Table.Td>{vnDate(r.decidedOn)}</Table.Td>
                  <Table.Td>
                    {r.decisionNumber}
                    <Text size="xs" c="dimmed">
                      {r.decisionBody}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.content}
                    {r.removal && <RemovalLink communeId={props.communeId} removal={r.removal} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {props.canManage && <AddRecord hamlets={props.hamlets} today={props.today} />}
      </Stack>
    </Card>
  );
}

function RemovalLink(props: { communeId: string; removal: NonNullable<OfficeRecordView['removal']> }) {
  const r = props.removal;
  return (
    <Stack gap={0}>
      {r.note && (
        <Text size="xs" c="orange">
          {r.note}
        </Text>
      )}
      <Anchor
        component={Link}
        to={`/xa/${props.communeId}/cho-thoi-lam`}
        size="xs"
        data-testid="removal-link"
      >
        {r.caseId ? s.seeCase : s.openRemoval}
      </Anchor>
    </Stack>
  );
}

function AddRecord(props: { hamlets: OfficeRegister['hamlets']; today: string }) {
  const terms = props.hamlets.flatMap((h) =>
    h.history.map((t) => ({
      value: t.id,
      label: `${h.name}: ${t.positionTitle} ${t.holderName} (${vnDate(t.startOn)}${t.endedOn ? ` - ${vnDate(t.endedOn)}` : ''})`,
    })),
  );
  const empty = {
    termId: '',
    form: 'award',
    decidedOn: props.today,
    decisionNumber: '',
    decisionBody: '',
    content: '',
  };
  const [v, setV] = useState(empty);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof typeof empty) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const record = useApiMutation(contract.recordOfficeRecord, { invalidates: [contract.listOfficeRecords] });
  const save = () => {
    const { termId, ...body } = v;
    record.mutateAsync({ params: { id: termId }, body }).then(
      () => {
        setMessage({ ok: true, text: s.saved });
        setV(empty);
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  };
  return (
    <Stack gap="xs" data-testid="add-office-record">
      <Group align="end" gap="xs">
        <Select
          label={s.person}
          data={terms}
          value={v.termId || null}
          onChange={(x) => setV({ ...v, termId: x ?? '' })}
          searchable
          w={420}
        />
        <Select
          label={s.form}
          data={Object.entries(s.forms).map(([value, label]) => ({ value, label }))}
          value={v.form}
          onChange={(x) => setV({ ...v, form: x ?? 'award' })}
          allowDeselect={false}
          w={300}
        />
      </Group>
      <Group align="end" gap="xs">
        <DateInput
          label={s.decidedOn}
          value={v.decidedOn}
          onChange={(v) => set('decidedOn')({ currentTarget: { value: v } })}
          w={170}
        />
        <TextInput label={s.number} value={v.decisionNumber} onChange={set('decisionNumber')} w={180} />
        <TextInput label={s.body} value={v.decisionBody} onChange={set('decisionBody')} w={260} />
      </Group>
      <TextInput label={s.content} value={v.content} onChange={set('content')} maw={720} />
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      <Button onClick={save} disabled={!v.termId} w="fit-content">
        {s.add}
      </Button>
    </Stack>
  );
}
