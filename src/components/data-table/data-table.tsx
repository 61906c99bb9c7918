import { useHotkeys } from '@mantine/hooks';
import { type Row, type RowData, type Table as TanstackTable } from '@tanstack/react-table';
import { DataRow } from './data-row';
import { lazy, Suspense, useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react';
import classes from './data-table.module.css';
import type { DataTableFeatures } from './data-table-features';
import { SortableHeader } from './sortable-header';

import type { VirtualRowsProps } from './virtual-rows';

// @tanstack/virtual-core is ~8 KB gzip: loaded only when a page is long enough to need it.
// `lazy` drops the component's type parameter; the cast puts it back.
const VirtualRows = lazy(() => import('./virtual-rows')) as unknown as <TData extends RowData>(
  props: VirtualRowsProps<TData>,
) => ReactNode;

export interface DataTableProps<TData extends RowData> {
  table: TanstackTable<DataTableFeatures, TData>;
  /** Names the table for assistive technology (rendered as a visually hidden caption). */
  caption: string;
  /** First load: skeleton rows instead of data. */
  loading?: boolean;
  skeletonRows?: number;
  /** Shown in the body when there are no rows (and not loading). */
  emptyState?: ReactNode;
  density?: 'comfortable' | 'compact';
  /** Render only the rows in view (long pages). */
  virtualize?: boolean;
  /** J/K anywhere on the page and arrows inside the table move between rows. */
  keyboardNavigation?: boolean;
  /** Hover or focus on a row: a good moment to prefetch what opening it needs. */
  onRowIntent?: (row: TData) => void;
  /** Column widths the user set (px), by column id; other columns fit their content. */
  columnWidths?: Readonly<Record<string, number>>;
  /** Given: every header gets a resize handle. `undefined` puts a column back to fitting. */
  onColumnWidthChange?: (columnId: string, width: number | undefined) => void;
}

/** Each row's element that takes focus when the keyboard moves to it (e.g. its name link). */
export const ROW_FOCUS_ATTRIBUTE = 'data-row-focus';

/**
 * A TanStack Table rendered as a real `<table>` (screen readers keep their table commands): rows
 * are never buttons; keyboard row movement focuses the row's own link (`data-row-focus`).
 *
 * Plain table elements styled with Mantine's variables rather than Mantine's `Table`: `Table`
 * carries `Table.ScrollContainer`, which brings ScrollArea and floating-ui into the initial bundle
 * of every page with a grid (~6 KB gzip, against a 180 KB budget).
 */
export function DataTable<TData extends RowData>({
  table,
  caption,
  loading = false,
  skeletonRows = 10,
  emptyState,
  density = 'comfortable',
  virtualize = false,
  keyboardNavigation = true,
  onRowIntent,
  columnWidths,
  onColumnWidthChange,
}: DataTableProps<TData>) {
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollToIndexRef = useRef<((index: number) => void) | null>(null);
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;

  const focusRow = useCallback((index: number) => {
    const attempt = (tries: number) => {
      const element = tableRef.current?.querySelector<HTMLElement>(
        `tr[data-row-index="${String(index)}"] [${ROW_FOCUS_ATTRIBUTE}]`,
      );
      if (element) {
        element.focus();
        element.scrollIntoView({ block: 'nearest' });
        return;
      }
      // A virtualized row may not be rendered yet: scroll it into view, then focus it.
      if (tries === 0) scrollToIndexRef.current?.(index);
      if (tries < 5) requestAnimationFrame(() => attempt(tries + 1));
    };
    attempt(0);
  }, []);

  const moveFocus = useCallback(
    (delta: number) => {
      const count = table.getRowModel().rows.length;
      if (count === 0) return;
      const active = document.activeElement;
      const current =
        active instanceof HTMLElement ? active.closest<HTMLElement>('tr[data-row-index]') : null;
      const index =
        current && tableRef.current?.contains(current) ? Number(current.dataset.rowIndex) : -1;
      const next = index === -1 ? 0 : Math.min(count - 1, Math.max(0, index + delta));
      focusRow(next);
    },
    [table, focusRow],
  );

  useHotkeys(
    keyboardNavigation
      ? [
          ['j', () => moveFocus(1)],
          ['k', () => moveFocus(-1)],
        ]
      : [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!keyboardNavigation || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveFocus(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const renderRow = (row: Row<DataTableFeatures, TData>, index: number) => (
    <DataRow
      key={row.id}
      row={row}
      cells={row.getAllCells()}
      index={index}
      ariaRowIndex={virtualize ? index + 2 : undefined}
      onRowIntent={onRowIntent}
      widths={columnWidths}
    />
  );

  let body: ReactNode;
  if (loading) {
    body = Array.from({ length: skeletonRows }, (_, rowIndex) => (
      <tr key={`skeleton-${String(rowIndex)}`} data-skeleton>
        {Array.from({ length: columnCount }, (__, cellIndex) => (
          <td key={cellIndex}>
            {/* A CSS placeholder, not Mantine's Skeleton: 60 components on the first paint. */}
            <div className={classes.skeleton} />
          </td>
        ))}
      </tr>
    ));
  } else if (rows.length === 0) {
    body = emptyState ? (
      <tr>
        <td colSpan={columnCount}>{emptyState}</td>
      </tr>
    ) : null;
  } else if (virtualize) {
    body = (
      // Until the virtualizer arrives, every row renders: slower, never blank.
      <Suspense fallback={rows.map(renderRow)}>
        <VirtualRows
          rows={rows}
          columnCount={columnCount}
          renderRow={renderRow}
          scrollToIndexRef={scrollToIndexRef}
        />
      </Suspense>
    );
  } else {
    body = rows.map(renderRow);
  }

  return (
    <div className={classes.scroller}>
      <table
        ref={tableRef}
        data-density={density}
        aria-busy={loading || undefined}
        aria-rowcount={virtualize ? rows.length + 1 : undefined}
        onKeyDown={onKeyDown}
        className={classes.table}
      >
        <caption className={classes.caption}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={virtualize ? 1 : undefined}>
              {group.headers.map((header) => (
                <SortableHeader
                  key={header.id}
                  header={header}
                  width={columnWidths?.[header.column.id]}
                  onWidthChange={
                    onColumnWidthChange && ((width) => onColumnWidthChange(header.column.id, width))
                  }
                />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
