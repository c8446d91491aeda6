import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import * as office from '../../../contract/office';
import * as contract from '../../../contract/register';
import type { ChecklistRow, EstablishmentView as Establishment } from '../../../contract/register';
import { errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { KINDS, registerReads } from './common';
import { treg as s } from './strings';
import { DateInput } from '../../shared/DateInput';

/** Establishing new hamlets: open a dossier, record each document of the checklist, then the interim head. */
export function EstablishPanel(props: { communeId: string; today: string; onDone: (m: string) => void }) {
  const query = useApiQuery(contract.listEstablishments, { params: { id: props.communeId } });
  // Each write refreshes the dossiers and the history (registerReads).
  const done = props.onDone;
  return (
    <Stack gap="sm" data-testid="establish-panel">
      <Text size="sm">{s.establish.intro}</Text>
      <StartForm communeId={props.communeId} onDone={done} />
      {query.data?.dossiers.map((d) => (
        <Dossier key={d.id} dossier={d} today={props.today} onDone={done} />
      ))}
    </Stack>
  );
}

function StartForm(props: { communeId: string; onDone: (m: string) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('khu-pho');
  const [area, setArea] = useState<string | null>('plain');
  const [households, setHouseholds] = useState<number | string>(100);
  const [exception, setException] = useState<string | null>('');
  const [error, setError] = useState<string | null>(null);
  const startEstablishment = useApiMutation(contract.startEstablishment, { invalidates: registerReads });
  const start = () =>
    startEstablishment
      .mutateAsync({
        params: { id: props.communeId },
        body: {
          name,
          kind: kind ?? '',
          area: area ?? '',
          households: Number(households),
          exception: exception || null,
        },
      })
      .then(
        () => {
          setError(null);
          props.onDone(s.actions.done);
        },
        (e: unknown) => setError(errorText(e)),
      );
  return (
    <Card withBorder>
      <Group align="end" gap="sm">
        <TextInput
          label={s.establish.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="establish-name"
          w={220}
        />
        <Select label={s.establish.kind} data={KINDS} value={kind} onChange={setKind} w={150} />
        <Select
          label={s.establish.area}
          data={Object.entries(s.establish.areas).map(([value, label]) => ({ value, label }))}
          value={area}
          onChange={setArea}
          w={190}
        />
        <NumberInput
          label={s.establish.households}
          value={households}
          onChange={setHouseholds}
          min={1}
          w={160}
          data-testid="establish-households"
        />
        <Select
          label={s.establish.exception}
          data={[
            { value: '', label: s.establish.noException },
            { value: 'clearance', label: 'Giải phóng mặt bằng' },
            { value: 'resettlement', label: 'Dãn dân, tái định cư' },
            { value: 'boundaryChange', label: 'Điều chỉnh địa giới hành chính' },
            { value: 'remoteMigration', label: 'Di dân ở vùng khó khăn' },
          ]}
          value={exception}
          onChange={setException}
          data-testid="establish-exception"
          w={300}
        />
        <Button onClick={() => void start()} data-testid="establish-start">
          {s.establish.start}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
    </Card>
  );
}

function Dossier(props: { dossier: Establishment; today: string; onDone: (m: string) => void }) {
  const d = props.dossier;
  return (
    <Card withBorder data-testid="establish-dossier">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {d.name}
        </Title>
        <Badge color={d.state === 'decided' ? 'green' : 'blue'}>{d.stepLabel}</Badge>
      </Group>
      <Text size="sm">
        {d.kindLabel}, {d.areaLabel}, {d.households} hộ. {s.establish.conditions}: {d.conditions}
      </Text>
      <Table fz="sm" mt="xs" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.establish.item}</Table.Th>
            <Table.Th>{s.establish.number}</Table.Th>
            <Table.Th>{s.establish.date}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.checklist.map((row) => (
            <ItemRow
              key={row.key}
              dossierId={d.id}
              row={row}
              closed={d.state === 'decided'}
              today={props.today}
              onDone={props.onDone}
            />
          ))}
        </Table.Tbody>
      </Table>
      {d.hamletId && (
        <InterimForm hamletId={d.hamletId} name={d.name} today={props.today} onDone={props.onDone} />
      )}
    </Card>
  );
}

function ItemRow(props: {
  dossierId: string;
  row: ChecklistRow;
  closed: boolean;
  today: string;
  onDone: (m: string) => void;
}) {
  const r = props.row;
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(props.today);
  const [effectiveOn, setEffectiveOn] = useState(props.today);
  const [error, setError] = useState<string | null>(null);
  const recordItem = useApiMutation(contract.recordItem, { invalidates: registerReads });
  const attachFile = useApiMutation(contract.attachItemFile, { invalidates: registerReads });
  const record = () =>
    recordItem
      .mutateAsync({
        params: { id: props.dossierId },
        body: { key: r.key, number, date, ...(r.key === 'decision' ? { effectiveOn } : {}) },
      })
      .then(
        () => {
          setError(null);
          props.onDone(s.actions.done);
        },
        (e: unknown) => setError(errorText(e)),
      );
  const upload = (file: File | null) =>
    file &&
    // The bytes go as application/octet-stream; the file's own type travels in the query.
    file
      .arrayBuffer()
      .then((body) =>
        attachFile.mutateAsync({
          params: { id: props.dossierId, key: r.key },
          query: { name: file.name, type: file.type || 'application/octet-stream' },
          body,
        }),
      )
      .then(
        () => props.onDone(s.actions.done),
        (e: unknown) => setError(errorText(e)),
      );
  return (
    <Table.Tr data-testid={`item-${r.key}`}>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {r.stepLabel}
        </Text>
        <Text size="sm">
          {r.title}{' '}
          {r.required && (
            <Badge size="xs" variant="light">
              {s.establish.required}
            </Badge>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {r.citation}
          {!r.verified && ` (${s.establish.unverified})`}
        </Text>
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Table.Td>
      {r.recorded ? (
        <>
          <Table.Td>{r.recorded.number}</Table.Td>
          <Table.Td>{vnDate(r.recorded.date)}</Table.Td>
          <Table.Td>
            {r.recorded.fileName ? (
              <Anchor href={`/api/hamlet-establishment-files/${r.recorded.id}`} size="sm">
                {r.recorded.fileName}
              </Anchor>
            ) : (
              !props.closed && (
                <FileInput
                  size="xs"
                  placeholder={s.establish.file}
                  onChange={(f) => void upload(f)}
                  w={160}
                />
              )
            )}
          </Table.Td>
        </>
      ) : props.closed ? (
        <Table.Td colSpan={3} />
      ) : (
        <>
          <Table.Td>
            <TextInput
              size="xs"
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              aria-label={`${s.establish.number} ${r.title}`}
              w={130}
            />
          </Table.Td>
          <Table.Td>
            <DateInput
              size="xs"
              value={date}
              onChange={setDate}
              aria-label={`${s.establish.date} ${r.title}`}
              w={140}
            />
            {r.key === 'decision' && (
              <DateInput
                size="xs"
                label={s.establish.effective}
                value={effectiveOn}
                onChange={setEffectiveOn}
                w={140}
              />
            )}
          </Table.Td>
          <Table.Td>
            <Button size="xs" variant="light" onClick={() => void record()}>
              {s.establish.record}
            </Button>
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

function InterimForm(props: { hamletId: string; name: string; today: string; onDone: (m: string) => void }) {
  const [holder, setHolder] = useState('');
  const [on, setOn] = useState(props.today);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const interim = useApiMutation(office.appointInterim, { invalidates: registerReads });
  const appoint = () =>
    interim
      .mutateAsync({ params: { id: props.hamletId }, body: { reason: 'vacancy', name: holder, on } })
      .then(
        () => {
          setMessage({ ok: true, text: s.establish.interimDone });
          props.onDone(s.establish.interimDone);
        },
        (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
      );
  return (
    <Stack gap="xs" mt="sm" data-testid="establish-interim">
      <Text size="sm" fw={600}>
        {s.establish.decided(props.name)}{' '}
        <Anchor component={Link} to={`/thon/${props.hamletId}`}>
          {props.name}
        </Anchor>
      </Text>
      <Group align="end">
        <TextInput
          label={s.establish.interimName}
          value={holder}
          onChange={(e) => setHolder(e.currentTarget.value)}
          data-testid="interim-name"
          w={240}
        />
        <DateInput label={s.establish.interimOn} value={on} onChange={setOn} w={160} />
        <Button onClick={() => void appoint()} data-testid="interim-appoint">
          {s.establish.interim}
        </Button>
      </Group>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
    </Stack>
  );
}
