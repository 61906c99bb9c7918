import { z } from './zod';
import { entityId, text } from './request';

/**
 * A saved view is nothing but a grid URL: the path and the search string the grid already
 * validates. Only same-origin grid URLs are accepted, so a shared view cannot point elsewhere.
 */
export const viewUrlSchema = text(
  z.maxLength(4000, 'At most 4,000 characters'),
  z.refine(
    (value) => value === '/customers' || value.startsWith('/customers?'),
    'Must be a customers grid address starting with /customers',
  ),
);

export const viewNameSchema = text(
  z.trim(),
  z.minLength(1, 'Name the view'),
  z.maxLength(100, 'At most 100 characters'),
);

export const savedViewSchema = z.object({
  id: z.int(),
  name: z.string(),
  url: z.string(),
  /** Shared views are listed for everyone; only administrators share or change them. */
  shared: z.boolean(),
  owner_id: z.int(),
  position: z.int(),
  created_at: z.int(),
  updated_at: z.int(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewCreateSchema = z.object({
  name: viewNameSchema,
  url: viewUrlSchema,
  shared: z.optional(z.boolean()),
});
export type SavedViewCreate = z.input<typeof savedViewCreateSchema>;

export const savedViewUpdateSchema = z.object({
  name: z.optional(viewNameSchema),
  url: z.optional(viewUrlSchema),
  shared: z.optional(z.boolean()),
});
export type SavedViewUpdate = z.input<typeof savedViewUpdateSchema>;

/** The new order of the caller's own views (or, for an administrator, of the shared ones). */
export const savedViewOrderSchema = z.object({
  ids: z.array(entityId).check(z.maxLength(500)),
});

export const savedViewDefaultSchema = z.object({
  view_id: z.nullable(entityId),
});

export const savedViewsListSchema = z.object({
  views: z.array(savedViewSchema),
  /** The view a bare `/customers` opens for this user, if they chose one. */
  default_view_id: z.nullable(z.int()),
});
export type SavedViewsList = z.infer<typeof savedViewsListSchema>;
