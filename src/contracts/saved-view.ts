import { z } from './zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a person typed: no NUL bytes or lone surrogates, which PostgreSQL text cannot hold. */
const cleanText = z.string().check(
  z.refine((value) => !value.includes('\u0000'), 'Must not contain NUL characters'),
  z.refine((value) => !LONE_SURROGATE.test(value), 'Must not contain unpaired surrogates'),
);

/**
 * A saved view is nothing but a grid URL: the path and the search string the grid already
 * validates. Only same-origin grid URLs are accepted, so a shared view cannot point elsewhere.
 */
export const viewUrlSchema = cleanText.check(
  z.maxLength(4000, 'At most 4,000 characters'),
  z.refine(
    (value) => value === '/customers' || value.startsWith('/customers?'),
    'Must be a customers grid address starting with /customers',
  ),
);

export const viewNameSchema = cleanText.check(
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
  ids: z.array(z.int().check(z.positive(), z.lte(2147483647))).check(z.maxLength(500)),
});

export const savedViewDefaultSchema = z.object({
  view_id: z.nullable(z.int().check(z.positive(), z.lte(2147483647))),
});

export const savedViewsListSchema = z.object({
  views: z.array(savedViewSchema),
  /** The view a bare `/customers` opens for this user, if they chose one. */
  default_view_id: z.nullable(z.int()),
});
export type SavedViewsList = z.infer<typeof savedViewsListSchema>;
