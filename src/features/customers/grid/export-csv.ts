import { listCustomers, type CustomersListParams } from '../../../api/customers';
import type { Customer } from '../../../contracts/customer';

/** The API's largest page: fewest requests for "every page of the current filter". */
const EXPORT_PAGE_SIZE = 250;

export interface ExportColumn {
  header: string;
  value: (customer: Customer) => string | number | null;
}

/**
 * `data`: the id first, then the visible columns under their API names with raw values (numbers
 * as numbers, ISO 8601 times, ids) — what a script or a re-import wants. `shown`: the labels and
 * formatted text of the screen, for people reading the file.
 */
export type ExportFormat = 'data' | 'shown';

/** What `exportColumns` needs of a grid column (see `GridColumn`). */
interface ExportableColumn {
  header: string;
  text: (customer: Customer) => string;
  dataHeader: string;
  data: (customer: Customer) => string | number | null;
}

export function exportColumns(
  columns: readonly ExportableColumn[],
  format: ExportFormat,
): ExportColumn[] {
  if (format === 'shown') {
    return columns.map((column) => ({ header: column.header, value: column.text }));
  }
  return [
    { header: 'id', value: (customer) => customer.id },
    ...columns.map((column) => ({ header: column.dataHeader, value: column.data })),
  ];
}

/**
 * Every customer matching `params` (its page and limit ignored), page by page until the API stops
 * offering `_links.next` (there is no total count). `signal` cancels between and during requests.
 */
export async function fetchAllCustomers(
  params: CustomersListParams,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (fetched: number) => void } = {},
): Promise<Customer[]> {
  const customers: Customer[] = [];
  for (let page = 1; ; page += 1) {
    signal?.throwIfAborted();
    const result = await listCustomers({ ...params, page, limit: EXPORT_PAGE_SIZE }, signal);
    // 204: nothing (more) matches.
    if (result === null) break;
    customers.push(...result._embedded.customers);
    onProgress?.(customers.length);
    if (!result._links.next) break;
  }
  return customers;
}

/**
 * RFC 4180 CSV of the given columns in the given order. papaparse loads only when exporting.
 * Text that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or CR) gets
 * a leading `'` (papaparse's escapeFormulae); numbers stay numbers.
 */
export async function toCsv(columns: readonly ExportColumn[], customers: readonly Customer[]) {
  const { default: Papa } = await import('papaparse');
  return Papa.unparse(
    {
      fields: columns.map((column) => column.header),
      data: customers.map((customer) => columns.map((column) => column.value(customer) ?? '')),
    },
    { escapeFormulae: true },
  );
}

export function downloadCsv(csv: string, fileName: string): void {
  // The BOM makes spreadsheet programs read the file as UTF-8.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download may not start.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportFileName(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return `customers-${stamp}.csv`;
}
