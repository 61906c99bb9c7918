import { customersSearchSchema, type CustomersSearch } from '../grid/search';

/**
 * The grid's URL state when the user last left it, so "Customers" in a breadcrumb returns to the
 * same page, sort and filters. Kept in sessionStorage: one tab's journey, surviving a reload.
 */
const KEY = 'customers-grid-return';
let last: CustomersSearch = {};

export function rememberGridSearch(search: CustomersSearch): void {
  last = search;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(search));
  } catch {
    // Storage may be full or refused (private mode): the in-memory copy still serves this tab.
  }
}

export function lastGridSearch(): CustomersSearch {
  if (Object.keys(last).length > 0) return last;
  try {
    const stored = sessionStorage.getItem(KEY);
    if (stored) {
      // Lenient like the URL: a stale or edited value falls back to its default.
      const parsed = customersSearchSchema.safeParse(JSON.parse(stored));
      if (parsed.success) return parsed.data;
    }
  } catch {
    // Unreadable storage: the grid opens on its defaults.
  }
  return {};
}
