import {
  Alert,
  Button,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useDeleteCustomerTransaction } from '../../../api/customer-transaction-mutations';
import { useCatalogElementNames } from '../../../api/catalog-element-names';
import { transactionQueries } from '../../../api/transactions';
import { CatalogElementsCell } from '../../../components/catalog-elements-cell';
import { UnixDate } from '../../../components/unix-date';
import { describeError } from '../../../components/error-state';
import type { Customer } from '../../../contracts/customer';
import type { Transaction } from '../../../contracts/transaction';
import { CUSTOMER_TRANSACTIONS_PAGE_SIZE, LTV_CHART_LIMIT } from './customer-page-search';
import { ConfirmDialog } from './confirm-dialog';
import { formatDate, formatMoney } from '../../../lib/format';
import { buildLtvSeries } from './ltv-series';
import classes from './customer-page.module.css';

const LtvChart = lazy(() => import('./ltv-chart'));

interface CustomerTransactionsProps {
  customer: Pick<Customer, 'id' | 'ltv' | 'purchases_count'>;
  currency: string;
  canEdit: boolean;
  page: number;
  onPageChange: (page: number) => void;
}

function LtvOverTime({
  customer,
  currency,
}: Pick<CustomerTransactionsProps, 'customer' | 'currency'>) {
  const latest = useQuery(
    transactionQueries.customer(customer.id, { page: 1, limit: LTV_CHART_LIMIT }),
  );
  if (latest.isPending)
    return <Loader size="xs" role="status" aria-label="Loading the LTV chart" />;
  if (latest.isError) {
    return (
      <Text size="sm" c="red" role="alert">
        The LTV chart could not be loaded: {describeError(latest.error).title}
      </Text>
    );
  }
  const items = latest.data?._embedded.transactions ?? [];
  if (items.length === 0) return null;
  const points = buildLtvSeries(items, customer.ltv);
  return (
    <Paper withBorder p="sm" component="figure" m={0} aria-label="LTV over time">
      <Text component="figcaption" size="sm" fw={600} mb="xs">
        LTV over time
        {items.length >= LTV_CHART_LIMIT ? ` (latest ${String(LTV_CHART_LIMIT)} purchases)` : ''}
      </Text>
      <Suspense fallback={<Loader size="xs" role="status" aria-label="Loading the LTV chart" />}>
        <LtvChart points={points} currency={currency} />
      </Suspense>
    </Paper>
  );
}

export function CustomerTransactions({
  customer,
  currency,
  canEdit,
  page,
  onPageChange,
}: CustomerTransactionsProps) {
  const limit = CUSTOMER_TRANSACTIONS_PAGE_SIZE;
  const transactions = useQuery(transactionQueries.customer(customer.id, { page, limit }));
  const remove = useDeleteCustomerTransaction(customer.id);

  const [toDelete, setToDelete] = useState<Transaction | null>(null);

  const deleteConfirmed = () => {
    if (!toDelete) return;
    setToDelete(null);
    remove.mutate(toDelete, {
      onSuccess: () => notifications.show({ message: 'Transaction deleted' }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'The transaction was not deleted',
          message: describeError(error).detail || describeError(error).title,
        }),
    });
  };

  const items = transactions.data?._embedded.transactions ?? [];
  const elements = useCatalogElementNames(
    items.flatMap((item) => item._embedded.catalog_elements ?? []),
  );
  const hasNext = Boolean(transactions.data?._links.next);
  const total = Math.max(Math.ceil(customer.purchases_count / limit), page + (hasNext ? 1 : 0), 1);

  let body: ReactNode;
  if (transactions.isPending) {
    body = (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Loading transactions…</Text>
      </Group>
    );
  } else if (transactions.isError) {
    body = (
      <Alert color="red" role="alert" title="Transactions could not be loaded">
        <Group gap="sm">
          <Text size="sm">{describeError(transactions.error).detail}</Text>
          <Button size="xs" variant="default" onClick={() => void transactions.refetch()}>
            Retry
          </Button>
        </Group>
      </Alert>
    );
  } else if (items.length === 0) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text size="sm" c="dimmed">
          {page > 1 ? 'This page is empty.' : 'No transactions yet.'}
        </Text>
        {page > 1 && (
          <Button size="xs" variant="default" onClick={() => onPageChange(1)}>
            Go to the first page
          </Button>
        )}
      </Stack>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label="Transactions" aria-busy={transactions.isPlaceholderData}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col" ta="right">
                Price
              </Table.Th>
              <Table.Th scope="col">Comment</Table.Th>
              <Table.Th scope="col">Products</Table.Th>
              {canEdit && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <UnixDate seconds={item.completed_at} />
                </Table.Td>
                <Table.Td ta="right">{formatMoney(item.price, currency)}</Table.Td>
                <Table.Td className={classes.wrap}>{item.comment ?? ''}</Table.Td>
                <Table.Td>
                  <CatalogElementsCell
                    links={item._embedded.catalog_elements ?? []}
                    names={elements.names}
                    isPending={elements.isPending}
                  />
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setToDelete(item)}
                      aria-label={`Delete transaction of ${formatMoney(item.price, currency)} from ${formatDate(item.completed_at)}`}
                    >
                      Delete
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="customer-transactions">
      <Title order={2} size="h3" id="customer-transactions">
        Transactions
      </Title>
      <LtvOverTime customer={customer} currency={currency} />
      {body}
      <ConfirmDialog
        opened={toDelete !== null}
        title="Delete transaction"
        confirmLabel="Delete"
        onConfirm={deleteConfirmed}
        onCancel={() => setToDelete(null)}
      >
        {toDelete && (
          <Text size="sm">
            Delete the purchase of {formatMoney(toDelete.price, currency)} from{' '}
            {formatDate(toDelete.completed_at)}? The customer&apos;s LTV goes down by its price.
          </Text>
        )}
      </ConfirmDialog>
      {total > 1 && (
        <Pagination
          total={total}
          value={page}
          onChange={onPageChange}
          aria-label="Transactions pages"
          getItemProps={(item) => ({ 'aria-label': `Page ${String(item)}` })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      )}
    </Stack>
  );
}
