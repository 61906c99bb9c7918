import { Loader, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference';
import type { CatalogElementLink } from '../../../contracts/catalog';

/** Element names with quantities, fetched per catalog for the whole page at once. */
export function useElementNames(links: readonly CatalogElementLink[]) {
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
      names: new Map(results.flatMap((result) => result.data ?? []).map((el) => [el.id, el.name])),
    }),
  });
}

export function CatalogElementsCell({
  links,
  names,
  isPending,
}: {
  links: readonly CatalogElementLink[];
  names: ReadonlyMap<number, string>;
  isPending: boolean;
}) {
  if (links.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  if (isPending) return <Loader size="xs" role="status" aria-label="Loading products" />;
  return (
    <Text span size="sm">
      {links
        .map((link) => {
          const name = names.get(link.id) ?? `Element #${String(link.id)}`;
          const quantity = link.metadata.quantity;
          return quantity !== undefined && quantity !== 1 ? `${name} × ${String(quantity)}` : name;
        })
        .join(', ')}
    </Text>
  );
}
