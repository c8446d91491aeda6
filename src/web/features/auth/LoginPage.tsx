import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../../shared/api';
import type { Me } from '../../shared/api';
import { t } from '../../shared/strings';

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
    api.post<Me>('/api/auth/login', body).then(props.onLogin, (e: unknown) => {
      if (e instanceof ApiError && e.code === 'totp-required') {
        setNeedsCode(true);
        setError(null);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
      setBusy(false);
    });
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2} c="red.8">
                {t.appName}
              </Title>
              <Text c="dimmed" size="sm">
                {t.appTagline}
              </Text>
            </div>
            <Title order={4}>{t.login.title}</Title>
            {error && (
              <Alert color="red" title={t.login.failed} role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t.login.username}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              required
              autoFocus
            />
            <PasswordInput
              label={t.login.password}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            {needsCode && (
              <TextInput
                label={t.login.code}
                description={t.login.codeHelp}
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
              {t.login.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
