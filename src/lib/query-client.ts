import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isRetryableError, isUnauthorized } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AuthRedirectMeta;
    mutationMeta: AuthRedirectMeta;
  }
}

interface AuthRedirectMeta extends Record<string, unknown> {
  /**
   * `false` when the caller handles 401 itself: the sign-in form (a 401 there means "wrong
   * password") and the session check in the `_app` route (it redirects with the target URL).
   */
  authRedirect?: boolean;
}

export const MAX_RETRIES = 3;
const MAX_DELAY_MS = 30_000;
const BASE_DELAY_MS = 500;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryableError(error);
}

/** The server's Retry-After when it gave one, else exponential backoff with full jitter. */
export function retryDelay(attempt: number, error: unknown): number {
  if (isApiError(error) && error.retryAfter !== null) {
    return Math.min(error.retryAfter * 1000, MAX_DELAY_MS);
  }
  const ceiling = Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export interface QueryClientOptions {
  /** Called once per 401 that nobody else handles; the router sends the user to /login. */
  onUnauthorized: () => void;
}

export function createQueryClient({ onUnauthorized }: QueryClientOptions): QueryClient {
  const handle = (error: unknown, meta: AuthRedirectMeta | undefined) => {
    if (isUnauthorized(error) && meta?.authRedirect !== false) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => handle(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        // The router preloads on intent; a short staleTime stops hover from refetching.
        staleTime: 30_000,
        retry: shouldRetry,
        retryDelay,
      },
      mutations: {
        // A POST may have been applied before the 429/503: repeating it is the user's decision.
        retry: false,
      },
    },
  });
}
