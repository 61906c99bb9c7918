import { createFileRoute, notFound } from '@tanstack/react-router';
import { customerQueries } from '../../../api/customers';
import { referenceQueries } from '../../../api/reference';
import { PagePending } from '../../../components/page-pending';
import { CustomerPage } from '../../../features/customers/page/customer-page';
import {
  CustomerErrorComponent,
  CustomerNotFound,
} from '../../../features/customers/page/customer-not-found';
import {
  customerPageSearchSchema,
  parseCustomerId,
} from '../../../features/customers/page/customer-page-search';
import { AddTransactionButton } from '../../../features/transactions/components/add-transaction-button';

export const Route = createFileRoute('/_app/customers/$customerId')({
  validateSearch: customerPageSearchSchema,
  loader: async ({ context, params }) => {
    const id = parseCustomerId(params.customerId);
    if (id === null) throw notFound();
    // Labels the page needs soon after; not awaited, so the heading never waits for them.
    context.queryClient.query(referenceQueries.users()).catch(() => undefined);
    context.queryClient.query(referenceQueries.segments()).catch(() => undefined);
    // null = 204: the component shows "Customer not found".
    await context.queryClient.query({ ...customerQueries.detail(id), staleTime: 'static' });
  },
  errorComponent: CustomerErrorComponent,
  notFoundComponent: CustomerNotFound,
  pendingComponent: PagePending,
  component: CustomerRoute,
});

function CustomerRoute() {
  const { customerId } = Route.useParams();
  const { me } = Route.useRouteContext();
  const id = parseCustomerId(customerId);
  if (id === null) return <CustomerNotFound />;
  return (
    <CustomerPage
      customerId={id}
      me={me}
      // Features do not import each other: the route puts the transactions feature's form
      // into the customer page's slot.
      renderAddTransaction={(props) => <AddTransactionButton {...props} />}
    />
  );
}
