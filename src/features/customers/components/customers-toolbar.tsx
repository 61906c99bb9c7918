import { Button, Group, Loader, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import type { Account } from '../../../contracts/account';
import type { Segment } from '../../../contracts/segment';
import type { User } from '../../../contracts/user';
import type { GridMode } from '../grid-capabilities';
import type { ColumnId, CustomersSearch } from '../search';
import type { Density } from '../use-grid-preferences';
import type { UpdateOptions } from '../use-grid-search';
import type { GridColumn } from './customers-columns';
import { CustomersFilterChips } from './customers-filter-chips';
import { SaveViewButton } from '../../saved-views/save-view-button';
import { CustomersSearchBox } from './customers-search-box';

// Multi-selects and date pickers (with their CSS) load when the panel first opens.
const CustomersFiltersPanel = lazy(() => import('./customers-filters-panel'));
const CustomersColumnMenu = lazy(() => import('./customers-column-menu'));

const FILTERS_PANEL_ID = 'customers-filters';
const COLUMNS_PANEL_ID = 'customers-columns';

export interface CustomersToolbarProps {
  account: Account;
  mode: GridMode;
  search: CustomersSearch;
  update: (patch: Partial<CustomersSearch>, options?: UpdateOptions) => void;
  users: readonly User[];
  segments: readonly Segment[];
  columns: readonly GridColumn[];
  visibleIds: readonly ColumnId[];
  onColumnsChange: (ids: ColumnId[]) => void;
  onSaveDefaultColumns: () => void;
  density: Density;
  onDensityChange: (density: Density) => void;
  /** Given when some column has a width the user set. */
  onResetWidths?: () => void;
}

export function CustomersToolbar(props: CustomersToolbarProps) {
  const { account, mode, search, update, users, segments } = props;
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const [columnsOpen, { toggle: toggleColumns }] = useDisclosure(false);

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <CustomersSearchBox
          value={search.q}
          onSearch={(q) => update({ q }, { replace: true, resetPage: true })}
        />
        <Button
          variant={filtersOpen ? 'light' : 'default'}
          onClick={toggleFilters}
          aria-expanded={filtersOpen}
          aria-controls={filtersOpen ? FILTERS_PANEL_ID : undefined}
        >
          Filters
        </Button>
        <Button
          variant={columnsOpen ? 'light' : 'default'}
          onClick={toggleColumns}
          aria-expanded={columnsOpen}
          aria-controls={columnsOpen ? COLUMNS_PANEL_ID : undefined}
        >
          Columns
        </Button>
        <SaveViewButton />
      </Group>
      {columnsOpen && (
        <Suspense fallback={<Loader size="sm" aria-label="Loading columns" />}>
          <CustomersColumnMenu
            id={COLUMNS_PANEL_ID}
            columns={props.columns}
            visibleIds={props.visibleIds}
            onChange={props.onColumnsChange}
            onSaveDefault={props.onSaveDefaultColumns}
            density={props.density}
            onDensityChange={props.onDensityChange}
            onResetWidths={props.onResetWidths}
          />
        </Suspense>
      )}
      {filtersOpen && (
        <Suspense fallback={<Loader size="sm" aria-label="Loading filters" />}>
          <CustomersFiltersPanel
            id={FILTERS_PANEL_ID}
            account={account}
            mode={mode}
            search={search}
            update={update}
            users={users}
            segments={segments}
          />
        </Suspense>
      )}
      <CustomersFilterChips
        search={search}
        users={users}
        segments={segments}
        onChange={(patch) => update(patch, { resetPage: true })}
        onClear={() => update({}, { resetPage: true, clearFilters: true })}
      />
    </Stack>
  );
}
