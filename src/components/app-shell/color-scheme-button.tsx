import { ActionIcon, useComputedColorScheme } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import { MoonIcon, SunIcon } from '../icons';

// Its own module (no Menu import), so the placeholder in DeferredHeaderMenus stays light.
/** The menu's button; also rendered alone as the placeholder until Menu's code has loaded. */
export function ColorSchemeButton(props: ComponentPropsWithoutRef<'button'>) {
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  return (
    <ActionIcon variant="default" size="lg" aria-label="Colour scheme" {...props}>
      {computed === 'dark' ? <MoonIcon /> : <SunIcon />}
    </ActionIcon>
  );
}
