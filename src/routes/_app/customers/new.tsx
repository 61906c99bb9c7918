import { Stack, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { referenceQueries } from '../../../api/reference';
import { RouteErrorComponent } from '../../../components/error-state';
import { BackToGrid } from '../../../features/customers/grid/back-to-grid';
import { CreateCustomersForm } from '../../../features/customers/create/form/create-customers-form';

export const Route = createFileRoute('/_app/customers/new')({
  // The inputs for custom fields are built from the definitions: have them before rendering.
  // Users, tags and segments only fill pickers, so they load alongside.
  loader: ({ context }) => {
    context.queryClient.query(referenceQueries.users()).catch(() => undefined);
    context.queryClient.query(referenceQueries.tags()).catch(() => undefined);
    return context.queryClient.query({ ...referenceQueries.customFields(), staleTime: 'static' });
  },
  errorComponent: RouteErrorComponent,
  component: NewCustomerPage,
});

function NewCustomerPage() {
  const { me } = Route.useRouteContext();
  return (
    <Stack gap="lg">
      <BackToGrid current="New customers" />
      <Title order={1}>New customers</Title>
      <CreateCustomersForm meId={me.id} />
    </Stack>
  );
}
