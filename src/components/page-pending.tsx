import { Center, Loader } from '@mantine/core';

/** Shown by the router only when a route's loader outlasts `pendingMs`, so fast loads never flash. */
export function PagePending() {
  return (
    <Center py="xl" role="status" aria-label="Loading">
      <Loader size="sm" />
    </Center>
  );
}
