import { queryOptions } from '@tanstack/react-query';
import { getAccount } from './account-requests';

export const accountQueries = {
  all: ['account'] as const,
  /** The account with our capabilities (`?with=capabilities`); the mode changes rarely. */
  detail: () =>
    queryOptions({
      queryKey: [...accountQueries.all, 'detail'] as const,
      queryFn: ({ signal }) => getAccount(signal),
      staleTime: 5 * 60_000,
    }),
};
