import { z } from './zod';
import { requestId } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';
import {
  entityId,
  idList,
  paginationShape,
  querySchema,
  querySearch,
  text,
  textList,
} from './request';

export const tagRefSchema = z.object({
  id: z.int(),
  name: z.string(),
  color: z.nullish(z.string()),
});

/** Tags are written by id or by name; a new name creates the tag on the fly. */
export const tagWriteSchema = z.union(
  [
    z.object({ id: entityId }),
    z.object({ name: text(z.trim(), z.minLength(1), z.maxLength(255)) }),
  ],
  { error: 'A tag needs an id (a positive 32-bit integer) or a name (1 to 255 characters)' },
);

export const tagSchema = z.extend(tagRefSchema, {
  _links: z.optional(z.object({ self: halLinkSchema })),
});
export type Tag = z.infer<typeof tagSchema>;

export const tagsPageSchema = halCollectionSchema('tags', tagSchema);

/** `POST /api/v4/customers/tags` item. amoCRM tag colours are 6 hex digits without '#'. */
export const tagCreateSchema = z.object({
  name: text(z.trim(), z.minLength(1, 'Name must not be empty'), z.maxLength(255)),
  color: z.nullish(
    z.string().check(z.regex(/^[0-9a-fA-F]{6}$/, 'Colour is 6 hex digits without #')),
  ),
  request_id: z.optional(requestId),
});
export type TagCreate = z.input<typeof tagCreateSchema>;

/** `GET /api/v4/customers/tags`: `filter[id]`, `filter[name]` and `query`. */
export const tagsListQuerySchema = querySchema({
  ...paginationShape,
  filter: z.optional(z.object({ id: z.optional(idList), name: z.optional(textList) })),
  query: z.optional(querySearch(255)),
});
export type TagsListQuery = z.input<typeof tagsListQuerySchema>;
