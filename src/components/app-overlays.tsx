import '@mantine/notifications/styles.css';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';

/**
 * The app-wide notification stack and modals host. Loaded after the first paint (see
 * `DeferredOverlays`): Modal pulls in ScrollArea, RemoveScroll and floating-ui, Notifications
 * react-transition-group — ~20 KB gzip that no first screen needs. `notifications.show()` and
 * `modals.open*()` work from anywhere: notifications queue in their store until this mounts, and
 * no person can open a modal before it does.
 */
export default function AppOverlays() {
  return (
    <>
      <ModalsProvider />
      <Notifications position="top-right" />
    </>
  );
}
