import { UnstyledButton } from '@mantine/core';
import { flexRender, type Header, type RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { ColumnResizeHandle } from './column-resize-handle';
import classes from './data-table.module.css';
import type { DataTableFeatures } from './data-table-features';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function SortMark({ direction }: { direction: false | 'asc' | 'desc' }) {
  // Decorative: the state is announced through aria-sort on the <th>.
  return (
    <span aria-hidden className={classes.sortMark} data-active={direction !== false || undefined}>
      {direction === 'desc' ? '▼' : direction === 'asc' ? '▲' : '↕'}
    </span>
  );
}

/** A cell's content at the width the user set; untouched while the column fits its content. */
export function SizedContent({
  width,
  children,
}: {
  width: number | undefined;
  children: ReactNode;
}) {
  if (width === undefined) return children;
  return (
    <div className={classes.sized} style={{ width }}>
      {children}
    </div>
  );
}

interface SortableHeaderProps<TData extends RowData> {
  header: Header<DataTableFeatures, TData>;
  width?: number;
  /** Given: the header has a resize handle on its right edge. */
  onWidthChange?: (width: number | undefined) => void;
}

/** A column header; sortable ones are buttons and the `<th>` carries `aria-sort`. */
export function SortableHeader<TData extends RowData>({
  header,
  width,
  onWidthChange,
}: SortableHeaderProps<TData>) {
  const { column } = header;
  const align = column.columnDef.meta?.align;
  const label = column.columnDef.meta?.label ?? column.id;
  const content = header.isPlaceholder
    ? null
    : flexRender(column.columnDef.header, header.getContext());
  const direction = column.getCanSort() ? column.getIsSorted() : null;
  return (
    <th
      data-align={align}
      scope="col"
      aria-sort={
        direction === null ? undefined : direction === false ? 'none' : ARIA_SORT[direction]
      }
      className={classes.headerCell}
    >
      <SizedContent width={width}>
        {direction === null ? (
          content
        ) : (
          <UnstyledButton
            className={classes.sortButton}
            data-align={align}
            onClick={column.getToggleSortingHandler()}
          >
            {content}
            <SortMark direction={direction} />
          </UnstyledButton>
        )}
      </SizedContent>
      {onWidthChange && <ColumnResizeHandle label={label} width={width} onChange={onWidthChange} />}
    </th>
  );
}
