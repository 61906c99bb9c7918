import {
  ActionIcon,
  Menu,
  useComputedColorScheme,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { MoonIcon, SunIcon } from '../icons';

const OPTIONS: Array<{ value: MantineColorScheme; label: string }> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Follow system' },
];

/**
 * Mantine's default manager remembers the choice in localStorage; `auto` (the default set in
 * main.tsx) follows the operating system, so "Follow system" must stay reachable after a switch.
 */
export function ColorSchemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label="Colour scheme">
          {computed === 'dark' ? <MoonIcon /> : <SunIcon />}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Colour scheme</Menu.Label>
        {OPTIONS.map((option) => (
          <Menu.Item
            key={option.value}
            role="menuitemradio"
            aria-checked={colorScheme === option.value}
            fw={colorScheme === option.value ? 700 : undefined}
            onClick={() => {
              setColorScheme(option.value);
            }}
          >
            {option.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
