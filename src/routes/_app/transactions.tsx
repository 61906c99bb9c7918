import { createFileRoute } from '@tanstack/react-router';
import { transactionQueries } from '../../api/transactions';
import { RouteErrorComponent } from '../../components/error-state';
import { PagePending } from '../../components/page-pending';
import { TransactionsPage } from '../../features/transactions/components/transactions-page';
import {
  toTransactionsListParams,
  transactionsSearchSchema,
} from '../../features/transactions/search';

export const Route = createFileRoute('/_app/transactions')({
  validateSearch: transactionsSearchSchema,
  loaderDeps: ({ search }) => ({ params: toTransactionsListParams(search) }),
  loader: ({ context, deps }) =>
    context.queryClient.query({ ...transactionQueries.list(deps.params), staleTime: 'static' }),
  errorComponent: RouteErrorComponent,
  pendingComponent: PagePending,
  component: TransactionsPage,
});
