import { createFileRoute } from '@tanstack/react-router';
import { referenceQueries } from '../../../api/reference';
import { tokenQueries } from '../../../api/tokens';
import { RouteErrorComponent } from '../../../components/error-state';
import { TokensManager } from '../../../features/settings/components/tokens-manager';

// Every signed-in user manages their own tokens here; administrators see everyone's.
export const Route = createFileRoute('/_app/settings/tokens')({
  loader: async ({ context }) => {
    await Promise.all([
      context.queryClient.query({ ...tokenQueries.list(), staleTime: 'static' }),
      context.me.rights.is_admin
        ? context.queryClient.query({ ...referenceQueries.users(), staleTime: 'static' })
        : undefined,
    ]);
  },
  errorComponent: RouteErrorComponent,
  component: TokensPage,
});

function TokensPage() {
  const { me } = Route.useRouteContext();
  return <TokensManager currentUserId={me.id} isAdmin={me.rights.is_admin} />;
}
