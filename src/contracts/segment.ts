import { z } from './zod';
import { requestId } from './common';
import { halCollectionSchema, halLinkSchema } from './hal';
import { text } from './request';

/** amoCRM's fixed segment palette: hex without '#'. */
export const SEGMENT_COLORS = [
  '10599d',
  '006064',
  '3f51b5',
  '673ab7',
  '9c27b0',
  'c2185b',
  'd32f2f',
  'e64a19',
  'f57c00',
  'ffa000',
  'afb42b',
  '689f38',
  '388e3c',
  '00796b',
  '0097a7',
  '0288d1',
  '5d4037',
  '616161',
  '455a64',
  '8d6e63',
] as const;

export const segmentColorSchema = z.pipe(
  z.string().check(z.regex(/^[0-9a-fA-F]{6}$/, 'Colour is 6 hex digits without #')),
  z.transform((value) => value.toLowerCase()),
);

export const segmentSchema = z.object({
  id: z.int(),
  name: z.string(),
  color: z.string(),
  created_at: z.int(),
  updated_at: z.int(),
  customers_count: z.int(),
  available_products_price_types: z.optional(z.array(z.number())),
  custom_fields_values: z.nullish(z.array(z.unknown())),
  account_id: z.optional(z.int()),
  _links: z.object({ self: halLinkSchema }),
});
export type Segment = z.infer<typeof segmentSchema>;
export const segmentsPageSchema = halCollectionSchema('segments', segmentSchema);

export const segmentWriteSchema = z.object({
  name: text(z.trim(), z.minLength(1, 'Name must not be empty'), z.maxLength(255)),
  color: segmentColorSchema,
  request_id: z.optional(requestId),
});
export const segmentUpdateSchema = z.partial(segmentWriteSchema);
export type SegmentWrite = z.input<typeof segmentWriteSchema>;
