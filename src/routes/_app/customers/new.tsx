import { Stack, Text, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { RouteErrorComponent } from '../../../components/error-state';

// Placeholder: the forms engineer replaces this with the create-customer form.
export const Route = createFileRoute('/_app/customers/new')({
  errorComponent: RouteErrorComponent,
  component: NewCustomerPage,
});

function NewCustomerPage() {
  return (
    <Stack gap="sm">
      <Title order={1}>New customer</Title>
      <Text c="dimmed">The customer form is on its way.</Text>
    </Stack>
  );
}
