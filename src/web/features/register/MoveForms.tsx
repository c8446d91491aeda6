import { Alert, Button, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import type { HamletDetail, HouseholdPage } from '../../shared/api';
import { treg as s } from './strings';
import { useLoad } from '../../shared/use-load';
import { DecisionFields, KINDS, errorText, useDecision } from './common';
import type { HamletOption } from './types';

interface FormProps {
  communeId: string;
  today: string;
  hamlets: HamletOption[];
  onDone: (message: string) => void;
}

function useSubmit(onDone: (m: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const submit = <T,>(path: string, body: object, message: (r: T) => string) =>
    api.post<T>(path, body).then(
      (r) => {
        setError(null);
        onDone(message(r));
      },
      (e: unknown) => setError(errorText(e)),
    );
  return { error, submit };
}

/** The groups and households of the source hamlet to choose from. */
function Selection(props: {
  sourceId: string | null;
  groups: string[];
  households: string[];
  onGroups: (v: string[]) => void;
  onHouseholds: (v: string[]) => void;
}) {
  const [load] = useLoad(
    async () =>
      props.sourceId
        ? {
            hamlet: await api.get<HamletDetail>(`/api/hamlets/${props.sourceId}`),
            households: await api.get<HouseholdPage>(`/api/hamlets/${props.sourceId}/households?limit=500`),
          }
        : null,
    [props.sourceId],
  );
  if (load.state !== 'ready' || !load.data) return null;
  const { hamlet, households } = load.data;
  return (
    <>
      <MultiSelect
        label={s.move.groups}
        data={hamlet.groups.map((g) => ({ value: g.id, label: `${g.name} (${g.households} hộ)` }))}
        value={props.groups}
        onChange={props.onGroups}
        data-testid="move-groups"
        w={520}
      />
      <MultiSelect
        label={s.move.households}
        data={households.items.map((h) => ({
          value: h.id,
          label: `${h.code} — ${h.headName ?? ''}, ${h.address}`,
        }))}
        value={props.households}
        onChange={props.onHouseholds}
        searchable
        data-testid="move-households"
        w={520}
      />
    </>
  );
}

export function SplitForm(props: FormProps) {
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [groups, setGroups] = useState<string[]>([]);
  const [households, setHouseholds] = useState<string[]>([]);
  const [newName, setNewName] = useState('');
  const [newKind, setNewKind] = useState<string | null>('khu-pho');
  const [decision, setDecision] = useDecision(props.today);
  const { error, submit } = useSubmit(props.onDone);
  return (
    <Stack gap="sm" data-testid="split-form">
      <Text size="sm">{s.move.splitIntro}</Text>
      <Select
        label={s.move.source}
        data={props.hamlets.map((h) => ({ value: h.id, label: h.name }))}
        value={sourceId}
        onChange={setSourceId}
        w={260}
      />
      <Selection
        sourceId={sourceId}
        groups={groups}
        households={households}
        onGroups={setGroups}
        onHouseholds={setHouseholds}
      />
      <TextInput
        label={s.merge.newName}
        value={newName}
        onChange={(e) => setNewName(e.currentTarget.value)}
        w={260}
      />
      <Select label={s.merge.newKind} data={KINDS} value={newKind} onChange={setNewKind} w={160} />
      <DecisionFields value={decision} onChange={setDecision} prefix="split" />
      {error && <Alert color="red">{error}</Alert>}
      <Button
        w={220}
        onClick={() =>
          void submit<{ households: number }>(
            `/api/communes/${props.communeId}/hamlet-splits`,
            { sourceId, groupIds: groups, householdIds: households, newName, newKind, ...decision },
            (r) => s.move.done(r.households),
          )
        }
      >
        {s.move.submitSplit}
      </Button>
    </Stack>
  );
}

export function AttachForm(props: FormProps) {
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [groups, setGroups] = useState<string[]>([]);
  const [households, setHouseholds] = useState<string[]>([]);
  const [decision, setDecision] = useDecision(props.today);
  const { error, submit } = useSubmit(props.onDone);
  const options = props.hamlets.map((h) => ({ value: h.id, label: h.name }));
  return (
    <Stack gap="sm" data-testid="attach-form">
      <Text size="sm">{s.move.attachIntro}</Text>
      <Select label={s.move.source} data={options} value={sourceId} onChange={setSourceId} w={260} />
      <Selection
        sourceId={sourceId}
        groups={groups}
        households={households}
        onGroups={setGroups}
        onHouseholds={setHouseholds}
      />
      <Select
        label={s.move.target}
        data={options.filter((o) => o.value !== sourceId)}
        value={targetId}
        onChange={setTargetId}
        w={260}
      />
      <DecisionFields value={decision} onChange={setDecision} prefix="attach" />
      {error && <Alert color="red">{error}</Alert>}
      <Button
        w={220}
        onClick={() =>
          void submit<{ households: number }>(
            `/api/communes/${props.communeId}/hamlet-attachments`,
            { sourceId, targetId, groupIds: groups, householdIds: households, ...decision },
            (r) => s.move.done(r.households),
          )
        }
      >
        {s.move.submitAttach}
      </Button>
    </Stack>
  );
}

export function RenameForm(props: FormProps) {
  const [hamletId, setHamletId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [decision, setDecision] = useDecision(props.today);
  const { error, submit } = useSubmit(props.onDone);
  return (
    <Stack gap="sm" data-testid="rename-form">
      <Select
        label={s.rename.hamlet}
        data={props.hamlets.map((h) => ({ value: h.id, label: h.name }))}
        value={hamletId}
        onChange={setHamletId}
        w={260}
      />
      <TextInput
        label={s.rename.newName}
        value={newName}
        onChange={(e) => setNewName(e.currentTarget.value)}
        w={260}
      />
      <DecisionFields value={decision} onChange={setDecision} prefix="rename" />
      {error && <Alert color="red">{error}</Alert>}
      <Button
        w={220}
        onClick={() =>
          void submit(
            `/api/communes/${props.communeId}/hamlet-renames`,
            { hamletId, newName, ...decision },
            () => s.actions.done,
          )
        }
      >
        {s.rename.submit}
      </Button>
    </Stack>
  );
}

export function DissolveForm(props: FormProps) {
  const [hamletId, setHamletId] = useState<string | null>(null);
  const [decision, setDecision] = useDecision(props.today);
  const { error, submit } = useSubmit(props.onDone);
  return (
    <Stack gap="sm" data-testid="dissolve-form">
      <Text size="sm">{s.dissolve.hint}</Text>
      <Select
        label={s.dissolve.hamlet}
        data={props.hamlets.map((h) => ({ value: h.id, label: h.name }))}
        value={hamletId}
        onChange={setHamletId}
        w={260}
      />
      <DecisionFields value={decision} onChange={setDecision} prefix="dissolve" />
      {error && <Alert color="red">{error}</Alert>}
      <Button
        w={220}
        color="red"
        onClick={() =>
          void submit(
            `/api/communes/${props.communeId}/hamlet-dissolutions`,
            { hamletId, ...decision },
            () => s.actions.done,
          )
        }
      >
        {s.dissolve.submit}
      </Button>
    </Stack>
  );
}
