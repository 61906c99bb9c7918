import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Account } from '../contracts/account';
import { customersModeSchema, type CustomersModeBody } from '../contracts/customer';
import { apiClient, requireBody } from '../lib/api-client';
import { accountQueries } from './account-queries';
import { customerQueries } from './customers';
import { referenceQueries } from './reference';

/** `PATCH /api/v4/customers/mode`: administrators only; 402 when the tariff lacks customers. */
export async function updateCustomersMode(body: CustomersModeBody) {
  const result = await apiClient.patch('/api/v4/customers/mode', body, customersModeSchema);
  return requireBody(result, 'Changing the customers mode');
}

/** What `GET /api/v4/account` reports once the PATCH has been applied. */
export function accountModeAfter(body: CustomersModeBody): Account['customers_mode'] {
  return body.is_enabled ? body.mode : 'disabled';
}

/**
 * Saves the mode, then puts it into the account cache at once (every view reading
 * `customers_mode` re-renders: grid columns, form rules) and refetches what depends on it.
 */
export function useUpdateCustomersMode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCustomersMode,
    onSuccess: async (saved) => {
      queryClient.setQueryData(accountQueries.detail().queryKey, (account) =>
        account ? { ...account, customers_mode: accountModeAfter(saved) } : account,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: accountQueries.all }),
        queryClient.invalidateQueries({ queryKey: customerQueries.all }),
        // Statuses exist only in periodicity mode, segments only matter in segments mode.
        queryClient.invalidateQueries({ queryKey: referenceQueries.statuses().queryKey }),
        queryClient.invalidateQueries({ queryKey: referenceQueries.segments().queryKey }),
      ]);
    },
  });
}
