import { isApiError } from '../../lib/api-error';

/** One line for a notification: the server's detail when it gave one. */
export function problemText(error: unknown): string {
  if (isApiError(error)) return error.detail || error.title;
  return error instanceof Error ? error.message : 'Something went wrong';
}
