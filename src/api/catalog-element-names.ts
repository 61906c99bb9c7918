import { useQueries } from '@tanstack/react-query';
import type { CatalogElementLink } from '../contracts/catalog';
import { referenceQueries } from './reference';

/**
 * Names of the catalog elements that links point at, which may span several catalogs: one request
 * per catalog for all the links given (a whole table page at once, not one per row).
 */
export function useCatalogElementNames(links: readonly CatalogElementLink[]) {
  const byCatalog = new Map<number, Set<number>>();
  for (const link of links) {
    const ids = byCatalog.get(link.metadata.catalog_id) ?? new Set<number>();
    ids.add(link.id);
    byCatalog.set(link.metadata.catalog_id, ids);
  }
  return useQueries({
    queries: [...byCatalog].map(([catalogId, ids]) =>
      referenceQueries.catalogElementsById(
        catalogId,
        [...ids].sort((a, b) => a - b),
      ),
    ),
    combine: (results) => ({
      isPending: results.some((result) => result.isPending),
      isError: results.some((result) => result.isError),
      names: new Map(results.flatMap((result) => result.data ?? []).map((el) => [el.id, el.name])),
    }),
  });
}
