import { flexRender, type Cell, type Row, type RowData } from '@tanstack/react-table';
import { memo } from 'react';
import type { DataTableFeatures } from './data-table-features';
import { SizedContent } from './sortable-header';

interface DataRowProps<TData extends RowData> {
  row: Row<DataTableFeatures, TData>;
  /** `row.getAllCells()`: a new array when the columns change, which re-renders the row. */
  cells: Array<Cell<DataTableFeatures, TData>>;
  index: number;
  /** Sets aria-rowindex (virtualized tables, where not every row is in the DOM). */
  ariaRowIndex?: number;
  onRowIntent?: (row: TData) => void;
  /** Widths the user set, by column id (the same object while they do not change). */
  widths?: Readonly<Record<string, number>>;
}

function DataRowImpl<TData extends RowData>({
  row,
  cells,
  index,
  ariaRowIndex,
  onRowIntent,
  widths,
}: DataRowProps<TData>) {
  const intent = onRowIntent ? () => onRowIntent(row.original) : undefined;
  return (
    <tr data-row-index={index} aria-rowindex={ariaRowIndex} onMouseEnter={intent} onFocus={intent}>
      {cells.map((cell) => (
        <td key={cell.id} data-align={cell.column.columnDef.meta?.align}>
          <SizedContent width={widths?.[cell.column.id]}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </SizedContent>
        </td>
      ))}
    </tr>
  );
}

/**
 * One body row. Memoized: TanStack keeps row and cell objects while data and columns stay, so a
 * re-render of the grid for other reasons (URL, progress bar) does not re-render every cell.
 */
export const DataRow = memo(DataRowImpl) as typeof DataRowImpl;
