import { Stack, Text, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { RouteErrorComponent } from '../../../components/error-state';
import { PagePending } from '../../../components/page-pending';

// Placeholder: the customer page engineer replaces this with a loader and the customer view.
export const Route = createFileRoute('/_app/customers/$customerId')({
  errorComponent: RouteErrorComponent,
  pendingComponent: PagePending,
  component: CustomerPage,
});

function CustomerPage() {
  const { customerId } = Route.useParams();
  return (
    <Stack gap="sm">
      <Title order={1}>Customer</Title>
      <Text c="dimmed">Customer #{customerId}</Text>
    </Stack>
  );
}
