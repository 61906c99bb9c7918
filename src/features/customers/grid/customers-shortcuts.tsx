import { ActionIcon } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { lazy, Suspense } from 'react';

// Mantine's Modal (focus trap, scroll lock, transitions) loads only when the dialog opens.
const ShortcutsDialog = lazy(() => import('./customers-shortcuts-dialog'));

/** `?` lists the grid's keyboard shortcuts; `/` focuses the search box. */
export function CustomersShortcuts() {
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([
    ['shift+?', open],
    [
      '/',
      () => {
        document.querySelector<HTMLInputElement>('[data-grid-search]')?.focus();
      },
    ],
  ]);
  return (
    <>
      <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={open}>
        ?
      </ActionIcon>
      {opened && (
        <Suspense fallback={null}>
          <ShortcutsDialog opened={opened} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
