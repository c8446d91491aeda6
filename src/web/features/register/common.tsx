import { Group, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import * as contract from '../../../contract/register';
import { z } from '../../../contract/zod';
import { treg as s } from './strings';
import { DateInput } from '../../shared/DateInput';

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

/** The reads a change to the register alters: they are fetched again after it. */
export const registerReads = [contract.getHistory, contract.getAsOf, contract.listEstablishments];

/** The decision every change form carries, as typed (the service checks the dates against today). */
export const decisionForm = contract.decisionInput.omit({ note: true }).extend({
  decisionNumber: z.string().max(100),
  decisionDate: z.string().max(10),
  issuingBody: z.string().max(500),
});
export type DecisionForm = z.infer<typeof decisionForm>;

export const decisionValues = (today: string): DecisionForm => ({
  decisionNumber: '',
  decisionDate: today,
  issuingBody: '',
  effectiveOn: today,
});

/** A chosen hamlet: the form says so before anything is sent. */
export const chosen = z.string({ error: 'Hãy chọn thôn, tổ dân phố.' }).min(1, 'Hãy chọn thôn, tổ dân phố.');

export function DecisionFields<F extends DecisionForm>(props: {
  form: UseFormReturnType<F>;
  prefix: string;
}) {
  const input = (k: keyof DecisionForm) => props.form.getInputProps(k);
  return (
    <Group align="end" gap="sm">
      <TextInput
        label={s.decision.number}
        {...input('decisionNumber')}
        placeholder="12/QĐ-UBND"
        data-testid={`${props.prefix}-decision-number`}
        w={170}
      />
      <DateInput label={s.decision.date} {...input('decisionDate')} w={160} />
      <DateInput
        label={s.decision.effective}
        {...input('effectiveOn')}
        data-testid={`${props.prefix}-effective`}
        w={160}
      />
      <TextInput label={s.decision.body} {...input('issuingBody')} placeholder="UBND phường" w={200} />
    </Group>
  );
}
