import { Group } from '@mantine/core';
import type { LinkProps } from '@tanstack/react-router';
import { Link } from '../../../components/link';
import classes from './settings-nav.module.css';

interface Section {
  label: string;
  to: NonNullable<LinkProps['to']>;
}

const ADMIN_SECTIONS: readonly Section[] = [
  { label: 'Customers mode', to: '/settings' },
  { label: 'Segments', to: '/settings/segments' },
  { label: 'Users', to: '/settings/users' },
  { label: 'API tokens', to: '/settings/tokens' },
];
const USER_SECTIONS: readonly Section[] = [{ label: 'API tokens', to: '/settings/tokens' }];

/** Links, not tabs: every section has its own bookmarkable URL. */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const sections = isAdmin ? ADMIN_SECTIONS : USER_SECTIONS;
  return (
    <nav aria-label="Settings sections">
      <Group gap="xs" className={classes.bar}>
        {sections.map((section) => (
          <Link
            key={section.to}
            to={section.to}
            // `/settings` would otherwise stay active on every child.
            activeOptions={{ exact: true }}
            className={classes.link}
          >
            {section.label}
          </Link>
        ))}
      </Group>
    </nav>
  );
}
