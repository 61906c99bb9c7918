import { Stack, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { accountQueries } from '../../../api/account-queries';
import { EmptyState } from '../../../components/empty-state';
import { Link } from '../../../components/link';
import { gridMode } from './grid-capabilities';
import { CustomersGrid } from './customers-grid';

const appRoute = getRouteApi('/_app');

/** `/customers`: the grid, or why there is none (customers turned off or not in the tariff). */
export function CustomersPage() {
  const { me } = appRoute.useRouteContext();
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const mode = gridMode(account);

  if (mode === null) {
    const unavailable = account.customers_mode === 'unavailable';
    return (
      <Stack gap="md">
        <Title order={1}>Customers</Title>
        <EmptyState
          title={
            unavailable
              ? 'Your tariff does not include customers'
              : 'Customers are turned off for this account'
          }
          description={
            me.rights.is_admin ? undefined : 'Ask an administrator of the account if you need them.'
          }
          action={
            me.rights.is_admin && !unavailable ? (
              <Link to="/settings">Turn customers on in Settings</Link>
            ) : me.rights.is_admin ? (
              <Link to="/settings">Open Settings</Link>
            ) : undefined
          }
        />
      </Stack>
    );
  }
  return <CustomersGrid account={account} me={me} mode={mode} />;
}
