import { z } from './zod';
import { halCollectionSchema, halLinkSchema } from './hal';

export const customFieldEnumSchema = z.object({
  id: z.int(),
  value: z.string(),
  sort: z.int(),
});

export const customFieldSchema = z.object({
  id: z.int(),
  name: z.string(),
  type: z.string(),
  code: z.nullable(z.string()),
  sort: z.int(),
  is_api_only: z.boolean(),
  enums: z.nullable(z.array(customFieldEnumSchema)),
  group_id: z.nullable(z.string()),
  required_statuses: z.array(z.unknown()),
  is_deletable: z.boolean(),
  is_predefined: z.boolean(),
  entity_type: z.string(),
  account_id: z.int(),
  _links: z.object({ self: halLinkSchema }),
});
export type CustomField = z.infer<typeof customFieldSchema>;
export const customFieldsPageSchema = halCollectionSchema('custom_fields', customFieldSchema);

/** The types the console renders inputs for; others are shown read-only. */
export const EDITABLE_FIELD_TYPES = [
  'text', 'textarea', 'numeric', 'checkbox', 'select', 'multiselect', 'date', 'url',
] as const;
