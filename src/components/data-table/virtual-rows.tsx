import { Box } from '@mantine/core';
import type { Row, RowData } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { DataTableFeatures } from './data-table-features';

export interface VirtualRowsProps<TData extends RowData> {
  rows: Array<Row<DataTableFeatures, TData>>;
  columnCount: number;
  renderRow: (row: Row<DataTableFeatures, TData>, index: number) => ReactNode;
  scrollToIndexRef: RefObject<((index: number) => void) | null>;
  estimateRowHeight?: number;
}

/**
 * Only the rows in (and near) the viewport, between two spacer rows that keep the scroll height:
 * the table stays a `<table>` and the page keeps its own scrollbar.
 */
export default function VirtualRows<TData extends RowData>({
  rows,
  columnCount,
  renderRow,
  scrollToIndexRef,
  estimateRowHeight = 37,
}: VirtualRowsProps<TData>) {
  const markerRef = useRef<HTMLTableRowElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(() => {
    const marker = markerRef.current;
    if (marker) setScrollMargin(marker.getBoundingClientRect().top + window.scrollY);
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => estimateRowHeight,
    overscan: 10,
    scrollMargin,
  });
  useLayoutEffect(() => {
    scrollToIndexRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });
    return () => {
      scrollToIndexRef.current = null;
    };
  }, [virtualizer, scrollToIndexRef]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? first.start - scrollMargin : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;

  return (
    <>
      <tr ref={markerRef} aria-hidden />
      {paddingTop > 0 && (
        <tr aria-hidden>
          <Box component="td" colSpan={columnCount} h={paddingTop} p={0} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index];
        return row ? renderRow(row, item.index) : null;
      })}
      {paddingBottom > 0 && (
        <tr aria-hidden>
          <Box component="td" colSpan={columnCount} h={paddingBottom} p={0} />
        </tr>
      )}
    </>
  );
}
