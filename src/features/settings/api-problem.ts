import { isApiError } from '../../lib/api-error';

/** How the settings screens word the answers that mean "you may not do this". */
export function settingsErrorMessage(error: unknown): {
  title: string;
  detail: string;
  retry: boolean;
} {
  if (isApiError(error)) {
    if (error.status === 402) {
      return { title: 'Your tariff does not include customers', detail: '', retry: false };
    }
    if (error.status === 403) {
      return {
        title: 'Administrators only',
        detail: error.detail || 'Only an administrator of the account can change this.',
        retry: false,
      };
    }
    if (error.status === 400) {
      return { title: 'The server did not accept the change', detail: error.detail, retry: false };
    }
    return { title: error.title, detail: error.detail, retry: true };
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : '',
    retry: true,
  };
}
