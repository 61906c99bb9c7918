import { z } from './zod';
import { customFieldValuesSchema } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';
import {
  idList,
  paginationShape,
  queryOrder,
  querySchema,
  querySearch,
  queryWith,
} from './request';

/** Contacts and companies share amoCRM's shape. */
const partyShape = {
  id: z.int(),
  name: z.string(),
  responsible_user_id: z.int(),
  group_id: z.int(),
  created_by: z.int(),
  updated_by: z.int(),
  created_at: z.int(),
  updated_at: z.int(),
  closest_task_at: z.nullable(z.int()),
  is_deleted: z.boolean(),
  custom_fields_values: z.nullable(z.array(customFieldValuesSchema)),
  account_id: z.int(),
  _links: z.object({ self: halLinkSchema }),
};

export const contactSchema = z.object({
  ...partyShape,
  first_name: z.string(),
  last_name: z.string(),
  is_unsorted: z.boolean(),
  /** With `with=customers`: the customers of this contact that the caller may see. */
  _embedded: z.optional(
    z.object({
      customers: z.array(z.object({ id: z.int(), _links: z.object({ self: halLinkSchema }) })),
    }),
  ),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactsPageSchema = halCollectionSchema('contacts', contactSchema);

export const companySchema = z.object(partyShape);
export type Company = z.infer<typeof companySchema>;
export const companiesPageSchema = halCollectionSchema('companies', companySchema);

/** `GET /contacts` and `/companies`: `filter[id]`, `query`, `order[id|updated_at]`. */
export const partyListQuerySchema = querySchema({
  ...paginationShape,
  filter: z.optional(z.strictObject({ id: z.optional(idList) })),
  order: z._default(queryOrder(['id', 'updated_at'], { field: 'id', direction: 'asc' }), {
    field: 'id',
    direction: 'asc',
  }),
  query: z.optional(querySearch(1000)),
  // amoCRM's `with` on contacts; `customers` is the one this server embeds, others are ignored.
  with: z._default(queryWith(['customers']), []),
});
export type PartyListQuery = z.input<typeof partyListQuerySchema>;
