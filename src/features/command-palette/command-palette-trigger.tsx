import { ActionIcon, Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { SearchIcon } from '../../components/icons';
import type { Me } from '../../contracts/auth';

// Spotlight and its styles load on the first ⌘K or click, not with the first page.
const CommandPalette = lazy(() => import('./command-palette'));

/** The header's search button, and ⌘K / Ctrl+K anywhere (form fields included). */
export function CommandPaletteTrigger({ me }: { me: Me }) {
  const [openRequest, setOpenRequest] = useState(0);
  const open = () => {
    setOpenRequest((count) => count + 1);
  };
  useHotkeys([['mod+K', open]], []);

  return (
    <>
      <Button
        variant="default"
        size="sm"
        visibleFrom="sm"
        onClick={open}
        aria-keyshortcuts="Control+K Meta+K"
        leftSection={<SearchIcon width={16} height={16} />}
        rightSection={<Kbd size="xs">Ctrl K</Kbd>}
      >
        Search
      </Button>
      {/* Phones: the same action as an icon, so the header never clips it. */}
      <ActionIcon
        variant="default"
        size="lg"
        hiddenFrom="sm"
        onClick={open}
        aria-label="Open the command palette"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <SearchIcon />
      </ActionIcon>
      {openRequest > 0 && (
        <Suspense fallback={null}>
          <CommandPalette me={me} openRequest={openRequest} />
        </Suspense>
      )}
    </>
  );
}
