import './lib/zod-config';
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './lib/query-client';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

const queryClient = createQueryClient({
  onUnauthorized: () => {
    const { location } = router.state;
    // Several queries may fail at once, and /login itself must not bounce to /login.
    if (location.pathname === '/login') return;
    queryClient.clear();
    void router.navigate({ to: '/login', search: { redirect: location.href }, replace: true });
  },
});
const router = createAppRouter(queryClient);

// Route components live in their own chunks, which the router asks for once the session check is
// done. Ask now instead, so the page's code arrives while the session and the data are fetched.
const [openingRoutes] = router.getMatchedRoutes(router.state.location.pathname);
for (const route of openingRoutes) void router.loadRouteChunk(route)?.catch(() => undefined);
// RouterProvider would start the first load after React's first render; starting it here sends
// the session check and the page's requests while React renders (the provider sees the load in
// flight and does not start another).
void router.load().catch(console.error);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
