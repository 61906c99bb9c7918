import {
  Alert,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { accountQueries } from '../../../api/account-queries';
import { useCatalogElementNames } from '../../../api/catalog-element-names';
import { customerQueries } from '../../../api/customers';
import { transactionQueries } from '../../../api/transactions';
import { CatalogElementsCell } from '../../../components/catalog-elements-cell';
import { UnixDate } from '../../../components/unix-date';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { Link } from '../../../components/link';
import {
  DEFAULT_TRANSACTION_PAGE_SIZE,
  hasTransactionFilters,
  toTransactionsListParams,
  TRANSACTION_PAGE_SIZES,
  type TransactionsSearch,
} from '../search';
import { formatMoney } from '../../../lib/format';
import { CustomerPicker } from './customer-picker';
import classes from './transactions-page.module.css';

const routeApi = getRouteApi('/_app/transactions');

/** `/transactions`: the account's purchases, newest first, filtered and paged from the URL. */
export function TransactionsPage() {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const transactions = useQuery(transactionQueries.list(toTransactionsListParams(search)));

  const items = transactions.data?._embedded.transactions ?? [];
  const customerIds = [...new Set(items.map((item) => item.customer_id))].sort((a, b) => a - b);
  const customers = useQuery({
    ...customerQueries.list({ filter: { id: customerIds }, limit: 250 }),
    enabled: customerIds.length > 0,
  });
  const names = new Map((customers.data?._embedded.customers ?? []).map((c) => [c.id, c.name]));
  const elements = useCatalogElementNames(
    items.flatMap((item) => item._embedded.catalog_elements ?? []),
  );

  const page = search.page ?? 1;
  const hasNext = Boolean(transactions.data?._links.next);

  /** Filters send the user back to page 1; the page keeps the rest. */
  const setFilter = (patch: Partial<TransactionsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });
  const setPage = (next: number) =>
    void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) });

  let body;
  if (transactions.isPending) {
    body = (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Loading transactions…</Text>
      </Group>
    );
  } else if (transactions.isError) {
    body = <ErrorState error={transactions.error} onRetry={() => void transactions.refetch()} />;
  } else if (items.length === 0) {
    body = (
      <EmptyState
        title={page > 1 ? 'This page is empty' : 'No transactions'}
        description={
          hasTransactionFilters(search) ? 'No purchase matches these filters.' : undefined
        }
        action={
          hasTransactionFilters(search) || page > 1 ? (
            <Button
              variant="default"
              onClick={() => void navigate({ search: (prev) => ({ size: prev.size }) })}
            >
              {hasTransactionFilters(search) ? 'Clear filters' : 'Go to the first page'}
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label="Transactions" aria-busy={transactions.isPlaceholderData}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">Customer</Table.Th>
              <Table.Th scope="col" ta="right">
                Price
              </Table.Th>
              <Table.Th scope="col">Comment</Table.Th>
              <Table.Th scope="col">Products</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <UnixDate seconds={item.completed_at} />
                </Table.Td>
                <Table.Td className={classes.wrap}>
                  <Link
                    to="/customers/$customerId"
                    params={{ customerId: String(item.customer_id) }}
                  >
                    {names.get(item.customer_id) ??
                      (customers.isPending && customerIds.length > 0
                        ? '…'
                        : `Customer #${String(item.customer_id)}`)}
                  </Link>
                </Table.Td>
                <Table.Td ta="right">{formatMoney(item.price, account.currency)}</Table.Td>
                <Table.Td className={classes.wrap}>{item.comment ?? ''}</Table.Td>
                <Table.Td>
                  <CatalogElementsCell
                    links={item._embedded.catalog_elements ?? []}
                    names={elements.names}
                    isPending={elements.isPending}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <Title order={1}>Transactions</Title>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter transactions">
        <CustomerPicker value={search.customer} onChange={(customer) => setFilter({ customer })} />
        <TextInput
          type="date"
          label="Completed from"
          value={search.from ?? ''}
          max={search.to}
          onChange={(event) => setFilter({ from: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label="Completed to"
          value={search.to ?? ''}
          min={search.from}
          onChange={(event) => setFilter({ to: event.currentTarget.value || undefined })}
        />
        {hasTransactionFilters(search) && (
          <Button
            variant="subtle"
            onClick={() => setFilter({ customer: undefined, from: undefined, to: undefined })}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {customers.isError && (
        <Alert color="yellow" role="status" title="Customer names could not be loaded">
          The links still open each customer.
        </Alert>
      )}
      {body}
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs" component="nav" aria-label="Pages">
          <Button
            variant="default"
            size="xs"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            Previous page
          </Button>
          <Text size="sm" aria-live="polite">
            Page {page}
          </Text>
          <Button variant="default" size="xs" disabled={!hasNext} onClick={() => setPage(page + 1)}>
            Next page
          </Button>
        </Group>
        <Select
          label="Rows per page"
          data={TRANSACTION_PAGE_SIZES.map(String)}
          value={String(search.size ?? DEFAULT_TRANSACTION_PAGE_SIZE)}
          onChange={(value) => {
            const size = TRANSACTION_PAGE_SIZES.find((item) => String(item) === value);
            void navigate({
              search: (prev) => ({
                ...prev,
                size: size === DEFAULT_TRANSACTION_PAGE_SIZE ? undefined : size,
                page: undefined,
              }),
            });
          }}
          allowDeselect={false}
          w={140}
        />
      </Group>
    </Stack>
  );
}
