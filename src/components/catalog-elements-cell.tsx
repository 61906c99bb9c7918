import { Loader, Text } from '@mantine/core';
import type { CatalogElementLink } from '../contracts/catalog';

/** "Coffee beans × 2, Mug": a transaction's products, for a table cell. */
export function CatalogElementsCell({
  links,
  names,
  isPending,
}: {
  links: readonly CatalogElementLink[];
  /** From `useCatalogElementNames`, asked once for the whole table. */
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
