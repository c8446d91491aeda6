import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/people';
import type { ResidentImportPreview } from '../../../contract/people';
import { call, errorText, urlOf } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { t } from '../../shared/strings';
import { s } from './strings';
import { PageHeading, useHamletCrumbs } from '../../shared/PageHeading';

type Layout = 'residents' | 'households';
type Residence = 'permanent' | 'temporary';
const SHOWN = 200;

/** Import a hamlet's residents: template, upload, column mapping, preview, then confirmation. */
export function ImportResidentsPage() {
  const { id = '' } = useParams();
  const crumbs = useHamletCrumbs(id);
  const [file, setFile] = useState<File | null>(null);
  const [layout, setLayout] = useState<Layout>('residents');
  const [mapping, setMapping] = useState<Record<number, string | null>>({});
  const [residence, setResidence] = useState<Residence>('permanent');
  const [preview, setPreview] = useState<ResidentImportPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => setMessage({ ok: false, text: errorText(e) });

  // The bytes go as they are (application/octet-stream): the server recognises XLSX or CSV itself.
  const send = async (
    confirm: boolean,
    m: Record<number, string | null>,
    l: Layout,
    f: File,
    r: Residence = residence,
  ) =>
    call(contract.importResidents, {
      params: { id },
      query: {
        layout: l,
        residenceDefault: r,
        fileName: f.name,
        ...(Object.keys(m).length > 0 ? { mapping: JSON.stringify(m) } : {}),
        // Confirming the preview on screen: the server writes what it showed, or says it is stale.
        ...(confirm
          ? { confirm: 'true', ...(preview?.previewId ? { previewId: preview.previewId } : {}) }
          : {}),
      },
      body: await f.arrayBuffer(),
    });
  const check = (f: File | null, m: Record<number, string | null>, l: Layout, r: Residence = residence) => {
    setPreview(null);
    setMessage(null);
    if (!f) return;
    setBusy(true);
    send(false, m, l, f, r)
      .then(setPreview, fail)
      .finally(() => setBusy(false));
  };
  const confirm = () => {
    if (!file) return;
    setBusy(true);
    send(true, mapping, layout, file)
      .then((p) => {
        const added = p.added ?? 0;
        const changed = p.changed ?? 0;
        setMessage({
          ok: true,
          text: added + changed === 0 ? s.nothing : s.done(added, changed),
        });
        setPreview(null);
      }, fail)
      .finally(() => setBusy(false));
  };

  return (
    <Stack maw={1100}>
      <PageHeading crumbs={crumbs} title={s.importTitle} />
      <Text size="sm" c="dimmed">
        {s.importHelp}
      </Text>
      <Group>
        <Anchor href={urlOf(contract.residentsTemplate, {})} data-testid="template-link">
          {s.template}
        </Anchor>
        <Anchor component={Link} to={`/thon/${id}/nhan-khau`}>
          {s.openResidents}
        </Anchor>
      </Group>
      {/* Radios wrap on a 390 px phone, where two long segment labels side by side would not. */}
      <Radio.Group
        label={s.layout}
        value={layout}
        onChange={(v) => {
          setLayout(v as Layout);
          check(file, mapping, v as Layout);
        }}
      >
        <Group mt={4}>
          <Radio value="residents" label={s.layoutResidents} />
          <Radio value="households" label={s.layoutHouseholds} />
        </Group>
      </Radio.Group>
      <FileInput
        label={s.file}
        accept=".xlsx,.csv"
        value={file}
        onChange={(f) => {
          setFile(f);
          setMapping({});
          setResidence('permanent');
          check(f, {}, layout, 'permanent');
        }}
        clearable
        maw={480}
        data-testid="residents-import-file"
      />
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} data-testid="import-message">
          {message.text}
        </Alert>
      )}
      {busy && <Text size="sm">{t.loading}</Text>}
      {preview && file && (
        <PreviewView
          preview={preview}
          mapping={mapping}
          onMap={(m) => {
            setMapping(m);
          }}
          onApply={() => check(file, mapping, layout)}
          onResidence={(r) => {
            setResidence(r);
            check(file, mapping, layout, r);
          }}
          onConfirm={confirm}
          busy={busy}
        />
      )}
    </Stack>
  );
}

