import { Alert, Card, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import * as contract from '../../../contract/register';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { treg as s } from './strings';
import { AsOfSection } from './AsOfSection';
import { ChangesTable, FormerHamlets } from './ChangesSection';
import { EstablishPanel } from './EstablishPanel';
import { MergeWizard } from './MergeWizard';
import { AttachForm, DissolveForm, RenameForm, SplitForm } from './MoveForms';
import { PageHeading, useCommuneCrumbs } from '../../shared/PageHeading';

/** "Lịch sử thôn, tổ dân phố": the commune's hamlets over time, and the forms that change them. */
export function RegisterHistoryPage() {
  const { id = '' } = useParams();
  const place = useCommuneCrumbs(id);
  const query = useApiQuery(contract.getHistory, { params: { id } });
  const [message, setMessage] = useState<string | null>(null);
  if (!query.data) return <QueryStatus query={query} />;
  const h = query.data;
  // The forms' writes refresh the history, the as-of view and the dossiers themselves.
  const done = (m: string) => setMessage(m);
  const form = { communeId: id, today: h.today, hamlets: h.hamlets, onDone: done };
  return (
    <Stack>
      <PageHeading crumbs={place} here={s.link} title={s.title(h.communeName)} />
      {message && (
        <Alert color="green" withCloseButton onClose={() => setMessage(null)} data-testid="register-message">
          {message}
        </Alert>
      )}
      <AsOfSection communeId={id} today={h.today} />
      <Title order={2} size="h4">
        {s.changes.title}
      </Title>
      <ChangesTable changes={h.changes} />
      <FormerHamlets former={h.former} />
      {h.canManage && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {s.actions.title}
          </Title>
          <Tabs defaultValue="merge" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="merge">{s.actions.merge}</Tabs.Tab>
              <Tabs.Tab value="split">{s.actions.split}</Tabs.Tab>
              <Tabs.Tab value="attach">{s.actions.attach}</Tabs.Tab>
              <Tabs.Tab value="rename">{s.actions.rename}</Tabs.Tab>
              <Tabs.Tab value="dissolve">{s.actions.dissolve}</Tabs.Tab>
              <Tabs.Tab value="establish">{s.actions.establish}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="merge" pt="sm">
              <MergeWizard {...form} />
            </Tabs.Panel>
            <Tabs.Panel value="split" pt="sm">
              <SplitForm {...form} />
            </Tabs.Panel>
            <Tabs.Panel value="attach" pt="sm">
              <AttachForm {...form} />
            </Tabs.Panel>
            <Tabs.Panel value="rename" pt="sm">
              <RenameForm {...form} />
            </Tabs.Panel>
            <Tabs.Panel value="dissolve" pt="sm">
              <DissolveForm {...form} />
            </Tabs.Panel>
            <Tabs.Panel value="establish" pt="sm">
              <EstablishPanel communeId={id} today={h.today} onDone={done} />
            </Tabs.Panel>
          </Tabs>
        </Card>
      )}
    </Stack>
  );
}
