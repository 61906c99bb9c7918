import { z } from './zod';
import { entityId, text } from './request';

/**
 * Unix timestamp in seconds, as every amoCRM date is. amoCRM's are 32-bit (until 2038), and so
 * are our columns: a later date is a 400 here, never a database error.
 */
export const UNIX_TIME_MAX = 2_147_483_647;
export const unixTime = z.int().check(z.minimum(0), z.maximum(UNIX_TIME_MAX));

/** Money in whole currency units (amoCRM's `int`). Kept inside PostgreSQL's integer range. */
export const money = z.int().check(z.minimum(0), z.maximum(2_000_000_000));

/** `request_id` is echoed back as a string; PHP's client sends strings, others numbers. */
export const requestId = z.pipe(
  z.union([text(z.maxLength(255)), z.int()]),
  z.transform((value) => String(value)),
);

/** Custom field value as amoCRM returns and accepts it. */
export const customFieldValueItemSchema = z.object({
  value: z.nullish(z.union([z.string().check(z.maxLength(65_535)), z.number(), z.boolean()])),
  enum_id: z.nullish(z.int()),
  enum_code: z.nullish(z.string()),
});

export const customFieldValuesSchema = z.object({
  field_id: z.int(),
  field_name: z.optional(z.string()),
  field_code: z.nullish(z.string()),
  field_type: z.optional(z.string()),
  values: z.array(customFieldValueItemSchema).check(z.maxLength(100)),
});

export type CustomFieldValues = z.infer<typeof customFieldValuesSchema>;

/** What a client may write: the read shape, with every id an int4 and all text storable. */
export const customFieldValuesWriteSchema = z.object({
  field_id: entityId,
  field_name: z.optional(text(z.maxLength(255))),
  field_code: z.nullish(text(z.maxLength(255))),
  field_type: z.optional(text(z.maxLength(64))),
  values: z
    .array(
      z.object({
        value: z.nullish(z.union([text(z.maxLength(65_535)), z.number(), z.boolean()])),
        enum_id: z.nullish(entityId),
        enum_code: z.nullish(text(z.maxLength(255))),
      }),
    )
    .check(z.maxLength(100)),
});
