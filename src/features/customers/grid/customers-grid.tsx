import { Box, Group, Progress, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { functionalUpdate, useTable, type SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { customerQueries } from '../../../api/customers';
import { DataTable } from '../../../components/data-table/data-table';
import { dataTableFeatures } from '../../../components/data-table/data-table-features';
import type { Account } from '../../../contracts/account';
import type { Customer, CustomerOrderField } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';
import { ButtonLink } from '../../../components/link';
import { rememberGridSearch } from '../model/grid-return';
import { canAddCustomers, canExport, sortableFields, type GridMode } from './grid-capabilities';
import { DEFAULT_PAGE_SIZE, isColumnId, toListQuery, type ColumnId } from './search';
import { useGridColumns } from './use-grid-columns';
import { useGridPreferences } from './use-grid-preferences';
import { useGridSearch } from './use-grid-search';
import { DEFAULT_COLUMNS, toColumnDefs } from './customers-columns';
import classes from './customers-grid.module.css';
import { CustomersGridStates } from './customers-grid-states';
import { CustomersExport } from './customers-export';
import { CustomersPagination } from './customers-pagination';
import { CustomersShortcuts } from './customers-shortcuts';
import { CustomersToolbar } from './customers-toolbar';
import { SearchNotice, useSearchNotice } from './search-notice';

const NO_CUSTOMERS: Customer[] = [];
/** Longer pages render only the rows in view. */
const VIRTUALIZE_ABOVE = 100;

interface CustomersGridProps {
  account: Account;
  me: User;
  mode: GridMode;
}

export function CustomersGrid({ account, me, mode }: CustomersGridProps) {
  const { search, update } = useGridSearch();
  // Breadcrumbs on the customer page and the forms come back to exactly this view.
  useEffect(() => rememberGridSearch(search), [search]);
  const queryClient = useQueryClient();
  const { preferences, saveColumns, saveDensity, saveWidth, resetWidths } = useGridPreferences(
    me.id,
  );
  const sortable = useMemo(() => sortableFields(account), [account]);
  const grid = useGridColumns(account, me, mode);

  const columnIds = useMemo(() => new Set<string>(grid.columns.map((c) => c.id)), [grid.columns]);
  // The URL decides; the user's saved default fills in when it is silent.
  const requestedColumns = search.cols ?? preferences.columns ?? DEFAULT_COLUMNS;
  const visibleIds = useMemo(() => {
    const shown = requestedColumns.filter((id) => columnIds.has(id));
    // The name is the row's link: it is always there.
    return shown.includes('name') ? shown : (['name', ...shown] as ColumnId[]);
  }, [requestedColumns, columnIds]);
  const visibleColumns = useMemo(() => {
    const byId = new Map(grid.columns.map((column) => [column.id, column]));
    return visibleIds.flatMap((id) => byId.get(id) ?? []);
  }, [grid.columns, visibleIds]);

  const notice = useSearchNotice(search, {
    sortable,
    columnIds,
    customFieldsSettled: grid.customFieldsSettled,
  });

  const listQuery = useMemo(() => toListQuery(search), [search]);
  const list = useQuery(customerQueries.list(listQuery));
  const customers = list.data?._embedded.customers ?? NO_CUSTOMERS;

  const sorting: SortingState = useMemo(
    () => (search.sort ? [{ id: search.sort, desc: search.dir === 'desc' }] : []),
    [search.sort, search.dir],
  );
  const columnDefs = useMemo(
    () => toColumnDefs(visibleColumns, sortable),
    [visibleColumns, sortable],
  );

  const table = useTable({
    features: dataTableFeatures,
    columns: columnDefs,
    data: customers,
    getRowId: (customer) => String(customer.id),
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const [first] = functionalUpdate(updater, sorting);
      update(
        {
          sort: first ? (first.id as CustomerOrderField) : undefined,
          dir: first?.desc ? 'desc' : undefined,
        },
        { resetPage: true },
      );
    },
  });

  const router = useRouter();
  const prefetched = useRef(new Set<number>());
  const prefetchCustomer = useCallback(
    (customer: Customer) => {
      // Once per customer while the grid is open: moving the mouse down a page crosses every row.
      if (prefetched.current.has(customer.id)) return;
      prefetched.current.add(customer.id);
      // Opening the customer then renders from the cache (its route code and its data).
      // Failures surface on its page.
      queryClient.query(customerQueries.detail(customer.id)).catch(() => undefined);
      router
        .preloadRoute({ to: '/customers/$customerId', params: { customerId: String(customer.id) } })
        .catch(() => undefined);
    },
    [queryClient, router],
  );

  const page = search.page ?? 1;
  const pageSize = search.size ?? DEFAULT_PAGE_SIZE;
  const firstLoad = list.isPending;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>Customers</Title>
        <Group gap="xs">
          {canExport(me) && <CustomersExport params={listQuery} columns={visibleColumns} />}
          <CustomersShortcuts />
          {canAddCustomers(me) && (
            <>
              <ButtonLink to="/customers/import" variant="default">
                Import
              </ButtonLink>
              <ButtonLink to="/customers/new">New customer</ButtonLink>
            </>
          )}
        </Group>
      </Group>

      {notice.open && <SearchNotice onClose={notice.dismiss} />}

      <CustomersToolbar
        account={account}
        mode={mode}
        search={search}
        update={update}
        users={grid.users}
        segments={grid.segments}
        columns={grid.columns}
        visibleIds={visibleIds}
        onColumnsChange={(cols) => update({ cols: cols.filter(isColumnId) })}
        onSaveDefaultColumns={() => saveColumns(visibleIds)}
        density={preferences.density ?? 'comfortable'}
        onDensityChange={saveDensity}
        onResetWidths={preferences.widths ? resetWidths : undefined}
      />

      <Box className={classes.progressSlot}>
        {list.isFetching && !firstLoad && (
          <Progress value={100} animated size="xs" aria-label="Loading customers" />
        )}
      </Box>

      {list.isError && !list.data ? (
        <CustomersGridStates.Error error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          table={table}
          caption="Customers"
          loading={firstLoad}
          skeletonRows={Math.min(pageSize, 10)}
          density={preferences.density}
          virtualize={customers.length > VIRTUALIZE_ABOVE}
          onRowIntent={prefetchCustomer}
          // Widths are a person's taste, not part of what a link shows: preferences, not the URL.
          columnWidths={preferences.widths}
          onColumnWidthChange={saveWidth}
          emptyState={
            <CustomersGridStates.Empty
              search={search}
              page={page}
              onClearFilters={() => update({}, { resetPage: true, clearFilters: true })}
              onFirstPage={() => update({ page: undefined })}
            />
          }
        />
      )}

      {!firstLoad && !(list.isError && !list.data) && (
        <CustomersPagination
          page={page}
          pageSize={pageSize}
          hasNext={Boolean(list.data?._links.next)}
          onPage={(next) => update({ page: next })}
          onPageSize={(size) => update({ size }, { resetPage: true })}
        />
      )}
    </Stack>
  );
}
