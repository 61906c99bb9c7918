import { queryOptions, useMutation, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import {
  transactionSchema,
  transactionsPageSchema,
  transactionsWriteResponseSchema,
  type TransactionCreate,
  type TransactionsListQuery,
} from '../contracts/transaction';
import { apiClient, requireBody } from '../lib/api-client';
import { customerQueries } from './customers';

/** List parameters: the server's own request schema, as a client writes them. */
export type TransactionsListParams = TransactionsListQuery;

export async function listTransactions(params: TransactionsListParams, signal?: AbortSignal) {
  return apiClient.get('/api/v4/customers/transactions', transactionsPageSchema, {
    params: { ...params },
    signal,
  });
}

export async function listCustomerTransactions(
  customerId: number,
  params: Omit<TransactionsListParams, 'filter'>,
  signal?: AbortSignal,
) {
  return apiClient.get(
    `/api/v4/customers/${String(customerId)}/transactions`,
    transactionsPageSchema,
    {
      params,
      signal,
    },
  );
}

export async function getTransaction(id: number, signal?: AbortSignal) {
  return apiClient.get(`/api/v4/customers/transactions/${String(id)}`, transactionSchema, {
    signal,
  });
}

export async function addTransactions(customerId: number, items: TransactionCreate[]) {
  const body = await apiClient.post(
    `/api/v4/customers/${String(customerId)}/transactions`,
    items,
    transactionsWriteResponseSchema,
  );
  return requireBody(body, 'Adding transactions');
}

export async function deleteTransaction(customerId: number, id: number) {
  await apiClient.delete(
    `/api/v4/customers/${String(customerId)}/transactions/${String(id)}`,
    transactionSchema,
  );
}

export const transactionQueries = {
  all: ['transactions'] as const,
  lists: () => [...transactionQueries.all, 'list'] as const,
  list: (params: TransactionsListParams) =>
    queryOptions({
      queryKey: [...transactionQueries.lists(), params] as const,
      queryFn: ({ signal }) => listTransactions(params, signal),
      placeholderData: keepPreviousData,
    }),
  ofCustomer: (customerId: number) => [...transactionQueries.all, 'customer', customerId] as const,
  customer: (customerId: number, params: Omit<TransactionsListParams, 'filter'>) =>
    queryOptions({
      queryKey: [...transactionQueries.ofCustomer(customerId), params] as const,
      queryFn: ({ signal }) => listCustomerTransactions(customerId, params, signal),
      placeholderData: keepPreviousData,
    }),
};

/** Adding or deleting a purchase changes the customer's figures: refresh both sides. */
function useInvalidateCustomerFigures() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: transactionQueries.all }),
      queryClient.invalidateQueries({ queryKey: customerQueries.all }),
    ]);
}

export function useAddTransactions(customerId: number) {
  const invalidate = useInvalidateCustomerFigures();
  return useMutation({
    mutationFn: (items: TransactionCreate[]) => addTransactions(customerId, items),
    onSuccess: invalidate,
  });
}

export function useDeleteTransaction(customerId: number) {
  const invalidate = useInvalidateCustomerFigures();
  return useMutation({
    mutationFn: (id: number) => deleteTransaction(customerId, id),
    onSuccess: invalidate,
  });
}
