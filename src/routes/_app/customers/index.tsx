import { createFileRoute, redirect } from '@tanstack/react-router';
import { accountQueries } from '../../../api/account-queries';
import { customerQueries } from '../../../api/customers';
import { referenceQueries } from '../../../api/reference';
import { savedViewQueries } from '../../../api/saved-views';
import { RouteErrorComponent } from '../../../components/error-state';
import { CustomersPage } from '../../../features/customers/components/customers-page';
import { canListUsers, gridMode } from '../../../features/customers/grid-capabilities';
import { toListQuery } from '../../../features/customers/search';
import { validateCustomersSearch } from '../../../features/customers/search-notice-store';

export const Route = createFileRoute('/_app/customers/')({
  validateSearch: validateCustomersSearch,
  loaderDeps: ({ search }) => ({ listQuery: toListQuery(search) }),
  beforeLoad: async ({ context: { queryClient }, location, cause, preload }) => {
    // A bare /customers opened from elsewhere (the navbar, a bookmark, sign-in) opens the
    // user's default view; clearing the filters inside the grid stays on the bare grid.
    if (preload || cause !== 'enter' || location.searchStr !== '') return;
    const list = await queryClient
      .query({ ...savedViewQueries.list(), staleTime: 'static' })
      .catch(() => null);
    const view = list?.views.find((candidate) => candidate.id === list.default_view_id);
    if (view && view.url !== location.pathname) throw redirect({ href: view.url, replace: true });
  },
  loader: async ({ context: { queryClient, me }, deps }) => {
    // Not awaited: the grid shows skeleton rows (first load) or the previous page while it loads,
    // and shows a failure itself (error state with Retry).
    const prefetch = (promise: Promise<unknown>) => void promise.catch(() => undefined);
    // The rows do not depend on the account: ask for them alongside it, not after it, so a
    // bookmarked URL costs one round trip less. With customers turned off the API refuses it
    // (403) and the page shows why instead of the grid.
    prefetch(queryClient.query(customerQueries.list(deps.listQuery)));
    // The _app loader fetches the account too; this waits for the same request, not a second one.
    const account = await queryClient.query({ ...accountQueries.detail(), staleTime: 'static' });
    const mode = gridMode(account);
    if (mode === null) return;
    prefetch(queryClient.query(referenceQueries.customFields()));
    if (mode === 'segments') prefetch(queryClient.query(referenceQueries.segments()));
    else prefetch(queryClient.query(referenceQueries.statuses()));
    if (canListUsers(account, me)) prefetch(queryClient.query(referenceQueries.users()));
  },
  errorComponent: RouteErrorComponent,
  component: CustomersPage,
});
