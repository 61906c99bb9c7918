import { z } from './zod';
import { halCollectionSchema, halLinkSchema } from './hal';

/** Periodicity mode's stage types (amoCRM SEG page). */
export const CUSTOMER_STATUS_TYPES = {
  0: 'regular',
  1: 'expected purchase',
  2: 'did not purchase',
  3: 'closed',
  4: 'recently purchased',
} as const;

export const customerStatusSchema = z.object({
  id: z.int(),
  name: z.string(),
  sort: z.int(),
  is_default: z.boolean(),
  color: z.string(),
  type: z.int().check(z.minimum(0), z.maximum(4)),
  conditions: z.array(z.unknown()),
  account_id: z.int(),
  _links: z.object({ self: halLinkSchema }),
});
export type CustomerStatus = z.infer<typeof customerStatusSchema>;
export const customerStatusesPageSchema = halCollectionSchema('statuses', customerStatusSchema);
