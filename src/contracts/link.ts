import { z } from 'zod';
import { entityId } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';

export const LINK_ENTITY_TYPES = ['contacts', 'companies', 'catalog_elements'] as const;

export const linkMetadataSchema = z
  .object({
    main_contact: z.boolean().optional(),
    is_main: z.boolean().optional(),
    quantity: z.number().min(0).max(1_000_000).optional(),
    catalog_id: entityId.optional(),
    updated_by: z.number().int().min(0).optional(),
  })
  .nullable();

/** One item of `POST /customers/{id}/link|unlink`; the bulk forms name `entity_id` too. */
export const linkWriteSchema = z.object({
  entity_id: entityId.optional(),
  to_entity_id: entityId,
  to_entity_type: z.enum(LINK_ENTITY_TYPES),
  metadata: linkMetadataSchema.optional(),
});
export type LinkWrite = z.input<typeof linkWriteSchema>;

export const linkSchema = z.object({
  entity_id: z.number().int(),
  entity_type: z.literal('customers'),
  to_entity_id: z.number().int(),
  to_entity_type: z.enum(LINK_ENTITY_TYPES),
  metadata: linkMetadataSchema,
});
export type Link = z.infer<typeof linkSchema>;

export const linksPageSchema = halCollectionSchema('links', linkSchema);
export const linksWriteResponseSchema = z.object({
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({ links: z.array(linkSchema) }),
});
