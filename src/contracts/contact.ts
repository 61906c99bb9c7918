import { z } from 'zod';
import { customFieldValuesSchema } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';

/** Contacts and companies share amoCRM's shape. */
const partyShape = {
  id: z.number().int(),
  name: z.string(),
  responsible_user_id: z.number().int(),
  group_id: z.number().int(),
  created_by: z.number().int(),
  updated_by: z.number().int(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  closest_task_at: z.number().int().nullable(),
  is_deleted: z.boolean(),
  custom_fields_values: z.array(customFieldValuesSchema).nullable(),
  account_id: z.number().int(),
  _links: z.object({ self: halLinkSchema }),
};

export const contactSchema = z.object({
  ...partyShape,
  first_name: z.string(),
  last_name: z.string(),
  is_unsorted: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactsPageSchema = halCollectionSchema('contacts', contactSchema);

export const companySchema = z.object(partyShape);
export type Company = z.infer<typeof companySchema>;
export const companiesPageSchema = halCollectionSchema('companies', companySchema);
