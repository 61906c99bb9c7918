import { Stack, Text, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { RouteErrorComponent } from '../../components/error-state';

// Placeholder: replaced by the transactions feature.
export const Route = createFileRoute('/_app/transactions')({
  errorComponent: RouteErrorComponent,
  component: TransactionsPage,
});

function TransactionsPage() {
  return (
    <Stack gap="sm">
      <Title order={1}>Transactions</Title>
      <Text c="dimmed">The transactions list is on its way.</Text>
    </Stack>
  );
}
