import { Alert, Button, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import * as territory from '../../../contract/territory';
import { useForm } from '@mantine/form';
import type { UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import * as people from '../../../contract/people';
import * as contract from '../../../contract/register';
import type { HamletOption } from '../../../contract/register';
import { z } from '../../../contract/zod';
import { errorText } from '../../shared/client';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { useApiMutation, useApiQuery } from '../../shared/query';
import { DecisionFields, KINDS, chosen, decisionForm, decisionValues, registerReads } from './common';
import { treg as s } from './strings';

interface FormProps {
  communeId: string;
  today: string;
  hamlets: HamletOption[];
  onDone: (message: string) => void;
}

/** Runs a write; says what it did, or why it was refused. */
function useOutcome(onDone: (m: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const report = <T,>(p: Promise<T>, message: (r: T) => string) =>
    p.then(
      (r) => {
        setError(null);
        onDone(message(r));
      },
      (e: unknown) => setError(errorText(e)),
    );
  return { error, report };
}

const ids = z.array(z.string());
const selectionForm = decisionForm.extend({ sourceId: chosen, groupIds: ids, householdIds: ids });
type SelectionForm = z.infer<typeof selectionForm>;

/** The groups and households of the source hamlet to choose from. */
function Selection<F extends SelectionForm>(props: { form: UseFormReturnType<F> }) {
  const sourceId = props.form.values.sourceId;
  // The hamlet's groups come with its page, from the territory routes.
  const hamlet = useApiQuery(territory.getHamlet, { params: { id: sourceId } }, { enabled: sourceId !== '' });
  const groups = hamlet.data?.groups;
  const households = useApiQuery(
    people.listHouseholds,
    { params: { id: sourceId }, query: { limit: 500 } },
    { enabled: sourceId !== '' },
  );
  if (!sourceId || !groups || !households.data) return null;
  return (
    <>
      <MultiSelect
        label={s.move.groups}
        data={groups.map((g) => ({ value: g.id, label: `${g.name} (${g.households} hộ)` }))}
        {...props.form.getInputProps('groupIds')}
        data-testid="move-groups"
        w={520}
      />
      <MultiSelect
        label={s.move.households}
        data={households.data.items.map((h) => ({
          value: h.id,
          label: `${h.code} — ${h.headName ?? ''}, ${h.address}`,
        }))}
        {...props.form.getInputProps('householdIds')}
        searchable
        data-testid="move-households"
        w={520}
      />
    </>
  );
}

const splitForm = selectionForm.extend({ newName: z.string().max(500), newKind: z.string().nullable() });
type SplitForm = z.infer<typeof splitForm>;

export function SplitForm(props: FormProps) {
  const form = useForm<SplitForm>({
    initialValues: {
      ...decisionValues(props.today),
      sourceId: '',
      groupIds: [],
      householdIds: [],
      newName: '',
      newKind: 'khu-pho',
    },
    validate: zod4Resolver(splitForm),
  });
  const split = useApiMutation(contract.splitHamlet, { invalidates: registerReads });
  const { error, report } = useOutcome(props.onDone);
  const submit = (v: SplitForm) =>
    void report(
      split.mutateAsync({ params: { id: props.communeId }, body: { ...v, newKind: v.newKind ?? '' } }),
      (r) => s.move.done(r.households),
    );
  return (
    <Stack gap="sm" data-testid="split-form">
      <Text size="sm">{s.move.splitIntro}</Text>
      <Select
        label={s.move.source}
        data={props.hamlets.map((h) => ({ value: h.id, label: h.name }))}
        {...form.getInputProps('sourceId')}
        w={260}
      />
      <Selection form={form} />
      <TextInput label={s.merge.newName} {...form.getInputProps('newName')} w={260} />
      <Select label={s.merge.newKind} data={KINDS} {...form.getInputProps('newKind')} w={160} />
      <DecisionFields form={form} prefix="split" />
      {error && <Alert color="red">{error}</Alert>}
      <Button w={220} loading={split.isPending} onClick={() => form.onSubmit(submit)()}>
        {s.move.submitSplit}
      </Button>
    </Stack>
  );
}

const attachForm = selectionForm.extend({ targetId: chosen });
type AttachForm = z.infer<typeof attachForm>;

export function AttachForm(props: FormProps) {
  const form = useForm<AttachForm>({
    initialValues: {
      ...decisionValues(props.today),
      sourceId: '',
      targetId: '',
      groupIds: [],
      householdIds: [],
    },
    validate: zod4Resolver(attachForm),
  });
  const attach = useApiMutation(contract.attachCluster, { invalidates: registerReads });
  const { error, report } = useOutcome(props.onDone);
  const options = props.hamlets.map((h) => ({ value: h.id, label: h.name }));
  const submit = (v: AttachForm) =>
    void report(attach.mutateAsync({ params: { id: props.communeId }, body: v }), (r) =>
      s.move.done(r.households),
    );
  return (
    <Stack gap="sm" data-testid="attach-form">
      <Text size="sm">{s.move.attachIntro}</Text>
      <Select label={s.move.source} data={options} {...form.getInputProps('sourceId')} w={260} />
      <Selection form={form} />
      <Select
        label={s.move.target}
        data={options.filter((o) => o.value !== form.values.sourceId)}
        {...form.getInputProps('targetId')}
        w={260}
      />
      <DecisionFields form={form} prefix="attach" />
      {error && <Alert color="red">{error}</Alert>}
      <Button w={220} loading={attach.isPending} onClick={() => form.onSubmit(submit)()}>
        {s.move.submitAttach}
      </Button>
    </Stack>
  );
}

const renameForm = decisionForm.extend({ hamletId: chosen, newName: z.string().max(500) });
type RenameForm = z.infer<typeof renameForm>;

export function RenameForm(props: FormProps) {
  const form = useForm<RenameForm>({
    initialValues: { ...decisionValues(props.today), hamletId: '', newName: '' },
    validate: zod4Resolver(renameForm),
  });
  const rename = useApiMutation(contract.renameHamlet, { invalidates: registerReads });
  const { error, report } = useOutcome(props.onDone);
  const submit = (v: RenameForm) =>
    void report(rename.mutateAsync({ params: { id: props.communeId }, body: v }), () => s.actions.done);
  return (
    <Stack gap="sm" data-testid="rename-form">
      <Select
        label={s.rename.hamlet}
        data={props.hamlets.map((h) => ({ value: h.id, label: h.name }))}
        {...form.getInputProps('hamletId')}
        w={260}
      />
      <TextInput label={s.rename.newName} {...form.getInputProps('newName')} w={260} />
      <DecisionFields form={form} prefix="rename" />
      {error && <Alert color="red">{error}</Alert>}
      <Button w={220} loading={rename.isPending} onClick={() => form.onSubmit(submit)()}>
        {s.rename.submit}
      </Button>
    </Stack>
  );
}

const dissolveForm = decisionForm.extend({ hamletId: chosen });
type DissolveForm = z.infer<typeof dissolveForm>;

export function DissolveForm(props: FormProps) {
  const form = useForm<DissolveForm>({
    initialValues: { ...decisionValues(props.today), hamletId: '' },
    validate: zod4Resolver(dissolveForm),
  });
  const dissolve = useApiMutation(contract.dissolveHamlet, { invalidates: registerReads });
  const { error, report } = useOutcome(props.onDone);
  const submit = (v: DissolveForm) =>
    void report(dissolve.mutateAsync({ params: { id: props.communeId }, body: v }), () => s.actions.done);
  return (
    <Stack gap="sm" data-testid="dissolve-form">
      <Text size="sm">{s.dissolve.hint}</Text>
      <Select
        label={s.dissolve.hamlet}
        data={props.hamlets.map((h) => ({ value: h.id, label: h.name }))}
        {...form.getInputProps('hamletId')}
        w={260}
      />
      <DecisionFields form={form} prefix="dissolve" />
      {error && <Alert color="red">{error}</Alert>}
      <ConfirmButton
        w={220}
        color="red"
        loading={dissolve.isPending}
        question={s.dissolve.question}
        onConfirm={() => form.onSubmit(submit)()}
      >
        {s.dissolve.submit}
      </ConfirmButton>
    </Stack>
  );
}
