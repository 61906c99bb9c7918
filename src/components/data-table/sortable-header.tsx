import { UnstyledButton } from '@mantine/core';
import { flexRender, type Header, type RowData } from '@tanstack/react-table';
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

/** A column header; sortable ones are buttons and the `<th>` carries `aria-sort`. */
export function SortableHeader<TData extends RowData>({
  header,
}: {
  header: Header<DataTableFeatures, TData>;
}) {
  const { column } = header;
  const align = column.columnDef.meta?.align;
  const content = header.isPlaceholder
    ? null
    : flexRender(column.columnDef.header, header.getContext());
  if (!column.getCanSort()) {
    return (
      <th data-align={align} scope="col">
        {content}
      </th>
    );
  }
  const direction = column.getIsSorted();
  return (
    <th
      data-align={align}
      scope="col"
      aria-sort={direction === false ? 'none' : ARIA_SORT[direction]}
    >
      <UnstyledButton
        className={classes.sortButton}
        data-align={align}
        onClick={column.getToggleSortingHandler()}
      >
        {content}
        <SortMark direction={direction} />
      </UnstyledButton>
    </th>
  );
}
