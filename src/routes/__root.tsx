import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { DeferredOverlays } from '../components/deferred-overlays';
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
    <>
      <Outlet />
      {/* Inside the router so that links and hooks work in modal content. */}
      <DeferredOverlays />
    </>
  );
}
