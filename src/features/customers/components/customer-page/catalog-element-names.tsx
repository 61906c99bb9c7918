import { Group, Loader, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { referenceQueries } from '../../../../api/reference';
import type { CatalogElementLink } from '../../../../contracts/catalog';

/** Element names for links that may span several catalogs: one request per catalog. */
export function useCatalogElementNames(links: readonly CatalogElementLink[]) {
  const byCatalog = new Map<number, number[]>();
  for (const link of links) {
    const ids = byCatalog.get(link.metadata.catalog_id) ?? [];
    if (!ids.includes(link.id)) ids.push(link.id);
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

/** "Coffee beans × 2, Mug" — inline, for a table cell or a list item. */
export function CatalogElementsInline({ links }: { links: readonly CatalogElementLink[] }) {
  const { names, isPending } = useCatalogElementNames(links);
  if (links.length === 0)
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  if (isPending) return <Loader size="xs" role="status" aria-label="Loading products" />;
  return (
    <Group gap={4} wrap="wrap">
      {links.map((link, index) => (
        <Text span size="sm" key={`${String(link.metadata.catalog_id)}-${String(link.id)}`}>
          {names.get(link.id) ?? `Element #${String(link.id)}`}
          {link.metadata.quantity !== undefined && link.metadata.quantity !== 1
            ? ` × ${String(link.metadata.quantity)}`
            : ''}
          {index < links.length - 1 ? ',' : ''}
        </Text>
      ))}
    </Group>
  );
}
