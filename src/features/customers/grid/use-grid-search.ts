import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { clearFilters as withoutFilters, DEFAULT_PAGE_SIZE, type CustomersSearch } from './search';

const routeApi = getRouteApi('/_app/customers/');

export interface UpdateOptions {
  /** Typing in the search box replaces the entry; every other change is a step back/forward can undo. */
  replace?: boolean;
  /** A new sort, filter or search starts again from page 1. */
  resetPage?: boolean;
  /** Drop every filter and the search text (sort, size and columns stay). */
  clearFilters?: boolean;
}

/** Defaults are left out of the URL so links stay short and read well. */
export function tidy(search: CustomersSearch): CustomersSearch {
  const next = { ...search };
  if (next.page === 1) next.page = undefined;
  if (next.size === DEFAULT_PAGE_SIZE) next.size = undefined;
  if (next.sort === undefined || next.dir === 'asc') next.dir = undefined;
  return next;
}

export function useGridSearch() {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const update = useCallback(
    (
      patch: Partial<CustomersSearch>,
      { replace = false, resetPage = false, clearFilters = false }: UpdateOptions = {},
    ) => {
      void navigate({
        search: (previous) => {
          const base = clearFilters ? withoutFilters(previous) : previous;
          const next: CustomersSearch = { ...base, ...patch };
          if (resetPage) next.page = undefined;
          return tidy(next);
        },
        replace,
      });
    },
    [navigate],
  );
  return { search, update, navigate };
}
