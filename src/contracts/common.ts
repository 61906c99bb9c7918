import { z } from 'zod';

/**
 * Unix timestamp in seconds, as every amoCRM date is. amoCRM's are 32-bit (until 2038), and so
 * are our columns: a later date is a 400 here, never a database error.
 */
export const UNIX_TIME_MAX = 2_147_483_647;
export const unixTime = z.number().int().min(0).max(UNIX_TIME_MAX);

/** Money in whole currency units (amoCRM's `int`). Kept inside PostgreSQL's integer range. */
export const money = z.number().int().min(0).max(2_000_000_000);

/** A positive database id. */
export const entityId = z.number().int().positive().max(2_147_483_647);

/** `request_id` is echoed back as a string; PHP's client sends strings, others numbers. */
export const requestId = z
  .union([z.string().max(255), z.number().int()])
  .transform((value) => String(value));

/** Custom field value as amoCRM returns and accepts it. */
export const customFieldValueItemSchema = z.object({
  value: z.union([z.string().max(65_535), z.number(), z.boolean()]).nullable().optional(),
  enum_id: z.number().int().nullable().optional(),
  enum_code: z.string().nullable().optional(),
});

export const customFieldValuesSchema = z.object({
  field_id: z.number().int(),
  field_name: z.string().optional(),
  field_code: z.string().nullable().optional(),
  field_type: z.string().optional(),
  values: z.array(customFieldValueItemSchema).max(100),
});

export type CustomFieldValues = z.infer<typeof customFieldValuesSchema>;
