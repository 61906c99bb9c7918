import { z } from './zod';
import { customFieldValuesSchema } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';
import { entityId, idList, paginationShape, querySchema, querySearch } from './request';

/** A catalog (amoCRM "list") element linked to a customer or a transaction, with its quantity. */
export const catalogElementLinkSchema = z.object({
  id: entityId,
  metadata: z.object({
    catalog_id: entityId,
    quantity: z.optional(z.number().check(z.minimum(0), z.maximum(1_000_000))),
  }),
});
export type CatalogElementLink = z.infer<typeof catalogElementLinkSchema>;

export const catalogSchema = z.object({
  id: z.int(),
  name: z.string(),
  type: z.string(),
  sort: z.int(),
  can_add_elements: z.boolean(),
  can_link_multiple: z.boolean(),
  account_id: z.int(),
  _links: z.object({ self: halLinkSchema }),
});
export type Catalog = z.infer<typeof catalogSchema>;
export const catalogsPageSchema = halCollectionSchema('catalogs', catalogSchema);

export const catalogElementSchema = z.object({
  id: z.int(),
  catalog_id: z.int(),
  name: z.string(),
  created_by: z.int(),
  updated_by: z.int(),
  created_at: z.int(),
  updated_at: z.int(),
  is_deleted: z.boolean(),
  custom_fields_values: z.nullable(z.array(customFieldValuesSchema)),
  account_id: z.int(),
  _links: z.object({ self: halLinkSchema }),
});
export type CatalogElement = z.infer<typeof catalogElementSchema>;
export const catalogElementsPageSchema = halCollectionSchema('elements', catalogElementSchema);

/** `GET /catalogs/{catalog_id}/elements`: `filter[id]` and `query` (a substring of the name). */
export const catalogElementsQuerySchema = querySchema({
  ...paginationShape,
  filter: z.optional(z.strictObject({ id: z.optional(idList) })),
  query: z.optional(querySearch(1000)),
});
export type CatalogElementsQuery = z.input<typeof catalogElementsQuerySchema>;
