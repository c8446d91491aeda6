import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import * as contract from '../../../contract/auth';
import type { Me } from '../../../contract/auth';
import { ApiError, call, errorText } from '../../shared/client';
import { t } from '../../shared/strings';
import { authText as s } from './strings';

export function LoginPage(props: { onLogin: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = needsCode ? { username, password, code } : { username, password };
    call(contract.login, { body }).then(props.onLogin, (e: unknown) => {
      if (e instanceof ApiError && e.code === 'totp-required') {
        setNeedsCode(true);
        setError(null);
      } else {
        setError(errorText(e));
      }
      setBusy(false);
    });
  };

  return (
    <Center component="main" mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Text fz="h2" fw={700} c="red.9">
                {t.appName}
              </Text>
              <Text c="dimmed" size="sm">
                {t.appTagline}
              </Text>
            </div>
            <Title order={1} size="h4">
              {s.login.title}
            </Title>
            {error && (
              <Alert color="red" title={s.login.failed} role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={s.login.username}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              required
              autoFocus
            />
            <PasswordInput
              label={s.login.password}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            {needsCode && (
              <TextInput
                label={s.login.code}
                description={s.login.codeHelp}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                autoFocus
              />
            )}
            <Button type="submit" loading={busy}>
              {s.login.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
