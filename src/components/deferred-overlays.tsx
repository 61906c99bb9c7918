import { lazy, Suspense, useEffect, useState } from 'react';

const AppOverlays = lazy(() => import('./app-overlays'));

/** Mounts the notifications and modals host once the browser is idle after the first paint. */
export function DeferredOverlays() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setReady(true), { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => setReady(true), 200);
    return () => window.clearTimeout(id);
  }, []);
  return ready ? (
    <Suspense fallback={null}>
      <AppOverlays />
    </Suspense>
  ) : null;
}
