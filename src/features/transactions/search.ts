import { z } from '../../contracts/zod';
import type { TransactionsListParams } from '../../api/transactions';
import { dayRange, isCalendarDay } from '../../lib/calendar-day';

/**
 * `/transactions?page=2&size=50&customer=17&from=2025-01-01&to=2025-03-31`: the list's state is in
 * the URL like the grid's. Every key is optional and lenient: a bad value falls back to its default.
 */
export const TRANSACTION_PAGE_SIZES = [25, 50, 100, 250] as const;
export const DEFAULT_TRANSACTION_PAGE_SIZE = 50;

const isoDate = z.string().check(z.refine(isCalendarDay));

/** A value that does not parse is dropped (`undefined`), never an error. */
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

export const transactionsSearchSchema = z.object({
  page: lenient(z.int().check(z.minimum(1), z.maximum(1_000_000))),
  size: lenient(z.literal(TRANSACTION_PAGE_SIZES)),
  customer: lenient(z.int().check(z.positive(), z.maximum(2_147_483_647))),
  from: lenient(isoDate),
  to: lenient(isoDate),
});
export type TransactionsSearch = z.output<typeof transactionsSearchSchema>;

export function hasTransactionFilters(search: TransactionsSearch): boolean {
  return search.customer !== undefined || search.from !== undefined || search.to !== undefined;
}

/** The `GET /api/v4/customers/transactions` parameters (newest first is the API's default order). */
export function toTransactionsListParams(search: TransactionsSearch): TransactionsListParams {
  const params: TransactionsListParams = {
    page: search.page ?? 1,
    limit: search.size ?? DEFAULT_TRANSACTION_PAGE_SIZE,
  };
  const filter: NonNullable<TransactionsListParams['filter']> = {};
  if (search.customer !== undefined) filter.customer_id = [search.customer];
  if (search.from !== undefined || search.to !== undefined) {
    // Whole local days: "to 2025-03-31" includes that evening.
    filter.completed_at = dayRange(search.from, search.to);
  }
  if (Object.keys(filter).length > 0) params.filter = filter;
  return params;
}
