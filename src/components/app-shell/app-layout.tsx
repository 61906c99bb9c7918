import { Burger } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Link } from '../link';
import classes from './app-shell.module.css';
import { DeferredHeaderMenus } from './deferred-header-menus';
import { UpstreamBanner } from './upstream-banner';

export interface NavItem {
  label: string;
  to: NonNullable<LinkProps['to']>;
}

interface AppLayoutProps {
  accountName: string;
  /** The console is on a live amoCRM account (gateway mode), not the embedded demo. */
  live?: boolean;
  user: { name: string; email: string };
  navItems: readonly NavItem[];
  /** Header controls before the user menu (the command palette's button). */
  headerActions?: ReactNode;
  /** More navbar content under the items (saved views); gets the panel's close for phones. */
  navExtra?: (closeNavbar: () => void) => ReactNode;
  onSignOut: () => void;
  children: ReactNode;
}

const MAIN_ID = 'main-content';

/**
 * The signed-in frame: header, navbar (a panel behind a burger on small screens), content.
 *
 * Plain landmarks and a CSS module rather than Mantine's `AppShell`: AppShell brings its resize
 * machinery, media-query style injection and react-remove-scroll (~6 KB gzip) into the initial JS
 * of every page, for a layout that is three fixed boxes.
 */
export function AppLayout({
  accountName,
  live = false,
  user,
  navItems,
  navExtra,
  headerActions,
  onSignOut,
  children,
}: AppLayoutProps) {
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <div className={classes.shell} data-navbar-open={opened || undefined}>
      <a href={`#${MAIN_ID}`} className={classes.skipLink}>
        Skip to content
      </a>
      <header className={classes.header}>
        <div className={classes.headerStart}>
          <Burger
            className={classes.burger}
            opened={opened}
            onClick={toggle}
            size="sm"
            aria-label={opened ? 'Close navigation' : 'Open navigation'}
            aria-expanded={opened}
            aria-controls="app-navbar"
          />
          <span className={classes.accountName}>{accountName}</span>
          {live && (
            <span className={classes.liveBadge} title="A live amoCRM account, not demo data">
              Live
            </span>
          )}
        </div>
        <div className={classes.headerEnd}>
          {headerActions}
          <DeferredHeaderMenus name={user.name} email={user.email} onSignOut={onSignOut} />
        </div>
      </header>
      {live && <UpstreamBanner />}

      <nav className={classes.navbar} id="app-navbar" aria-label="Main">
        {navItems.map((item) => (
          <Link key={item.to} to={item.to} className={classes.navLink} onClick={close}>
            {item.label}
          </Link>
        ))}
        {navExtra?.(close)}
      </nav>

      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        {children}
      </main>
    </div>
  );
}
