import { Stack, Text, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { RouteErrorComponent } from '../../../components/error-state';

// Placeholder: the grid engineer replaces this with validateSearch + loader + the customers grid.
export const Route = createFileRoute('/_app/customers/')({
  errorComponent: RouteErrorComponent,
  component: CustomersPage,
});

function CustomersPage() {
  return (
    <Stack gap="sm">
      <Title order={1}>Customers</Title>
      <Text c="dimmed">The customers grid is on its way.</Text>
    </Stack>
  );
}
