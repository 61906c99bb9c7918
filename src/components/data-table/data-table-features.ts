import { rowSortingFeature, tableFeatures } from '@tanstack/react-table';

/** What a column may tell the table about its rendering. */
export interface DataTableColumnMeta {
  align?: 'left' | 'right';
  /** Plain-text header for labels ("Sort by LTV") when the header is not a string. */
  label?: string;
}

/**
 * The features every data table here uses: sorting state only (the server sorts and pages, so the
 * core row model is all we need). The caller passes the visible columns in screen order, so the
 * visibility/ordering features (and their bytes in the initial bundle) are not needed.
 */
const columnMeta: DataTableColumnMeta = {};

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  // Type-only slot: declares what `columnDef.meta` holds.
  columnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;
