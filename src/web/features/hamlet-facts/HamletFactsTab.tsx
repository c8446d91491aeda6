import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import * as contract from '../../../contract/hamlet-facts';
import type { HamletFacts } from '../../../contract/hamlet-facts';
import { errorText } from '../../shared/client';
import { vnDate, vnDecimal, vnNumber } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { tfacts as s } from './strings';
import { DateInput } from '../../shared/DateInput';

const money = (n: number) => vnNumber(n);
const coefficient = (milli: number) => vnDecimal(milli / 1000, 3);
const decisionText = (f: {
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionBody: string | null;
}) => (f.decisionNumber ? `${f.decisionNumber} ngày ${vnDate(f.decisionDate)} của ${f.decisionBody}` : '');
const INTERIM_COLOR = { running: 'green', near: 'orange', overdue: 'red', noLimit: 'gray' } as const;

/** The facts the commune keeps about a hamlet, as of a day, with their history and the forms to add one. */
export function HamletFactsTab(props: { hamletId: string }) {
  const [on, setOn] = useState('');
  const query = useApiQuery(contract.getHamletFacts, {
    params: { id: props.hamletId },
    query: on ? { on } : {},
  });
  return (
    <Card withBorder data-testid="hamlet-facts">
      <Stack gap="sm">
        <Group justify="space-between" align="end">
          <Title order={2} size="h4">
            {s.title}
          </Title>
          <DateInput label={s.on} value={on} onChange={setOn} w={200} />
        </Group>
        {!query.data ? <QueryStatus query={query} /> : <Facts f={query.data} />}
      </Stack>
    </Card>
  );
}

