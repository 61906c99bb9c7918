import { z } from 'zod';
import { customFieldValuesSchema } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';

/** A catalog (amoCRM "list") element linked to a customer or a transaction, with its quantity. */
export const catalogElementLinkSchema = z.object({
  id: z.number().int().positive(),
  metadata: z.object({
    catalog_id: z.number().int().positive(),
    quantity: z.number().min(0).max(1_000_000).optional(),
  }),
});
export type CatalogElementLink = z.infer<typeof catalogElementLinkSchema>;

export const catalogSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  sort: z.number().int(),
  can_add_elements: z.boolean(),
  can_link_multiple: z.boolean(),
  account_id: z.number().int(),
  _links: z.object({ self: halLinkSchema }),
});
export type Catalog = z.infer<typeof catalogSchema>;
export const catalogsPageSchema = halCollectionSchema('catalogs', catalogSchema);

export const catalogElementSchema = z.object({
  id: z.number().int(),
  catalog_id: z.number().int(),
  name: z.string(),
  created_by: z.number().int(),
  updated_by: z.number().int(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  is_deleted: z.boolean(),
  custom_fields_values: z.array(customFieldValuesSchema).nullable(),
  account_id: z.number().int(),
  _links: z.object({ self: halLinkSchema }),
});
export type CatalogElement = z.infer<typeof catalogElementSchema>;
export const catalogElementsPageSchema = halCollectionSchema('elements', catalogElementSchema);
