import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import {
  createFileRoute,
  Outlet,
  redirect,
  useRouter,
  type MakeRouteMatchUnion,
} from '@tanstack/react-router';
import { AppLayout, type NavItem } from '../components/app-shell/app-layout';
import { RouteErrorComponent } from '../components/error-state';
import { PagePending } from '../components/page-pending';
import { accountQueries } from '../api/account-queries';
import { customerQueries } from '../api/customers';
import { referenceQueries } from '../api/reference';
import { savedViewQueries } from '../api/saved-views';
import { authQueries } from '../api/auth-queries';
import { useLogout } from '../features/auth/api/auth-mutations';
import { CommandPaletteTrigger } from '../features/command-palette/command-palette-trigger';
import { SavedViewsNav } from '../features/saved-views/saved-views-nav';
import { isUnauthorized } from '../lib/api-error';

export const Route = createFileRoute('/_app')({
  beforeLoad: async ({ context, location, matches }) => {
    // 'static': cached data is good enough here (ensureQueryData semantics); the shell's
    // useSuspenseQuery keeps it fresh. Asked for first: the shell renders as soon as it is
    // back, while the rows are still on their way (the embedded database answers in order).
    const session = context.queryClient.query({ ...authQueries.me(), staleTime: 'static' });
    startWithSessionCheck(context.queryClient, matches);
    try {
      return { me: await session };
    } catch (error) {
      if (isUnauthorized(error)) {
        // `location.href` is the path + search + hash being opened: a deep link survives sign-in.
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
  },
  loader: ({ context }) =>
    context.queryClient.query({ ...accountQueries.detail(), staleTime: 'static' }),
  errorComponent: RouteErrorComponent,
  pendingComponent: PagePending,
  component: AppRoute,
});

/**
 * Requests that do not depend on who is signed in start together with the session check rather
 * than after it: the account, and the rows of the customers grid (the page people bookmark).
 * A bookmarked grid URL then waits for one round trip instead of three. Their loaders ask for the
 * same queries and get these requests. A 401 here is the session check's to handle (it redirects
 * with the URL asked for), hence `authRedirect: false`.
 */
function startWithSessionCheck(queryClient: QueryClient, matches: MakeRouteMatchUnion[]) {
  const quiet = { meta: { authRedirect: false } };
  const start = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  start(queryClient.query({ ...accountQueries.detail(), ...quiet, staleTime: 'static' }));
  // The navbar lists saved views, and a bare /customers may open the default one.
  start(queryClient.query({ ...savedViewQueries.list(), ...quiet, staleTime: 'static' }));
  for (const match of matches) {
    if (match.routeId === '/_app/customers/') {
      start(queryClient.query({ ...customerQueries.list(match.loaderDeps.listQuery), ...quiet }));
      // The column labels: needed in either customers mode and for every user, so it need not
      // wait for the account and the session like segments, statuses and users do.
      start(queryClient.query({ ...referenceQueries.customFields(), ...quiet }));
    }
  }
}

const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Customers', to: '/customers' },
  { label: 'Transactions', to: '/transactions' },
];
const ADMIN_NAV_ITEMS: readonly NavItem[] = [...NAV_ITEMS, { label: 'Settings', to: '/settings' }];

function AppRoute() {
  const { data: me } = useSuspenseQuery(authQueries.me());
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const logout = useLogout();
  const router = useRouter();

  return (
    <AppLayout
      accountName={account.name}
      live={me.live_account !== undefined}
      user={{ name: me.name, email: me.email }}
      navItems={me.rights.is_admin ? ADMIN_NAV_ITEMS : NAV_ITEMS}
      headerActions={<CommandPaletteTrigger me={me} />}
      navExtra={(closeNavbar) => (
        <SavedViewsNav isAdmin={me.rights.is_admin} onNavigate={closeNavbar} />
      )}
      onSignOut={() => {
        logout.mutate(undefined, {
          onSettled: () => {
            void router.navigate({ to: '/login', replace: true });
          },
        });
      }}
    >
      <Outlet />
    </AppLayout>
  );
}
