import { Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { treg as s } from './strings';

export const vnDate = (d: string | null | undefined) =>
  d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '';

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const KINDS = [
  ['khu-pho', 'Khu phố'],
  ['to-dan-pho', 'Tổ dân phố'],
  ['thon', 'Thôn'],
  ['ap', 'Ấp'],
  ['ban', 'Bản'],
  ['lang', 'Làng'],
  ['buon', 'Buôn'],
  ['soc', 'Sóc'],
  ['plei', 'Plei'],
  ['khom', 'Khóm'],
].map(([value, label]) => ({ value: value!, label: label! }));

export interface Decision {
  decisionNumber: string;
  decisionDate: string;
  issuingBody: string;
  effectiveOn: string;
}

/** The decision fields every change form carries. */
export function useDecision(today: string): [Decision, (d: Decision) => void] {
  return useState<Decision>({ decisionNumber: '', decisionDate: today, issuingBody: '', effectiveOn: today });
}

export function DecisionFields(props: { value: Decision; onChange: (d: Decision) => void; prefix: string }) {
  const set = (k: keyof Decision) => (e: React.ChangeEvent<HTMLInputElement>) =>
    props.onChange({ ...props.value, [k]: e.currentTarget.value });
  return (
    <Group align="end" gap="sm">
      <TextInput
        label={s.decision.number}
        value={props.value.decisionNumber}
        onChange={set('decisionNumber')}
        placeholder="12/QĐ-UBND"
        data-testid={`${props.prefix}-decision-number`}
        w={170}
      />
      <TextInput
        label={s.decision.date}
        type="date"
        value={props.value.decisionDate}
        onChange={set('decisionDate')}
        w={160}
      />
      <TextInput
        label={s.decision.effective}
        type="date"
        value={props.value.effectiveOn}
        onChange={set('effectiveOn')}
        data-testid={`${props.prefix}-effective`}
        w={160}
      />
      <TextInput
        label={s.decision.body}
        value={props.value.issuingBody}
        onChange={set('issuingBody')}
        placeholder="UBND phường"
        w={200}
      />
    </Group>
  );
}
