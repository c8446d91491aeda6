import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import * as contract from '../../../contract/territory';
import { errorText } from '../../shared/client';
import { vnNumber } from '../../shared/format';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { t, ta, treg } from '../../shared/strings';
import { territoryText as tt } from './strings';
import { ElectionsTable } from './ElectionsTable';
import { ImportHamlets } from './ImportHamlets';
import { CommuneLineage } from './CommuneLineage';
import { PageHeading } from '../../shared/PageHeading';

const kinds = [
  ['thon', 'Thôn'],
  ['ap', 'Ấp'],
  ['ban', 'Bản'],
  ['lang', 'Làng'],
  ['buon', 'Buôn'],
  ['soc', 'Sóc'],
  ['plei', 'Plei'],
  ['khu-pho', 'Khu phố'],
  ['to-dan-pho', 'Tổ dân phố'],
  ['khom', 'Khóm'],
].map(([value, label]) => ({ value: value!, label: label! }));

/** A commune: its hamlets with their residents' groups, household counts and elections. */
export function CommunePage() {
  const { id = '' } = useParams();
  const view = useApiQuery(contract.getCommune, { params: { id } });
  if (!view.data) return <QueryStatus query={view} />;
  const { province, commune, districtName, hamlets, canManage } = view.data;
  return (
    <Stack>
      <PageHeading
        crumbs={[
          { label: province.name, to: `/tinh/${province.code}` },
          ...(districtName ? [{ label: districtName }] : []),
        ]}
        title={commune.name}
      />
      <CommuneLineage communeId={commune.id} />
      <Group gap="lg" data-testid="commune-nav">
        {tt.commune.sections.map(([path, label]) => (
          <Anchor key={path} component={Link} to={`/xa/${commune.id}/${path}`}>
            {label}
          </Anchor>
        ))}
        <Anchor component={Link} to={`/xa/${commune.id}/lich-su-thon`} data-testid="open-hamlet-history">
          {treg.link}
        </Anchor>
        <Anchor component={Link} to={`/xa/${commune.id}/nhat-ky`} data-testid="open-audit">
          {ta.link}
        </Anchor>
      </Group>
      <Title order={2} size="h4">
        {tt.commune.hamlets} ({hamlets.length})
      </Title>
      {hamlets.length === 0 && <Text c="dimmed">{tt.commune.noHamlets}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {hamlets.map((h) => (
          <Card key={h.id} withBorder padding="md" data-testid="hamlet-card">
            <Group justify="space-between" mb="xs">
              <Anchor component={Link} to={`/thon/${h.id}`} fw={700} size="lg">
                {h.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {h.kindLabel}
              </Text>
            </Group>
            <Text size="sm">
              {t.hamlet.households}: <b>{vnNumber(h.households)}</b>
            </Text>
            <Text size="sm" mb="xs">
              {t.hamlet.groups}: {h.groups.length > 0 ? h.groups.map((g) => g.name).join(', ') : '—'}
            </Text>
            <ElectionsTable elections={h.elections} headTitle={h.headTitle} />
          </Card>
        ))}
      </SimpleGrid>
      {canManage && <AddHamlet communeId={commune.id} />}
      {canManage && <ImportHamlets communeId={commune.id} />}
    </Stack>
  );
}

function AddHamlet(props: { communeId: string }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('thon');
  const [groups, setGroups] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const create = useApiMutation(contract.createHamlet, { invalidates: [contract.getCommune] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const residentGroups = groups
      .split('\n')
      .map((g) => g.trim())
      .filter(Boolean);
    create
      .mutateAsync({ params: { id: props.communeId }, body: { name, kind: kind ?? '', residentGroups } })
      .then(
        (h) => {
          setMessage({ ok: true, text: tt.commune.created(h.name) });
          setName('');
          setGroups('');
        },
        (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
      );
  };
  return (
    <Card withBorder maw={560}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {tt.commune.addHamlet}
          </Title>
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          <Group grow>
            <TextInput
              label={tt.commune.hamletName}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <Select
              label={tt.commune.hamletKind}
              data={kinds}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
            />
          </Group>
          <Textarea
            label={tt.commune.groupsField}
            value={groups}
            onChange={(e) => setGroups(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Button type="submit" w="fit-content" loading={create.isPending}>
            {tt.commune.create}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
