import { Stack, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { referenceQueries } from '../../../api/reference';
import { RouteErrorComponent } from '../../../components/error-state';
import { BackToGrid } from '../../../features/customers/grid/back-to-grid';
import { CsvImport } from '../../../features/customers/create/import/csv-import';

export const Route = createFileRoute('/_app/customers/import')({
  loader: ({ context }) => {
    context.queryClient.query(referenceQueries.users()).catch(() => undefined);
    context.queryClient.query(referenceQueries.tags()).catch(() => undefined);
    return context.queryClient.query({ ...referenceQueries.customFields(), staleTime: 'static' });
  },
  errorComponent: RouteErrorComponent,
  component: ImportCustomersPage,
});

function ImportCustomersPage() {
  const { me } = Route.useRouteContext();
  return (
    <Stack gap="lg">
      <BackToGrid current="Import customers from CSV" />
      <Title order={1}>Import customers from CSV</Title>
      <CsvImport meId={me.id} />
    </Stack>
  );
}
