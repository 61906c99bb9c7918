import { queryOptions, useMutation, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import {
  customerSchema,
  customersPageSchema,
  customersWriteResponseSchema,
  type CustomerCreate,
  type CustomersListQuery,
  type CustomerUpdate,
} from '../contracts/customer';
import { apiClient, requireBody } from '../lib/api-client';
import { referenceQueries } from './reference';
import { transactionQueries } from './transactions';

/** `GET /api/v4/customers` parameters: the server's own request schema, as a client writes them. */
export type CustomersListParams = CustomersListQuery;

function toParams(params: CustomersListParams) {
  const { with: embeds, ...rest } = params;
  const list = Array.isArray(embeds) ? embeds.join(',') : embeds;
  return { ...rest, with: list === '' ? undefined : list };
}

export async function listCustomers(params: CustomersListParams, signal?: AbortSignal) {
  // null = 204: nothing matches or the page is past the end.
  return apiClient.get('/api/v4/customers', customersPageSchema, {
    params: toParams(params),
    signal,
  });
}

export async function getCustomer(id: number, signal?: AbortSignal) {
  return apiClient.get(`/api/v4/customers/${String(id)}`, customerSchema, {
    params: { with: 'contacts,companies,catalog_elements' },
    signal,
  });
}

export async function createCustomers(items: CustomerCreate[], signal?: AbortSignal) {
  const body = await apiClient.post('/api/v4/customers', items, customersWriteResponseSchema, {
    signal,
  });
  return requireBody(body, 'Adding customers');
}

export async function updateCustomers(items: CustomerUpdate[]) {
  const body = await apiClient.patch('/api/v4/customers', items, customersWriteResponseSchema);
  return requireBody(body, 'Updating customers');
}

/** Keys go from general to specific, so invalidating `lists()` refreshes every grid page. */
export const customerQueries = {
  all: ['customers'] as const,
  lists: () => [...customerQueries.all, 'list'] as const,
  list: (params: CustomersListParams) =>
    queryOptions({
      queryKey: [...customerQueries.lists(), params] as const,
      queryFn: ({ signal }) => listCustomers(params, signal),
      // The grid keeps the previous page on screen while the next one loads.
      placeholderData: keepPreviousData,
    }),
  details: () => [...customerQueries.all, 'detail'] as const,
  /** `null` when the customer does not exist or is not visible to the user (204). */
  detail: (id: number) =>
    queryOptions({
      queryKey: [...customerQueries.details(), id] as const,
      queryFn: ({ signal }) => getCustomer(id, signal),
    }),
};

export function useCreateCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: CustomerCreate[]) => createCustomers(items),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerQueries.lists() }),
  });
}

export function useUpdateCustomer(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Omit<CustomerUpdate, 'id'>) => updateCustomers([{ ...patch, id }]),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerQueries.detail(id).queryKey }),
        queryClient.invalidateQueries({ queryKey: customerQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: transactionQueries.all }),
        // A customer's segments may have changed: their counts follow.
        queryClient.invalidateQueries({ queryKey: referenceQueries.segments().queryKey }),
      ]);
    },
  });
}
