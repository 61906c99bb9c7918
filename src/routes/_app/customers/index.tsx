import { createFileRoute } from '@tanstack/react-router';
import { accountQueries } from '../../../api/account-queries';
import { customerQueries } from '../../../api/customers';
import { referenceQueries } from '../../../api/reference';
import { RouteErrorComponent } from '../../../components/error-state';
import { CustomersPage } from '../../../features/customers/components/customers-page';
import { canListUsers, gridMode } from '../../../features/customers/grid-capabilities';
import { toListQuery } from '../../../features/customers/search';
import { validateCustomersSearch } from '../../../features/customers/search-notice-store';

export const Route = createFileRoute('/_app/customers/')({
  validateSearch: validateCustomersSearch,
  loaderDeps: ({ search }) => ({ listQuery: toListQuery(search) }),
  loader: async ({ context: { queryClient, me }, deps }) => {
    // The _app loader fetches the account too; this waits for the same request, not a second one.
    const account = await queryClient.query({ ...accountQueries.detail(), staleTime: 'static' });
    const mode = gridMode(account);
    // Customers turned off: the API refuses the list, and the page says why instead.
    if (mode === null) return;
    // Not awaited: the grid shows skeleton rows (first load) or the previous page while it loads,
    // and shows a failure itself (error state with Retry).
    const prefetch = (promise: Promise<unknown>) => void promise.catch(() => undefined);
    prefetch(queryClient.query(customerQueries.list(deps.listQuery)));
    prefetch(queryClient.query(referenceQueries.customFields()));
    if (mode === 'segments') prefetch(queryClient.query(referenceQueries.segments()));
    else prefetch(queryClient.query(referenceQueries.statuses()));
    if (canListUsers(account, me)) prefetch(queryClient.query(referenceQueries.users()));
  },
  errorComponent: RouteErrorComponent,
  component: CustomersPage,
});
