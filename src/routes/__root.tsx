import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { RouteErrorComponent } from '../components/error-state';
import { NotFound } from '../components/not-found';

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootComponent,
  errorComponent: RouteErrorComponent,
  notFoundComponent: NotFound,
});

function RootComponent() {
  return (
    // Inside the router so that links and hooks work in modal content.
    <ModalsProvider>
      <Notifications position="top-right" />
      <Outlet />
    </ModalsProvider>
  );
}
