import { z } from './zod';
import { requestId } from './common';
import { entityId, idList, queryInt, querySchema, userRef } from './request';
import { halCollectionSchema, halLinkSchema } from './hal';

export const LINK_ENTITY_TYPES = ['contacts', 'companies', 'catalog_elements'] as const;

export const linkMetadataSchema = z.nullable(
  z.object({
    main_contact: z.optional(z.boolean()),
    is_main: z.optional(z.boolean()),
    quantity: z.optional(z.number().check(z.minimum(0), z.maximum(1_000_000))),
    catalog_id: z.optional(entityId),
    updated_by: z.optional(userRef),
  }),
);

/** One item of `POST /customers/{id}/link|unlink`; the bulk forms name `entity_id` too. */
export const linkWriteSchema = z.object({
  entity_id: z.optional(entityId),
  to_entity_id: entityId,
  to_entity_type: z.enum(LINK_ENTITY_TYPES),
  metadata: z.optional(linkMetadataSchema),
  request_id: z.optional(requestId),
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

const linkFilterShape = {
  to_entity_type: z.optional(z.enum(LINK_ENTITY_TYPES)),
  to_entity_id: z.optional(idList),
  to_catalog_id: z.optional(queryInt(entityId)),
};
const toEntityNeedsType = (filter: { to_entity_type?: unknown; to_entity_id?: unknown }) =>
  filter.to_entity_id === undefined || filter.to_entity_type !== undefined;
const TO_ENTITY_NEEDS_TYPE = {
  message: 'filter[to_entity_id] needs filter[to_entity_type]',
  path: ['to_entity_id'],
};

/** `GET /customers/{id}/links`: `filter[to_entity_type]` (+ `to_entity_id`) or `to_catalog_id`. */
export const customerLinksQuerySchema = querySchema({
  filter: z._default(
    z.strictObject(linkFilterShape).check(z.refine(toEntityNeedsType, TO_ENTITY_NEEDS_TYPE)),
    {},
  ),
});

/** `GET /customers/links`: the same, for the customers named in `filter[entity_id]`. */
export const linksListQuerySchema = querySchema({
  filter: z
    .strictObject({
      ...linkFilterShape,
      entity_id: idList.check(z.minLength(1, 'Name the customers whose links you want')),
    })
    .check(z.refine(toEntityNeedsType, TO_ENTITY_NEEDS_TYPE)),
});
export type LinksListQuery = z.input<typeof linksListQuerySchema>;
