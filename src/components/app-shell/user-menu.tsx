import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { ChevronDownIcon } from '../icons';
import classes from './app-shell.module.css';

interface UserMenuProps {
  name: string;
  email: string;
  onSignOut: () => void;
}

export function UserMenu({ name, email, onSignOut }: UserMenuProps) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={`Account menu for ${name}`}>
          <Group gap="xs" wrap="nowrap">
            {/* A fixed colour: name-hashed "initials" colours include some below 4.5:1 contrast. */}
            <Avatar name={name} color="indigo" variant="filled" size="sm" />
            <Text size="sm" fw={500} visibleFrom="xs">
              {name}
            </Text>
            <ChevronDownIcon />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{email}</Menu.Label>
        <Menu.Item onClick={onSignOut}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
