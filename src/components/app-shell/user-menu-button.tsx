import { Avatar, Group, Text, UnstyledButton } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import { ChevronDownIcon } from '../icons';
import classes from './app-shell.module.css';

// Its own module (no Menu import), so the placeholder in DeferredHeaderMenus stays light.
/** The menu's button; also rendered alone as the placeholder until Menu's code has loaded. */
export function UserMenuButton({
  name,
  ...props
}: { name: string } & ComponentPropsWithoutRef<'button'>) {
  return (
    <UnstyledButton
      className={classes.userButton}
      aria-label={`Account menu for ${name}`}
      {...props}
    >
      <Group gap="xs" wrap="nowrap">
        {/* A fixed colour: name-hashed "initials" colours include some below 4.5:1 contrast. */}
        <Avatar name={name} color="indigo" variant="filled" size="sm" />
        <Text size="sm" fw={500} visibleFrom="xs">
          {name}
        </Text>
        <ChevronDownIcon />
      </Group>
    </UnstyledButton>
  );
}
