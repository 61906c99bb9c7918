import { z } from 'zod';
import { halCollectionSchema, halLinkSchema } from './hal';

export const customFieldEnumSchema = z.object({
  id: z.number().int(),
  value: z.string(),
  sort: z.number().int(),
});

export const customFieldSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  code: z.string().nullable(),
  sort: z.number().int(),
  is_api_only: z.boolean(),
  enums: z.array(customFieldEnumSchema).nullable(),
  group_id: z.string().nullable(),
  required_statuses: z.array(z.unknown()),
  is_deletable: z.boolean(),
  is_predefined: z.boolean(),
  entity_type: z.string(),
  account_id: z.number().int(),
  _links: z.object({ self: halLinkSchema }),
});
export type CustomField = z.infer<typeof customFieldSchema>;
export const customFieldsPageSchema = halCollectionSchema('custom_fields', customFieldSchema);

/** The types the console renders inputs for; others are shown read-only. */
export const EDITABLE_FIELD_TYPES = [
  'text', 'textarea', 'numeric', 'checkbox', 'select', 'multiselect', 'date', 'url',
] as const;
