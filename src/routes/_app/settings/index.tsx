import { createFileRoute } from '@tanstack/react-router';
import { RouteErrorComponent } from '../../../components/error-state';
import { AdminsOnly } from '../../../features/settings/components/admins-only';
import { CustomersModePanel } from '../../../features/settings/components/customers-mode-panel';

// The account (with customers_mode) is loaded by the _app layout.
export const Route = createFileRoute('/_app/settings/')({
  errorComponent: RouteErrorComponent,
  component: CustomersModePage,
});

function CustomersModePage() {
  const { me } = Route.useRouteContext();
  return me.rights.is_admin ? <CustomersModePanel /> : <AdminsOnly />;
}
