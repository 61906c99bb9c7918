import { z } from './zod';

/** amoCRM's HAL link: `{ href }`. */
export const halLinkSchema = z.object({ href: z.string() });

export const halLinksSchema = z.object({
  self: halLinkSchema,
  next: z.optional(halLinkSchema),
  prev: z.optional(halLinkSchema),
});

/** A reference to another entity as amoCRM embeds it: `{ id, _links.self }`. */
export const entityRefSchema = z.object({
  id: z.int(),
  _links: z.optional(z.object({ self: halLinkSchema })),
});

/**
 * A HAL collection page: `_page`, `_links.self/next` and `_embedded.<key>`.
 * `_links.next` is absent on the last page; an empty page is a 204, never an empty array.
 */
export function halCollectionSchema<K extends string, T extends z.core.SomeType>(key: K, item: T) {
  return z.object({
    _page: z.optional(z.int()),
    _links: halLinksSchema,
    _embedded: z.object({ [key]: z.array(item) } as { [P in K]: z.ZodMiniArray<T> }),
  });
}

export type HalLinks = z.infer<typeof halLinksSchema>;
