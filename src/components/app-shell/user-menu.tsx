import { Menu } from '@mantine/core';
import { UserMenuButton } from './user-menu-button';

export interface UserMenuProps {
  name: string;
  email: string;
  onSignOut: () => void;
  /** Open at once (the menu was asked for while its code was still loading). */
  defaultOpened?: boolean;
  /** Take the focus on mount (its placeholder had it). */
  autoFocus?: boolean;
}

export function UserMenu({ name, email, onSignOut, defaultOpened, autoFocus }: UserMenuProps) {
  return (
    <Menu position="bottom-end" withinPortal defaultOpened={defaultOpened}>
      <Menu.Target>
        <UserMenuButton name={name} autoFocus={autoFocus} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{email}</Menu.Label>
        <Menu.Item onClick={onSignOut}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
