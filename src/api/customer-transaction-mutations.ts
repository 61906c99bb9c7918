import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Customer } from '../contracts/customer';
import type { Transaction, TransactionsPage } from '../contracts/transaction';
import { customerQueries } from './customers';
import { deleteTransaction, transactionQueries } from './transactions';

/** The customer's figures without `price`: what the server computes after the delete. */
export function subtractPurchase(customer: Customer, price: number): Customer {
  const ltv = Math.max(0, customer.ltv - price);
  const purchasesCount = Math.max(0, customer.purchases_count - 1);
  return {
    ...customer,
    ltv,
    purchases_count: purchasesCount,
    average_check: purchasesCount > 0 ? Math.floor(ltv / purchasesCount) : 0,
  };
}

function withoutTransaction(page: TransactionsPage | null | undefined, id: number) {
  if (!page) return page;
  return {
    ...page,
    _embedded: { transactions: page._embedded.transactions.filter((item) => item.id !== id) },
  };
}

type Snapshot = Array<[QueryKey, unknown]>;

/**
 * Deletes one of the customer's transactions with an optimistic update: the figures on the
 * customer page and the row in every cached transactions page change at once, and go back
 * when the server refuses (the caller shows the message in `mutate(…, { onError })`).
 */
export function useDeleteCustomerTransaction(customerId: number) {
  const queryClient = useQueryClient();
  const detailKey = customerQueries.detail(customerId).queryKey;
  return useMutation({
    mutationFn: (transaction: Pick<Transaction, 'id' | 'price'>) =>
      deleteTransaction(customerId, transaction.id),
    onMutate: async (transaction): Promise<{ snapshot: Snapshot }> => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: detailKey }),
        queryClient.cancelQueries({ queryKey: transactionQueries.all }),
      ]);
      const snapshot: Snapshot = [
        ...queryClient.getQueriesData({ queryKey: detailKey }),
        ...queryClient.getQueriesData({ queryKey: transactionQueries.all }),
      ];
      queryClient.setQueryData(detailKey, (customer) =>
        customer ? subtractPurchase(customer, transaction.price) : customer,
      );
      queryClient.setQueriesData<TransactionsPage | null>(
        { queryKey: transactionQueries.all },
        (page) => withoutTransaction(page, transaction.id),
      );
      return { snapshot };
    },
    onError: (_error, _transaction, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: detailKey }),
        queryClient.invalidateQueries({ queryKey: customerQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: transactionQueries.all }),
      ]),
  });
}
