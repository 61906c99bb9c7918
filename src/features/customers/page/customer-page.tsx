import { Button, Group, Stack, Tabs } from '@mantine/core';
import { useQueries, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { accountQueries } from '../../../api/account-queries';
import { customerQueries } from '../../../api/customers';
import { referenceQueries } from '../../../api/reference';
import type { Customer, CustomersMode } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';
import { customerDisplayName } from '../../../lib/display-name';
import { BackToGrid } from '../grid/back-to-grid';
import { CUSTOMER_TABS, type CustomerTab } from './customer-page-search';
import { canEditCustomer } from '../model/can-edit-customer';
import { CustomerContacts } from './customer-contacts';
import { CustomerEditDrawer } from './customer-edit-drawer';
import { CustomerFields } from './customer-fields';
import { CustomerHeader } from './customer-header';
import { CustomerNotFound } from './customer-not-found';
import { CustomerRelated } from './customer-related';
import { CustomerSegments } from './customer-segments';
import { CustomerTransactions } from './customer-transactions';
import { KeyFigures } from './key-figures';
import { useDocumentTitle } from './use-document-title';

const routeApi = getRouteApi('/_app/customers/$customerId');

interface CustomerPageProps {
  customerId: number;
  me: Pick<User, 'id' | 'rights'>;
  /** The transactions feature's "Add transaction" button for this customer (composed by the route). */
  renderAddTransaction?: (props: { customerId: number; mode: CustomersMode }) => ReactNode;
}

const TAB_LABELS: Record<CustomerTab, string> = {
  overview: 'Overview',
  transactions: 'Transactions',
  fields: 'Custom fields',
};

function isTab(value: string | null): value is CustomerTab {
  return value !== null && (CUSTOMER_TABS as readonly string[]).includes(value);
}

function CustomerView({
  customer,
  me,
  renderAddTransaction,
}: Omit<CustomerPageProps, 'customerId'> & { customer: Customer }) {
  const { tab, tpage, edit } = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const [users] = useQueries({ queries: [referenceQueries.users()] });
  const userList = users.data ?? [];
  const canEdit = canEditCustomer(me, customer, userList);
  const mode: CustomersMode = account.customers_mode === 'periodicity' ? 'periodicity' : 'segments';
  const displayName = customerDisplayName(customer);
  useDocumentTitle(displayName);

  const setEdit = (open: boolean) =>
    void navigate({
      search: (prev) => ({ ...prev, edit: open ? true : undefined }),
      replace: true,
    });

  return (
    <Stack gap="lg">
      <BackToGrid current={displayName} />
      <CustomerHeader
        customer={customer}
        users={userList}
        actions={
          canEdit ? (
            <Group gap="xs" wrap="wrap" justify="flex-end">
              <Button variant="default" onClick={() => setEdit(true)}>
                Edit
              </Button>
              {/* Slot: the transactions feature's AddTransactionButton, passed in by the route. */}
              {renderAddTransaction?.({ customerId: customer.id, mode })}
            </Group>
          ) : undefined
        }
      />
      <KeyFigures
        customer={customer}
        currency={account.currency}
        periodicityMode={mode === 'periodicity'}
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) void navigate({ search: (prev) => ({ ...prev, tab: value }) });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {CUSTOMER_TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {TAB_LABELS[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack gap="lg">
            {/* Segments mean nothing in periodicity mode: the page shows them in segments mode only. */}
            {mode === 'segments' && <CustomerSegments customer={customer} canEdit={canEdit} />}
            <CustomerContacts customer={customer} canEdit={canEdit} />
            <CustomerRelated customer={customer} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="transactions" pt="md">
          <CustomerTransactions
            customer={customer}
            currency={account.currency}
            canEdit={canEdit}
            page={tpage}
            onPageChange={(page) => void navigate({ search: (prev) => ({ ...prev, tpage: page }) })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="fields" pt="md">
          <CustomerFields customer={customer} />
        </Tabs.Panel>
      </Tabs>
      {canEdit && (
        <CustomerEditDrawer
          customer={customer}
          mode={mode}
          opened={edit === true}
          onClose={() => setEdit(false)}
        />
      )}
    </Stack>
  );
}

/** `/customers/$customerId`: the whole customer on one screen, editable within the user's rights. */
export function CustomerPage({ customerId, ...props }: CustomerPageProps) {
  const { data: customer } = useSuspenseQuery(customerQueries.detail(customerId));
  if (!customer) return <CustomerNotFound />;
  return <CustomerView customer={customer} {...props} />;
}
