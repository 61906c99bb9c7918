import { z } from 'zod';
import { catalogElementLinkSchema } from './catalog';
import { entityId, money, requestId, unixTime } from './common';
import { entityRefSchema, halCollectionSchema, halLinkSchema } from './hal';

export const transactionSchema = z.object({
  id: z.number().int(),
  price: z.number().int(),
  comment: z.string().nullable(),
  completed_at: z.number().int(),
  customer_id: z.number().int(),
  created_by: z.number().int(),
  updated_by: z.number().int(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  is_deleted: z.boolean(),
  account_id: z.number().int(),
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({
    customer: entityRefSchema,
    catalog_elements: z.array(catalogElementLinkSchema).optional(),
  }),
});
export type Transaction = z.infer<typeof transactionSchema>;

export const transactionsPageSchema = halCollectionSchema('transactions', transactionSchema);
export type TransactionsPage = z.infer<typeof transactionsPageSchema>;

/** One item of `POST /api/v4/customers/{customer_id}/transactions`; `price` is mandatory. */
export const transactionCreateSchema = z.object({
  price: money.refine((value) => value > 0, { message: 'Price must be greater than 0' }),
  comment: z.string().max(10_000).nullable().optional(),
  completed_at: unixTime.optional(),
  next_price: money.optional(),
  next_date: unixTime.nullable().optional(),
  created_by: z.number().int().min(0).optional(),
  request_id: requestId.optional(),
  _embedded: z
    .object({ catalog_elements: z.array(catalogElementLinkSchema).max(100).optional() })
    .optional(),
});
export type TransactionCreate = z.input<typeof transactionCreateSchema>;
export type TransactionCreateParsed = z.output<typeof transactionCreateSchema>;

/** The add response: amoCRM answers `_embedded.transactions` (the spec page's `customers` is a slip). */
export const transactionsWriteResponseSchema = z.object({
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({
    transactions: z.array(
      z.object({
        id: z.number().int(),
        request_id: z.string(),
        _links: z.object({ self: halLinkSchema }),
      }),
    ),
  }),
});
export type TransactionsWriteResponse = z.infer<typeof transactionsWriteResponseSchema>;

export const transactionIdParam = entityId;
