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

// The value rules the API applies per field type that a schema cannot see (it does not know the
// fields' types). The server enforces them; the forms check them first to say so on the field.

/** A `numeric` field's value: up to 15 digits, up to 6 decimals, a point as separator. */
export function isNumericValue(text: string): boolean {
  return /^-?\d{1,15}(\.\d{1,6})?$/.test(text.trim());
}

/** A `url` field's value: an absolute http(s) address. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The types the console renders inputs for; others are shown read-only. */
export const EDITABLE_FIELD_TYPES = [
  'text',
  'textarea',
  'numeric',
  'checkbox',
  'select',
  'multiselect',
  'date',
  'url',
] as const;
