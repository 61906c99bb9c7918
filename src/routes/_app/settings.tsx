import { Stack, Title } from '@mantine/core';
import { createFileRoute, Outlet } from '@tanstack/react-router';
import { RouteErrorComponent } from '../../components/error-state';
import { SettingsNav } from '../../features/settings/components/settings-nav';

/**
 * Settings: the admins' room, plus each user's own API tokens. Non-administrators who open an
 * admin section by URL get an "Administrators only" page rather than a redirect, so they know
 * why; the server refuses their writes whatever the console shows.
 */
export const Route = createFileRoute('/_app/settings')({
  errorComponent: RouteErrorComponent,
  component: SettingsLayout,
});

function SettingsLayout() {
  const { me } = Route.useRouteContext();
  return (
    <Stack gap="lg">
      <Title order={1}>Settings</Title>
      <SettingsNav isAdmin={me.rights.is_admin} />
      <Outlet />
    </Stack>
  );
}
