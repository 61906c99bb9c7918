import { Anchor, AppShell, Burger, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Link } from '../link';
import classes from './app-shell.module.css';
import { DeferredHeaderMenus } from './deferred-header-menus';

export interface NavItem {
  label: string;
  to: NonNullable<LinkProps['to']>;
}

interface AppLayoutProps {
  accountName: string;
  user: { name: string; email: string };
  navItems: readonly NavItem[];
  onSignOut: () => void;
  children: ReactNode;
}

const MAIN_ID = 'main-content';

/** The signed-in frame: header, navbar (a drawer behind a burger on small screens), content. */
export function AppLayout({ accountName, user, navItems, onSignOut, children }: AppLayoutProps) {
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <Anchor href={`#${MAIN_ID}`} className={classes.skipLink}>
        Skip to content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Text fw={700} truncate="end">
              {accountName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <DeferredHeaderMenus name={user.name} email={user.email} onSignOut={onSignOut} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="app-navbar" aria-label="Main">
        <Stack gap={4}>
          {navItems.map((item) => (
            <Link key={item.to} to={item.to} className={classes.navLink} onClick={close}>
              {item.label}
            </Link>
          ))}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
