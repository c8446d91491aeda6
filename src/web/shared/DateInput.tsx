import { TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { vnDate } from './format';
import { t } from './strings';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** The civil date as the contract carries it (YYYY-MM-DD), or '' for none. */
  value?: string | null;
  /** Called with YYYY-MM-DD once the text is a whole valid date, '' when cleared. */
  onChange?: (iso: string) => void;
};

/**
 * 'd/m/yyyy' (or with '.' or '-') as YYYY-MM-DD when it is a real day; undefined otherwise. A date
 * pasted as YYYY-MM-DD is taken too.
 */
export function parseVnDate(text: string): string | undefined {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  const m = iso ? [iso[0], iso[3], iso[2], iso[1]] : /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date box that reads and writes dd/mm/yyyy whatever the browser's language: the native date input
 * shows mm/dd/yyyy on an English system, which officials misread. Typing '05/09/1980' gives
 * '1980-09-05' to the form; an impossible date ('31/02/2024') says so under the box.
 */
export function DateInput(props: Props) {
  const { value, onChange, error, onBlur, ...rest } = props;
  const [text, setText] = useState(vnDate(value ?? ''));
  const [bad, setBad] = useState(false);
  // A form reset or a value set from outside shows in the box.
  useEffect(() => {
    if ((value ?? '') !== (parseVnDate(text) ?? '')) {
      setText(vnDate(value ?? ''));
      setBad(false);
    }
    // Only an outside change of value resets the text (typing a partial date must not).
  }, [value]);
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      placeholder={rest.placeholder ?? t.datePlaceholder}
      value={text}
      error={error ?? (bad ? t.dateInvalid : undefined)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const iso = parseVnDate(next);
        if (next.trim() === '') {
          setBad(false);
          onChange?.('');
        } else if (iso) {
          setBad(false);
          onChange?.(iso);
        }
      }}
      onBlur={(e) => {
        setBad(text.trim() !== '' && parseVnDate(text) === undefined);
        onBlur?.(e);
      }}
    />
  );
}
