import { Anchor, AppShell, Badge, Box, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../contract/auth';
import { t } from '../shared/strings';

/**
 * The app shell. The header is in the page's flow, not fixed at a height: on a 360–390 px phone its
 * links wrap onto a second line instead of being cut off or widening the page.
 */
export function Layout(props: { me: Me; homePath: string; onLogout: () => void; children: ReactNode }) {
  const { me } = props;
  return (
    <AppShell padding="md">
      <Box
        component="header"
        px="md"
        py="xs"
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          background: 'var(--mantine-color-body)',
        }}
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="md" wrap="nowrap">
            {/* The name links home; it is not a heading: each page's own title is its one h1. */}
            <Anchor component={Link} to={props.homePath} underline="never" fz="h3" fw={700} c="red.9">
              {t.appName}
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t.appTagline}
            </Text>
          </Group>
          <Group component="nav" aria-label={t.nav.label} gap="sm" wrap="wrap">
            <Anchor component={Link} to="/tim-kiem" size="sm">
              {t.nav.search}
            </Anchor>
            <Anchor component={Link} to="/quy-tac" size="sm">
              {t.nav.rules}
            </Anchor>
            <Anchor component={Link} to="/huong-dan" size="sm">
              {t.nav.guide}
            </Anchor>
            {me.user.role === 'admin' && (
              <>
                <Anchor component={Link} to="/quan-tri/nguoi-dung" size="sm">
                  {t.nav.users}
                </Anchor>
                {/* The API reference is for whoever connects other systems: the administrator. */}
                <Anchor href="/api/docs" size="sm" visibleFrom="md">
                  {t.nav.apiDocs}
                </Anchor>
              </>
            )}
            <Anchor
              component={Link}
              to="/tai-khoan"
              size="sm"
              fw={500}
              c="dark"
              data-testid="current-user"
              style={{ overflowWrap: 'anywhere' }}
            >
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
      </Box>
      <AppShell.Main>{props.children}</AppShell.Main>
    </AppShell>
  );
}
