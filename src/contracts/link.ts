import { z } from './zod';
import { entityId } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';

export const LINK_ENTITY_TYPES = ['contacts', 'companies', 'catalog_elements'] as const;

export const linkMetadataSchema = z.nullable(
  z.object({
    main_contact: z.optional(z.boolean()),
    is_main: z.optional(z.boolean()),
    quantity: z.optional(z.number().check(z.minimum(0), z.maximum(1_000_000))),
    catalog_id: z.optional(entityId),
    updated_by: z.optional(z.int().check(z.minimum(0))),
  }),
);

/** One item of `POST /customers/{id}/link|unlink`; the bulk forms name `entity_id` too. */
export const linkWriteSchema = z.object({
  entity_id: z.optional(entityId),
  to_entity_id: entityId,
  to_entity_type: z.enum(LINK_ENTITY_TYPES),
  metadata: z.optional(linkMetadataSchema),
});
export type LinkWrite = z.input<typeof linkWriteSchema>;

export const linkSchema = z.object({
  entity_id: z.int(),
  entity_type: z.literal('customers'),
  to_entity_id: z.int(),
  to_entity_type: z.enum(LINK_ENTITY_TYPES),
  metadata: linkMetadataSchema,
});
export type Link = z.infer<typeof linkSchema>;

export const linksPageSchema = halCollectionSchema('links', linkSchema);
export const linksWriteResponseSchema = z.object({
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({ links: z.array(linkSchema) }),
});
