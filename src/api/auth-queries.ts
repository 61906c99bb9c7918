import { queryOptions } from '@tanstack/react-query';
import { getDemoUsers, getMe } from './auth-requests';

export const authQueries = {
  all: ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all, 'me'] as const,
      queryFn: ({ signal }) => getMe(signal),
      staleTime: 5 * 60_000,
      // A 401 here is "not signed in": the _app route redirects with the URL the user asked for.
      meta: { authRedirect: false },
      retry: false,
    }),
  demoUsers: () =>
    queryOptions({
      queryKey: [...authQueries.all, 'demo-users'] as const,
      queryFn: ({ signal }) => getDemoUsers(signal),
      staleTime: Infinity,
      meta: { authRedirect: false },
    }),
};
