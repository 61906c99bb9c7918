import { z } from '../../../contracts/zod';

export const CUSTOMER_TABS = ['overview', 'transactions', 'fields'] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

/**
 * `/customers/$id?tab=transactions&tpage=2&edit=1`: a pasted link opens the same view. A bad value
 * falls back to its default instead of failing the page.
 */
export const customerPageSearchSchema = z.object({
  tab: z.catch(z._default(z.enum(CUSTOMER_TABS), 'overview'), 'overview'),
  tpage: z.catch(z._default(z.int().check(z.minimum(1), z.maximum(100_000)), 1), 1),
  // `edit=1` or `edit=true`: the router parses both as JSON values.
  edit: z.catch(
    z.optional(
      z.pipe(
        z.union([z.boolean(), z.literal(1), z.literal(0)]),
        z.transform((value) => value === true || value === 1),
      ),
    ),
    undefined,
  ),
});
export type CustomerPageSearch = z.infer<typeof customerPageSearchSchema>;

/** The id param: digits only, a positive int. Anything else is the not-found page. */
export function parseCustomerId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}

/** Transactions per page in the customer's transactions section. */
export const CUSTOMER_TRANSACTIONS_PAGE_SIZE = 25;
/** The LTV chart reads at most this many of the latest transactions (one request). */
export const LTV_CHART_LIMIT = 250;
