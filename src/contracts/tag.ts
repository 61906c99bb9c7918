import { z } from 'zod';
import { halCollectionSchema, halLinkSchema } from './hal';

export const tagRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  color: z.string().nullable().optional(),
});

/** Tags are written by id or by name; a new name creates the tag on the fly. */
export const tagWriteSchema = z.union(
  [
    z.object({ id: z.number().int().positive() }),
    z.object({ name: z.string().trim().min(1).max(255) }),
  ],
  { error: 'A tag needs an id or a name' },
);

export const tagSchema = tagRefSchema.extend({
  _links: z.object({ self: halLinkSchema }).optional(),
});
export type Tag = z.infer<typeof tagSchema>;

export const tagsPageSchema = halCollectionSchema('tags', tagSchema);

/** `POST /api/v4/customers/tags` item. amoCRM tag colours are 6 hex digits without '#'. */
export const tagCreateSchema = z.object({
  name: z.string().trim().min(1, 'Name must not be empty').max(255),
  color: z
    .string()
    .regex(/^[0-9a-fA-F]{6}$/, 'Colour is 6 hex digits without #')
    .nullable()
    .optional(),
});
export type TagCreate = z.input<typeof tagCreateSchema>;
