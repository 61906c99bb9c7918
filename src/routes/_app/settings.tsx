import { Stack, Text, Title } from '@mantine/core';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { RouteErrorComponent } from '../../components/error-state';

// Placeholder: replaced by the settings feature (customers mode, API tokens).
export const Route = createFileRoute('/_app/settings')({
  beforeLoad: ({ context }) => {
    // Hidden from the navbar for non-admins; a typed-in URL must not show it either.
    if (!context.me.rights.is_admin) {
      throw redirect({ to: '/customers', replace: true });
    }
  },
  errorComponent: RouteErrorComponent,
  component: SettingsPage,
});

function SettingsPage() {
  return (
    <Stack gap="sm">
      <Title order={1}>Settings</Title>
      <Text c="dimmed">Account settings are on their way.</Text>
    </Stack>
  );
}
