import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/office';
import type { OfficeImportPreview, OfficeRegister, TermView } from '../../../contract/office';
import { call, errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { OfficeActions } from './OfficeActions';
import { OfficeRecordsProvider, OfficeRecordsSection, TermRecordMarks } from './OfficeRecords';
import { officeText as s } from './strings';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

/** Links between the three after-the-vote pages of a commune. */
export function OfficeNav(props: { communeId: string }) {
  const base = `/xa/${props.communeId}`;
  return (
    <Group gap="md">
      <Anchor component={Link} to={`${base}/nguoi-giu-chuc`}>
        {s.links.register}
      </Anchor>
      <Anchor component={Link} to={`${base}/cong-nhan`}>
        {s.links.recognition}
      </Anchor>
      <Anchor component={Link} to={`${base}/cho-thoi-lam`}>
        {s.links.removal}
      </Anchor>
    </Group>
  );
}

function TermRows(props: { terms: TermView[] }) {
  return (
    <>
      {props.terms.map((c) => (
        <Table.Tr key={c.id} data-testid="office-term">
          <Table.Td>{c.positionTitle}</Table.Td>
          <Table.Td>
            {c.holderName}
            <TermRecordMarks termId={c.id} />
          </Table.Td>
          <Table.Td>
            {c.basisLabel}
            {c.decisionRef ? (
              <Text size="xs" c="dimmed">
                {c.decisionRef}
              </Text>
            ) : null}
          </Table.Td>
          <Table.Td>{vnDate(c.startOn)}</Table.Td>
          <Table.Td>
            {c.endedOn ? (
              <Text size="sm">
                {vnDate(c.endedOn)} ({c.endReasonLabel})
              </Text>
            ) : (
              vnDate(c.plannedEnd)
            )}
            {c.newElectionBy && !c.endedOn ? (
              <Text size="xs" c="orange">
                {s.newElectionBy}: {vnDate(c.newElectionBy)}
              </Text>
            ) : null}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

function HamletCard(props: {
  hamlet: OfficeRegister['hamlets'][number];
  today: string;
  canManage: boolean;
  onChanged: () => void;
}) {
  const h = props.hamlet;
  const [showHistory, setShowHistory] = useState(false);
  const past = h.history.filter((x) => !h.current.some((c) => c.id === x.id));
  return (
    <Card withBorder data-testid="office-hamlet">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {h.name}
        </Title>
        <Group gap="xs">
          <Badge variant="light">
            {s.households}: {h.households}
          </Badge>
          <Badge
            variant="light"
            color={h.deputies.held > h.deputies.allowed ? 'red' : 'gray'}
            title={h.deputies.citation}
          >
            {s.deputies(h.deputies.held, h.deputies.allowed)}
          </Badge>
        </Group>
      </Group>
      <Table fz="sm" mt="xs" aria-label={`${s.current} ${h.name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.position}</Table.Th>
            <Table.Th>{s.holder}</Table.Th>
            <Table.Th>{s.basis}</Table.Th>
            <Table.Th>{s.from}</Table.Th>
            <Table.Th>{s.until}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {h.current.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="red" size="sm">
                  {s.none}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            <TermRows terms={h.current} />
          )}
          {showHistory && <TermRows terms={past} />}
        </Table.Tbody>
      </Table>
      {past.length > 0 && (
        <Button variant="subtle" size="xs" onClick={() => setShowHistory((v) => !v)}>
          {s.history} ({past.length})
        </Button>
      )}
      {props.canManage && (
        <OfficeActions hamletId={h.id} today={props.today} current={h.current} onDone={props.onChanged} />
      )}
    </Card>
  );
}

function ImportHolders(props: { communeId: string; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [months, setMonths] = useState<number | string>('');
  const [preview, setPreview] = useState<OfficeImportPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const send = (f: File, confirm: boolean) =>
    call(contract.importHolders, {
      params: { id: props.communeId },
      query: { confirm: String(confirm), termMonths: months === '' ? undefined : Number(months) },
      body: f,
    });
  const check = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setMessage(null);
    if (f) send(f, false).then(setPreview, (e: unknown) => setMessage({ ok: false, text: errorText(e) }));
  };
  const confirm = () => {
    if (!file) return;
    send(file, true).then(
      (p) => {
        setMessage({ ok: true, text: s.imported(p.imported) });
        setPreview(null);
        setFile(null);
        props.onDone();
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  };
  return (
    <Card withBorder maw={760}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {s.importTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {s.importHelp}
        </Text>
        <NumberInput label={s.termMonths} value={months} onChange={setMonths} min={1} max={120} w={260} />
        <FileInput label={s.importFile} accept=".xlsx,.csv" value={file} onChange={check} clearable />
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        {preview && (
          <>
            <Text size="sm">
              {s.importSummary(
                preview.rows,
                preview.toAdd.length,
                preview.existing.length,
                preview.rejected.length,
              )}
            </Text>
            <List size="sm">
              {preview.toAdd.map((r) => (
                <List.Item key={r.row}>
                  {r.hamletName}: {r.positionTitle} {r.holderName} ({vnDate(r.startOn)} -{' '}
                  {vnDate(r.plannedEnd)})
                </List.Item>
              ))}
            </List>
            {preview.rejected.length > 0 && (
              <Alert color="red" title={s.rejected}>
                <List size="sm">
                  {preview.rejected.map((r) => (
                    <List.Item key={r.row}>
                      {r.row}: {r.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Button onClick={confirm} disabled={preview.toAdd.length === 0} w="fit-content">
              {s.importConfirm(preview.toAdd.length)}
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The office-holders register of a commune: every hamlet's holders, history and alerts. */
export function OfficePage() {
  const { id = '' } = useParams();
  const place = useCommuneCrumbs(id);
  const [months, setMonths] = useState<number | string>(6);
  const register = useApiQuery(contract.getRegister, {
    params: { id },
    query: { monthsAhead: Number(months) || 0 },
  });
  if (!register.data) return <QueryStatus query={register} />;
  const r = register.data;
  const reload = () => void register.refetch();
  return (
    <OfficeRecordsProvider communeId={id}>
      <Stack p="md" gap="md">
        <PageHeading crumbs={place} here={s.links.register} title={s.registerTitle(r.communeName)} />
        <OfficeNav communeId={id} />
        <Card withBorder>
          <Group justify="space-between" align="end">
            <Title order={2} size="h4">
              {s.alerts}
            </Title>
            <NumberInput
              label={s.monthsAhead}
              value={months}
              onChange={setMonths}
              min={0}
              max={120}
              w={320}
            />
          </Group>
          {r.alerts.length === 0 ? (
            <Text size="sm">{s.noAlerts}</Text>
          ) : (
            <List size="sm" mt="xs" data-testid="office-alerts">
              {r.alerts.map((a, i) => (
                <List.Item key={i}>
                  <Text
                    span
                    size="sm"
                    c={a.kind.endsWith('Overdue') || a.kind === 'noHead' ? 'red' : 'orange'}
                  >
                    {a.message}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        {r.hamlets.map((h) => (
          <HamletCard key={h.id} hamlet={h} today={r.today} canManage={r.canManage} onChanged={reload} />
        ))}
        <OfficeRecordsSection communeId={id} hamlets={r.hamlets} today={r.today} canManage={r.canManage} />
        {r.canManage && <ImportHolders communeId={id} onDone={reload} />}
      </Stack>
    </OfficeRecordsProvider>
  );
}