function Facts(props: { f: HamletFacts }) {
  const f = props.f;
  const reg = f.households.registered;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {s.kind}: {f.kindLabel} · {s.profile}: {f.profile.title}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder padding="sm" data-testid="fact-classification">
          <Text size="sm" c="dimmed">
            {s.classification}
          </Text>
          {f.classification ? (
            <>
              <Text fw={700}>{s.classOf(f.classification.value)}</Text>
              <Text size="xs">
                {decisionText(f.classification)}; {s.effectiveFrom.toLowerCase()}{' '}
                {vnDate(f.classification.effectiveFrom)}
              </Text>
            </>
          ) : (
            <Text size="sm">{s.noClass}</Text>
          )}
        </Card>
        <Card withBorder padding="sm" data-testid="fact-households">
          <Text size="sm" c="dimmed">
            {s.households}
          </Text>
          <Group gap="lg">
            <Text>
              {s.registered}:{' '}
              <b data-testid="households-registered">{reg ? money(Number(reg.value)) : s.noRegistered}</b>
            </Text>
            <Text>
              {s.computed}: <b data-testid="households-computed">{money(f.households.computed)}</b>
            </Text>
          </Group>
          {reg && (
            <Text size="xs">
              {[decisionText(reg), reg.note, `${s.effectiveFrom.toLowerCase()} ${vnDate(reg.effectiveFrom)}`]
                .filter(Boolean)
                .join('; ')}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {s.used(f.households.used, f.households.usedSource === 'registered')}
          </Text>
        </Card>
        <Card withBorder padding="sm" data-testid="fact-deputies">
          <Text size="sm" c="dimmed">
            {s.deputies}
          </Text>
          <Text fw={700} data-testid="deputies-allowed">
            {f.deputies.allowed}
          </Text>
          <Text size="xs">{f.deputies.rule}</Text>
          <Text size="xs" c="dimmed">
            {s.citation}: {f.deputies.citation} ({f.deputies.confidence})
          </Text>
        </Card>
        <Allowance f={f} />
        <Interim f={f} />
      </SimpleGrid>
      <History f={f} />
      {f.canEdit && <AddFact hamletId={f.hamletId} />}
      {f.canEdit && <AddRate f={f} />}
    </Stack>
  );
}

function Allowance(props: { f: HamletFacts }) {
  const a = props.f.allowance;
  const r = a.current;
  return (
    <Card withBorder padding="sm" data-testid="fact-allowance">
      <Text size="sm" c="dimmed">
        {s.allowance}
      </Text>
      {r ? (
        <>
          <Text fw={700}>
            {r.amountVnd !== null
              ? s.amount(money(r.amountVnd))
              : r.baseSalaryVnd !== null
                ? `${s.times(coefficient(r.coefficientMilli ?? 0), money(r.baseSalaryVnd))} ${s.perMonth(money(r.monthlyVnd ?? 0))}`
                : s.coefficient(coefficient(r.coefficientMilli ?? 0))}
          </Text>
          <Text size="xs">
            {s.scope[a.scope ?? ''] ?? ''}: {decisionText(r)}; {s.effectiveFrom.toLowerCase()}{' '}
            {vnDate(r.effectiveFrom)}
          </Text>
        </>
      ) : (
        <Text size="sm">{s.noAllowance}</Text>
      )}
      <Text size="xs" c="dimmed">
        {s.citation}: {a.basis}
      </Text>
    </Card>
  );
}

function Interim(props: { f: HamletFacts }) {
  const i = props.f.interim;
  const rule = props.f.interimRule;
  return (
    <Card withBorder padding="sm" data-testid="fact-interim">
      <Text size="sm" c="dimmed">
        {s.interim}
      </Text>
      {i ? (
        <>
          <Text fw={700}>{s.interimSince(i.holderName, vnDate(i.startOn))}</Text>
          <Group gap="xs">
            {i.limit && <Text size="sm">{s.limit(vnDate(i.limit))}</Text>}
            <Badge color={INTERIM_COLOR[i.state]} data-testid="interim-state">
              {i.daysRemaining === null
                ? s.noLimit
                : i.daysRemaining < 0
                  ? s.overdue(-i.daysRemaining)
                  : s.daysLeft(i.daysRemaining)}
            </Badge>
          </Group>
          {i.newElectionBy && <Text size="xs">{s.newElectionBy(vnDate(i.newElectionBy))}</Text>}
        </>
      ) : (
        <Text size="sm">{s.interimNone}</Text>
      )}
      <Text size="xs" c="dimmed" data-testid="interim-rule">
        {s.interimRule(rule.maxMonths)} ({rule.citation}
        {rule.note ? `; ${rule.note.replace(/\.$/, '')}` : ''}; {rule.confidence})
      </Text>
    </Card>
  );
}

function History(props: { f: HamletFacts }) {
  const rows = props.f.history;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {s.history}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s.noHistory}
        </Text>
      ) : (
        <Table fz="sm" data-testid="facts-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.col.fact}</Table.Th>
              <Table.Th>{s.col.value}</Table.Th>
              <Table.Th>{s.col.from}</Table.Th>
              <Table.Th>{s.col.decision}</Table.Th>
              <Table.Th>{s.col.note}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{s.factName[r.fact] ?? r.fact}</Table.Td>
                <Table.Td>
                  {r.fact === 'classification' ? s.classOf(r.value) : money(Number(r.value))}
                </Table.Td>
                <Table.Td>{vnDate(r.effectiveFrom)}</Table.Td>
                <Table.Td>{decisionText(r)}</Table.Td>
                <Table.Td>{r.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function AddFact(props: { hamletId: string }) {
  const empty = {
    fact: 'households',
    value: '',
    effectiveFrom: '',
    decisionNumber: '',
    decisionDate: '',
    decisionBody: '',
    note: '',
  };
  const [v, setV] = useState(empty);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof typeof empty) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const record = useApiMutation(contract.recordHamletFact, { invalidates: [contract.getHamletFacts] });
  const save = () => {
    void record
      .mutateAsync({
        params: { id: props.hamletId },
        body: {
          ...v,
          fact: v.fact === 'classification' ? 'classification' : 'households',
          decisionNumber: v.decisionNumber || null,
          decisionDate: v.decisionDate || null,
          decisionBody: v.decisionBody || null,
          note: v.note || null,
        },
      })
      .then(
        () => {
          setMessage({ ok: true, text: s.saved });
          setV(empty);
        },
        (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
      );
  };
  return (
    <Card withBorder padding="sm" data-testid="add-fact">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {s.add}
        </Text>
        <Text size="xs" c="dimmed">
          {s.addHelp}
        </Text>
        <Group align="end" gap="xs">
          <Select
            label={s.fact}
            data={[
              { value: 'households', label: s.factName['households']! },
              { value: 'classification', label: s.factName['classification']! },
            ]}
            value={v.fact}
            onChange={(x) => setV({ ...v, fact: x ?? 'households', value: '' })}
            allowDeselect={false}
            w={180}
          />
          {v.fact === 'classification' ? (
            <Select
              label={s.value}
              data={['1', '2', '3'].map((c) => ({ value: c, label: s.classOf(c) }))}
              value={v.value || null}
              onChange={(x) => setV({ ...v, value: x ?? '' })}
              w={120}
            />
          ) : (
            <TextInput label={s.value} value={v.value} onChange={set('value')} w={120} inputMode="numeric" />
          )}
          <DateInput
            label={s.effectiveFrom}
            value={v.effectiveFrom}
            onChange={(v) => set('effectiveFrom')({ currentTarget: { value: v } })}
            w={170}
          />
        </Group>
        <Group align="end" gap="xs">
          <DecisionInputs v={v} set={set} />
        </Group>
        <TextInput label={s.note} value={v.note} onChange={set('note')} maw={640} />
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <Button onClick={save} w="fit-content">
          {s.save}
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * The allowance as a decision states it: a coefficient (with the base salary when the decision
 * names it) or an amount. A commune records a decision about this hamlet; the administrator also
 * records the province's rate for every hamlet or for one class.
 */
function AddRate(props: { f: HamletFacts }) {
  const f = props.f;
  const empty = {
    scope: 'hamlet',
    classification: '',
    coefficient: '',
    baseSalaryVnd: '',
    amountVnd: '',
    effectiveFrom: '',
    decisionNumber: '',
    decisionDate: '',
    decisionBody: '',
  };
  const [v, setV] = useState(empty);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof typeof empty) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const refreshed = { invalidates: [contract.getHamletFacts, contract.listAllowanceRates] };
  const hamletRate = useApiMutation(contract.recordHamletRate, refreshed);
  const provinceRate = useApiMutation(contract.recordProvinceRate, refreshed);
  const num = (x: string) => (x.trim() ? Number(x.replace(/[.\s]/g, '')) : null);
  const save = () => {
    const body = {
      coefficient: v.coefficient || null,
      baseSalaryVnd: num(v.baseSalaryVnd),
      amountVnd: num(v.amountVnd),
      effectiveFrom: v.effectiveFrom,
      decisionNumber: v.decisionNumber,
      decisionDate: v.decisionDate,
      decisionBody: v.decisionBody,
    };
    const request =
      v.scope === 'hamlet'
        ? hamletRate.mutateAsync({
            params: { id: f.hamletId },
            body: { ...body, provinceCode: f.provinceCode },
          })
        : provinceRate.mutateAsync({
            params: { id: f.provinceCode },
            body: { ...body, classification: v.scope === 'classification' ? v.classification || null : null },
          });
    request.then(
      () => {
        setMessage({ ok: true, text: s.saved });
        setV(empty);
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  };
  const scopes = [
    { value: 'hamlet', label: s.scope['hamlet']! },
    ...(f.canEditProvince
      ? [
          { value: 'classification', label: s.scope['classification']! },
          { value: 'province', label: s.scope['province']! },
        ]
      : []),
  ];
  return (
    <Card withBorder padding="sm" data-testid="add-rate">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {s.addRate}
        </Text>
        <Group align="end" gap="xs">
          <Select
            label={s.rateScope}
            data={scopes}
            value={v.scope}
            onChange={(x) => setV({ ...v, scope: x ?? 'hamlet' })}
            allowDeselect={false}
            w={230}
          />
          {v.scope === 'classification' && (
            <Select
              label={s.classification}
              data={['1', '2', '3'].map((c) => ({ value: c, label: s.classOf(c) }))}
              value={v.classification || null}
              onChange={(x) => setV({ ...v, classification: x ?? '' })}
              w={120}
            />
          )}
          <TextInput label={s.rateCoefficient} value={v.coefficient} onChange={set('coefficient')} w={150} />
          <TextInput label={s.rateBase} value={v.baseSalaryVnd} onChange={set('baseSalaryVnd')} w={230} />
          <TextInput label={s.rateAmount} value={v.amountVnd} onChange={set('amountVnd')} w={210} />
        </Group>
        <Group align="end" gap="xs">
          <DateInput
            label={s.effectiveFrom}
            value={v.effectiveFrom}
            onChange={(v) => set('effectiveFrom')({ currentTarget: { value: v } })}
            w={170}
          />
          <DecisionInputs v={v} set={set} />
        </Group>
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <Button onClick={save} w="fit-content">
          {s.save}
        </Button>
      </Stack>
    </Card>
  );
}

type DecisionKey = 'decisionNumber' | 'decisionDate' | 'decisionBody';

/** The deciding document (number, date, issuing body) that both forms of this tab record. */
function DecisionInputs(props: {
  v: Readonly<Record<DecisionKey, string>>;
  set: (k: DecisionKey) => (e: { currentTarget: { value: string } }) => void;
}) {
  const { v, set } = props;
  return (
    <>
      <TextInput label={s.decisionNumber} value={v.decisionNumber} onChange={set('decisionNumber')} w={180} />
      <DateInput
        label={s.decisionDate}
        value={v.decisionDate}
        onChange={(v) => set('decisionDate')({ currentTarget: { value: v } })}
        w={170}
      />
      <TextInput label={s.decisionBody} value={v.decisionBody} onChange={set('decisionBody')} w={240} />
    </>
  );
}
