import {
  Menu,
  useMantineColorScheme,
  VisuallyHidden,
  type MantineColorScheme,
} from '@mantine/core';
import { CheckIcon } from '../icons';
import { ColorSchemeButton } from './color-scheme-button';

const OPTIONS: Array<{ value: MantineColorScheme; label: string }> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Follow system' },
];

/**
 * Mantine's default manager remembers the choice in localStorage; `auto` (the default set in
 * main.tsx) follows the operating system, so "Follow system" must stay reachable after a switch.
 */
export function ColorSchemeToggle({
  defaultOpened,
  autoFocus,
}: {
  /** Open at once (the menu was asked for while its code was still loading). */
  defaultOpened?: boolean;
  /** Take the focus on mount (its placeholder had it). */
  autoFocus?: boolean;
}) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  return (
    <Menu position="bottom-end" withinPortal defaultOpened={defaultOpened}>
      <Menu.Target>
        <ColorSchemeButton autoFocus={autoFocus} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Colour scheme</Menu.Label>
        {OPTIONS.map((option) => {
          const selected = colorScheme === option.value;
          // Mantine forces role="menuitem" (no aria-checked allowed), so the state is spoken as text.
          return (
            <Menu.Item
              key={option.value}
              rightSection={selected ? <CheckIcon /> : null}
              fw={selected ? 600 : undefined}
              onClick={() => {
                setColorScheme(option.value);
              }}
            >
              {option.label}
              {selected && <VisuallyHidden> (selected)</VisuallyHidden>}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
