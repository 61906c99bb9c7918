import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { authQueries } from '../../api/auth-queries';

const SaveViewModal = lazy(() => import('./save-view-modal'));

/** "Save view" on the grid: names the grid's current URL. */
export function SaveViewButton() {
  const [open, setOpen] = useState(false);
  // The shell has the signed-in user already; only administrators may share a view.
  const isAdmin = useQuery(authQueries.me()).data?.rights.is_admin ?? false;
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setOpen(true);
        }}
      >
        Save view
      </Button>
      {open && (
        <Suspense fallback={null}>
          <SaveViewModal
            isAdmin={isAdmin}
            onClose={() => {
              setOpen(false);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