function PreviewView(props: {
  preview: ResidentImportPreview;
  mapping: Record<number, string | null>;
  onMap: (m: Record<number, string | null>) => void;
  onApply: () => void;
  onResidence: (r: Residence) => void;
  onConfirm: () => void;
  busy: boolean;
}) {
  const p = props.preview;
  const writable = p.toAddCount + p.toChangeCount;
  const label = (f: string) => p.fields.find((x) => x.field === f)?.header ?? f;
  return (
    <Stack gap="sm">
      {p.converted && (
        <Alert color="blue" data-testid="converted-notice">
          {s.converted(p.converted)}
        </Alert>
      )}
      {p.missing.length > 0 && (
        <Alert color="orange" data-testid="missing-columns">
          {s.missing(p.missing.map(label).join(', '))}
        </Alert>
      )}
      <Mapping preview={p} mapping={props.mapping} onMap={props.onMap} onApply={props.onApply} />
      {p.missing.length === 0 && (!p.residenceDefault.columnPresent || p.residenceDefault.assumed > 0) && (
        <ResidenceDefault preview={p} onChange={props.onResidence} />
      )}
      {p.missing.length === 0 && (
        <>
          <Text fw={600} data-testid="import-summary">
            {s.summary(p.rows, p.toAddCount, p.toChangeCount, p.unchanged, p.rejected.length)}
          </Text>
          {p.rejected.length > 0 && (
            <Alert color="red" title={s.rejectedTitle} data-testid="rejected-rows">
              <List size="sm">
                {p.rejected.map((r, i) => (
                  <List.Item key={`${r.row}-${r.field}-${i}`}>{r.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {p.toChange.length > 0 && (
            <Card withBorder>
              <Title order={3} size="h4">
                {s.toChange}
              </Title>
              <Table striped data-testid="to-change">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s.line}</Table.Th>
                    <Table.Th>{s.fullName}</Table.Th>
                    <Table.Th>{s.changes}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.toChange.slice(0, SHOWN).map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.line}</Table.Td>
                      <Table.Td>{c.fullName}</Table.Td>
                      <Table.Td>
                        {c.changes
                          .map((x) => `${x.label}: ${x.before ?? '—'} → ${x.after ?? '—'}`)
                          .join('; ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {p.toChangeCount > SHOWN && <Text size="sm">{s.more(p.toChangeCount - SHOWN)}</Text>}
            </Card>
          )}
          {p.toAdd.length > 0 && (
            <Card withBorder>
              <Title order={3} size="h4">
                {s.toAdd}
              </Title>
              <Table striped data-testid="to-add">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s.line}</Table.Th>
                    <Table.Th>{s.householdCode}</Table.Th>
                    <Table.Th>{s.fullName}</Table.Th>
                    <Table.Th>{s.birthDate}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.toAdd.slice(0, SHOWN).map((r) => (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.line}</Table.Td>
                      <Table.Td>{r.householdCode}</Table.Td>
                      <Table.Td>{r.fullName}</Table.Td>
                      <Table.Td>{vnDate(r.birthDate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {p.toAddCount > SHOWN && <Text size="sm">{s.more(p.toAddCount - SHOWN)}</Text>}
            </Card>
          )}
          <Group>
            <Button
              onClick={props.onConfirm}
              disabled={writable === 0 || props.busy}
              data-testid="confirm-import"
            >
              {s.confirm(writable)}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** What the file does not say about residence, the default it got, and the choice to change it. */
function ResidenceDefault(props: { preview: ResidentImportPreview; onChange: (r: Residence) => void }) {
  const d = props.preview.residenceDefault;
  const value = s.residenceValues[d.value] ?? d.value;
  return (
    <Alert color="yellow" title={s.residenceTitle} data-testid="residence-default">
      <Stack gap="xs">
        <Text size="sm">
          {d.columnPresent ? s.residenceBlank(d.assumed, value) : s.residenceMissing(d.assumed, value)}
        </Text>
        <Text size="sm" fw={600} id="residence-default-label">
          {s.residenceDefault}
        </Text>
        <SegmentedControl
          aria-labelledby="residence-default-label"
          value={d.value}
          onChange={(v) => props.onChange(v as Residence)}
          data={[
            { value: 'permanent', label: s.residenceValues['permanent'] as string },
            { value: 'temporary', label: s.residenceValues['temporary'] as string },
          ]}
          w="fit-content"
          data-testid="residence-default-choice"
        />
      </Stack>
    </Alert>
  );
}

function Mapping(props: {
  preview: ResidentImportPreview;
  mapping: Record<number, string | null>;
  onMap: (m: Record<number, string | null>) => void;
  onApply: () => void;
}) {
  const p = props.preview;
  const options = [
    { value: '', label: s.ignore },
    ...p.fields.map((f) => ({ value: f.field, label: `${f.header}${f.required ? ' *' : ''}` })),
  ];
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {s.mappingTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {s.mappingHelp}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {p.headers.map((h, i) => (
          <Select
            key={`${i}-${h}`}
            label={h || `#${i + 1}`}
            data={options}
            value={(i in props.mapping ? props.mapping[i] : p.columns[i]) ?? ''}
            onChange={(v) => props.onMap({ ...props.mapping, [i]: v ? v : null })}
            allowDeselect={false}
            data-testid={`map-column-${i}`}
          />
        ))}
      </SimpleGrid>
      <Button variant="light" mt="sm" onClick={props.onApply} data-testid="apply-mapping">
        {s.applyMapping}
      </Button>
    </Card>
  );
}
