import { createFileRoute } from '@tanstack/react-router';
import { referenceQueries } from '../../../api/reference';
import { RouteErrorComponent } from '../../../components/error-state';
import { AdminsOnly } from '../../../features/settings/components/admins-only';
import { UsersList } from '../../../features/settings/components/users-list';

export const Route = createFileRoute('/_app/settings/users')({
  loader: async ({ context }) => {
    if (context.me.rights.is_admin)
      await context.queryClient.query({ ...referenceQueries.users(), staleTime: 'static' });
  },
  errorComponent: RouteErrorComponent,
  component: UsersPage,
});

function UsersPage() {
  const { me } = Route.useRouteContext();
  return me.rights.is_admin ? <UsersList currentUserId={me.id} /> : <AdminsOnly />;
}
