import { z } from './zod';
import { catalogElementLinkSchema } from './catalog';
import { money, requestId, unixTime } from './common';
import {
  idList,
  paginationShape,
  queryOrder,
  queryRange,
  querySchema,
  text,
  userRef,
} from './request';
import { entityRefSchema, halCollectionSchema, halLinkSchema } from './hal';

export const transactionSchema = z.object({
  id: z.int(),
  price: z.int(),
  comment: z.nullable(z.string()),
  completed_at: z.int(),
  customer_id: z.int(),
  created_by: z.int(),
  updated_by: z.int(),
  created_at: z.int(),
  updated_at: z.int(),
  is_deleted: z.boolean(),
  account_id: z.int(),
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({
    customer: entityRefSchema,
    catalog_elements: z.optional(z.array(catalogElementLinkSchema)),
  }),
});
export type Transaction = z.infer<typeof transactionSchema>;

export const transactionsPageSchema = halCollectionSchema('transactions', transactionSchema);
export type TransactionsPage = z.infer<typeof transactionsPageSchema>;

/** One item of `POST /api/v4/customers/{customer_id}/transactions`; `price` is mandatory. */
export const transactionCreateSchema = z.object({
  price: money.check(z.refine((value) => value > 0, 'Price must be greater than 0')),
  comment: z.nullish(text(z.maxLength(10_000))),
  completed_at: z.optional(unixTime),
  next_price: z.optional(money),
  next_date: z.nullish(unixTime),
  created_by: z.optional(userRef),
  request_id: z.optional(requestId),
  _embedded: z.optional(
    z.object({
      catalog_elements: z.optional(z.array(catalogElementLinkSchema).check(z.maxLength(100))),
    }),
  ),
});
export type TransactionCreate = z.input<typeof transactionCreateSchema>;
export type TransactionCreateParsed = z.output<typeof transactionCreateSchema>;

/** The add response: amoCRM answers `_embedded.transactions` (the spec page's `customers` is a slip). */
export const transactionsWriteResponseSchema = z.object({
  _links: z.object({ self: halLinkSchema }),
  _embedded: z.object({
    transactions: z.array(
      z.object({
        id: z.int(),
        request_id: z.string(),
        _links: z.object({ self: halLinkSchema }),
      }),
    ),
  }),
});
export type TransactionsWriteResponse = z.infer<typeof transactionsWriteResponseSchema>;

export const TRANSACTION_ORDER_FIELDS = ['completed_at', 'id', 'price'] as const;

/**
 * `GET /customers/transactions` and `/customers/{id}/transactions`. Unknown filters are refused:
 * silently ignoring a misspelt one would return every purchase.
 */
export const transactionsListQuerySchema = querySchema({
  ...paginationShape,
  filter: z.optional(
    z.strictObject({
      id: z.optional(idList),
      customer_id: z.optional(idList),
      completed_at: z.optional(queryRange),
    }),
  ),
  order: z._default(
    queryOrder(TRANSACTION_ORDER_FIELDS, { field: 'completed_at', direction: 'desc' }),
    { field: 'completed_at', direction: 'desc' },
  ),
});
export type TransactionsListQuery = z.input<typeof transactionsListQuerySchema>;
export type TransactionsListQueryParsed = z.output<typeof transactionsListQuerySchema>;
