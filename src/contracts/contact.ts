import { z } from './zod';
import { customFieldValuesSchema } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';

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
