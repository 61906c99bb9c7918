import { createFileRoute } from '@tanstack/react-router';
import { accountQueries } from '../../../api/account-queries';
import { referenceQueries } from '../../../api/reference';
import { RouteErrorComponent } from '../../../components/error-state';
import { AdminsOnly } from '../../../features/settings/components/admins-only';
import { SegmentsManager } from '../../../features/settings/components/segments-manager';

export const Route = createFileRoute('/_app/settings/segments')({
  loader: async ({ context }) => {
    if (!context.me.rights.is_admin) return;
    const account = await context.queryClient.query({
      ...accountQueries.detail(),
      staleTime: 'static',
    });
    // Segments exist only in segments mode ('dynamic' is its old name).
    if (account.customers_mode === 'segments' || account.customers_mode === 'dynamic') {
      await context.queryClient.query({ ...referenceQueries.segments(), staleTime: 'static' });
    }
  },
  errorComponent: RouteErrorComponent,
  component: SegmentsPage,
});

function SegmentsPage() {
  const { me } = Route.useRouteContext();
  return me.rights.is_admin ? <SegmentsManager /> : <AdminsOnly />;
}
