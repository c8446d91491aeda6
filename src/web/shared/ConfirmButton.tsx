/**
 * A button for an action that cannot be undone (closing the poll, closing the count, fixing a list):
 * the first tap asks, in words, what will happen; only "Xác nhận" does it. Inline rather than a
 * dialog, so that it fits a phone and the question sits where the finger is.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';

export function ConfirmButton(
  props: ButtonProps & {
    /** What the action does and why it is final, e.g. "Sau khi kết thúc, không nhận thêm cử tri." */
    question: ReactNode;
    onConfirm: () => void | Promise<void>;
    children: ReactNode;
    confirmLabel?: string;
  },
) {
  const { question, onConfirm, children, confirmLabel = 'Xác nhận', ...button } = props;
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button {...button} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  return (
    <Alert color={button.color ?? 'orange'} role="alertdialog" aria-live="assertive" p="sm">
      <Text size="sm" fw={600} mb="xs">
        {question}
      </Text>
      <Group gap="xs">
        <Button
          color={button.color ?? 'orange'}
          loading={button.loading}
          onClick={() => {
            setAsking(false);
            void onConfirm();
          }}
        >
          {confirmLabel}: {children}
        </Button>
        <Button variant="default" onClick={() => setAsking(false)}>
          Hủy
        </Button>
      </Group>
    </Alert>
  );
}
