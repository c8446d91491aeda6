import { Anchor, AppShell, Badge, Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../contract/auth';
import { t } from '../shared/strings';

export function Layout(props: { me: Me; homePath: string; onLogout: () => void; children: ReactNode }) {
  const { me } = props;
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Anchor component={Link} to={props.homePath} underline="never">
              <Title order={3} c="red.8">
                {t.appName}
              </Title>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t.appTagline}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Anchor component={Link} to="/tim-kiem" size="sm">
              {t.nav.search}
            </Anchor>
            <Anchor component={Link} to="/quy-tac" size="sm">
              {t.nav.rules}
            </Anchor>
            {me.user.role === 'admin' && (
              <Anchor component={Link} to="/quan-tri/nguoi-dung" size="sm">
                {t.nav.users}
              </Anchor>
            )}
            <Anchor href="/api/docs" size="sm" visibleFrom="md">
              {t.nav.apiDocs}
            </Anchor>
            <Anchor component={Link} to="/tai-khoan" size="sm" fw={500} c="dark" data-testid="current-user">
              {me.user.displayName}
            </Anchor>
            <Badge variant="light" visibleFrom="sm">
              {me.user.roleLabel}
            </Badge>
            <Button size="xs" variant="default" onClick={props.onLogout}>
              {t.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{props.children}</AppShell.Main>
    </AppShell>
  );
}
