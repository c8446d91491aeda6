import { Alert, Button, Card, Code, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import * as contract from '../../../contract/auth';
import type { Me } from '../../../contract/auth';
import { errorText } from '../../shared/client';
import { useApiMutation } from '../../shared/query';
import { authText as t } from './strings';
import { TotpQr } from './TotpQr';
import { PageHeading, homeCrumbs } from '../../shared/PageHeading';

type Message = { ok: boolean; text: string } | null;

/** The signed-in user's own account: password, sessions, two-factor login. */
export function AccountPage(props: { me: Me; onLoggedOut: () => void; onChanged: () => void }) {
  const everywhere = useApiMutation(contract.logoutEverywhere);
  return (
    <Stack maw={560}>
      <PageHeading crumbs={homeCrumbs} title={t.account.title} />
      <ChangePassword />
      <TwoFactor enabled={props.me.user.totpEnabled} onChanged={props.onChanged} />
      <Card withBorder>
        <Button
          variant="light"
          color="red"
          w="fit-content"
          loading={everywhere.isPending}
          onClick={() => void everywhere.mutateAsync({}).then(props.onLoggedOut)}
        >
          {t.account.everywhere}
        </Button>
      </Card>
    </Stack>
  );
}

function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const change = useApiMutation(contract.changePassword);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutateAsync({ body: { current, next } }).then(
      () => {
        setMessage({ ok: true, text: t.account.changed });
        setCurrent('');
        setNext('');
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.account.password}
          </Title>
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
          <PasswordInput
            label={t.account.current}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
            autoComplete="current-password"
          />
          <PasswordInput
            label={t.account.next}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            required
            autoComplete="new-password"
          />
          <Button type="submit" w="fit-content" loading={change.isPending}>
            {t.account.change}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function TwoFactor(props: { enabled: boolean; onChanged: () => void }) {
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const setup = useApiMutation(contract.setupTotp);
  const enabling = useApiMutation(contract.enableTotp);
  const disabling = useApiMutation(contract.disableTotp);
  const start = () =>
    setup.mutateAsync({}).then(setSecret, (e: unknown) => setMessage({ ok: false, text: errorText(e) }));
  const enable = () =>
    enabling.mutateAsync({ body: { code } }).then(
      () => {
        setMessage({ ok: true, text: t.account.totpEnabled });
        setSecret(null);
        props.onChanged();
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  const disable = () =>
    disabling.mutateAsync({ body: { password } }).then(
      () => {
        setMessage({ ok: true, text: t.account.totpDisabled });
        props.onChanged();
      },
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.account.totp}
        </Title>
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <Text size="sm">{props.enabled ? t.account.totpOn : t.account.totpOff}</Text>
        {!props.enabled && !secret && (
          <Button variant="light" w="fit-content" onClick={() => void start()}>
            {t.account.totpStart}
          </Button>
        )}
        {!props.enabled && secret && (
          <>
            <Text size="sm">{t.account.totpSecret}</Text>
            <TotpQr uri={secret.uri} />
            <Code block data-testid="totp-secret">
              {secret.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Code>
            <TextInput
              label={t.login.code}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              maxLength={6}
            />
            <Button w="fit-content" onClick={() => void enable()}>
              {t.account.totpConfirm}
            </Button>
          </>
        )}
        {props.enabled && (
          <>
            <PasswordInput
              label={t.account.current}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button variant="subtle" color="red" w="fit-content" onClick={() => void disable()}>
              {t.account.totpDisable}
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
