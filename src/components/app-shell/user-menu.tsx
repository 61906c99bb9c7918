import { Menu, type MenuItemProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';
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

// A menu item that is a real link (href, middle-click), keeping the menu's keyboard handling.
function MenuItemAnchor(
  props: MenuItemProps & Omit<ComponentPropsWithRef<'a'>, keyof MenuItemProps>,
) {
  return <Menu.Item component="a" {...props} />;
}
const MenuItemLink = createLink(MenuItemAnchor);

export function UserMenu({ name, email, onSignOut, defaultOpened, autoFocus }: UserMenuProps) {
  return (
    <Menu position="bottom-end" withinPortal defaultOpened={defaultOpened}>
      <Menu.Target>
        <UserMenuButton name={name} autoFocus={autoFocus} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{email}</Menu.Label>
        {/* Every user manages their own tokens; the Settings entry in the nav is admins' only. */}
        <MenuItemLink to="/settings/tokens">API tokens</MenuItemLink>
        <Menu.Item onClick={onSignOut}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
