import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import * as contract from '../../../contract/register';
import type { HamletOption, MergeInput, MergePreview } from '../../../contract/register';
import { z } from '../../../contract/zod';
import { errorText } from '../../shared/client';
import { ConfirmButton } from '../../shared/ConfirmButton';
import { vnDate } from '../../shared/format';
import { useApiMutation } from '../../shared/query';
import { DecisionFields, KINDS, decisionForm, decisionValues, registerReads } from './common';
import { treg as s } from './strings';

const NEW = '__new';

const mergeForm = decisionForm.extend({
  sourceIds: contract.mergeInput.shape.sourceIds.min(1, 'Hãy chọn các thôn, tổ dân phố sáp nhập.'),
  target: z.string().nullable(),
  newName: z.string().max(500),
  newKind: z.string().nullable(),
});
type MergeForm = z.infer<typeof mergeForm>;

/** Merge: choose, preview what moves, then confirm (the service does it all in one transaction). */
export function MergeWizard(props: {
  communeId: string;
  today: string;
  hamlets: HamletOption[];
  onDone: (message: string) => void;
}) {
  const form = useForm<MergeForm>({
    initialValues: {
      ...decisionValues(props.today),
      sourceIds: [],
      target: NEW,
      newName: '',
      newKind: 'khu-pho',
    },
    validate: zod4Resolver(mergeForm),
  });
  const [keep, setKeep] = useState<string[]>([]);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const previewMerge = useApiMutation(contract.previewMerge);
  const applyMerge = useApiMutation(contract.applyMerge, { invalidates: registerReads });
  const { sourceIds, target } = form.values;
  const options = props.hamlets.map((h) => ({ value: h.id, label: h.name }));
  const body = (v: MergeForm, keepIds: string[]): MergeInput => ({
    sourceIds: v.sourceIds,
    ...(v.target === NEW ? { newName: v.newName, newKind: v.newKind } : { targetId: v.target }),
    decisionNumber: v.decisionNumber,
    decisionDate: v.decisionDate,
    issuingBody: v.issuingBody,
    effectiveOn: v.effectiveOn,
    keepElectionIds: keepIds,
  });
  const runPreview = (v: MergeForm, keepIds = keep) =>
    previewMerge.mutateAsync({ params: { id: props.communeId }, body: body(v, keepIds) }).then(
      (p) => {
        setPreview(p);
        setError(null);
      },
      (e: unknown) => {
        setPreview(null);
        setError(errorText(e));
      },
    );
  const confirm = () =>
    applyMerge.mutateAsync({ params: { id: props.communeId }, body: body(form.values, keep) }).then(
      (r) => {
        setPreview(null);
        props.onDone(
          `${s.merge.done(r.preview.target.name)}${r.preview.target.isNew ? ` ${s.merge.interimHint}` : ''}`,
        );
      },
      (e: unknown) => setError(errorText(e)),
    );
  const toggleKeep = (id: string) => {
    const next = keep.includes(id) ? keep.filter((x) => x !== id) : [...keep, id];
    setKeep(next);
    void runPreview(form.values, next);
  };
  return (
    <Stack gap="sm" data-testid="merge-wizard">
      <Text size="sm">{s.merge.intro}</Text>
      <MultiSelect
        label={s.merge.sources}
        data={options}
        {...form.getInputProps('sourceIds')}
        data-testid="merge-sources"
        w={520}
      />
      <Group align="end">
        <Select
          label={s.merge.into}
          data={[
            { value: NEW, label: s.merge.intoNew },
            ...options.filter((o) => !sourceIds.includes(o.value)),
          ]}
          {...form.getInputProps('target')}
          data-testid="merge-target"
          w={260}
        />
        {target === NEW && (
          <>
            <TextInput
              label={s.merge.newName}
              {...form.getInputProps('newName')}
              data-testid="merge-new-name"
              w={220}
            />
            <Select label={s.merge.newKind} data={KINDS} {...form.getInputProps('newKind')} w={160} />
          </>
        )}
      </Group>
      <DecisionFields form={form} prefix="merge" />
      <Group>
        <Button
          variant="light"
          onClick={() => form.onSubmit((v) => void runPreview(v))()}
          loading={previewMerge.isPending}
          data-testid="merge-preview"
        >
          {s.merge.preview}
        </Button>
        <ConfirmButton
          color="orange"
          disabled={!preview || preview.problems.length > 0}
          loading={applyMerge.isPending}
          question={s.merge.confirmQuestion}
          onConfirm={confirm}
          data-testid="merge-confirm"
        >
          {s.merge.confirm}
        </ConfirmButton>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {preview && <PreviewCard preview={preview} keep={keep} onToggle={toggleKeep} />}
    </Stack>
  );
}

function PreviewCard(props: { preview: MergePreview; keep: string[]; onToggle: (id: string) => void }) {
  const p = props.preview;
  const terms = p.sources.flatMap((x) => x.endingTerms.map((t) => ({ ...t, hamlet: x.name })));
  return (
    <Card withBorder bg="gray.0" data-testid="merge-preview-card">
      <Stack gap={6}>
        <Text fw={700}>
          {s.merge.previewTitle}: {p.sources.map((x) => x.name).join(', ')} → {p.target.name} (
          {vnDate(p.effectiveOn)})
        </Text>
        <Text size="sm" data-testid="merge-households">
          {s.merge.households(p.totals.households, p.totals.householdsAfter)}{' '}
          {s.merge.residents(p.totals.residents)}
        </Text>
        <Text size="sm" fw={600}>
          {s.merge.groups} ({p.totals.groups})
        </Text>
        <Text size="sm">
          {p.sources
            .flatMap((x) => x.groups.map((g) => (g.newName === g.name ? g.name : `${g.name} → ${g.newName}`)))
            .join(', ')}
        </Text>
        <Text size="sm" fw={600}>
          {s.merge.elections}
        </Text>
        {p.elections.length === 0 && <Text size="sm">—</Text>}
        {p.elections.map((e) => (
          <Group key={e.id} gap="xs" data-testid="merge-election">
            <Text size="sm">
              {e.hamletName}: {e.positionTitle} ({e.termLabel}, {e.stateLabel}) —{' '}
            </Text>
            <Badge color={e.action === 'stop' ? 'red' : 'blue'} variant="light">
              {s.merge.electionAction[e.action]}
            </Badge>
            {e.roll === 'draftReset' && (
              <Badge color="orange" variant="light">
                {s.merge.rollReset}
              </Badge>
            )}
            {e.action !== 'stay' &&
              p.elections.filter((x) => x.positionTitle === e.positionTitle).length > 1 && (
                <Checkbox
                  size="xs"
                  label={s.merge.keep}
                  checked={props.keep.includes(e.id)}
                  onChange={() => props.onToggle(e.id)}
                />
              )}
          </Group>
        ))}
        <Text size="sm" fw={600}>
          {s.merge.terms}
        </Text>
        {terms.length === 0 ? (
          <Text size="sm">{s.merge.noTerms}</Text>
        ) : (
          <List size="sm">
            {terms.map((t) => (
              <List.Item key={t.id}>
                {t.hamlet}: {t.positionTitle} {t.holderName} (từ {vnDate(t.startOn)})
              </List.Item>
            ))}
          </List>
        )}
        {p.problems.length > 0 && (
          <Alert color="red" title={s.merge.problems} data-testid="merge-problems">
            {p.problems.map((x) => (
              <Text key={x} size="sm">
                {x}
              </Text>
            ))}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
