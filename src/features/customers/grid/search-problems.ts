import type { CustomerOrderField } from '../../../contracts/customer';
import type { CustomersSearch, SearchKey } from './search';

export interface SearchContext {
  sortable: readonly CustomerOrderField[];
  /** Columns this account can show (mode and custom fields decide). */
  columnIds: ReadonlySet<string>;
  /** Custom fields have loaded (or failed): only then is a `cf_…` column known to be stale. */
  customFieldsSettled: boolean;
}

/**
 * What in a (valid) URL this account cannot use: a sort field it cannot order by, columns that no
 * longer exist (a deleted custom field, the other mode's columns). Values that do not parse at all
 * are caught by the route's validation (search-notice-store.ts).
 */
export function searchProblems(search: CustomersSearch, context: SearchContext): SearchKey[] {
  const keys = new Set<SearchKey>();
  if (search.sort !== undefined && !context.sortable.includes(search.sort)) keys.add('sort');
  const unknown = unknownColumns(search, context);
  if (unknown.length > 0) keys.add('cols');
  return [...keys].sort();
}

function unknownColumns(search: CustomersSearch, context: SearchContext): string[] {
  return (search.cols ?? []).filter(
    (id) => !context.columnIds.has(id) && (context.customFieldsSettled || !id.startsWith('cf_')),
  );
}

/** The search with what could not be used dropped, so the URL says what the grid shows. */
export function withoutProblems(
  search: CustomersSearch,
  problems: readonly SearchKey[],
  context: SearchContext,
): CustomersSearch {
  const next: CustomersSearch = { ...search };
  for (const key of problems) next[key] = undefined;
  if (problems.includes('sort')) next.dir = undefined;
  if (problems.includes('cols') && search.cols) {
    const unknown = new Set(unknownColumns(search, context));
    const kept = search.cols.filter((id) => !unknown.has(id));
    next.cols = kept.length > 0 ? kept : undefined;
  }
  return next;
}
