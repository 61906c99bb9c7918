import { z } from './zod';
import { halCollectionSchema, halLinkSchema } from './hal';

export const tagRefSchema = z.object({
  id: z.int(),
  name: z.string(),
  color: z.nullish(z.string()),
});

/** Tags are written by id or by name; a new name creates the tag on the fly. */
export const tagWriteSchema = z.union(
  [
    z.object({ id: z.int().check(z.positive()) }),
    z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)) }),
  ],
  { error: 'A tag needs an id or a name' },
);

export const tagSchema = z.extend(tagRefSchema, {
  _links: z.optional(z.object({ self: halLinkSchema })),
});
export type Tag = z.infer<typeof tagSchema>;

export const tagsPageSchema = halCollectionSchema('tags', tagSchema);

/** `POST /api/v4/customers/tags` item. amoCRM tag colours are 6 hex digits without '#'. */
export const tagCreateSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Name must not be empty'), z.maxLength(255)),
  color: z.nullish(
    z.string().check(z.regex(/^[0-9a-fA-F]{6}$/, 'Colour is 6 hex digits without #')),
  ),
});
export type TagCreate = z.input<typeof tagCreateSchema>;
